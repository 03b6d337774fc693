import { getLanguageService } from 'amazon-states-language-service';
import { StateMachine } from 'aws-local-stepfunctions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ASL_STATES, aslStateNames, exportAsl, type ExportDefinition, toAsl } from '../../../src/core/engines';
import { arbitraryDefinition, builtIns, comparisonScenarios, named, type Reply, replayer, simulate } from './fixtures';

// aws-local-stepfunctions uses Promise.withResolvers (Node 22+); Node 20 needs this polyfill.
const P = Promise as unknown as { withResolvers?: () => unknown };
P.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const service = getLanguageService({});
/** AWS's own validator (the VS Code / Toolkit language service): its diagnostics for an ASL text. */
async function diagnostics(text: string): Promise<string[]> {
  const doc = TextDocument.create('saga.asl.json', 'json', 1, text);
  const found = await service.doValidation(doc, service.parseJSONDocument(doc));
  return found.map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

describe('ASL export: AWS’s language service reports no diagnostics', () => {
  it.each(named.map((d) => [d.id, d] as const))('%s', async (_id, def) => {
    expect(await diagnostics(exportAsl(def).text)).toEqual([]);
  });

  it('for random valid definitions and retry policies', async () => {
    const samples = fc.sample(arbitraryDefinition, { numRuns: 40, seed: 13 });
    for (const def of samples) expect(await diagnostics(exportAsl(def).text), JSON.stringify(def)).toEqual([]);
  });

  it('the validator is strict where the sharp edges are (so "no diagnostics" means something)', async () => {
    const text = exportAsl(builtIns[0]).text.replace('"MaxDelaySeconds": 100', '"MaxDelaySeconds": -5').replace('"JitterStrategy": "NONE"', '"JitterStrategy": "BOGUS"');
    expect(await diagnostics(text)).toHaveLength(2);
  });
});

/** Runs the ASL with every Task state replaced by a local stand-in that answers as the simulator's services did. */
async function runAsl(def: ExportDefinition, answer: (call: string) => Reply): Promise<{ calls: string[]; keys: string[]; end: string }> {
  const names = aslStateNames(def);
  const asl = toAsl(def) as { States: Record<string, { Type: string }> };
  const calls: string[] = [];
  const keys: string[] = [];
  const handlers: Record<string, (input: { Payload: { idempotencyKey: string } }) => Promise<unknown>> = {};
  const overrides: Record<string, number> = {};
  const bind = (state: string | undefined, call: string) => {
    if (!state) return;
    overrides[state] = 0; // no real waiting between retries
    handlers[state] = async (input) => {
      calls.push(call);
      keys.push(input.Payload.idempotencyKey);
      const reply = answer(call);
      if (reply === 'ok') return { Payload: { ok: true } };
      const err = new Error(`${call} failed`);
      err.name = reply === 'business' ? 'BusinessFailure' : 'ServiceUnavailable';
      throw err;
    };
  };
  for (const s of def.steps) {
    bind(names.forward.get(s.id), `${s.id}:forward`);
    bind(names.compensation.get(s.id), `${s.id}:compensate`);
    bind(names.confirm.get(s.id), `${s.id}:confirm`);
  }
  let alerted = false;
  handlers[ASL_STATES.alert] = async () => {
    alerted = true;
    return {};
  };
  // Validated above by AWS's own language service; the runner's bundled validator only costs time here.
  const machine = new StateMachine(asl as never, { validationOptions: { noValidate: true } });
  const execution = machine.run({ order: 'o-1' }, { overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: overrides }, context: { Execution: { Name: 's-1', Input: { order: 'o-1' } } } });
  let end = 'completed';
  try {
    await execution.result;
  } catch (err) {
    // The Fail state's error is the cause of the ExecutionError.
    end = ((err as Error).cause as Error | undefined)?.name === 'SagaCompensated' ? 'compensated' : 'failed';
  }
  if (alerted) end = 'needs-attention';
  return { calls, keys, end };
}

describe('ASL export runs in aws-local-stepfunctions and calls what the simulator calls', () => {
  for (const def of builtIns) {
    it.each(comparisonScenarios(def).map((s) => [JSON.stringify(s), s] as const))(`${def.id}: %s`, async (_label, scenario) => {
      const sim = simulate(scenario);
      const run = await runAsl(def, replayer(sim.replies));
      expect(run.calls).toEqual(sim.calls);
      // Every call carries the simulator's idempotency key: same saga, step and action.
      expect(run.keys).toEqual(sim.calls.map((c) => `s-1:${c}`));
    });
  }

  it('ends the way the saga ends: compensated is a Fail state, a failing undo alerts an operator', async () => {
    const [order] = builtIns;
    const compensated = await runAsl(order, replayer(simulate({ failAt: 'payment' }).replies));
    expect(compensated.end).toBe('compensated');
    const stuck = await runAsl(order, replayer(simulate({ failAt: 'warehouse', compensationFailures: { payment: 'always' } }).replies));
    expect(stuck.end).toBe('needs-attention');
  });
});
