// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { runScenario, type TraceEvent } from '../../src/core';
import { CodePanel } from '../../src/ui/code/CodePanel';
import { CodeSlot } from '../../src/ui/code/CodeSlot';
import { anchorAt } from '../../src/ui/code/codeCursor';
import { highlight } from '../../src/ui/code/highlight';

const cursorAfter = (trace: readonly TraceEvent[], pred: (e: TraceEvent) => boolean) => trace.findIndex(pred) + 1;

describe('anchorAt: where the run is in its code', () => {
  const { trace } = runScenario({ failAt: 'warehouse', compensationFailures: { payment: 1 } });
  it('follows calls, compensations and the wait before a retry, and stops at the end', () => {
    expect(anchorAt(trace, 0)).toBeUndefined();
    expect(anchorAt(trace, cursorAfter(trace, (e) => e.type === 'step.started' && e.step === 'order'))).toEqual({ step: 'order', phase: 'forward', part: 'call' });
    expect(anchorAt(trace, cursorAfter(trace, (e) => e.type === 'compensation.started'))).toEqual({ step: 'payment', phase: 'compensation', part: 'call' });
    expect(anchorAt(trace, cursorAfter(trace, (e) => e.type === 'compensation.retrying'))).toEqual({ step: 'payment', phase: 'compensation', part: 'retry' });
    expect(anchorAt(trace, trace.length)).toBeUndefined();
  });

  it('is nowhere while the orchestrator is down, and back on the call in flight once it re-runs it', () => {
    const crash = runScenario({ crash: { step: 'payment', when: 'after-commit' } }).trace;
    expect(anchorAt(crash, cursorAfter(crash, (e) => e.type === 'orchestrator.crashed'))).toBeUndefined();
    const recovered = cursorAfter(crash, (e) => e.type === 'orchestrator.recovered');
    const rerun = recovered + crash.slice(recovered).findIndex((e) => e.type === 'step.started') + 1;
    expect(anchorAt(crash, rerun)).toEqual({ step: 'payment', phase: 'forward', part: 'call' });
  });
});

describe('highlight', () => {
  it('colours JSON keys, strings and numbers, and TypeScript keywords, strings and comments', () => {
    const [json] = highlight('  "MaxAttempts": 2, "Next": "Saga completed"', 'json');
    expect(json.filter((t) => t.kind !== 'plain')).toEqual([
      { kind: 'key', text: '"MaxAttempts"' },
      { kind: 'number', text: '2' },
      { kind: 'key', text: '"Next"' },
      { kind: 'string', text: '"Saga completed"' },
    ]);
    const ts = highlight("/**\n * doc\n */\nconst a = 'x'; // why", 'typescript');
    expect(ts[1]).toEqual([{ kind: 'comment', text: ' * doc' }]);
    expect(ts[3].filter((t) => t.kind !== 'plain').map((t) => t.kind)).toEqual(['keyword', 'string', 'comment']);
  });
});

describe('CodePanel', () => {
  afterEach(cleanup);
  const run = runScenario({ failAt: 'payment' });
  const view = (cursor: number) => ({ scenario: run.scenario, trace: run.trace, cursor });

  it('highlights the ASL state of the compensation being executed, and says so', () => {
    const cursor = cursorAfter(run.trace, (e) => e.type === 'compensation.started' && e.step === 'order');
    const { container } = render(<CodePanel run={view(cursor)} />);
    const active = [...container.querySelectorAll('[data-active]')].map((l) => l.textContent).join('');
    expect(active).toMatch(/^\s*\d+\s*"Cancel the order": \{/);
    expect(screen.getByTestId('code-where').textContent).toMatch(/^Now: order's compensation — lines \d+–\d+ of statemachine\.asl\.json\.$/);
  });

  it('with several buyers, follows buyer 1 and says so', () => {
    const race = runScenario({ buyers: 2 });
    const cursor = cursorAfter(race.trace, (e) => e.type === 'step.started' && e.saga === 's-1');
    render(<CodePanel run={{ scenario: race.scenario, trace: race.trace, cursor }} />);
    expect(screen.getByTestId('code-where').textContent).toMatch(/^Now: Buyer 1’s saga — the inventory step — lines/);
  });

  it('works for the trip like for any definition: the car is returned first', () => {
    const trip = runScenario({ definition: 'trip', failAt: 'payment' });
    const cursor = cursorAfter(trip.trace, (e) => e.type === 'compensation.started');
    const { container } = render(<CodePanel run={{ scenario: trip.scenario, trace: trip.trace, cursor }} />);
    expect(container.querySelector('[data-active]')?.textContent).toMatch(/"Return the car": \{/);
    expect(screen.getByTestId('code-where').textContent).toMatch(/^Now: car's compensation — lines/);
  });

  it('has a tab per engine (arrow keys move between them) and the Temporal workflow highlights the same call', async () => {
    const cursor = cursorAfter(run.trace, (e) => e.type === 'compensation.started' && e.step === 'order');
    const { container } = render(<CodePanel run={view(cursor)} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Step Functions', 'Temporal', 'Durable Functions', 'Hand-rolled']);
    tabs[0].focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Temporal' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Temporal' })).toHaveFocus();
    expect(container.querySelector('[data-active]')?.textContent).toContain("orderUndo.cancelTheOrder(input, key('order', 'compensate'))");
    fireEvent.click(screen.getByRole('button', { name: 'activities.ts' }));
    expect(container.querySelector('[data-active]')).toBeNull();
    expect(screen.getByTestId('code-where').textContent).toBe("Now: order's compensation, in workflows.ts.");
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'activities.ts');
  });

  it('says why nothing is executing: before the first call, while the orchestrator is down, after the end', () => {
    const { rerender } = render(<CodePanel run={view(0)} />);
    expect(screen.getByTestId('code-where').textContent).toMatch(/^Nothing is executing yet/);
    rerender(<CodePanel run={view(run.trace.length)} />);
    expect(screen.getByTestId('code-where').textContent).toBe('Nothing is executing: the saga ended compensated.');
    const crash = runScenario({ crash: { step: 'payment', when: 'after-commit' } });
    const at = (type: string) => ({ scenario: crash.scenario, trace: crash.trace, cursor: cursorAfter(crash.trace, (e) => e.type === type) });
    rerender(<CodePanel run={at('orchestrator.crashed')} />);
    expect(screen.getByTestId('code-where').textContent).toMatch(/^Nothing is executing: the orchestrator is down/);
    rerender(<CodePanel run={at('orchestrator.recovered')} />);
    expect(screen.getByTestId('code-where').textContent).toBe('Nothing is executing yet: the orchestrator has restarted and read its log.');
  });
});

describe('CodeSlot', () => {
  afterEach(cleanup);
  it('loads the code only once the panel is opened (or starts open for a lesson)', async () => {
    const run = runScenario({});
    const view = { scenario: run.scenario, trace: run.trace, cursor: 0 };
    const { container } = render(<CodeSlot run={view} />);
    expect(screen.queryByRole('tablist')).toBeNull();
    const details = container.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await screen.findByRole('tablist', { name: 'Engine' }, { timeout: 5000 })).toBeInTheDocument();
    cleanup();
    render(<CodeSlot run={view} defaultOpen />);
    expect(await screen.findByRole('tablist', { name: 'Engine' }, { timeout: 5000 })).toBeInTheDocument();
  });
});
