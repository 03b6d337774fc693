/** Checking a learner's answer against the run's, and saying an answer in words. */

import type { Answer, Question } from './types';

/** Places an order question asks for. */
export const placesOf = (q: Question): number => (q.kind === 'order' ? (q.places ?? q.options.length) : 0);

/** True when `given` is a complete answer of the question's kind (every place filled, a whole number in range). */
export function isComplete(q: Question, given: Answer | null | undefined): given is Answer {
  if (given === null || given === undefined) return false;
  switch (q.kind) {
    case 'choice':
      return typeof given === 'string' && q.options.some((o) => o.value === given);
    case 'order':
      return Array.isArray(given) && given.length === placesOf(q) && given.every((v) => q.options.some((o) => o.value === v));
    case 'number':
      return typeof given === 'number' && Number.isInteger(given) && given >= q.min && given <= q.max;
  }
}

/** True when the learner's answer equals the run's. */
export function isCorrect(given: Answer, actual: Answer): boolean {
  if (Array.isArray(given) || Array.isArray(actual)) {
    const a = given as readonly string[];
    const b = actual as readonly string[];
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
  }
  return given === actual;
}

const labelOf = (q: Question, value: string): string => (q.kind === 'number' ? value : (q.options.find((o) => o.value === value)?.label ?? value));

/** An answer in words: the option's label, the labels joined by " → ", or the number. */
export function formatAnswer(q: Question, answer: Answer): string {
  if (Array.isArray(answer)) return answer.length === 0 ? 'none' : answer.map((v) => labelOf(q, v)).join(' → ');
  return typeof answer === 'number' ? String(answer) : labelOf(q, answer as string);
}
