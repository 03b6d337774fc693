import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario, STEP_IDS, type Scenario } from '../../src/core';
import { LESSONS } from '../../src/lessons/all';
import { BUILT_IN_ANSWER_FACTS } from '../../src/lessons/format/builtInFacts';
import { type Fact, readFact } from '../../src/lessons/format/facts';
import { answerOf, type LessonJson, lessonFromJson, lessonProblems } from '../../src/lessons/format/lessonJson';

const example = (): LessonJson => JSON.parse(readFileSync(resolve(__dirname, '../../public/examples/trip-lesson.json'), 'utf8'));
const paths = (json: unknown) => lessonProblems(json, LESSONS.map((l) => l.id)).map((p) => p.path);

describe('the built-in lessons in the fact vocabulary', () => {
  // Each lesson's own scenario, and variations of it, so a fact that only happens to agree once is caught.
  const variations = (s: Partial<Scenario>): Partial<Scenario>[] => [s, ...STEP_IDS.map((failAt) => ({ ...s, failAt })), { ...s, lostResponses: { payment: 1 }, idempotencyKeys: false }, { ...s, buyers: 2, stock: 1, semanticLock: false }];

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: the fact gives what the lesson’s answer function gives, or the file says why not', (id, lesson) => {
    const fact = BUILT_IN_ANSWER_FACTS[id];
    expect(fact).toBeDefined();
    if ('cannot' in fact) return expect(fact.cannot.length).toBeGreaterThan(10);
    for (const s of variations(lesson.scenario)) {
      const run = runScenario(s);
      expect(readFact(fact as Fact, run)).toEqual(lesson.question.answer(run));
    }
  });

  it('leaves exactly three lessons to a function (what happened after the failure, the recovery decision, the longest step in the waterfall)', () => {
    expect(Object.values(BUILT_IN_ANSWER_FACTS).filter((f) => 'cannot' in f)).toHaveLength(3);
  });
});

describe('a lesson written as JSON', () => {
  it('the README example loads: a trip failing at car, its undo order read from the run', () => {
    expect(lessonProblems(example())).toEqual([]);
    expect(answerOf(example())).toEqual(['hotel', 'flight']);
    const lesson = lessonFromJson(example());
    const run = runScenario(lesson.scenario);
    expect(lesson.question.kind).toBe('order');
    expect(lesson.question.answer(run)).toEqual(['hotel', 'flight']);
    expect(lesson.question.explain(run)).toMatch(/^They ran Hotels cancels the hotel → Flights cancels the flight: the reverse/);
  });

  it('reads rowCount with where, alertRaised and violated from any saga’s tables', () => {
    const run = runScenario({ definition: 'trip', failAt: 'car' });
    expect(readFact({ fact: 'rowCount', table: 'flight' }, run)).toBeGreaterThan(0);
    expect(readFact({ fact: 'rowCount', table: 'nope' }, run)).toBe(0);
    expect(readFact({ fact: 'alertRaised' }, run)).toBe('no');
    const charged = runScenario({ lostResponses: { payment: 1 }, idempotencyKeys: false });
    expect(readFact({ fact: 'rowCount', table: 'payments', where: { kind: 'charge' } }, charged)).toBe(2);
    expect(readFact({ fact: 'violated', invariant: 'no-double-charge' }, charged)).toBe('yes');
    expect(readFact({ fact: 'eventCount', type: 'step.started', step: 'payment' }, charged)).toBe(2);
  });

  it('names every problem at its JSON path', () => {
    const bad = example() as unknown as Record<string, unknown>;
    expect(paths({ ...bad, id: 'assume-it-works' })).toEqual(['id']);
    expect(paths({ ...bad, scenario: { ...example().scenario, failAt: 'warehouse' } })).toEqual(['scenario.failAt']);
    expect(paths({ ...bad, question: { ...example().question, answer: { fact: 'outcome' } } })).toEqual(['question.answer']);
    expect(paths({ ...bad, question: { ...example().question, answer: { fact: 'guess' } } })).toEqual(['question.answer.fact']);
    expect(paths({ ...bad, question: { ...example().question, places: 3 } })).toEqual(['question.answer']);
    expect(paths({ ...bad, question: { ...example().question, options: [{ value: 'x', label: 'X' }] } })).toEqual(['question.options', 'question.places']);
    expect(paths({ ...bad, text: [], unlocked: ['everything'] })).toEqual(['text', 'unlocked']);
    expect(paths([])).toEqual(['']);
    const mismatch = lessonProblems({ ...bad, question: { ...example().question, answer: { fact: 'outcome' } } })[0].message;
    expect(mismatch).toBe('the outcome fact answers a choice question, not an order question');
  });
});
