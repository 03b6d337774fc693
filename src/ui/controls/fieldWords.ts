import type { Scenario } from '../../core';

/**
 * The words the UI puts on each scenario field: one label per field, the same in every view
 * (sandbox, side by side, lessons, race). Types, ranges, defaults and descriptions come from
 * the core's `SCENARIO_FIELDS`; only what a learner reads is written here.
 */
export interface FieldWords {
  /** The control's accessible name (a step map's step picker; a group's legend). */
  label: string;
  /** The "nothing chosen" option of a step picker. */
  none?: string;
  /** A step map's second control: how many, or how long. */
  amount?: string;
  /** Plain words for enum values and small numbers. */
  values?: Record<string, string>;
}

/** Replies, not "responses": one word for what a service sends back, everywhere. */
export const FIELD_WORDS: Partial<Record<keyof Scenario, FieldWords>> = {
  definition: { label: 'Saga' },
  mode: { label: 'Who drives', values: { orchestration: 'an orchestrator', choreography: 'choreography (events)' } },
  seed: { label: 'Seed' },
  failAt: { label: 'Which step fails?', none: 'No failure' },
  compensate: { label: 'Compensate a failure' },
  idempotencyKeys: { label: 'Idempotency keys' },
  lostResponses: { label: 'Lose the reply of', none: 'no step', amount: 'Replies lost' },
  compensationFailures: { label: 'Make compensation fail', none: 'no step', amount: 'Compensation failures', values: { 1: 'once', always: 'always' } },
  serviceDelays: { label: 'Slow down the service of', none: 'no step', amount: 'Extra time (ms)' },
  dropEvent: { label: 'Drop the message sent by', none: 'no step (drop nothing)' },
  crash: { label: 'Crash the orchestrator at', none: 'no crash', amount: 'Crash moment', values: { 'before-call': 'before the call', 'after-commit': 'after the service commits' } },
  buyers: { label: 'Buyers', values: { 1: '1 (no race)' } },
  stock: { label: 'Stock' },
  semanticLock: { label: 'Semantic lock (PENDING)' },
  lockPolicy: { label: 'On PENDING', values: { fail: 'fail: back off at once', wait: 'wait: retry later' } },
};

/** Most failures a picker offers per step (the core accepts more; links and lessons never need them). */
export const MAX_PICKED_COUNT = 5;
