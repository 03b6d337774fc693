/**
 * A lesson written as JSON, without code: text, a pinned scenario (any built-in or custom saga),
 * a choice / order / number question, and where its answer comes from as a declarative
 * {@link Fact}. {@link lessonFromJson} turns a checked file into the same {@link Lesson} the course
 * renders for its built-in lessons.
 */

import { runScenario, resolveScenario, type Scenario, ScenarioError } from '../../core';
import { formatAnswer } from '../answers';
import type { Answer, ControlId, Lesson, Question, QuestionOption } from '../types';
import { type Fact, FACT_ANSWER, factProblems, readFact } from './facts';

/** A lesson file. */
export interface LessonJson {
  /** a-z, 0-9 and -; not the id of a built-in lesson. */
  id: string;
  title: string;
  /** Short paragraphs read before predicting. */
  text: string[];
  /** Scenario fields, as `runScenario` takes them (`definition` may be a definition object). */
  scenario?: Partial<Scenario>;
  question: {
    kind: 'choice' | 'order' | 'number';
    prompt: string;
    options?: QuestionOption[];
    places?: number;
    min?: number;
    max?: number;
    answer: Fact;
    /** Said after the check; `{answer}` is replaced by the run's answer in words. */
    explain: string;
  };
  /** Controls enabled in "Try it yourself". */
  unlocked?: ControlId[];
  tryIt?: string;
}

export const CONTROL_IDS: readonly ControlId[] = ['failAt', 'keys', 'lost', 'compFail', 'seed', 'mode', 'drop', 'crash', 'buyers', 'stock', 'lock', 'lockPolicy'];
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

type Problem = { path: string; message: string };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

function questionProblems(q: unknown, scenario: Partial<Scenario> | null, out: Problem[]): void {
  if (!isObject(q)) return void out.push({ path: 'question', message: 'must be an object with kind, prompt, answer and explain' });
  const kind = q.kind;
  if (kind !== 'choice' && kind !== 'order' && kind !== 'number') out.push({ path: 'question.kind', message: 'must be choice, order or number' });
  if (!text(q.prompt, 300)) out.push({ path: 'question.prompt', message: 'must be a question (1–300 characters)' });
  if (!text(q.explain, 1000)) out.push({ path: 'question.explain', message: 'must explain the answer (1–1000 characters; {answer} is replaced by the run’s answer)' });
  const factIssues = factProblems(q.answer, 'question.answer');
  out.push(...factIssues);
  const fact = q.answer as Fact;
  if (factIssues.length === 0 && kind !== FACT_ANSWER[fact.fact]) out.push({ path: 'question.answer', message: `the ${fact.fact} fact answers ${article(FACT_ANSWER[fact.fact])} question, not ${article(String(kind))} question` });
  let values: string[] = [];
  if (kind === 'choice' || kind === 'order') {
    const options = q.options;
    if (!Array.isArray(options) || options.length < 2 || options.length > 10 || !options.every((o) => isObject(o) && text(o.value, 40) && text(o.label, 120))) {
      out.push({ path: 'question.options', message: 'must be 2 to 10 options, each { "value": …, "label": … }' });
    } else {
      values = options.map((o) => String(o.value));
      if (new Set(values).size !== values.length) out.push({ path: 'question.options', message: 'option values must be different' });
    }
    if (q.places !== undefined && !(kind === 'order' && Number.isInteger(q.places) && (q.places as number) >= 1 && (q.places as number) <= values.length)) {
      out.push({ path: 'question.places', message: 'only an order question has places: a whole number from 1 to the number of options' });
    }
  }
  if (kind === 'number' && !(Number.isInteger(q.min) && Number.isInteger(q.max) && (q.min as number) <= (q.max as number))) {
    out.push({ path: 'question.min', message: 'a number question needs whole numbers min ≤ max' });
  }
  if (out.length > 0 || !scenario) return;
  // The learner must be able to be right: the run's answer has to be one of the choices.
  const answer = readFact(fact, runScenario(scenario));
  const ok =
    kind === 'choice'
      ? values.includes(answer as string)
      : kind === 'order'
        ? Array.isArray(answer) && answer.length === ((q.places as number | undefined) ?? values.length) && answer.every((v) => values.includes(v))
        : (answer as number) >= (q.min as number) && (answer as number) <= (q.max as number);
  if (!ok) out.push({ path: 'question.answer', message: `the run’s answer (${JSON.stringify(answer)}) cannot be given with these options` });
}

