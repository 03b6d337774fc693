import type { RetryPolicy, StepId } from '../basics';

/**
 * Richardson's step kinds: `compensatable` steps have an undo; the `pivot` is the go/no-go
 * step after which the saga only goes forward; `retriable` steps follow the pivot and are
 * retried until they succeed instead of being compensated.
 */
export type StepKind = 'compensatable' | 'pivot' | 'retriable';

/** One step as written in a definition file (plain JSON). */
export interface SagaStepJson {
  /** a-z, 0-9 and `-`; unique within the definition. */
  id: string;
  /** Service name, shown in the UI and narration ("Flights"). */
  service: string;
  /** The local transaction, in words ("book the flight"). */
  action: string;
  /** What undoes it, in words ("cancel the flight"); required for compensatable steps. */
  compensation?: string;
  kind: StepKind;
  /** The service's table (default: the step id). */
  table?: string;
  retry?: Partial<RetryPolicy>;
  compensationRetry?: Partial<RetryPolicy>;
  /** How long a caller waits for a reply, in virtual ms (default 2000). */
  timeoutMs?: number;
  /** The service must be told when the whole saga completed (order → CONFIRMED, hold → SOLD). */
  confirm?: boolean;
  /** Choreography topics (default `<Id>Succeeded`, `<Id>Failed`, `<Id>Compensated`). */
  events?: { succeeded: string; failed: string; compensated: string };
}

/** A saga as plain JSON data: the orchestrator machine and the choreography are both built from it. */
export interface SagaDefinitionJson {
  /** a-z, 0-9 and `-`. */
  id: string;
  title: string;
  steps: SagaStepJson[];
}

/** A step with every default filled in. */
export interface SagaStep extends SagaStepJson {
  id: StepId;
  table: string;
  timeoutMs: number;
  confirm: boolean;
  events: { succeeded: string; failed: string; compensated: string };
}

/** A validated definition with every default filled in. */
export interface SagaDefinition {
  id: string;
  title: string;
  steps: SagaStep[];
}

/** Default reply timeout, in virtual ms. */
export const DEFAULT_TIMEOUT_MS = 2000;

const topicBase = (id: string) =>
  id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** Fills a (valid) definition's defaults. */
export function withDefaults(json: SagaDefinitionJson): SagaDefinition {
  return {
    id: json.id,
    title: json.title,
    steps: json.steps.map((s) => ({
      ...s,
      table: s.table ?? s.id,
      timeoutMs: s.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      confirm: s.confirm ?? false,
      events: s.events ?? { succeeded: `${topicBase(s.id)}Succeeded`, failed: `${topicBase(s.id)}Failed`, compensated: `${topicBase(s.id)}Compensated` },
    })),
  };
}
