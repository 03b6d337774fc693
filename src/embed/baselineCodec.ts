/**
 * The `baseline` parameter: the second run of a trace-view link, so both runs of a diff travel in
 * one URL. Its value is `none`, `defaults`, or the baseline's own scenario written as a query
 * string (`failAt=payment&seed=2`, URL-encoded once more), read against the same schema.
 */

import type { Scenario } from '../core/types';
import type { Codec } from './codecs';

/** What the codec needs from the schema, passed in so this file does not import it back. */
export interface BaselineSchema {
  /** The names of the parameters that set the scenario. */
  scenarioParams(): readonly string[];
  /** Reads name/value pairs; any warning makes the baseline invalid. */
  read(entries: [string, string][]): { scenario: Scenario; warnings: readonly unknown[] };
  /** Writes a scenario as a query string without defaults. */
  write(scenario: Partial<Scenario>): string;
}

/** The value of `baseline`: no comparison, or the baseline run's scenario. */
export type Baseline = 'none' | Scenario;

/** The `baseline` codec: strict, like every other; a baseline may not carry view settings or another baseline. */
export function baselineCodec(schema: BaselineSchema): Codec<Baseline> {
  return {
    type: 'baseline',
    expected: 'none, defaults, or a URL-encoded scenario query such as failAt%3Dpayment%26seed%3D2',
    parse(raw) {
      if (raw === 'none') return 'none';
      if (raw === 'defaults') return schema.read([]).scenario;
      const entries = [...new URLSearchParams(raw)];
      const allowed = schema.scenarioParams();
      if (entries.length === 0 || entries.some(([name]) => !allowed.includes(name))) return undefined;
      const parsed = schema.read(entries);
      return parsed.warnings.length === 0 ? parsed.scenario : undefined;
    },
    format: (value) => (value === 'none' ? 'none' : schema.write(value) || 'defaults'),
  };
}
