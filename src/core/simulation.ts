import { initialTransition, transition } from 'xstate';
import { enqueue, isLocal, type NewPending, type Pending } from './eventQueue';
import { createOrchestratorMachine, type OrchestratorEmitted, type OrchestratorMachine, type ResponseEvent } from './orchestratorMachine';
import { nextRandom } from './rng';
import { deliverBusEvent, readChoreographyOutcome, startChoreography } from './choreography';
import { definitions, type SagaDefinition, validateDefinition } from './sagaDefinition';
import { LOGGED_EVENTS, recoverFromLog } from './sagaLog';
import { ITEM, PRICE } from './scenario';
import { createServices } from './services';
import { beginKey, completeKey, fingerprint } from './services/idempotency';
import type { Db, Service, ServiceReply, ServiceRequest } from './services/service';
import { forkState, initialState, type SagaRuntime, type SimState, stateKey } from './simulationState';
import type { Outcome, Row, Scenario, StepId, TableName, TraceEvent } from './types';

/** How long a crashed orchestrator takes to come back, in virtual ms. */
export const RESTART_DELAY_MS = 3000;

/** Who decides at a point where more than one saga can move. */
export type Scheduler = 'time' | 'schedule' | 'learner' | 'explorer';

/** A saga that can move at a choice point, and what it would do. */
export interface Choice {
  /** Saga index (0-based), the number `choose` and `Scenario.schedule` take. */
  saga: number;
  sagaId: string;
  buyer: number;
  step: StepId;
  /** What happens if this saga moves, in words. */
  label: string;
}

/** What one `step()` did. */
export type StepResult = 'stepped' | 'idle' | 'choice';

const SERVICES = createServices();

// Building a statechart is costly next to running one: share machines between runs.
const MACHINES = new Map<string, OrchestratorMachine>();
function machineFor(definition: SagaDefinition, retry: Scenario['retry']): OrchestratorMachine {
  const key = `${definition.name}|${JSON.stringify(retry ?? {})}`;
  let machine = MACHINES.get(key);
  if (!machine) {
    if (MACHINES.size > 64) MACHINES.clear();
    machine = createOrchestratorMachine(definition, retry);
    MACHINES.set(key, machine);
  }
  return machine;
}

/**
 * The simulation kernel: a virtual clock's agenda, the five services' tables, the
 * orchestrator machines, and the trace. It advances one event at a time; everything it
 * does is a function of the scenario, the seed and the choices made at choice points.
 *
 * Scheduling: by default (`'time'`) events run in virtual-time order. When a schedule,
 * a learner or the explorer decides, events that touch only their own saga run first
 * (they commute with everything else) and the sagas then take turns at local
 * transactions in the order chosen — the granularity at which interleavings matter.
 */
export class Simulation {
  readonly scenario: Scenario;
  readonly definition: SagaDefinition;
  readonly machine: OrchestratorMachine;
  readonly scheduler: Scheduler;
  state: SimState;

  constructor(scenario: Scenario, options: { trace?: boolean; scheduler?: Scheduler; state?: SimState } = {}) {
    this.scenario = scenario;
    this.definition = validateDefinition(definitions[scenario.definition]);
    this.machine = machineFor(this.definition, scenario.retry);
    this.scheduler = options.scheduler ?? (scenario.schedule ? 'schedule' : 'time');
    this.state = options.state ?? initialState(scenario, options.trace ?? true);
    // The trace starts with the initial rows, so every table can be rebuilt from the trace alone.
    if (!options.state && this.state.trace) {
      for (const [table, rows] of Object.entries(this.state.tables)) {
        for (const row of rows) this.state.trace.push({ seq: this.state.trace.length, at: 0, saga: 'system', type: 'db.changed', table, op: 'insert', row });
      }
    }
  }

  /** An independent copy sharing nothing mutable. */
  fork(scheduler: Scheduler = this.scheduler): Simulation {
    const copy = Object.create(Simulation.prototype) as Simulation;
    Object.assign(copy, this, { scheduler, state: forkState(this.state) });
    return copy;
  }

