// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSteppedForward } from '../../src/ui/reveal';

const STOPS = [0, 3, 5, 9, 12];

describe('useSteppedForward (whether newly revealed things fade in)', () => {
  it('is true after one step forward and false after a jump, a step back or a scrub', () => {
    const { result, rerender } = renderHook(({ cursor }) => useSteppedForward(cursor, STOPS), { initialProps: { cursor: 0 } });
    expect(result.current).toBe(false);
    rerender({ cursor: 3 });
    expect(result.current).toBe(true);
    rerender({ cursor: 5 });
    expect(result.current).toBe(true);
    rerender({ cursor: 12 });
    expect(result.current).toBe(false);
    rerender({ cursor: 9 });
    expect(result.current).toBe(false);
    rerender({ cursor: 12 });
    expect(result.current).toBe(true);
  });

  it('keeps its answer while the cursor stays put (a re-render for another reason)', () => {
    const { result, rerender } = renderHook(({ cursor }) => useSteppedForward(cursor, STOPS), { initialProps: { cursor: 0 } });
    rerender({ cursor: 3 });
    rerender({ cursor: 3 });
    expect(result.current).toBe(true);
  });
});
