import { ITEM, PRICE } from '../catalog';
import { crashesHere, losesReply, serviceDelay } from '../faults';
import type { Pending } from '../kernel/agenda';
import type { Coordinator } from '../kernel/coordinator';
import type { Kernel } from '../kernel/kernel';
import type { SagaRuntime } from '../kernel/state';
import { buildRequest, commit, commitByHand, receive } from '../serviceCall';
import type { ServiceReply, ServiceRequest } from '../services/service';
import type { Outcome } from '../types';
import { driverFor, type MachineAction, type MachineDriver, type OrchestratorSnapshot, statePath } from './machineDriver';
import type { OrchestratorEmitted, Recovery, ResponseEvent } from './machineFacts';
import { LOGGED_EVENTS, recoverFromLog } from './sagaLog';

/** How long a crashed orchestrator takes to come back, in virtual ms. */
export const RESTART_DELAY_MS = 3000;

/** Log rows written when the call leaves rather than when the machine decides to call. */
const LOGGED_ON_SEND = new Set(['step.started', 'compensation.started']);

/**
 * Orchestration: one XState machine per saga decides every call; the kernel carries the
 * calls, the replies and the timers. The only code that touches XState snapshots.
 */
export class Orchestration implements Coordinator {
  private readonly driver: MachineDriver;
  constructor(private readonly k: Kernel) {
    this.driver = driverFor(k.definition, k.scenario.retry);
  }

  private snapshot(saga: SagaRuntime): OrchestratorSnapshot | null {
    return saga.machine as OrchestratorSnapshot | null;
  }

  start(saga: SagaRuntime, local: number): void {
    this.k.record(saga.id, { type: 'saga.started', orderId: saga.orderId, buyer: saga.buyer, amount: PRICE, item: ITEM.name });
    this.logRow(saga.id, 'saga.started');
    this.startMachine(saga, local);
  }

  handle(p: Pending, local: number): void {
    const saga = this.k.state.sagas[p.saga];
    switch (p.kind) {
      case 'request':
        this.arrive(saga, p.req, p.callId, p.incarnation, local);
        return;
      case 'finish':
        this.answer(saga, p.req, commit(this.k, p.req), p.callId, p.incarnation, local);
        return;
      case 'response':
        if (saga.crashed || p.incarnation !== saga.incarnation) {
          this.k.record(saga.id, { type: 'response.undelivered', step: p.payload.step, attempt: p.payload.attempt, reason: 'the orchestrator that sent the request is down' });
          return;
        }
        this.deliver(saga, { type: 'response', ...p.payload, random: this.k.random(saga.index) } as ResponseEvent, local);
        return;
      case 'timer':
        if (saga.crashed || p.incarnation !== saga.incarnation) return;
        this.deliver(saga, { ...p.event, random: this.k.random(saga.index) } as { type: string }, local);
        return;
      case 'restart':
        this.recover(saga, local);
        return;
    }
  }

  outcome(saga: SagaRuntime): Outcome {
    const value = this.snapshot(saga)?.value;
    if (value === 'completed') return 'completed';
    if (value === 'compensated') return 'compensated';
    if (value === 'needsAttention' || value === 'pivotUnknown') return 'needs-attention';
    return 'stuck';
  }

  stateOf(saga: SagaRuntime): unknown {
    const snapshot = this.snapshot(saga);
    return snapshot ? [snapshot.value, snapshot.context] : null;
  }

  operator(saga: SagaRuntime, action: string): boolean {
    if (action !== 'retry' && action !== 'resolve') return false;
    const type = action === 'retry' ? 'operator.retry' : 'operator.resolve';
    const snapshot = this.snapshot(saga);
    if (!snapshot?.can({ type, random: 0 })) return false;
    // The operator fixes what was broken before acting, so injected compensation faults stop here.
    this.k.bump(`operator:${saga.id}`);
    // "Resolved by hand": the operator performs the stuck compensation directly in the service's database.
    const stuck = action === 'resolve' ? stuckCompensation(this.k, snapshot) : undefined;
    if (stuck) commitByHand(this.k, buildRequest(this.k, saga, stuck, 'compensate', 0));
    this.deliver(saga, { type, random: this.k.random(saga.index) }, this.k.state.now);
    return true;
  }

  private startMachine(saga: SagaRuntime, local: number, recovery?: Recovery): void {
    const { scenario } = this.k;
    const [snapshot, actions] = this.driver.start({
      sagaId: saga.id,
      orderId: saga.orderId,
      idempotencyKeys: scenario.idempotencyKeys,
      lockPolicy: scenario.lockPolicy,
      compensate: scenario.compensate,
      recovery,
    });
    saga.machine = snapshot;
    this.perform(saga, snapshot, actions, local);
  }

  private deliver(saga: SagaRuntime, event: Parameters<MachineDriver['send']>[1], local: number): void {
    const [snapshot, actions] = this.driver.send(this.snapshot(saga) as OrchestratorSnapshot, event);
    saga.machine = snapshot;
    this.perform(saga, snapshot, actions, local);
  }

