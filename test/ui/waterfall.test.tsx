// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/core';
import { exportTrace } from '../../src/core/trace-export';
import { useUiStore } from '../../src/store/uiStore';
import { App } from '../../src/ui/App';
import { useBaselineStore } from '../../src/ui/waterfall/baselineStore';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
beforeEach(() => {
  useUiStore.setState(useUiStore.getInitialState(), true);
  useBaselineStore.setState({ choice: 'no-faults' });
});
afterEach(cleanup);

async function openTrace(scenario: object) {
  useUiStore.setState({ scenario, view: 'trace' });
  const user = userEvent.setup();
  render(<App />);
  // The trace view loads on demand: a busy machine can take longer than findBy's default second.
  const region = await screen.findByRole('region', { name: 'Trace waterfall' }, { timeout: 10_000 });
  const spans = () => within(within(region).getByRole('list', { name: 'Spans in tree order' })).getAllByRole('button');
  return { user, region, spans };
}

describe('the trace view', () => {
  it('is one of the views, and shows nothing until the run plays', async () => {
    const { region, spans } = await openTrace({ failAt: 'payment' });
    expect(screen.getByRole('button', { name: 'Trace', pressed: true })).toBeInTheDocument();
    expect(within(region).getByText('No spans yet: play the run.')).toBeInTheDocument();
    expect(() => spans()).toThrow();
  });

  it('follows the playback cursor: a call still in flight reads as such', async () => {
    const { user, spans } = await openTrace({ failAt: 'payment' });
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    const names = spans().map((b) => b.getAttribute('aria-label') ?? '');
    expect(names[0]).toMatch(/^saga s-1: the whole saga, on the orchestrator; still in flight/);
    expect(names[1]).toMatch(/^inventory: call from the orchestrator; attempt 1; still in flight/);
    expect(names).toHaveLength(2);
  });

  it('reads each span as a sentence, marks errors, compensations and the diff, and is operable by keyboard', async () => {
    const { user, region, spans } = await openTrace({ failAt: 'payment', lostResponses: { order: 1 } });
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    const labels = spans().map((b) => b.getAttribute('aria-label') ?? '');
    expect(labels).toContainEqual(expect.stringMatching(/^payment: call from the orchestrator; attempt 1; error: card declined for order o-1; /));
    expect(labels).toContainEqual(
      expect.stringMatching(/^order: call from the orchestrator; attempt 1; error: no response within 2000 ms; .*slower than the baseline by/),
    );
    expect(labels).toContainEqual(expect.stringMatching(/^order: handled by Orders; attempt 1; ok; .*reply lost/));
    expect(labels).toContainEqual(
      expect.stringMatching(/^order: call from the orchestrator; attempt 2; ok; .*after waiting 1 s; replayed \(idempotency key\); extra: not in the baseline/),
    );
    expect(labels).toContainEqual(expect.stringMatching(/^compensate inventory: call from the orchestrator; attempt 1; compensation; ok; .*extra/));
    expect(labels).toContainEqual(expect.stringMatching(/^delivery: call from the orchestrator; attempt 1; ok; .*missing: only in the baseline/));
    expect(
      within(region).getByText(/Against the same scenario without faults: the saga took \+[\d.]+ s — 6 extra spans, 8 missing, 2 slower\./),
    ).toBeInTheDocument();
    // One tab stop; arrows move between spans and the details follow the focus.
    const first = spans()[0];
    expect(spans().filter((b) => b.tabIndex === 0)).toEqual([first]);
    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(spans()[3]);
    const details = within(region).getByRole('heading', { name: 'Span details' }).parentElement as HTMLElement;
    expect(details).toHaveTextContent('Idempotency keys-1:order:forward');
    expect(details).toHaveTextContent('Statuserror: no response within 2000 ms');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(spans().at(-1));
    // Home inside the list moves to the first span; it does not restart playback (the spans stay).
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(spans()[0]);
  });

  it('drops the diff when no baseline is chosen, and pins the run on screen as the baseline', async () => {
    const { user, region } = await openTrace({ failAt: 'warehouse' });
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with' }), 'none');
    expect(within(region).queryByText(/^Against/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Pin this run as the baseline' }));
    expect(
      within(region).getByText(/Against the pinned run \(failAt=warehouse\): the saga took \+0 s — 0 extra spans, 0 missing, 0 slower\./),
    ).toBeInTheDocument();
  });

  it('downloads the whole run in each format, the same bytes the CLI prints', async () => {
    const { user } = await openTrace({ failAt: 'payment', seed: 4 });
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:trace';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const group = screen.getByRole('group', { name: 'Download trace' });
    for (const name of ['OTLP/JSON', 'Jaeger JSON', 'Chrome trace (Perfetto)']) await user.click(within(group).getByRole('button', { name }));
    expect(clicked).toEqual(['saga-trace-seed4.otlp.json', 'saga-trace-seed4.jaeger.json', 'saga-trace-seed4.chrome-trace.json']);
    const run = runScenario({ failAt: 'payment', seed: 4 });
    expect(await blobs[0].text()).toBe(exportTrace(run, 'otlp'));
    expect(await blobs[2].text()).toBe(exportTrace(run, 'chrome-trace'));
    expect(within(group).getByRole('status')).toHaveTextContent('Saved saga-trace-seed4.chrome-trace.json.');
    click.mockRestore();
  });
});
