/**
 * The generated Temporal, Durable Functions and hand-rolled code type-checks with TypeScript 5
 * against the engines' own types, and — driven by small stand-ins for the engines' runtimes —
 * makes the same calls, with the same idempotency keys, as the simulator.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import ts from 'ts5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, type ExportDefinition, exportDurable, exportHandRolled, exportTemporalActivities, exportTemporalWorkflow, workflowName } from '../../../src/core/engines';
import { arbitraryDefinition, builtIns, comparisonScenarios, named, type Reply, replayer, simulate } from './fixtures';

const checked: ExportDefinition[] = [...named, ...fc.sample(arbitraryDefinition, { numRuns: 4, seed: 11 })];
const cache = resolve('node_modules/.cache');
let dir = '';
let tscOutput = '';

// One tsc run for every file of every definition (tsc is the slow part).
beforeAll(async () => {
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'engines-tsc-'));
  // A CommonJS package, as the issue asks: module/moduleResolution NodeNext, strict, no ambient types.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'commonjs' }));
  const compilerOptions = { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', skipLibCheck: true, types: [], noEmit: true };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['**/*.ts'] }));
  checked.forEach((def, i) => {
    const sub = join(dir, `${i}-${def.id}`);
    mkdirSync(join(sub, 'temporal'), { recursive: true });
    mkdirSync(join(sub, 'durable'));
    for (const f of [exportTemporalWorkflow(def), exportTemporalActivities(def)]) writeFileSync(join(sub, 'temporal', f.name), f.text);
    writeFileSync(join(sub, 'durable', 'orchestrator.ts'), exportDurable(def).text);
    writeFileSync(join(sub, 'saga.ts'), exportHandRolled(def).text);
  });
  try {
    await promisify(execFile)(process.execPath, [resolve('node_modules/ts5/bin/tsc'), '-p', dir]);
  } catch (err) {
    tscOutput = String((err as { stdout?: string }).stdout ?? err);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('generated TypeScript', () => {
  it(`type-checks with TypeScript ${ts.version} (strict, NodeNext, CommonJS) against @temporalio/workflow and durable-functions`, () => {
    expect(tscOutput).toBe('');
  });
});

/** Loads a generated file as a CommonJS module whose imports are the given stand-ins. */
function load(text: string, modules: Record<string, unknown>): Record<string, unknown> {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports: Record<string, unknown> = {};
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`unexpected import ${name}`);
    return modules[name];
  };
  new Function('require', 'exports', js)(require, exports);
  return exports;
}

/** `activityName` → `step:action`, as the simulator names calls. */
function callOf(def: ExportDefinition): Map<string, string> {
  const names = callNames(def);
  const out = new Map<string, string>();
  for (const [action, map] of [['forward', names.forward], ['compensate', names.compensation], ['confirm', names.confirm]] as const) {
    for (const [step, fn] of map) out.set(fn, `${step}:${action}`);
  }
  return out;
}

interface Recorded {
  calls: string[];
  keys: string[];
  end: string;
}

/** A stand-in for Temporal's runtime: proxyActivities retries by the policy it was given. */
async function runTemporal(def: ExportDefinition, answer: (call: string) => Reply): Promise<Recorded> {
  class ApplicationFailure extends Error {
    constructor(message: string, readonly type: string) {
      super(message);
    }
    static nonRetryable(message: string, type: string) {
      return new ApplicationFailure(message, type);
    }
  }
  class ActivityFailure extends Error {
    constructor(readonly cause: ApplicationFailure) {
      super('activity failed');
    }
  }
  const calls: string[] = [];
  const keys: string[] = [];
  const of = callOf(def);
  type Options = { retry: { maximumAttempts: number; nonRetryableErrorTypes?: string[] } };
  const proxyActivities = (options: Options) =>
    new Proxy({}, {
      get: (_t, name: string) => async (_input: unknown, key: string) => {
        const call = of.get(name) ?? `unknown:${name}`;
        for (let attempt = 1; ; attempt++) {
          calls.push(call);
          keys.push(key);
          const reply = answer(call);
          if (reply === 'ok') return;
          const failure = new ApplicationFailure(call, reply === 'business' ? 'BusinessFailure' : 'ServiceUnavailable');
          const max = options.retry.maximumAttempts;
          if (options.retry.nonRetryableErrorTypes?.includes(failure.type) || (max !== 0 && attempt >= max)) throw new ActivityFailure(failure);
        }
      },
    });
  const mod = load(exportTemporalWorkflow(def).text, { '@temporalio/workflow': { ActivityFailure, ApplicationFailure, proxyActivities, workflowInfo: () => ({ workflowId: 's-1' }) } });
  const workflow = mod[workflowName(def)] as (input: unknown) => Promise<string>;
  const end = await workflow({ order: 'o-1' }).catch((err: ApplicationFailure) => (err.type === 'NeedsAttention' ? 'needs-attention' : 'failed'));
  return { calls, keys, end };
}