  /** The trace so far (empty when tracing is off). */
  get trace(): readonly TraceEvent[] {
    return this.state.trace ?? [];
  }

  /** The saga indexes chosen at each choice point so far (replayable as `Scenario.schedule`). */
  get decisions(): readonly number[] {
    return this.state.decisions;
  }

    /** True when nothing more can happen without an operator. */
  get idle(): boolean {
    return this.state.queue.length === 0;
  }

  /** Identity of the state for the explorer: equal keys have equal futures. */
  key(): string {
    return stateKey(this.state);
  }

  // ——— scheduling ———

  /** The sagas that can move now, when more than one can; otherwise empty. */
  nextChoices(): Choice[] {
    if (this.scheduler === 'time') return [];
    const { choice } = this.select();
    return choice ?? [];
  }

  /** Moves saga `sagaIndex` at a choice point (the learner's or the explorer's decision). */
  choose(sagaIndex: number): void {
    const { choice } = this.select();
    if (!choice) throw new Error('There is no choice to make right now.');
    const pick = choice.find((c) => c.saga === sagaIndex);
    if (!pick) throw new Error(`Saga ${sagaIndex} cannot move now; choose one of ${choice.map((c) => c.saga).join(', ')}.`);
    this.state.decisions.push(sagaIndex);
    this.run(this.earliestOf(sagaIndex));
  }

  /** Advances by one event. Returns `'choice'` when a learner must decide first. */
  step(): StepResult {
    if (this.state.queue.length === 0) return 'idle';
    const { next, choice } = this.select();
    if (next) {
      this.run(next);
      return 'stepped';
    }
    const options = choice as Choice[];
    const decided = this.decide(options);
    if (decided === undefined) return 'choice';
    this.state.decisions.push(decided);
    this.run(this.earliestOf(decided));
    return 'stepped';
  }

  /** Runs until idle or until a learner must choose. */
  runUntilBlocked(maxEvents = 100_000): StepResult {
    for (let i = 0; i < maxEvents; i++) {
      const r = this.step();
      if (r !== 'stepped') return r;
    }
    throw new Error(`The run did not settle within ${maxEvents} events.`);
  }

  private earliestOf(sagaIndex: number): Pending {
    return this.state.queue.find((p) => p.saga === sagaIndex) as Pending;
  }

  /** Either the next event to run, or the choice between sagas. */
  private select(): { next?: Pending; choice?: Choice[] } {
    const queue = this.state.queue;
    if (queue.length === 0) return {};
    if (this.scheduler === 'time') return { next: queue[0] };
    const firsts: Pending[] = [];
    for (const p of queue) if (!firsts.some((f) => f.saga === p.saga)) firsts.push(p);
    const local = firsts.find(isLocal);
    if (local) return { next: local };
    if (firsts.length === 1) return { next: firsts[0] };
    return { choice: firsts.map((p) => this.describeChoice(p)).sort((a, b) => a.saga - b.saga) };
  }

  private decide(options: Choice[]): number | undefined {
    const s = this.state;
    // A learner may start from a given schedule prefix; past it, they choose.
    if ((this.scheduler === 'schedule' || this.scheduler === 'learner') && this.scenario.schedule && s.scheduleCursor < this.scenario.schedule.length) {
      const wanted = this.scenario.schedule[s.scheduleCursor++];
      if (options.some((o) => o.saga === wanted)) return wanted;
    }
    if (this.scheduler === 'learner' || this.scheduler === 'explorer') return undefined;
    // Past the end of a schedule (or on an entry naming a saga that cannot move): virtual-time order.
    return this.state.queue.find((p) => options.some((o) => o.saga === p.saga))?.saga;
  }

