import type { SagaDefinition } from '../definitions/definition';
import type { ServiceAction } from '../services/service';

/** What a participant does when a topic reaches it. */
export type Reaction = { subscriber: string; action: ServiceAction };

/**
 * The subscriptions implied by a definition's step order: each step reacts to the success
 * of the one before; the last success confirms the steps that want confirming; a failure or
 * a compensation makes the step before compensate — only if that step is compensatable, so
 * nothing travels back past the pivot. With `compensate` off, failures reach nobody.
 */
export function subscriptions(def: SagaDefinition, topic: string, compensate = true): Reaction[] {
  const steps = def.steps;
  if (topic === 'OrderPlaced') return [{ subscriber: steps[0].id, action: 'forward' }];
  const i = steps.findIndex((s) => s.events.succeeded === topic || s.events.failed === topic || s.events.compensated === topic);
  if (i < 0) return [];
  const s = steps[i];
  if (topic === s.events.succeeded) {
    if (i + 1 < steps.length) return [{ subscriber: steps[i + 1].id, action: 'forward' }];
    return steps.filter((d) => d.confirm).map((d) => ({ subscriber: d.id, action: 'confirm' }));
  }
  const before = steps[i - 1];
  return compensate && before?.kind === 'compensatable' ? [{ subscriber: before.id, action: 'compensate' }] : [];
}
