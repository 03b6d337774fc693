import { create } from 'zustand';
import type { Warning } from '../embed';
import type { Answer } from '../lessons/types';
import { browserStorage, clearProgress, emptyProgress, type LessonProgress, loadProgress, type Progress, recordAnswer, saveProgress, withPick } from './progressStorage';

// Names runs on this page: a random prefix per page load (two frames never clash) and a counter.
const PAGE_PREFIX = (() => {
  const bytes = new Uint32Array(1);
  globalThis.crypto?.getRandomValues?.(bytes);
  return bytes[0].toString(36).padStart(7, '0');
})();
let runCounter = 0;
/** A fresh run id, such as `k2x9q0a-3`. */
export const nextRunId = (): string => `${PAGE_PREFIX}-${++runCounter}`;

/**
 * Where the learner is in a lesson:
 * - `predict`: reading and answering before the run is shown;
 * - `watch`: the run plays; the prediction is locked in;
 * - `answered`: the prediction was checked against the run; "Try it yourself" is open;
 * - `explore`: the lesson was opened with other settings than its own (a shared link): try it, no question.
 */
export type LessonPhase = 'predict' | 'watch' | 'answered' | 'explore';

/**
 * UI-only state of the course: which lesson is open and how far along, the saved progress,
 * link warnings, and how the page is embedded. The run itself is never copied here.
 */
export interface CourseState {
  /** The open lesson's id; null is the sandbox. */
  lessonId: string | null;
  phase: LessonPhase;
  /** The learner's locked-in prediction for the open lesson. */
  prediction: Answer | null;
  /** Whether the prediction matched the run (set in `answered`). */
  correct: boolean | null;
  progress: Progress;
  /** What the link (or the host's load command) asked for that could not be used. */
  warnings: readonly Warning[];
  /** Compact layout without site chrome; talks to its host page. */
  embed: boolean;
  /** Kept from the link: start playing on load. */
  autoplay: boolean;
  /** Kept from the link: post checked answers as xAPI statements too. */
  xapi: boolean;
  /** The host's origin from the link; never changed by a host command. */
  parentOrigin?: string;
  /** Whether playback stands at the end of the run shown (reported by the view). */
  atEnd: boolean;
  /** Names the run on screen for the host page; a new run (new scenario, new prediction) gets a new id. */
  runId: string;
  /** Wall-clock ms when the open lesson's question was shown, for the answer's duration. */
  questionShownAt: number;
  /** False once saving progress failed (storage blocked, e.g. in a cross-site frame): the learner is told. */
  progressSaved: boolean;
  /** A stop the host or the link asked to pause at; the playback view seeks there and clears it. */
  seekStop: number | null;
  /** The playback stop on screen and the last one ("event index of last"), reported by the view. */
  stop: { index: number; last: number };
  /** Counts the host's `ping`s: each one re-sends the page's height. */
  pings: number;
  openLesson: (lessonId: string | null, phase?: LessonPhase) => void;
  /** Locks the prediction in (saved, so a reload shows it again) and starts watching. */
  lockPrediction: (answer: Answer) => void;
  /**
   * Shows the open lesson where the learner left it: a prediction locked in (`correct` null: watching
   * again), or one checked (its verdict, the run at its end).
   */
  resume: (prediction: Answer, correct: boolean | null) => void;
  /** Forgets the open lesson's saved prediction ("Answer again", or one the question no longer has). */
  forgetPick: () => void;
  /** Records the checked answer (saved), opens "Try it yourself", and returns the lesson's new standing. */
  answer: (correct: boolean) => LessonProgress | null;
  /** Gives the run on screen a new id. */
  newRun: () => void;
  resetProgress: () => void;
  setWarnings: (warnings: readonly Warning[]) => void;
  setAtEnd: (atEnd: boolean) => void;
}

export const useCourseStore = create<CourseState>()((set, get) => ({
  lessonId: null,
  phase: 'predict',
  prediction: null,
  correct: null,
  progress: loadProgress(browserStorage()),
  warnings: [],
  embed: false,
  autoplay: false,
  xapi: false,
  atEnd: false,
  runId: nextRunId(),
  questionShownAt: Date.now(),
  // A frame without storage at all (sandboxed without same-origin) is known from the start.
  progressSaved: browserStorage() !== null,
  seekStop: null,
  pings: 0,
  stop: { index: 0, last: 0 },
  openLesson: (lessonId, phase = 'predict') =>
    set({ lessonId, phase, prediction: null, correct: null, atEnd: false, runId: nextRunId(), questionShownAt: Date.now() }),
  // Watching again is a new run for the host: it hears `run-finished` once more.
  lockPrediction: (answer) => {
    const { lessonId, progress } = get();
    const next = lessonId === null ? progress : withPick(progress, lessonId, { answer, checked: false });
    const saved = lessonId === null ? get().progressSaved : saveProgress(browserStorage(), next);
    set({ prediction: answer, phase: 'watch', atEnd: false, runId: nextRunId(), seekStop: null, progress: next, progressSaved: saved });
  },
  // A checked answer reopens at the end of its run, where the verdict was read (or at the moment a link names).
  resume: (prediction, correct) =>
    set({ prediction, correct, phase: correct === null ? 'watch' : 'answered', seekStop: correct === null ? null : (get().seekStop ?? Number.MAX_SAFE_INTEGER) }),
  forgetPick: () => {
    const { lessonId, progress } = get();
    if (lessonId === null || !progress.picks?.[lessonId]) return;
    const next = withPick(progress, lessonId, null);
    set({ progress: next, progressSaved: saveProgress(browserStorage(), next) });
  },
  answer: (correct) => {
    const { lessonId, prediction, progress } = get();
    if (lessonId === null || prediction === null) return null;
    const next = recordAnswer(progress, lessonId, prediction, correct);
    const saved = saveProgress(browserStorage(), next);
    set({ progress: next, correct, phase: 'answered', progressSaved: saved });
    return next.lessons[lessonId] ?? null;
  },
  newRun: () => set({ runId: nextRunId(), atEnd: false }),
  resetProgress: () => {
    clearProgress(browserStorage());
    set({ progress: emptyProgress() });
  },
  setWarnings: (warnings) => set({ warnings }),
  setAtEnd: (atEnd) => set({ atEnd }),
}));
