import { describe, expect, it } from 'vitest';
import { createSimulation, type RunResult, result, runScenario, type Scenario, settle, STEP_IDS } from '../../src/core';
import { type ControlId, type Lesson, LESSONS } from '../../src/lessons/all';
import { chargeRows, holdStatus, netCharged, orderStatus, serviceName, stepsOf } from '../../src/lessons/runFacts';
import { sideScenarios } from '../../src/ui/compare/CompareView';

// Item: "every explanation true". For every lesson and every value of every control its "Try it
// yourself" unlocks, the explanation is computed from that run, and each fact it states is checked
// against the run's trace and tables (this test reads the prose; the views never do).

const STEPS = [undefined, ...STEP_IDS];
/** Every value a lesson control offers, as scenario patches (see LessonControls and the compare/race controls). */
const VALUES: Record<ControlId, Partial<Scenario>[]> = {
  failAt: STEPS.map((failAt) => ({ failAt })),
  compensate: [{ compensate: true }, { compensate: false }],
  keys: [{ idempotencyKeys: true }, { idempotencyKeys: false }],
  lost: [{ lostResponses: undefined }, ...STEP_IDS.flatMap((s) => [1, 2, 3].map((n) => ({ lostResponses: { [s]: n } })))],
  compFail: [{ compensationFailures: undefined }, ...STEP_IDS.flatMap((s) => [1, 2, 3, 'always' as const].map((n) => ({ compensationFailures: { [s]: n } })))],
  seed: [{ seed: 0 }, { seed: 2 }, { seed: 99 }],
  mode: [{ mode: 'orchestration' }, { mode: 'choreography' }],
  drop: STEPS.map((dropEvent) => ({ dropEvent })),
  crash: [
    { crash: undefined },
    ...STEP_IDS.flatMap((step) => (['before-call', 'after-commit'] as const).map((when) => ({ crash: { step, when } }))),
  ],
  buyers: [1, 2, 3, 4].map((buyers) => ({ buyers })),
  stock: [1, 2, 3].map((stock) => ({ stock })),
  lock: [{ semanticLock: true }, { semanticLock: false }],
  lockPolicy: [{ lockPolicy: 'fail' }, { lockPolicy: 'wait' }],
};

/** The runs a learner can put on screen in a lesson: the pinned one, then each control's values one at a time. */
function variants(lesson: Lesson): [string, Partial<Scenario>][] {
  const out: [string, Partial<Scenario>][] = [['pinned', lesson.scenario]];
  for (const id of lesson.unlocked) for (const patch of VALUES[id]) out.push([`${id} ${JSON.stringify(patch)}`, { ...lesson.scenario, ...patch }]);
  if (lesson.followUp) out.push(['follow-up', lesson.followUp.scenario]);
  return out;
}

/** What the lesson's explanation is computed from: the run shown (and, side by side, the other side's). */
function explainFor(lesson: Lesson, scenario: Partial<Scenario>): { run: RunResult; other?: RunResult; text: string } {
  if (lesson.view !== 'compare') {
    const run = runScenario(scenario);
    return { run, text: lesson.question.explain(run) };
  }
  const sides = sideScenarios(scenario);
  const run = runScenario(sides.choreography);
  const other = runScenario(sides.orchestration);
  return { run, other, text: lesson.question.explain(run, other) };
}

const all = (text: string, re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[1]);

