import { resolveDefinition } from './definitions';
import { checkField, DEFAULT_SCENARIO, SCENARIO_FIELDS } from './scenarioFields';
import { ScenarioError } from './scenarioError';
import type { Scenario } from './types';

export { DEFAULT_SCENARIO } from './scenarioFields';
export { ScenarioError } from './scenarioError';

export { ITEM, PRICE } from './catalog';

const KNOWN = new Set<string>(SCENARIO_FIELDS.map((f) => f.name));

/**
 * Applies defaults and rejects impossible values with a {@link ScenarioError} naming the
 * field's full path. A field whose value is `undefined` is absent; inherited keys never
 * count; step ids are checked against the chosen definition.
 */
export function resolveScenario(partial: Partial<Scenario> = {}): Scenario {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) throw new ScenarioError('scenario', 'must be an object of scenario fields');
  const given = partial as Record<string, unknown>;
  for (const k of Object.keys(given)) {
    if (given[k] !== undefined && !KNOWN.has(k)) throw new ScenarioError(k, `is not a scenario field; fields: ${[...KNOWN].join(', ')}`);
  }
  const definitionValue = Object.hasOwn(given, 'definition') && given.definition !== undefined ? given.definition : DEFAULT_SCENARIO.definition;
  const definition = resolveDefinition(definitionValue as Scenario['definition']);
  const out: Record<string, unknown> = {};
  for (const f of SCENARIO_FIELDS) {
    const v = Object.hasOwn(given, f.name) ? given[f.name] : undefined;
    if (v === undefined) {
      if (f.default !== undefined) out[f.name] = f.default;
      continue;
    }
    out[f.name] = checkField(f, v, definition);
  }
  // Key order as in the table, so a resolved scenario serialises the same way every time.
  return out as unknown as Scenario;
}