/**
 * Checks a lesson file (any JSON) and returns every problem at its JSON path; empty when it can
 * be shown. The scenario is checked by the core (a bad field is `scenario.<field>`), and the run's
 * answer must be one the question allows.
 */
export function lessonProblems(json: unknown, builtInIds: readonly string[] = []): Problem[] {
  if (!isObject(json)) return [{ path: '', message: 'a lesson must be a JSON object with id, title, text and question' }];
  const out: Problem[] = [];
  if (typeof json.id !== 'string' || !ID.test(json.id)) out.push({ path: 'id', message: 'must be 1–40 characters: a-z, 0-9 and -' });
  else if (builtInIds.includes(json.id)) out.push({ path: 'id', message: `"${json.id}" is a built-in lesson; choose another id` });
  if (!text(json.title, 80)) out.push({ path: 'title', message: 'must be a title (1–80 characters)' });
  if (!Array.isArray(json.text) || json.text.length < 1 || json.text.length > 10 || !json.text.every((p) => text(p, 1000))) {
    out.push({ path: 'text', message: 'must be 1 to 10 paragraphs of 1–1000 characters' });
  }
  let scenario: Partial<Scenario> | null = null;
  if (json.scenario !== undefined && !isObject(json.scenario)) out.push({ path: 'scenario', message: 'must be an object of scenario fields' });
  else {
    try {
      resolveScenario((json.scenario ?? {}) as Partial<Scenario>);
      scenario = (json.scenario ?? {}) as Partial<Scenario>;
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      out.push({ path: `scenario.${e.field}`, message: e.message.slice(e.field.length + 1) });
    }
  }
  if (json.unlocked !== undefined && !(Array.isArray(json.unlocked) && json.unlocked.every((c) => CONTROL_IDS.includes(c as ControlId)))) {
    out.push({ path: 'unlocked', message: `must list controls from ${CONTROL_IDS.join(', ')}` });
  }
  if (json.tryIt !== undefined && !text(json.tryIt, 1000)) out.push({ path: 'tryIt', message: 'must be a suggestion (1–1000 characters)' });
  questionProblems(json.question, out.length === 0 ? scenario : null, out);
  return out;
}

/** The course's lesson for a checked file (see {@link lessonProblems}). */
export function lessonFromJson(json: LessonJson): Lesson {
  const q = json.question;
  const scenario = json.scenario ?? {};
  const read = (run: Parameters<typeof readFact>[1]) => readFact(q.answer, run);
  const expected = read(runScenario(scenario));
  const explain = (run: Parameters<typeof readFact>[1]) => q.explain.replaceAll('{answer}', formatAnswer(question, read(run)));
  const base = { prompt: q.prompt, explain };
  const question: Question =
    q.kind === 'number'
      ? { ...base, kind: 'number', min: q.min ?? 0, max: q.max ?? 0, answer: (run) => read(run) as number, expected: expected as number }
      : q.kind === 'order'
        ? { ...base, kind: 'order', options: q.options ?? [], ...(q.places ? { places: q.places } : {}), answer: (run) => read(run) as readonly string[], expected: expected as readonly string[] }
        : { ...base, kind: 'choice', options: q.options ?? [], answer: (run) => read(run) as string, expected: expected as string };
  return { id: json.id, title: json.title, text: json.text, scenario, unlocked: json.unlocked ?? [], view: 'single', question, tryIt: json.tryIt ?? 'Change the scenario and run it again.' };
}

/** The answer a lesson file's run gives (for authors and tests). */
export const answerOf = (json: LessonJson): Answer => readFact(json.question.answer, runScenario(json.scenario ?? {}));
