import { DEFAULT_RETRY_POLICY, MAX_INTERVAL_MS, RETRY_RANGES } from '../retryPolicy';
import { DEFAULT_TIMEOUT_MS } from './definition';
import { EVENT_KEYS, ID, KINDS, MAX_LENGTH, MAX_STEPS, MAX_TIMEOUT_MS } from './validate';

/**
 * The JSON Schema (draft 2020-12) of a saga definition file, built from the same constants as
 * `definitionProblems`, so editors can complete and check a file with the validator's ranges.
 * `public/saga-definition.schema.json` is this object, written by `npm run schema` (a test fails
 * when the two differ).
 *
 * What a JSON Schema cannot say, and only `definitionProblems` checks: step ids (and tables) are
 * unique; compensatable steps come before the pivot and retriable ones after it.
 */

/** A non-blank text of at most `max` characters (the validator trims before checking it is not blank). */
const text = (max: number, description: string) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S', description });
const id = (max: number | undefined, description: string) => ({ type: 'string', minLength: 1, ...(max === undefined ? {} : { maxLength: max }), pattern: ID.source, description });

function retryPolicy(description: string) {
  const [ii, mi, bc] = [RETRY_RANGES.initialIntervalMs, RETRY_RANGES.maxIntervalMs, RETRY_RANGES.backoffCoefficient];
  return {
    type: 'object',
    description,
    additionalProperties: false,
    properties: {
      maxAttempts: {
        description: `Attempts in total, the first included (default ${DEFAULT_RETRY_POLICY.maxAttempts}); "Infinity" retries until it succeeds.`,
        oneOf: [{ type: 'integer', minimum: 1 }, { const: 'Infinity' }],
      },
      initialIntervalMs: { type: 'number', minimum: ii[0], maximum: ii[1], description: `Wait before the first retry, in ms (default ${DEFAULT_RETRY_POLICY.initialIntervalMs}).` },
      backoffCoefficient: { type: 'number', minimum: bc[0], maximum: bc[1], description: `Each wait is this many times the one before (default ${DEFAULT_RETRY_POLICY.backoffCoefficient}).` },
      maxIntervalMs: { type: 'number', minimum: mi[0], maximum: mi[1], description: `Longest wait, in ms (default 100× the first, at most ${MAX_INTERVAL_MS}).` },
      jitter: { enum: ['none', 'full'], description: "'full' draws each wait from [0, wait] with the seeded generator (default 'none')." },
    },
  };
}

const step = {
  type: 'object',
  required: ['id', 'service', 'action', 'kind'],
  additionalProperties: false,
  properties: {
    id: id(MAX_LENGTH.stepId, 'The step id: a-z, 0-9 and -, unique within the saga. Scenario knobs (failAt, lost replies…) name it.'),
    service: text(MAX_LENGTH.name, 'The service, as shown in the views ("Flights").'),
    action: text(MAX_LENGTH.sentence, 'The local transaction, in words ("book the flight").'),
    compensation: text(MAX_LENGTH.sentence, 'What undoes it, in words ("cancel the flight"); required for a compensatable step.'),
    kind: { enum: [...KINDS], description: 'compensatable: has an undo; pivot: the go/no-go step (at most one); retriable: after the pivot, retried until it succeeds.' },
    table: id(undefined, "The service's table (default: the step id); unique within the saga."),
    retry: retryPolicy('Retry policy of the forward action.'),
    compensationRetry: retryPolicy('Retry policy of the compensation.'),
    timeoutMs: { type: 'integer', minimum: 1, maximum: MAX_TIMEOUT_MS, description: `How long the caller waits for a reply, in virtual ms (default ${DEFAULT_TIMEOUT_MS}).` },
    confirm: { type: 'boolean', description: 'The service is told when the whole saga completed (order → CONFIRMED).' },
    events: {
      type: 'object',
      description: 'Choreography topics (default <Id>Succeeded, <Id>Failed, <Id>Compensated).',
      required: [...EVENT_KEYS],
      properties: Object.fromEntries(EVENT_KEYS.map((k) => [k, text(MAX_LENGTH.name, `The topic published when the step ${k}.`)])),
    },
  },
  // A compensatable step needs a compensation: "not compensatable, or has one" (if/then, without a `then` key).
  anyOf: [{ not: { properties: { kind: { const: 'compensatable' } }, required: ['kind'] } }, { required: ['compensation'] }],
} as const;

/** The saga definition JSON Schema. */
export function definitionJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'saga-definition.schema.json',
    title: 'Saga Simulator: saga definition',
    description:
      'A saga as plain JSON data. Also checked by the simulator, which adds what a schema cannot say: step ids and tables are unique, compensatable steps come before the pivot and retriable steps after it.',
    type: 'object',
    required: ['id', 'title', 'steps'],
    properties: {
      id: id(MAX_LENGTH.sagaId, 'The saga id: a-z, 0-9 and -.'),
      title: text(MAX_LENGTH.sentence, 'The title shown above the run.'),
      steps: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_STEPS,
        items: step,
        contains: { properties: { kind: { const: 'pivot' } }, required: ['kind'] },
        minContains: 0,
        maxContains: 1,
        description: `1 to ${MAX_STEPS} steps, in forward order; at most one pivot.`,
      },
    },
  };
}

/** The step fields the schema describes; a test checks they are the validator's `STEP_FIELDS`. */
export const SCHEMA_STEP_FIELDS: readonly string[] = Object.keys(step.properties);