/** Every fact of these kinds that the text states must be the run's. */
function expectTrueOf(text: string, run: RunResult): void {
  for (const n of all(text, /(\d+) charge rows?\b/g)) expect(Number(n), 'charge rows').toBe(chargeRows(run));
  for (const n of all(text, /nets \$(\d+)/g)) expect(Number(n), 'net charge').toBe(netCharged(run));
  for (const o of all(text, /ends (completed|compensated|needs-attention|stuck)/g)) expect(o, 'outcome').toBe(run.outcome);
  for (const s of all(text, /hold is ([A-Z]+)/g)) expect(s, 'hold status').toBe(holdStatus(run));
  for (const s of all(text, /(?:order is|marked) ([A-Z]+)/g)) expect(s, 'order status').toBe(orderStatus(run));
  if (/\bno alert\b|No alert was needed/.test(text)) expect(run.alerts, 'alerts').toEqual([]);
  if (/An alert was raised|an alert\b/.test(text) && !/\bno alert\b/.test(text)) expect(run.alerts.length, 'alerts').toBeGreaterThan(0);
  if (/every invariant holds|No invariant is broken/.test(text)) expect(run.violations, 'violations').toEqual([]);
  for (const id of all(text, /\b(no-double-charge|charge-matches-order|stock-conserved|no-oversell|no-orphans|no-stuck-sagas)\b/g))
    expect(run.violations.map((v) => v.invariant), `invariant ${id}`).toContain(id);
  for (const svc of all(text, /(\w+) refused/g)) expect(run.trace.some((e) => e.type === 'step.failed' && serviceName(e.step) === svc), `${svc} refused`).toBe(true);
  const undone = text.match(/newest first: ([^.]+)\./)?.[1];
  if (undone) expect(undone, 'compensations').toBe(stepsOf(run, 'compensation.succeeded').map(serviceName).join(', ').replace(/, ([^,]+)$/, ' and $1'));
  const got = text.match(/^(\d+) of (\d+) buyers? got/);
  if (got) expect([Number(got[1]), Number(got[2])]).toEqual([run.sagas.filter((s) => s.outcome === 'completed').length, run.sagas.length]);
  const crashed = run.trace.find((e) => e.type === 'orchestrator.crashed');
  const crashSaid = text.match(/crashed just (after|before calling) (\w+)/);
  if (crashSaid) expect([crashSaid[1] === 'after' ? 'after-commit' : 'before-call', crashSaid[2]]).toEqual([crashed?.when, serviceName(crashed?.step)]);
  if (/did not crash/.test(text)) expect(crashed).toBeUndefined();
  if (/No reply was lost/.test(text)) expect(run.trace.some((e) => e.type === 'response.lost')).toBe(false);
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s: the explanation agrees with the run shown', (_, lesson) => {
  it.each(variants(lesson))('%s', (_name, scenario) => {
    const { run, other, text } = explainFor(lesson, scenario);
    if (other) {
      const [mine, theirs] = text.split('On the orchestration side');
      expectTrueOf(mine, run);
      if (theirs !== undefined) expectTrueOf(theirs, other);
    } else {
      expectTrueOf(text, run);
    }
  });
});

describe('explanations follow the run, not the pinned one', () => {
  const byId = (id: string) => LESSONS.find((l) => l.id === id) as Lesson;

  it('lesson 4 with keys on counts one charge row', () => {
    const lesson = byId('retries-need-keys');
    const text = lesson.question.explain(runScenario({ ...lesson.scenario, idempotencyKeys: true }));
    expect(text).toContain('1 charge row of $40');
    expect(text).not.toMatch(/carried no key/);
  });

  it('lesson 3 with a refund that always fails says an alert was raised, and after the operator resolves it, says so', () => {
    const lesson = byId('undo-is-a-new-action');
    const scenario = { ...lesson.scenario, compensationFailures: { payment: 'always' as const } };
    const stuck = lesson.question.explain(runScenario(scenario));
    expect(stuck).toContain('An alert was raised');
    expect(stuck).not.toContain('No alert was needed');
    const sim = createSimulation(scenario);
    sim.runUntilBlocked();
    sim.operator(0, 'resolve');
    sim.runUntilBlocked();
    settle(sim);
    const resolved = result(sim);
    const text = lesson.question.explain(resolved);
    expectTrueOf(text, resolved);
    expect(text).toContain('an operator resolved it by hand');
  });

  it('lesson 1 with a failing step says what was undone', () => {
    const first = byId('assume-it-works');
    expect(first.question.explain(runScenario({ failAt: 'payment' }))).toContain('newest first: Orders and Inventory');
  });
});
