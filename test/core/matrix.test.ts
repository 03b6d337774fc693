import { describe, expect, it } from 'vitest';
import {
  DEFINITION_NAMES,
  type DefinitionName,
  failureMatrix,
  MATRIX_COLUMNS,
  type MatrixCell,
  matrixRows,
  resolveDefinition,
  runScenario,
  ScenarioError,
  type SagaDefinitionJson,
  summarizeMatrix,
  summarySentence,
} from '../../src/core';

// Each built-in's matrix once: the properties below all read the same cells.
const MATRICES = new Map<DefinitionName, MatrixCell[]>(DEFINITION_NAMES.map((d) => [d, failureMatrix(d)]));
const order = MATRICES.get('order') as MatrixCell[];

/** Final tables without the orchestrator's own log (a crash writes to it, by design). */
const serviceTables = (cell: Pick<MatrixCell, 'scenario'>) => {
  const { sagaLog: _log, ...tables } = runScenario(cell.scenario).databases;
  return tables;
};

/**
 * The silent inconsistencies the lessons explain. A silent cell of any other kind fails the test:
 * it is a new way to lose consistency without anyone noticing, and must be understood first.
 */
function knownSilentKind(c: MatrixCell): string | undefined {
  const afterCommitAgain = c.fault === 'lost-reply' || c.fault === 'crash-after-commit' || (c.fault === 'dropped-message' && c.mode === 'orchestration');
  if (!c.idempotencyKeys && c.mode === 'orchestration' && afterCommitAgain) return 'keys off: a call that committed is run again after a lost reply or a crash';
  if (!c.idempotencyKeys && c.mode === 'choreography' && c.fault === 'lost-reply') return 'keys off: a redelivered event is handled twice';
  if (c.mode === 'choreography' && c.fault === 'dropped-message') return 'a dropped event in a choreography: nobody notices';
  return undefined;
}

