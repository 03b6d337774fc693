import { createActor } from 'xstate';
import type { SagaDefinition } from '../definitions/definition';
import type { RetryPolicy } from '../types';
import type { OperatorEvent, OrchestratorInput, ResponseEvent } from './machineFacts';
import { createOrchestratorMachine, type OrchestratorMachine } from './orchestratorMachine';

/** The orchestrator's snapshot (the one piece of per-saga state the kernel holds for it). */
export type OrchestratorSnapshot = ReturnType<OrchestratorMachine['getInitialSnapshot']>;

/** An action the machine asks for, as XState hands it to an executor. */
export type MachineAction = { type: string; params?: unknown };

type Scope = Parameters<OrchestratorMachine['transition']>[2];

/**
 * Drives one machine with pure transitions. XState's top-level `transition()` builds a
 * throwaway actor for every call (and probes the context factory with no input); a machine's
 * own `transition(snapshot, event, scope)` with one cached scope does the same work at about
 * half the cost. The scope only collects the actions of the call in progress.
 */
export class MachineDriver {
  readonly machine: OrchestratorMachine;
  private readonly scope: Scope;
  private sink: MachineAction[] = [];

  constructor(definition: SagaDefinition, retry: Partial<RetryPolicy> | undefined) {
    this.machine = createOrchestratorMachine(definition, retry);
    const self = createActor(this.machine, { input: { sagaId: '', orderId: '', idempotencyKeys: true, lockPolicy: 'fail', compensate: true } });
    this.scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action: MachineAction) => {
        this.sink.push(action);
      },
    } as unknown as Scope;
  }

  /** The snapshot a saga starts (or recovers) with, and the actions of its first macrostep. */
  start(input: OrchestratorInput): [OrchestratorSnapshot, MachineAction[]] {
    this.sink = [];
    const snapshot = this.machine.getInitialSnapshot(this.scope as never, input);
    return [snapshot, this.sink];
  }

  /** One event: the next snapshot and the actions to carry out. */
  send(snapshot: OrchestratorSnapshot, event: ResponseEvent | OperatorEvent | { type: string }): [OrchestratorSnapshot, MachineAction[]] {
    this.sink = [];
    const next = this.machine.transition(snapshot, event as ResponseEvent, this.scope);
    return [next, this.sink];
  }
}

// Building a statechart is costly next to running one: share drivers between runs.
const DRIVERS = new Map<string, MachineDriver>();
const IDS = new WeakMap<SagaDefinition, number>();
let nextId = 0;

/** The cached driver for a definition and retry override. */
export function driverFor(definition: SagaDefinition, retry: Partial<RetryPolicy> | undefined): MachineDriver {
  if (!IDS.has(definition)) IDS.set(definition, nextId++);
  const key = `${IDS.get(definition)}|${JSON.stringify(retry ?? {}, (_k, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v))}`;
  let driver = DRIVERS.get(key);
  if (!driver) {
    if (DRIVERS.size > 64) DRIVERS.clear();
    driver = new MachineDriver(definition, retry);
    DRIVERS.set(key, driver);
  }
  return driver;
}

/** A snapshot's state as one dotted path (`compensating.backingOff`). */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value as Record<string, unknown>)[0];
  return `${k}.${statePath(v)}`;
}
