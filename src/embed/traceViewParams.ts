/**
 * The trace view's own parameter: the baseline run the waterfall is compared with (`baseline`),
 * so both runs of a diff travel in one URL (`view=trace` opens the view itself).
 */

import { type Baseline, type BaselineSchema, baselineCodec } from './baselineCodec';
import { defineParam, type QueryParam } from './queryParam';

/** `baseline`, for the schema's list; `schema` lets the baseline be read with the same schema. */
export function traceViewParams(schema: BaselineSchema): QueryParam[] {
  return [
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