  private describeChoice(p: Pending): Choice {
    const saga = this.state.sagas[p.saga];
    const step = p.kind === 'request' ? p.req.step : p.kind === 'bus' ? p.subscriber : 'inventory';
    const def = this.definition.steps.find((d) => d.id === step);
    const action = p.kind === 'request' ? p.req.action : 'forward';
    const what =
      action === 'forward'
        ? step === 'inventory' && !this.scenario.semanticLock
          ? 'read availability'
          : def?.action
        : action === 'compensate'
          ? def?.compensation
          : step === 'inventory'
            ? 'mark the item SOLD'
            : 'confirm the order';
    return { saga: p.saga, sagaId: saga.id, buyer: saga.buyer, step, label: `Buyer ${saga.buyer}: ${def?.service ?? step} — ${what}` };
  }

  // ——— running one event ———

  private take(p: Pending): void {
    this.state.queue = this.state.queue.filter((q) => q !== p);
  }

  private run(p: Pending): void {
    this.take(p);
    const s = this.state;
    s.now = Math.max(s.now, p.at);
    const saga = s.sagas[p.saga];
    // Each saga keeps its own consistent timeline: what it schedules is relative to its own event.
    const local = p.at;
    switch (p.kind) {
      case 'start':
        this.record(saga.id, 'saga.started', { orderId: saga.orderId, buyer: saga.buyer, amount: PRICE, item: ITEM.name });
        if (this.scenario.mode === 'orchestration') this.startMachine(saga, local);
        else startChoreography(this, saga, local);
        return;
      case 'request':
        this.handleRequest(saga, p.req, p.callId, p.incarnation, local);
        return;
      case 'response':
        if (saga.crashed || p.incarnation !== saga.incarnation) {
          this.record(saga.id, 'response.undelivered', { step: p.payload.step, attempt: p.payload.attempt, reason: 'the orchestrator that sent the request is down' });
          return;
        }
        this.deliver(saga, { type: 'response', ...p.payload, random: this.random() } as ResponseEvent, local);
        return;
      case 'timer':
        if (saga.crashed || p.incarnation !== saga.incarnation) return;
        this.deliver(saga, { ...p.event, random: this.random() } as unknown as ResponseEvent, local);
        return;
      case 'restart':
        this.recover(saga, local);
        return;
      case 'bus':
        deliverBusEvent(this, p, local);
        return;
    }
  }

  /** Sends an operator's action to a saga waiting in needs-attention. Returns false when it is not waiting. */
  operator(sagaIndex: number, action: 'retry' | 'resolve'): boolean {
    const saga = this.state.sagas[sagaIndex];
    const type = action === 'retry' ? 'operator.retry' : 'operator.resolve';
    if (!saga?.snapshot?.can({ type, random: 0 })) return false;
    // The operator fixes what was broken before acting, so injected compensation faults stop here.
    this.bump(`operator:${saga.id}`);
    if (action === 'resolve') this.compensateByHand(saga);
    this.deliver(saga, { type, random: this.random() }, this.state.now);
    return true;
  }

  /** "Resolved by hand": the operator performs the stuck compensation directly in the service's database. */
  private compensateByHand(saga: SagaRuntime): void {
    const alert = [...(this.state.trace ?? [])].reverse().find((e) => e.saga === saga.id && e.type === 'alert.raised');
    const step = (alert?.step ?? this.state.sagas[saga.index].snapshot?.context.completed.at(-1)) as StepId | undefined;
    if (!step) return;
    SERVICES[step].handle(
      { saga: saga.id, orderId: saga.orderId, buyer: saga.buyer, step, action: 'compensate', attempt: 0, payload: { amount: PRICE, item: ITEM.id } },
      this.db(saga.id, { step, action: 'operator' }),
      { semanticLock: this.scenario.semanticLock },
    );
  }

  private startMachine(saga: SagaRuntime, local: number, recovery?: ReturnType<typeof recoverFromLog>): void {
    const [snapshot, actions] = initialTransition(this.machine, {
      sagaId: saga.id,
      orderId: saga.orderId,
      idempotencyKeys: this.scenario.idempotencyKeys,
      lockPolicy: this.scenario.lockPolicy,
      retry: this.scenario.retry,
      recovery,
    });
    saga.snapshot = snapshot;
    this.perform(saga, actions, local);
  }

