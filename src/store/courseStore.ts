import { create } from 'zustand';
import type { Warning } from '../embed';
import type { Answer } from '../lessons/types';
import { browserStorage, clearProgress, emptyProgress, loadProgress, type Progress, recordAnswer, saveProgress } from './progressStorage';

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
  /** The host's origin from the link; never changed by a host command. */
  parentOrigin?: string;
  /** Whether playback stands at the end of the run shown (reported by the view). */
  atEnd: boolean;
  openLesson: (lessonId: string | null, phase?: LessonPhase) => void;
  lockPrediction: (answer: Answer) => void;
  /** Records the checked answer (saved), and opens "Try it yourself". */
  answer: (correct: boolean) => void;
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
  atEnd: false,
  openLesson: (lessonId, phase = 'predict') => set({ lessonId, phase, prediction: null, correct: null, atEnd: false }),
  lockPrediction: (answer) => set({ prediction: answer, phase: 'watch', atEnd: false }),
  answer: (correct) => {
    const { lessonId, prediction, progress } = get();
    if (lessonId === null || prediction === null) return;
    const next = recordAnswer(progress, lessonId, prediction, correct);
    saveProgress(browserStorage(), next);
    set({ progress: next, correct, phase: 'answered' });
  },
  resetProgress: () => {
    clearProgress(browserStorage());
    set({ progress: emptyProgress() });
  },
  setWarnings: (warnings) => set({ warnings }),
  setAtEnd: (atEnd) => set({ atEnd }),
}));
