/**
 * The two parameters of a trace-view link: which view opens (`view`), and the baseline run the
 * waterfall is compared with (`baseline`), so both runs of a diff travel in one URL.
 */

import { type Baseline, type BaselineSchema, baselineCodec } from './baselineCodec';
import { enumCodec } from './codecs';
import { defineParam, type QueryParam } from './queryParam';
import { PAGE_VIEWS, type PageView } from './viewOptions';

/** `view` and `baseline`, for the schema's list; `schema` lets the baseline be read with the same schema. */
export function traceViewParams(schema: BaselineSchema): QueryParam[] {
  return [
    defineParam<PageView>({
      name: 'view',
      target: 'view',
      description: 'Which view opens: one run, choreography and orchestration side by side, or the trace waterfall.',
      codec: enumCodec(PAGE_VIEWS),
      defaultValue: 'single',
      defaultText: 'single (one run)',
      read: (s) => s.view.view,
      write: (st, v) => {
        st.view.view = v;
      },
    }),
    defineParam<Baseline>({
      name: 'baseline',
      target: 'view',
      description: 'Trace view: the run the waterfall is compared with — none, defaults, or a scenario as its own URL-encoded query.',
      codec: baselineCodec(schema),
      defaultText: 'the same scenario without faults',
      read: (s) => s.view.baseline,
      write: (st, v) => {
        st.view.baseline = v;
      },
    }),
  ];
}
