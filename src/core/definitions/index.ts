import { ScenarioError } from '../scenarioError';
import type { DefinitionName } from '../types';
import { BUILT_IN_DEFINITIONS } from './builtins';
import { type SagaDefinition, type SagaDefinitionJson, withDefaults } from './definition';
import { definitionProblems } from './validate';

const BUILT: Partial<Record<string, SagaDefinition>> = {};
const BY_OBJECT = new WeakMap<object, SagaDefinition>();

/**
 * The definition a scenario names: a built-in name (`'order'`, `'order-with-pivot'`,
 * `'trip'`) or a definition object, validated, with defaults filled in. Throws a
 * {@link ScenarioError} whose field is the JSON path of the first problem.
 */
export function resolveDefinition(definition: DefinitionName | SagaDefinitionJson | undefined = 'order'): SagaDefinition {
  if (typeof definition === 'string') {
    const json = Object.hasOwn(BUILT_IN_DEFINITIONS, definition) ? BUILT_IN_DEFINITIONS[definition] : undefined;
    if (!json) throw new ScenarioError('definition', `must be one of ${Object.keys(BUILT_IN_DEFINITIONS).join(', ')} or a definition object; got ${JSON.stringify(definition)}`);
    BUILT[definition] ??= withDefaults(json);
    return BUILT[definition] as SagaDefinition;
  }
  const cached = typeof definition === 'object' && definition !== null ? BY_OBJECT.get(definition) : undefined;
  if (cached) return cached;
  const problems = definitionProblems(definition);
  if (problems.length > 0) {
    const p = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new ScenarioError(p.path ? `definition.${p.path}` : 'definition', `${p.message}${more}`);
  }
  const resolved = withDefaults(definition);
  BY_OBJECT.set(definition, resolved);
  return resolved;
}

/** The definition's step ids, in forward order. */
export const stepIds = (def: SagaDefinition): string[] => def.steps.map((s) => s.id);
