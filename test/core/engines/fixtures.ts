import fc from 'fast-check';
import { BUILT_IN_DEFINITIONS, resolveDefinition, runScenario, type Scenario, type TraceEvent } from '../../../src/core';
import type { ExportDefinition, ExportStep } from '../../../src/core/engines';

/** The trip saga of "saga as data", exactly as its JSON (no defaults filled in). */
export const trip: ExportDefinition = BUILT_IN_DEFINITIONS.trip;

/** The built-in definitions (order, order-with-pivot, trip), defaults filled in as the simulator runs them. */
export const builtIns: ExportDefinition[] = Object.keys(BUILT_IN_DEFINITIONS).map((name) => resolveDefinition(name as Scenario['definition'] & string));

/** Every definition the exporters are checked on by name: the built-ins (with defaults) and the trip's bare JSON. */
export const named: ExportDefinition[] = [...builtIns, { ...trip, id: 'trip-json' }];

const policy = fc.record(
  {
    maxAttempts: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(Number.POSITIVE_INFINITY)),
    initialIntervalMs: fc.integer({ min: 1, max: 90_000 }),
    backoffCoefficient: fc.double({ min: 0.5, max: 4, noNaN: true }),
    maxIntervalMs: fc.integer({ min: 1, max: 900_000 }),
    jitter: fc.constantFrom('none' as const, 'full' as const),
  },
  { requiredKeys: [] },
);
const words = fc.stringMatching(/^[a-z][a-z ]{0,30}[a-z]$/);

/** Valid definitions by the rules of "saga as data": compensatable steps, at most one pivot, retriable after it; 1–8 steps. */
export const arbitraryDefinition: fc.Arbitrary<ExportDefinition> = fc
  .record({
    compensatable: fc.integer({ min: 0, max: 5 }),
    pivot: fc.boolean(),
    retriable: fc.integer({ min: 0, max: 2 }),
    seed: fc.array(fc.record({ service: words, action: words, compensation: words, retry: fc.option(policy, { nil: undefined }), compensationRetry: fc.option(policy, { nil: undefined }), timeoutMs: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: undefined }), confirm: fc.boolean() }), { minLength: 8, maxLength: 8 }),
  })
  .filter((r) => r.compensatable + (r.pivot ? 1 + r.retriable : 0) >= 1)
  .map((r) => {
    const kinds: ExportStep['kind'][] = [...Array(r.compensatable).fill('compensatable'), ...(r.pivot ? ['pivot', ...Array(r.retriable).fill('retriable')] : [])];
    const steps = kinds.map((kind, i): ExportStep => {
      const s = r.seed[i];
      return { id: `s${i}-x`, service: s.service, action: s.action, kind, compensation: kind === 'compensatable' ? s.compensation : undefined, retry: s.retry, compensationRetry: kind === 'compensatable' ? s.compensationRetry : undefined, timeoutMs: s.timeoutMs, confirm: s.confirm };
    });
    return { id: 'random-saga', title: 'A random saga', steps };
  });

/** A call as the simulator and the engines make it: `step:action` (action forward | compensate | confirm). */
export type CallName = string;

/** The reply a stand-in service gives: success, a business refusal, or a transient failure. */
export type Reply = 'ok' | 'business' | 'transient';

/** The simulator's calls for the first saga, in order, and the reply the orchestrator saw for each. */
export function simulatorCalls(trace: readonly TraceEvent[]): { calls: CallName[]; replies: Map<CallName, Reply[]> } {
  const calls: CallName[] = [];
  const replies = new Map<CallName, Reply[]>();
  const prefix: Record<string, string> = { forward: 'step', compensate: 'compensation', confirm: 'confirmation' };
  trace.forEach((e, i) => {
    if (e.type !== 'request.handled' || e.saga !== 's-1') return;
    const call = `${e.step}:${e.action}`;
    calls.push(call);
    const p = prefix[e.action as string];
    const outcome = trace.slice(i + 1).find((o) => o.saga === 's-1' && o.step === e.step && (o.type === `${p}.succeeded` || o.type === `${p}.failed`));
    const reply: Reply = outcome?.type === `${p}.succeeded` ? 'ok' : outcome?.business ? 'business' : 'transient';
    replies.set(call, [...(replies.get(call) ?? []), reply]);
  });
  return { calls, replies };
}

/** A stand-in service: answers each call as the simulator's service answered the same call; `ok` past the end. */
export function replayer(replies: Map<CallName, Reply[]>): (call: CallName) => Reply {
  const used = new Map<CallName, number>();
  return (call) => {
    const n = used.get(call) ?? 0;
    used.set(call, n + 1);
    return replies.get(call)?.[n] ?? 'ok';
  };
}

/** The scenarios each engine is compared on, per built-in definition: fail at each step, a failing compensation, lost replies. */
export function comparisonScenarios(def: ExportDefinition): Partial<Scenario>[] {
  const ids = def.steps.map((s) => s.id) as Scenario['failAt'][];
  const compensatable = def.steps.filter((s) => s.kind === 'compensatable').map((s) => s.id) as NonNullable<Scenario['failAt']>[];
  const last = def.steps[def.steps.length - 1].id as NonNullable<Scenario['failAt']>;
  const out: Partial<Scenario>[] = [{}, ...ids.map((failAt) => ({ failAt }))];
  if (compensatable.length >= 2) {
    const victim = compensatable[compensatable.length - 1];
    out.push({ failAt: last, compensationFailures: { [victim]: 'always' } }, { failAt: last, compensationFailures: { [victim]: 1 } });
  }
  out.push({ lostResponses: { [ids[1] as string]: 1 } }, { lostResponses: { [ids[2] as string]: 3 } });
  return out.map((s) => ({ ...s, definition: def.id as Scenario['definition'] }));
}

/** Runs the simulator on a scenario and returns its calls and replies. */
export const simulate = (scenario: Partial<Scenario>) => simulatorCalls(runScenario(scenario).trace);
