// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../src/store/uiStore';
import { CompareView } from '../../src/ui/compare/CompareView';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
beforeEach(() => useUiStore.setState({ ...useUiStore.getInitialState(), scenario: { mode: 'choreography', dropEvent: 'payment' } }, true));
afterEach(cleanup);

const side = (name: RegExp) => screen.getByRole('region', { name });
/** The "now" a side's timeline shows, from its chart's text alternative ("Timeline from 0 to 3.94 s: …"). */
const nowOf = (region: HTMLElement) => within(region).getByRole('img').getAttribute('aria-label')?.match(/to ([\d.]+ s)/)?.[1];

describe('side by side, silence is felt', () => {
  it('both sides show the one clock; the stuck choreography keeps ticking with a growing "nobody is waiting"', async () => {
    const user = userEvent.setup();
    render(<CompareView />);
    const choreography = () => side(/^Choreography/);
    const orchestration = () => side(/^Orchestration/);
    // Step past the choreography's silence (0.19 s) into the orchestrator's timeout.
    const silences: string[] = [];
    for (let i = 0; i < 20; i++) {
      await user.click(screen.getByRole('button', { name: 'Step forward' }));
      expect(nowOf(choreography())).toBe(nowOf(orchestration()));
      const marker = within(choreography()).queryByText(/‖ nobody is waiting ·/);
      if (marker) silences.push(marker.textContent ?? '');
    }
    expect(silences.length).toBeGreaterThan(1);
    // It grows: later stops show a longer silence.
    const secsOf = (s: string) => Number(s.match(/([\d.]+) s/)?.[1]);
    expect(secsOf(silences[silences.length - 1])).toBeGreaterThan(secsOf(silences[0]));
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    expect(nowOf(choreography())).toBe(nowOf(orchestration()));
    expect(nowOf(choreography())).not.toBe('0.19 s');
    expect(within(orchestration()).queryByText(/‖ nobody is waiting ·/)).not.toBeInTheDocument();
  });
});
