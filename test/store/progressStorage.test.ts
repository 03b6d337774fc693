import { describe, expect, it } from 'vitest';
import {
  clearProgress,
  emptyProgress,
  isLessonDone,
  loadProgress,
  PROGRESS_KEY,
  parseProgress,
  recordAnswer,
  type StorageLike,
  saveProgress,
  withPick,
} from '../../src/store/progressStorage';

/** An in-memory Storage. */
function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** A Storage whose every method throws, like localStorage in a sandboxed iframe or with storage disabled. */
const throwingStorage: StorageLike = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

describe('progress storage', () => {
  it('round-trips answers of every kind under one versioned key', () => {
    const storage = memoryStorage();
    let p = recordAnswer(emptyProgress(), 'assume-it-works', ['inventory', 'order'], true);
    p = recordAnswer(p, 'retries-need-keys', 2, false);
    p = recordAnswer(p, 'someone-has-to-drive', 'stuck', true);
    expect(saveProgress(storage, p)).toBe(true);
    expect([...storage.data.keys()]).toEqual([PROGRESS_KEY]);
    expect(loadProgress(storage)).toEqual(p);
  });

  it('counts attempts: a lesson is done when answered right, or on the second try, and stays done', () => {
    let p = recordAnswer(emptyProgress(), 'a', 'x', false);
    expect(p.lessons.a).toEqual({ answer: 'x', correct: false, attempts: 1 });
    expect(isLessonDone(p, 'a')).toBe(false);
    p = recordAnswer(p, 'a', 'y', false);
    expect(p.lessons.a).toEqual({ answer: 'y', correct: false, attempts: 2, done: 'second-try' });
    p = recordAnswer(p, 'a', 'z', true);
    expect(p.lessons.a).toEqual({ answer: 'z', correct: true, attempts: 3, done: 'correct' });
    p = recordAnswer(p, 'a', 'y', false);
    expect(p.lessons.a).toEqual({ answer: 'y', correct: false, attempts: 4, done: 'correct' });
    expect(recordAnswer(emptyProgress(), 'b', 1, true).lessons.b).toEqual({ answer: 1, correct: true, attempts: 1, done: 'correct' });
  });

  it('reads entries saved before attempts were counted as one attempt, done only when right', () => {
    const text = JSON.stringify({ version: 1, lessons: { a: { answer: 1, correct: true }, b: { answer: 2, correct: false }, c: { answer: 3, correct: false, attempts: 0, done: 'maybe' } } });
    expect(parseProgress(text).lessons).toEqual({
      a: { answer: 1, correct: true, attempts: 1, done: 'correct' },
      b: { answer: 2, correct: false, attempts: 1 },
      c: { answer: 3, correct: false, attempts: 1 },
    });
  });

  it('reads missing progress as none', () => {
    expect(loadProgress(memoryStorage())).toEqual(emptyProgress());
    expect(loadProgress(null)).toEqual(emptyProgress());
  });

  it.each([
    ['garbage', '{garbage'],
    ['empty text', ''],
    ['a number', '42'],
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['another version', JSON.stringify({ version: 2, lessons: { a: { answer: 1, correct: true } } })],
    ['no version', JSON.stringify({ lessons: {} })],
    ['lessons as a list', JSON.stringify({ version: 1, lessons: [] })],
  ])('ignores corrupt or foreign data (%s)', (_, text) => {
    expect(loadProgress(memoryStorage({ [PROGRESS_KEY]: text }))).toEqual(emptyProgress());
  });

  it('keeps the good entries and drops malformed ones', () => {
    const text = JSON.stringify({
      version: 1,
      lessons: {
        good: { answer: 'stuck', correct: true },
        'no-correct': { answer: 'stuck' },
        'bad-answer': { answer: { nested: true }, correct: true },
        'NOT an id': { answer: 1, correct: true },
      },
    });
    // A literal __proto__ key (JSON.parse makes it an own property; an object literal would not).
    const p = parseProgress(text.replace('"good"', '"__proto__":{"answer":1,"correct":true},"good"'));
    expect(Object.keys(p.lessons)).toEqual(['good']);
    expect(Object.getPrototypeOf(p.lessons)).toBe(Object.prototype);
  });

  it('never throws when storage throws: reads as empty, writes report false', () => {
    expect(loadProgress(throwingStorage)).toEqual(emptyProgress());
    expect(saveProgress(throwingStorage, recordAnswer(emptyProgress(), 'x', 1, true))).toBe(false);
    expect(clearProgress(throwingStorage)).toBe(false);
  });

  it('reset clears the stored progress', () => {
    const storage = memoryStorage();
    saveProgress(storage, recordAnswer(emptyProgress(), 'assume-it-works', 1, true));
    expect(clearProgress(storage)).toBe(true);
    expect(loadProgress(storage)).toEqual(emptyProgress());
  });

  it('keeps each lesson\'s open prediction (locked in, then checked) and forgets it on request', () => {
    const storage = memoryStorage();
    let p = withPick(emptyProgress(), 'assume-it-works', { answer: 'left', checked: false });
    expect(p.picks).toEqual({ 'assume-it-works': { answer: 'left', checked: false } });
    p = recordAnswer(p, 'assume-it-works', 'left', true);
    expect(p.picks).toEqual({ 'assume-it-works': { answer: 'left', checked: true } });
    p = withPick(p, 'retries-need-keys', { answer: 2, checked: false });
    saveProgress(storage, p);
    expect(loadProgress(storage)).toEqual(p);
    p = withPick(withPick(p, 'assume-it-works', null), 'retries-need-keys', null);
    expect(p).toEqual({ version: 1, lessons: p.lessons });
  });

  it('drops malformed picks and reads progress saved before picks existed', () => {
    const text = JSON.stringify({
      version: 1,
      lessons: {},
      picks: { good: { answer: ['a', 'b'], checked: false }, 'no-checked': { answer: 1 }, 'bad-answer': { answer: { x: 1 }, checked: true }, 'NOT an id': { answer: 1, checked: true } },
    });
    expect(parseProgress(text).picks).toEqual({ good: { answer: ['a', 'b'], checked: false } });
    expect(parseProgress(JSON.stringify({ version: 1, lessons: {}, picks: [1] }))).toEqual(emptyProgress());
  });
});