  /** Carries out what the machine asked for: trace facts (stamped with its state), calls, timers and their cancellation. */
  private perform(saga: SagaRuntime, snapshot: OrchestratorSnapshot, actions: readonly MachineAction[], local: number): void {
    const state = statePath(snapshot.value);
    for (const a of actions) {
      const params = a.params as Record<string, unknown> | undefined;
      if (a.type === 'xstate.emit') {
        const e = params?.event as OrchestratorEmitted;
        if (e.type === 'trace') {
          this.k.record(saga.id, { ...e.event, state } as typeof e.event);
          if (LOGGED_EVENTS.has(e.event.type) && !LOGGED_ON_SEND.has(e.event.type)) this.logRow(saga.id, e.event.type, e.event);
        } else if (!saga.crashed) {
          this.call(saga, e, local);
        }
      } else if (a.type === 'xstate.raise' && typeof params?.delay === 'number') {
        if (saga.crashed) continue;
        this.k.schedule({ kind: 'timer', at: local + params.delay, saga: saga.index, incarnation: saga.incarnation, id: String(params.id), event: params.event as { type: string } });
      } else if (a.type === 'xstate.cancel') {
        const q = this.k.state.queue;
        const i = q.findIndex((p) => p.kind === 'timer' && p.saga === saga.index && p.id === params?.sendId);
        if (i >= 0) q.splice(i, 1);
      }
    }
  }

  /** Writes one durable saga log row (numbered per saga, so two sagas' log writes commute). */
  private logRow(sagaId: string, entry: string, event: object = {}): void {
    const fields = event as { step?: unknown; failedStep?: unknown };
    const n = (this.k.state.logRows[sagaId] ?? 0) + 1;
    this.k.state.logRows[sagaId] = n;
    const row = { id: `log-${sagaId.replace('-', '')}-${n}`, saga: sagaId, entry, ...(fields.step ? { step: fields.step } : {}), ...(fields.failedStep ? { failedStep: fields.failedStep } : {}) };
    this.k.write('sagaLog', row, 'insert', sagaId);
  }

  private call(saga: SagaRuntime, e: Extract<OrchestratorEmitted, { type: 'call' }>, local: number): void {
    if (crashesHere(this.k, saga, e.step, e.action, 'before-call')) {
      this.crash(saga, e.step, 'before-call', local);
      return;
    }
    if (e.action !== 'confirm') this.logRow(saga.id, e.action === 'forward' ? 'step.started' : 'compensation.started', { step: e.step });
    const req = buildRequest(this.k, saga, e.step, e.action, e.attempt);
    this.k.schedule({ kind: 'request', at: local + this.k.latency(saga.index), saga: saga.index, incarnation: saga.incarnation, callId: e.callId, req });
  }

  /** The request reaches the service: answered at once, or after the service's processing delay. */
  private arrive(saga: SagaRuntime, req: ServiceRequest, callId: number, incarnation: number, local: number): void {
    const r = receive(this.k, saga, req);
    const delay = serviceDelay(this.k, saga, req.step);
    if (!r.proceed) this.answer(saga, req, r.reply, callId, incarnation, local);
    else if (delay > 0) this.k.schedule({ kind: 'finish', at: local + delay, saga: saga.index, incarnation, callId, req });
    else this.answer(saga, req, commit(this.k, req), callId, incarnation, local);
  }

  private answer(saga: SagaRuntime, req: ServiceRequest, reply: ServiceReply, callId: number, incarnation: number, local: number): void {
    const replayed = reply.ok && reply.replayed === true;
    this.k.record(saga.id, { type: 'request.handled', step: req.step, action: req.action, attempt: req.attempt, status: reply.status, ok: reply.ok, replayed, key: req.key });
    const lost = req.action === 'forward' ? losesReply(this.k, saga, req.step) : undefined;
    if (lost) {
      this.k.record(saga.id, { type: 'response.lost', step: req.step, action: req.action, attempt: req.attempt, status: reply.status, dropped: lost === 'dropped' || undefined });
      return;
    }
    const payload = { step: req.step, action: req.action, attempt: req.attempt, callId, reply };
    this.k.schedule({ kind: 'response', at: local + this.k.latency(saga.index), saga: saga.index, incarnation, payload });
    // The service committed and answered; the orchestrator dies before the answer arrives.
    if (crashesHere(this.k, saga, req.step, req.action, 'after-commit')) this.crash(saga, req.step, 'after-commit', local);
  }

  private crash(saga: SagaRuntime, step: string, when: 'before-call' | 'after-commit', local: number): void {
    this.k.bump('crashed');
    saga.crashed = true;
    saga.machine = null;
    saga.incarnation += 1;
    // Timers lived in the dead process's memory; replies already on the wire still arrive, to nobody.
    const q = this.k.state.queue;
    for (let i = q.length - 1; i >= 0; i--) if (q[i].kind === 'timer' && q[i].saga === saga.index) q.splice(i, 1);
    this.k.record(saga.id, { type: 'orchestrator.crashed', step, when, phase: this.k.scenario.crash?.phase ?? 'forward', restartInMs: RESTART_DELAY_MS });
    this.k.schedule({ kind: 'restart', at: local + RESTART_DELAY_MS, saga: saga.index });
  }

  private recover(saga: SagaRuntime, local: number): void {
    const rows = this.k.state.tables.sagaLog.filter((r) => r.saga === saga.id);
    const recovery = recoverFromLog(this.k.definition, rows);
    saga.crashed = false;
    const steps = this.k.definition.steps;
    const resumeAt =
      recovery.phase === 'compensating'
        ? [...recovery.completed].reverse().find((id) => !recovery.compensated.includes(id))
        : recovery.phase === 'forward'
          ? steps[recovery.completed.length]?.id
          : undefined;
    this.k.record(saga.id, { type: 'orchestrator.recovered', phase: recovery.phase, resumeAt, completed: recovery.completed, compensated: recovery.compensated, logRows: rows.length });
    this.startMachine(saga, local, recovery);
  }
}

/** The compensation a saga in needs-attention is stuck on: the latest completed compensatable step not yet undone. */
function stuckCompensation(k: Kernel, snapshot: OrchestratorSnapshot): string | undefined {
  const c = snapshot.context;
  return [...c.completed].reverse().find((id) => k.definition.steps.find((s) => s.id === id)?.kind === 'compensatable' && !c.compensated.includes(id));
}