  private deliver(saga: SagaRuntime, event: Parameters<typeof transition<OrchestratorMachine>>[2], local: number): void {
    const [snapshot, actions] = transition(this.machine, saga.snapshot as NonNullable<SagaRuntime['snapshot']>, event);
    saga.snapshot = snapshot;
    this.perform(saga, actions, local);
  }

  /** Carries out what the machine asked for: calls, trace facts, timers and their cancellation. */
  private perform(saga: SagaRuntime, actions: readonly { type: string; params?: unknown }[], local: number): void {
    for (const a of actions) {
      const params = a.params as Record<string, unknown> | undefined;
      if (a.type === 'xstate.emit') {
        const e = params?.event as OrchestratorEmitted;
        if (e.type === 'trace') {
          const { type, ...fields } = e.event;
          this.record(saga.id, type, fields);
        } else if (!saga.crashed) {
          this.call(saga, e, local);
        }
      } else if (a.type === 'xstate.raise' && typeof params?.delay === 'number') {
        if (saga.crashed) continue;
        this.schedule({ kind: 'timer', at: local + params.delay, saga: saga.index, incarnation: saga.incarnation, id: String(params.id), event: params.event as { type: string } });
      } else if (a.type === 'xstate.cancel') {
        this.state.queue = this.state.queue.filter((q) => !(q.kind === 'timer' && q.saga === saga.index && q.id === params?.sendId));
      }
    }
  }

  private call(saga: SagaRuntime, e: Extract<OrchestratorEmitted, { type: 'call' }>, local: number): void {
    if (this.crashesHere(e.step, e.action, 'before-call')) {
      this.crash(saga, e.step, 'before-call', local);
      return;
    }
    const req: ServiceRequest = {
      saga: saga.id,
      orderId: saga.orderId,
      buyer: saga.buyer,
      step: e.step,
      action: e.action,
      attempt: e.attempt,
      key: e.key,
      payload: { amount: PRICE, item: ITEM.id, reject: this.rejects(saga, e.step, e.action) || undefined },
    };
    this.schedule({ kind: 'request', at: local + this.latency(), saga: saga.index, incarnation: saga.incarnation, callId: e.callId, req });
  }

  /** `failAt` makes the service reject the first saga's forward action (a business failure). */
  rejects(saga: SagaRuntime, step: StepId, action: string): boolean {
    return action === 'forward' && this.scenario.failAt === step && saga.index === 0 && !this.isRetriable(step);
  }

  private isRetriable(step: StepId): boolean {
    return this.definition.steps.find((d) => d.id === step)?.kind === 'retriable';
  }

  /** After the pivot a step cannot fail for good: `failAt` there means it is unavailable (503) for its first two attempts. */
  private unavailable(req: ServiceRequest): boolean {
    if (req.action !== 'forward' || this.scenario.failAt !== req.step || req.saga !== 's-1' || !this.isRetriable(req.step)) return false;
    return this.bump(`unavailable:${req.saga}`) <= 2;
  }

  private handleRequest(saga: SagaRuntime, req: ServiceRequest, callId: number, incarnation: number, local: number): void {
    const service = SERVICES[req.step];
    const reply = this.execute(service, req);
    this.record(saga.id, 'request.handled', {
      step: req.step,
      action: req.action,
      attempt: req.attempt,
      status: reply.status,
      ok: reply.ok,
      replayed: reply.ok && reply.replayed === true,
      key: req.key,
    });
    const lost = req.action === 'forward' ? this.losesResponse(saga, req.step) : undefined;
    if (lost) {
      this.record(saga.id, 'response.lost', { step: req.step, action: req.action, attempt: req.attempt, status: reply.status, dropped: lost === 'dropped' || undefined });
      return;
    }
    this.schedule({
      kind: 'response',
      at: local + this.latency(),
      saga: saga.index,
      incarnation,
      payload: { step: req.step, action: req.action, attempt: req.attempt, callId, reply },
    });
    // The service committed and answered; the orchestrator dies before the answer arrives.
    if (this.crashesHere(req.step, req.action, 'after-commit')) this.crash(saga, req.step, 'after-commit', local);
  }

