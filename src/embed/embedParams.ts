/**
 * Link parameters for course pages: a moment of the run (`step`) and xAPI statements (`xapi`).
 * Declared here and spread into the URL schema's list, so they read and write like every other.
 */

import { flagCodec, intCodec } from './codecs';
import { defineParam, type QueryParam } from './queryParam';

/** Highest stop a link may name; runs have a few dozen. */
export const MAX_STEP = 9999;

export const EMBED_PARAMS: readonly QueryParam[] = [
  defineParam<number>({
    name: 'step',
    target: 'view',
    description: 'Open the run paused at this stop ("event N of M" on the scrubber; 0 is the start). A stop past the end opens the end.',
    codec: intCodec(0, MAX_STEP),
    defaultText: 'none (the run starts at its beginning)',
    read: (s) => s.view.step,
    write: (st, v) => {
      st.view.step = v;
    },
  }),
  defineParam<boolean>({
    name: 'xapi',
    target: 'view',
    description: 'Embedded: also post each checked answer as xAPI statements (answered, completed) for a learning record store.',
    codec: flagCodec,
    defaultValue: false,
    defaultText: '0 (off)',
    read: (s) => s.view.xapi,
    // Off is the absent key, so `xapi=0` reads exactly like a link without it.
    write: (st, v) => {
      if (v) st.view.xapi = true;
      else delete st.view.xapi;
    },
  }),
];