/** A stand-in for the Durable Task framework: steps the orchestrator generator, retrying activities by their RetryOptions. */
function runDurable(def: ExportDefinition, answer: (call: string) => Reply): Recorded {
  class RetryOptions {
    backoffCoefficient = 1;
    maxRetryIntervalInMilliseconds = 0;
    constructor(readonly firstRetryIntervalInMilliseconds: number, readonly maxNumberOfAttempts: number) {}
  }
  const orchestrations: Record<string, (ctx: unknown) => Generator<unknown, string, unknown>> = {};
  const app = { orchestration: (name: string, fn: (typeof orchestrations)[string]) => (orchestrations[name] = fn), activity: () => undefined };
  load(exportDurable(def).text, { 'durable-functions': { RetryOptions, app } });
  const calls: string[] = [];
  const keys: string[] = [];
  const of = callOf(def);
  type ActivityTask = { name: string; retry: RetryOptions; payload: { idempotencyKey: string } };
  const df = {
    getInput: () => ({ order: 'o-1' }),
    instanceId: 's-1',
    currentUtcDateTime: new Date(0),
    callActivityWithRetry: (name: string, retry: RetryOptions, payload: ActivityTask['payload']) => ({ name, retry, payload }),
    createTimer: () => ({ timer: true }),
  };
  const gen = orchestrations[workflowName(def)]({ df });
  try {
    let next = gen.next();
    while (!next.done) {
      const task = next.value as ActivityTask | { timer: true };
      if ('timer' in task) {
        next = gen.next();
        continue;
      }
      const call = of.get(task.name) ?? `unknown:${task.name}`;
      let result: unknown;
      for (let attempt = 1; result === undefined; attempt++) {
        calls.push(call);
        keys.push(task.payload.idempotencyKey);
        const reply = answer(call);
        // Business refusals come back as values; thrown (transient) errors are retried by RetryOptions.
        if (reply !== 'transient') result = reply === 'ok' ? { ok: true } : { ok: false, reason: 'refused' };
        else if (attempt >= task.retry.maxNumberOfAttempts) break;
      }
      next = result === undefined ? gen.throw(new Error(`${call}: retries ran out`)) : gen.next(result);
    }
    return { calls, keys, end: next.value };
  } catch {
    return { calls, keys, end: 'failed' };
  }
}

/** The hand-rolled orchestrator with stand-in services, an in-memory saga log and a clock that never waits. */
async function runHandRolled(def: ExportDefinition, answer: (call: string) => Reply, done = new Set<string>()): Promise<Recorded> {
  const mod = load(exportHandRolled(def).text, {});
  const calls: string[] = [];
  const keys: string[] = [];
  const services = new Proxy({}, {
    get: (_t, name: string) => async (_input: unknown, key: string) => {
      const call = callOf(def).get(name) ?? `unknown:${name}`;
      calls.push(call);
      keys.push(key);
      const reply = answer(call);
      if (reply === 'ok') return;
      const err = new Error(call);
      err.name = reply === 'business' ? 'BusinessFailure' : 'ServiceUnavailable';
      throw err;
    },
  });
  const log = {
    has: async (saga: string, step: string, action: string) => done.has(`${saga}:${step}:${action}`),
    record: async (saga: string, step: string, action: string) => void done.add(`${saga}:${step}:${action}`),
    alert: async () => undefined,
  };
  // Sleeping yields one macrotask: a stand-in service (answering in microtasks) always beats the call timeout.
  const clock = { sleep: () => new Promise<void>((resolve) => setImmediate(resolve)), random: () => 0.5 };
  const saga = mod[workflowName(def)] as (id: string, input: unknown, s: unknown, l: unknown, c: unknown) => Promise<string>;
  return { calls, keys, end: await saga('s-1', { order: 'o-1' }, services, log, clock) };
}

describe('generated code driven by stand-ins calls what the simulator calls', () => {
  for (const def of builtIns) {
    it.each(comparisonScenarios(def).map((s) => [JSON.stringify(s), s] as const))(`${def.id}: %s`, async (_label, scenario) => {
      const sim = simulate(scenario);
      const expectedKeys = sim.calls.map((c) => `s-1:${c}`);
      const temporal = await runTemporal(def, replayer(sim.replies));
      expect(temporal.calls, 'Temporal').toEqual(sim.calls);
      expect(temporal.keys).toEqual(expectedKeys);
      const durable = runDurable(def, replayer(sim.replies));
      expect(durable.calls, 'Durable Functions').toEqual(sim.calls);
      expect(durable.keys).toEqual(expectedKeys);
      const handRolled = await runHandRolled(def, replayer(sim.replies));
      expect(handRolled.calls, 'hand-rolled').toEqual(sim.calls);
      expect(handRolled.keys).toEqual(expectedKeys);
    });
  }

  it('both end as the saga ends: compensated, or failed for an operator', async () => {
    const [order, pivot] = builtIns;
    const declined = simulate({ failAt: 'payment' }).replies;
    expect((await runTemporal(order, replayer(declined))).end).toBe('compensated');
    expect(runDurable(order, replayer(declined)).end).toBe('compensated');
    const stuck = simulate({ failAt: 'warehouse', compensationFailures: { payment: 'always' } }).replies;
    expect((await runTemporal(order, replayer(stuck))).end).toBe('needs-attention');
    expect(runDurable(order, replayer(stuck)).end).toBe('failed');
    const unknown = simulate({ definition: 'order-with-pivot', lostResponses: { payment: 3 } }).replies;
    expect((await runTemporal(pivot, replayer(unknown))).end).toBe('needs-attention');
    expect(runDurable(pivot, replayer(unknown)).end).toBe('failed');
    expect((await runTemporal(order, replayer(new Map()))).end).toBe('completed');
    expect((await runHandRolled(order, replayer(stuck))).end).toBe('needs-attention');
  });

  it('the hand-rolled orchestrator resumes from its log: the refused step is not called again, only the undos left', async () => {
    const [order] = builtIns;
    const log = new Set<string>();
    const first = await runHandRolled(order, (call) => (call === 'payment:forward' ? 'business' : call === 'order:compensate' ? 'transient' : 'ok'), log);
    expect(first.end).toBe('needs-attention');
    const resumed = await runHandRolled(order, () => 'ok', log);
    expect(resumed).toEqual({ calls: ['order:compensate', 'inventory:compensate'], keys: ['s-1:order:compensate', 's-1:inventory:compensate'], end: 'compensated' });
  });
});