  /** One local transaction at a service, behind its idempotency-key check and any injected fault. */
  execute(service: Service, req: ServiceRequest): ServiceReply {
    const s = this.state;
    if (req.action === 'compensate' && this.failsCompensation(req.saga, req.step)) {
      return { ok: false, status: 500, retryable: true, reason: `${service.name} answered 500 Internal Server Error` };
    }
    if (this.unavailable(req)) return { ok: false, status: 503, retryable: true, reason: `${service.name} is temporarily unavailable (503)` };
    const settings = { semanticLock: this.scenario.semanticLock };
    if (!req.key) return service.handle(req, this.db(req.saga, { step: req.step, action: req.action }), settings);
    const print = fingerprint(req);
    const begun = beginKey(s.keys[req.step], req.key, print);
    if (!begun.proceed) {
      if (begun.reply.ok && begun.reply.replayed) {
        const type = req.action === 'forward' ? 'step.deduplicated' : req.action === 'compensate' ? 'compensation.deduplicated' : 'confirmation.deduplicated';
        this.record(req.saga, type, { step: req.step, attempt: req.attempt, key: req.key });
      }
      return begun.reply;
    }
    const reply = service.handle(req, this.db(req.saga, { step: req.step, action: req.action }), settings);
    s.keys = { ...s.keys, [req.step]: completeKey(begun.store, req.key, print, reply) };
    return reply;
  }

  /** Whether this response is lost, and why: an injected loss, or the dropped event (in orchestration it is a lost response the timeout notices). */
  private losesResponse(saga: SagaRuntime, step: StepId): 'lost' | 'dropped' | undefined {
    const lost = this.scenario.lostResponses?.[step] ?? 0;
    const dropped = this.scenario.dropEvent === step ? 1 : 0;
    if (lost + dropped === 0) return undefined;
    const n = this.bump(`lost:${saga.id}:${step}`);
    if (n <= dropped) return 'dropped';
    return n <= lost + dropped ? 'lost' : undefined;
  }

  private failsCompensation(sagaId: string, step: StepId): boolean {
    const n = this.scenario.compensationFailures?.[step];
    if (n === undefined || n === 0 || this.state.counters[`operator:${sagaId}`]) return false;
    const used = this.bump(`compFail:${sagaId}:${step}`);
    return n === 'always' || used <= n;
  }

  private crashesHere(step: StepId, action: string, when: 'before-call' | 'after-commit'): boolean {
    const c = this.scenario.crash;
    if (!c || this.state.counters.crashed || c.step !== step || c.when !== when) return false;
    return action === ((c.phase ?? 'forward') === 'forward' ? 'forward' : 'compensate');
  }

  private crash(saga: SagaRuntime, step: StepId, when: string, local: number): void {
    this.bump('crashed');
    saga.crashed = true;
    saga.snapshot = null;
    saga.incarnation += 1;
    // Timers lived in the dead process's memory; replies already on the wire still arrive, to nobody.
    this.state.queue = this.state.queue.filter((q) => !(q.kind === 'timer' && q.saga === saga.index));
    this.record(saga.id, 'orchestrator.crashed', { step, when, phase: this.scenario.crash?.phase ?? 'forward', restartInMs: RESTART_DELAY_MS });
    this.schedule({ kind: 'restart', at: local + RESTART_DELAY_MS, saga: saga.index });
  }

  private recover(saga: SagaRuntime, local: number): void {
    const rows = this.state.tables.sagaLog.filter((r) => r.saga === saga.id);
    const recovery = recoverFromLog(this.definition, rows);
    saga.crashed = false;
    const resumeAt =
      recovery.phase === 'compensating'
        ? [...recovery.completed].reverse().find((id) => !recovery.compensated.includes(id))
        : recovery.phase === 'forward'
          ? this.definition.steps[recovery.completed.length]?.id
          : undefined;
    this.record(saga.id, 'orchestrator.recovered', {
      phase: recovery.phase,
      resumeAt,
      completed: recovery.completed,
      compensated: recovery.compensated,
      logRows: rows.length,
    });
    this.startMachine(saga, local, recovery);
  }

