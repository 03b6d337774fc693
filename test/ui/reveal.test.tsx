// @vitest-environment jsdom
import { renderHook, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSteppedForward } from '../../src/ui/reveal';
import { renderApp, setUpApp } from './helpers';

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

describe('what a step reveals fades in; what a jump reveals does not', () => {
  setUpApp();

  it('marks the newest sentence to fade in after Step forward, and none after Jump to end', async () => {
    const app = renderApp();
    await app.user.click(screen.getByRole('button', { name: 'Step forward' }));
    const afterStep = within(app.narration()).getAllByRole('listitem');
    expect(afterStep.at(-1)).toHaveClass('fade-in');

    await app.jumpToEnd();
    const afterJump = within(app.narration()).getAllByRole('listitem');
    expect(afterJump.length).toBeGreaterThan(afterStep.length);
    // Lines mounted by the jump appear at once; the one revealed by the step keeps the class it mounted with.
    expect(afterJump.slice(afterStep.length).some((li) => li.classList.contains('fade-in'))).toBe(false);
  });
});
