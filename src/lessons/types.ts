/**
 * A lesson is data: text to read, a pinned scenario, a question whose answer is read from the
 * run's trace, and the controls the learner may use afterwards. Adding a lesson needs no new
 * component — the course UI renders any value of {@link Lesson}.
 */

import type { RunResult, Scenario } from '../core';
import type { PanelId } from '../embed/viewOptions';

/** A learner's answer: a choice's value, a sequence of values, or a number. */
export type Answer = string | readonly string[] | number;

/** One option of a choice or order question. `value` is stored; `label` is what the learner reads. */
export interface QuestionOption {
  value: string;
  label: string;
}

interface QuestionBase {
  prompt: string;
  /**
   * Why the run went the way it did, in plain words: a function of the run shown (the pinned one,
   * or whatever "Try it yourself" made of it), never of the pinned run alone. For a side-by-side
   * lesson `other` is the other side's run (the orchestration, when `run` is the choreography).
   */
  explain: (run: RunResult, other?: RunResult) => string;
}

/** Pick one option (radio buttons). */
export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  options: readonly QuestionOption[];
  /** The right option's value, read from the run. */
  answer: (run: RunResult) => string;
  /** The answer the lesson text was written for; a test checks the run still agrees. */
  expected: string;
}

/** Put options in order, one select per place ("1st:", "2nd:", …). */
export interface OrderQuestion extends QuestionBase {
  kind: 'order';
  options: readonly QuestionOption[];
  /** How many places to fill (default: every option). Fewer places than options makes some options wrong. */
  places?: number;
  answer: (run: RunResult) => readonly string[];
  expected: readonly string[];
}

/** Type a whole number. */
export interface NumberQuestion extends QuestionBase {
  kind: 'number';
  min: number;
  max: number;
  answer: (run: RunResult) => number;
  expected: number;
}

export type Question = ChoiceQuestion | OrderQuestion | NumberQuestion;

/** The knobs a lesson can leave enabled for "Try it yourself", named like the URL parameters. */
export type ControlId = 'failAt' | 'compensate' | 'keys' | 'lost' | 'compFail' | 'seed' | 'mode' | 'drop' | 'crash' | 'buyers' | 'stock' | 'lock' | 'lockPolicy';

/** Which view runs the lesson: one run, choreography and orchestration side by side, one run with the race panel, or the trace waterfall. */
export type LessonView = 'single' | 'compare' | 'race' | 'trace';

/** A small comparison table shown with the lesson's text. Cells are plain text. */
export interface LessonTable {
  caption: string;
  /** Column headings; the first column holds the row headings. */
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/**
 * What the page needs of a lesson the moment it opens, before its text arrives: its name, the
 * run it pins and how that run is laid out. The course's outlines are in the first load; the
 * content of lessons 2–7 loads on demand (see `course.ts`).
 */
export interface LessonOutline {
  /** Stable id used in links (`?lesson=…`) and in saved progress: a-z, 0-9 and -. */
  id: string;
  title: string;
  /** The run the question is about. Pinned: the learner cannot change it before answering. */
  scenario: Partial<Scenario>;
  /** Controls enabled in "Try it yourself", after the question is answered. */
  unlocked: readonly ControlId[];
  view?: LessonView;
  /**
   * The panels this lesson has introduced, so only they show while it is open (one idea at a
   * time): the services' tables, the timeline and the narration come first; the invariants, the
   * incident panel, the race and the orchestrator's statechart and log appear when a lesson
   * explains them. The sandbox (and a lesson that lists none) shows every panel.
   */
  panels?: readonly PanelId[];
  /** Open the Code panel beside the run (the question is answered by reading the code). */
  showCode?: boolean;
  /** What the lesson teaches, in one or two sentences: the course summary's line for it. */
  idea?: string;
}

/** What a lesson says and asks: its text, its question and what to try next. */
export interface LessonContent {
  /** Short paragraphs in plain words, read before predicting. */
  text: readonly string[];
  table?: LessonTable;
  question: Question;
  /** What to try next with the unlocked controls. */
  tryIt: string;
  /** A run to show next with one click in "Try it yourself" (lesson 1: the same failure, now with a saga). */
  followUp?: { label: string; scenario: Partial<Scenario> };
}

/** A whole lesson: its outline and its content. */
export interface Lesson extends LessonOutline, LessonContent {}

/** A lesson of the course itself: it always says its idea, which the course summary lists. */
export interface CourseLesson extends Lesson {
  idea: string;
}

/**
 * A lesson of the course as the first load knows it: its outline, with its content either there
 * (lesson 1, whose text is the first visit's largest paint) or fetched on demand.
 */
export interface CourseOutline extends LessonOutline {
  idea: string;
  content: LessonContent | (() => Promise<LessonContent>);
}