describe('failureMatrix', () => {
  it('runs every fault point of the order saga in every column where the fault can happen', () => {
    const rows = matrixRows(order);
    // Five steps × seven forward faults, four compensatable steps with a later step × four compensation faults.
    expect(rows).toHaveLength(5 * 7 + 4 * 4);
    const crashesOrTimeouts = rows.filter((r) => r.fault.startsWith('crash') || r.fault === 'timeout-before-commit');
    // In a choreography there is no orchestrator to crash and no caller to time out: those cells are omitted.
    for (const r of crashesOrTimeouts) expect(r.cells.map((c) => c?.mode)).toEqual(['orchestration', undefined, 'orchestration', undefined]);
    expect(order).toHaveLength(rows.length * MATRIX_COLUMNS.length - crashesOrTimeouts.length * 2);
    // The delivery step is last: nothing can fail after it, so its compensation never runs.
    expect(rows.filter((r) => r.step === 'delivery' && r.phase === 'compensation')).toEqual([]);
  });

  it('pairs every compensation fault with a business failure of a later step, and says so', () => {
    const def = resolveDefinition('order');
    const index = (id: string) => def.steps.findIndex((s) => s.id === id);
    const compensation = order.filter((c) => c.phase === 'compensation');
    expect(compensation.length).toBeGreaterThan(0);
    for (const c of compensation) {
      expect(index(c.scenario.failAt as string)).toBeGreaterThan(index(c.step));
      expect(c.description).toMatch(/refuses to .* \(a business failure\), so .* must /);
      expect(runScenario(c.scenario).trace.some((e) => e.type === 'compensation.started' && e.step === c.step)).toBe(true);
    }
  });

  it('makes each cell replayable: runScenario(cell.scenario) gives the same run', () => {
    for (const c of order) {
      const run = runScenario(c.scenario);
      expect({ outcome: run.outcome, violations: run.violations, alerts: run.alerts, durationMs: run.trace.at(-1)?.at }).toEqual({
        outcome: c.outcome,
        violations: c.violations,
        alerts: c.alerts,
        durationMs: c.durationMs,
      });
      expect(c.scenario.idempotencyKeys).toBe(c.idempotencyKeys);
    }
  });

  it('is deterministic, and the seed reaches every cell', () => {
    expect(failureMatrix('trip')).toEqual(failureMatrix('trip'));
    const seeded = failureMatrix('trip', { seed: 42 });
    expect(seeded.every((c) => c.scenario.seed === 42)).toBe(true);
    expect(seeded.map((c) => c.durationMs)).not.toEqual(failureMatrix('trip').map((c) => c.durationMs));
  });

  it('gives verdicts a reader can check against the run', () => {
    for (const c of order) {
      if (c.verdict === 'silent') expect(c.violations.length > 0 && c.alerts.length === 0).toBe(true);
      if (c.verdict === 'ok') expect([c.violations, c.alerts, c.retries, c.outcome]).toEqual([[], [], 0, 'completed']);
    }
    // A business failure is compensated: recovered, not ok.
    expect(order.find((c) => c.row === 'payment/forward/business-failure')?.verdict).toBe('recovered');
    expect(order.find((c) => c.row === 'payment/forward/lost-reply' && c.column === 'orchestration/keys-on')).toMatchObject({ verdict: 'recovered', retries: 1, outcome: 'completed' });
  });

  it('describes only what happens: a slow service gets 409 with keys, a timeout before commit finds the work done', () => {
    const keysOn = order.filter((c) => c.column === 'orchestration/keys-on');
    for (const c of keysOn.filter((x) => x.fault === 'slow-service')) {
      expect(runScenario(c.scenario).trace.some((e) => e.type === 'step.failed' && e.step === c.step && e.status === 409)).toBe(true);
    }
    for (const c of keysOn.filter((x) => x.fault === 'timeout-before-commit')) {
      expect(runScenario(c.scenario).trace.some((e) => e.type === 'step.deduplicated' && e.step === c.step)).toBe(true);
    }
  });

  it('counts silent cells in a summary sentence', () => {
    const s = summarizeMatrix(order);
    expect(s.ok + s.recovered + s.silent).toBe(order.length);
    expect(summarySentence(s)).toBe(`${s.silent} of ${order.length} cells are silent inconsistencies.`);
    expect(summarySentence({ total: 4, ok: 3, recovered: 0, silent: 1 })).toBe('1 of 4 cells is a silent inconsistency.');
  });

  it('takes a definition object, and rejects a bad one naming the field', () => {
    const twoSteps: SagaDefinitionJson = {
      id: 'two',
      title: 'Two steps',
      steps: [
        { id: 'book', service: 'Booking', action: 'book', compensation: 'unbook', kind: 'compensatable' },
        { id: 'pay', service: 'Payments', action: 'pay', kind: 'pivot' },
      ],
    };
    const cells = failureMatrix(twoSteps);
    expect(matrixRows(cells, twoSteps).map((r) => r.id)).toContain('book/compensation/compensation-fails-always');
    expect(cells.every((c) => c.scenario.definition === twoSteps)).toBe(true);
    expect(() => failureMatrix({ ...twoSteps, steps: [] })).toThrow(ScenarioError);
  });
});

describe('properties checked with the failure matrix', () => {
  for (const [name, cells] of MATRICES) {
    it(`${name}: with keys on, an orchestration has no silent cell`, () => {
      const silent = cells.filter((c) => c.column === 'orchestration/keys-on' && c.verdict === 'silent');
      expect(silent.map((c) => c.row)).toEqual([]);
    });

    it(`${name}: a crash anywhere with keys on ends in the same tables as the same run without the crash`, () => {
      const crashes = cells.filter((c) => c.idempotencyKeys && c.scenario.crash);
      expect(crashes.length).toBeGreaterThan(0);
      for (const c of crashes) {
        expect(runScenario(c.scenario).trace.filter((e) => e.type === 'orchestrator.recovered')).toHaveLength(1);
        expect(serviceTables(c), c.row).toEqual(serviceTables({ scenario: { ...c.scenario, crash: undefined } }));
      }
    });

    it(`${name}: every silent cell is a kind the lessons explain`, () => {
      const unexplained = cells.filter((c) => c.verdict === 'silent' && !knownSilentKind(c)).map((c) => `${c.row} ${c.column}`);
      expect(unexplained).toEqual([]);
      expect(cells.some((c) => c.verdict === 'silent')).toBe(true);
    });
  }
});
