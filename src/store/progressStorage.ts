/**
 * The learner's course progress in localStorage, under one versioned key. Pure apart from the
 * storage it is handed: anything missing, corrupt, foreign (another shape or version) or a
 * storage that throws (disabled, sandboxed iframe, quota) reads as "no progress" and is never
 * an error the page can see.
 */

import type { Answer } from '../lessons/types';

/** The one key the course writes. A new shape gets a new version, and old data is ignored. */
export const PROGRESS_KEY = 'saga-sim.progress';
export const PROGRESS_VERSION = 1;

/**
 * How a lesson was done: its question answered right, or answered a second time after a wrong
 * answer showed the explanation (the learner has read why; a third guess teaches nothing more).
 */
export type DoneBy = 'correct' | 'second-try';

/** One lesson the learner has answered: the latest checked prediction, and the tries so far. */
export interface LessonProgress {
  /** The latest checked prediction. */
  answer: Answer;
  /** Whether the latest checked prediction matched the run. */
  correct: boolean;
  /** Checked answers so far, the first included. */
  attempts: number;
  /** Absent while the lesson is not done yet. */
  done?: DoneBy;
}

/**
 * Where the learner left a lesson's question, so a reload shows it again: the prediction locked in,
 * and whether it was checked against the run. "Answer again" forgets it.
 */
export interface SavedPick {
  answer: Answer;
  checked: boolean;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** By lesson id: every lesson answered at least once. Done is {@link LessonProgress.done}. */
  lessons: Readonly<Record<string, LessonProgress>>;
  /** By lesson id: the open prediction of each lesson that has one. Absent when there is none. */
  picks?: Readonly<Record<string, SavedPick>>;
}

/** The parts of `Storage` used here; `window.localStorage` fits, so does a test double. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** No lessons completed. */
export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, lessons: {} });

const LESSON_ID = /^[a-z0-9-]{1,40}$/;
const MAX_LESSONS = 100;
const MAX_TEXT = 200;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

function readAnswer(v: unknown): Answer | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (isShortText(v)) return v;
  if (Array.isArray(v) && v.length <= 20 && v.every(isShortText)) return [...v];
  return undefined;
}

function readEntry(v: unknown): LessonProgress | undefined {
  if (!isPlainObject(v) || typeof v.correct !== 'boolean') return undefined;
  const answer = readAnswer(v.answer);
  if (answer === undefined) return undefined;
  // Entries saved before attempts were counted hold one answer.
  const attempts = Number.isSafeInteger(v.attempts) && (v.attempts as number) >= 1 ? (v.attempts as number) : 1;
  const done = v.done === 'correct' || v.done === 'second-try' ? v.done : v.correct ? 'correct' : undefined;
  return done ? { answer, correct: v.correct, attempts, done } : { answer, correct: v.correct, attempts };
}

function readPick(v: unknown): SavedPick | undefined {
  if (!isPlainObject(v) || typeof v.checked !== 'boolean') return undefined;
  const answer = readAnswer(v.answer);
  return answer === undefined ? undefined : { answer, checked: v.checked };
}

/** Only ids that look like ours: `__proto__` and friends never become keys. */
function readById<T>(data: Record<string, unknown>, read: (v: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(data).slice(0, MAX_LESSONS)) {
    const entry = LESSON_ID.test(id) ? read(value) : undefined;
    if (entry) out[id] = entry;
  }
  return out;
}

/**
 * Progress from stored text. Anything that is not exactly our shape and version gives empty
 * progress; single malformed lesson entries are dropped. Never throws.
 */
export function parseProgress(text: string | null | undefined): Progress {
  if (typeof text !== 'string' || text.length > 100_000) return emptyProgress();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return emptyProgress();
  }
  if (!isPlainObject(data) || data.version !== PROGRESS_VERSION || !isPlainObject(data.lessons)) return emptyProgress();
  const lessons = readById(data.lessons, readEntry);
  // Picks came later than lessons: progress saved without them is still good.
  const picks = isPlainObject(data.picks) ? readById(data.picks, readPick) : {};
  return Object.keys(picks).length > 0 ? { version: PROGRESS_VERSION, lessons, picks } : { version: PROGRESS_VERSION, lessons };
}

/** Reads progress; empty when there is no storage or reading it throws. */
export function loadProgress(storage: StorageLike | null | undefined): Progress {
  try {
    return parseProgress(storage?.getItem(PROGRESS_KEY));
  } catch {
    return emptyProgress();
  }
}

/** Writes progress; false when there is no storage or it refused (quota, disabled). */
export function saveProgress(storage: StorageLike | null | undefined, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Forgets all progress; false when there is no storage or it refused. */
export function clearProgress(storage: StorageLike | null | undefined): boolean {
  if (!storage) return false;
  try {
    storage.removeItem(PROGRESS_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * How a lesson stands after one more checked answer: a right answer makes it done; a wrong one
 * does on the second try or later (the first wrong answer showed the explanation). Once done, a
 * lesson stays done.
 */
export function nextEntry(previous: LessonProgress | undefined, answer: Answer, correct: boolean): LessonProgress {
  const attempts = (previous?.attempts ?? 0) + 1;
  const done: DoneBy | undefined = correct ? 'correct' : (previous?.done ?? (attempts >= 2 ? 'second-try' : undefined));
  return done ? { answer, correct, attempts, done } : { answer, correct, attempts };
}

/** Progress with one more checked answer to a lesson (see {@link nextEntry}); the lesson's pick becomes checked. */
export function recordAnswer(progress: Progress, lessonId: string, answer: Answer, correct: boolean): Progress {
  const lessons = { ...progress.lessons, [lessonId]: nextEntry(progress.lessons[lessonId], answer, correct) };
  return withPick({ ...progress, lessons }, lessonId, { answer, checked: true });
}

/** Progress with a lesson's open prediction set, or forgotten (null). */
export function withPick(progress: Progress, lessonId: string, pick: SavedPick | null): Progress {
  const { picks: old = {}, ...rest } = progress;
  const others = Object.entries(old).filter(([id]) => id !== lessonId);
  const picks: Record<string, SavedPick> = Object.fromEntries(pick ? [...others, [lessonId, pick]] : others);
  return Object.keys(picks).length > 0 ? { ...rest, picks } : rest;
}

/** Whether a lesson counts as done. */
export const isLessonDone = (progress: Progress, lessonId: string): boolean => progress.lessons[lessonId]?.done !== undefined;

/**
 * `window.localStorage`, or null where reading the property itself throws (a sandboxed iframe
 * without same-origin, or storage disabled in the browser).
 */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