  // ——— helpers shared with choreography ———

  /** Appends to the trace (and, for the orchestrator's durable facts, to the saga log). */
  record(sagaId: string, type: string, fields: Record<string, unknown> = {}): void {
    const s = this.state;
    if (s.trace) {
      const clean: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) clean[k] = v;
      s.trace.push({ seq: s.trace.length, at: s.now, saga: sagaId, type, ...clean });
    }
    if (this.scenario.mode === 'orchestration' && LOGGED_EVENTS.has(type)) {
      // Numbered per saga, so two sagas' log writes commute.
      const id = `log-${sagaId.replace('-', '')}-${s.tables.sagaLog.filter((r) => r.saga === sagaId).length + 1}`;
      const row: Row = { id, saga: sagaId, entry: type, ...(fields.step ? { step: fields.step } : {}), ...(fields.failedStep ? { failedStep: fields.failedStep } : {}) };
      this.write('sagaLog', row, 'insert', sagaId);
    }
  }

  /** A database handle for one local transaction on behalf of a saga; `cause` says which step and action wrote. */
  db(sagaId: string, cause: { step: StepId; action: string }): Db {
    const tables = () => this.state.tables;
    return {
      rows: (t) => tables()[t],
      find: (t, pred) => tables()[t].find(pred),
      insert: (t, row) => this.write(t, row, 'insert', sagaId, cause),
      update: (t, id, changes) => {
        const old = tables()[t].find((r) => r.id === id);
        if (old) this.write(t, { ...old, ...changes }, 'update', sagaId, cause);
      },
      nextId: (t, prefix, orderId) => {
        const base = `${prefix}-${orderId.replace('-', '')}`;
        const n = tables()[t].filter((r) => r.id === base || r.id.startsWith(`${base}#`)).length;
        return n === 0 ? base : `${base}#${n + 1}`;
      },
    };
  }

  private write(table: TableName, row: Row, op: 'insert' | 'update', sagaId = 'system', cause?: { step: StepId; action: string }): void {
    const s = this.state;
    const rows = s.tables[table];
    s.tables = { ...s.tables, [table]: op === 'insert' ? [...rows, row] : rows.map((r) => (r.id === row.id ? row : r)) };
    if (s.trace) s.trace.push({ seq: s.trace.length, at: s.now, saga: sagaId, type: 'db.changed', table, op, row, ...(cause ? { step: cause.step, action: cause.action } : {}) });
  }

  schedule(item: NewPending): void {
    const s = this.state;
    s.queue = enqueue(s.queue, { ...item, seq: s.seq++ } as Pending);
  }

  /** One seeded draw in [0, 1). */
  random(): number {
    const [value, next] = nextRandom(this.state.rng);
    this.state.rng = next;
    return value;
  }

  /** One network hop, 20–119 virtual ms. */
  latency(): number {
    return 20 + Math.floor(this.random() * 100);
  }

  /** Increments a fault counter and returns its new value. */
  bump(name: string): number {
    const c = this.state.counters;
    const v = (c[name] ?? 0) + 1;
    this.state.counters = { ...c, [name]: v };
    return v;
  }

  /** How each saga stands: final states, needs-attention, or stuck when nothing more will happen. */
  outcomes(): { id: string; orderId: string; outcome: Outcome }[] {
    return this.state.sagas.map((g) => ({ id: g.id, orderId: g.orderId, outcome: this.outcomeOf(g) }));
  }

  private outcomeOf(g: SagaRuntime): Outcome {
    if (this.scenario.mode === 'choreography') {
      const alerted = this.state.counters[`alert:${g.id}`] !== undefined;
      return readChoreographyOutcome(this.state.tables, g.orderId, alerted);
    }
    const value = g.snapshot?.value;
    if (value === 'completed') return 'completed';
    if (value === 'compensated') return 'compensated';
    if (value === 'needsAttention' || value === 'pivotUnknown') return 'needs-attention';
    return 'stuck';
  }
}
