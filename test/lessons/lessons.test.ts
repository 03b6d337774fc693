import { describe, expect, it } from 'vitest';
import { runScenario, STEP_IDS } from '../../src/core';
import { parseQuery, toQuery } from '../../src/embed';
import { COURSE, formatAnswer, isComplete, isCorrect, LESSON_IDS, LESSONS, lessonIfLoaded, nextLesson } from '../../src/lessons/all';

// Every lesson is checked against the simulator itself: if the core changes how a scenario runs,
// the lesson's text and documented answer must change with it.
describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_, lesson) => {
  const run = runScenario(lesson.scenario);
  const q = lesson.question;
  const answer = q.answer(run);

  it('its pinned scenario runs without a scenario error', () => {
    expect(run.trace.length).toBeGreaterThan(0);
    expect(['completed', 'compensated', 'needs-attention', 'stuck']).toContain(run.outcome);
  });

  it('the answer read from the run is the documented one, and a valid answer', () => {
    expect(answer).toEqual(q.expected);
    expect(isComplete(q, answer)).toBe(true);
    expect(isCorrect(answer, q.expected)).toBe(true);
  });

  it('explain() mentions the answer, in words or by its value', () => {
    const text = q.explain(run);
    if (typeof answer === 'string' && text.includes(answer)) return;
    expect(text).toContain(formatAnswer(q, answer));
  });

  it('has text, a prompt, a try-it prompt and labelled options', () => {
    expect(lesson.text.length).toBeGreaterThan(0);
    expect(lesson.text.every((p) => p.trim().length > 0)).toBe(true);
    expect(q.prompt.trim()).not.toBe('');
    expect(lesson.tryIt.trim()).not.toBe('');
    if (q.kind !== 'number') {
      expect(new Set(q.options.map((o) => o.value)).size).toBe(q.options.length);
      expect(q.options.every((o) => o.label.trim() !== '')).toBe(true);
    }
  });

  it('is reachable by a link that reproduces its scenario', () => {
    const parsed = parseQuery(toQuery(lesson.scenario, { lesson: lesson.id }), { lessonIds: LESSON_IDS });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.view.lesson).toBe(lesson.id);
    expect(runScenario(parsed.scenario).trace).toEqual(run.trace);
  });
});

describe('the course', () => {
  it('has seven lessons with unique, link-safe ids, in order', () => {
    expect(LESSONS).toHaveLength(7);
    expect(new Set(LESSON_IDS).size).toBe(7);
    for (const id of LESSON_IDS) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(lessonIfLoaded(LESSON_IDS[2])).toBe(LESSONS[2]);
    expect(nextLesson(LESSON_IDS[0])).toBe(COURSE[1]);
    expect(nextLesson(LESSON_IDS[6])).toBeUndefined();
  });

  it('a wrong prediction is marked wrong, and an incomplete one is not an answer', () => {
    const [first] = LESSONS;
    expect(isCorrect([...STEP_IDS].reverse(), first.question.expected)).toBe(false);
    expect(isComplete(first.question, ['inventory'])).toBe(false);
    expect(isComplete(first.question, null)).toBe(false);
  });

  it('lesson 4 and lesson 6 change their answers with the keys, as their try-it prompts promise', () => {
    const keys = lessonIfLoaded('retries-need-keys');
    const crash = lessonIfLoaded('the-concepts-stay');
    if (!keys || !crash) throw new Error('lessons missing');
    expect(keys.question.answer(runScenario({ ...keys.scenario, idempotencyKeys: true }))).toBe(1);
    expect(crash.question.answer(runScenario({ ...crash.scenario, idempotencyKeys: false }))).toBe('none');
    const lock = lessonIfLoaded('sagas-are-not-isolated');
    expect(lock?.question.answer(runScenario({ ...lock.scenario, semanticLock: true }))).toBe(1);
  });
});
