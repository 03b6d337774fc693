// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_DEFINITIONS, runScenario } from '../../src/core';
import { useCourseStore } from '../../src/store/courseStore';
import { useUiStore } from '../../src/store/uiStore';
import { applyLink } from '../../src/ui/course/location';
import { useEditorStore } from '../../src/ui/editor/editorStore';
import { renderApp, setUpApp } from './helpers';

setUpApp();
// The editor loads on demand; load it once up front so no test waits on the first transform.
beforeAll(() => import('../../src/ui/editor/SagaEditor'));
beforeEach(() => {
  useCourseStore.setState(useCourseStore.getInitialState(), true);
  useEditorStore.setState(useEditorStore.getInitialState(), true);
  window.history.replaceState(null, '', '/');
});

const TRIP = BUILT_IN_DEFINITIONS.trip;
/** Step n's fieldset (found by its legend: role queries are slow on a page this size in jsdom). */
const step = (n: number) => {
  const legend = screen.getAllByText(`Step ${n}`, { exact: false, selector: 'legend' }).find((l) => l.textContent?.startsWith(`Step ${n} `));
  const set = legend?.closest('fieldset');
  if (!set) throw new Error(`no step ${n}`);
  return set;
};

describe('Your own saga', () => {
  it('builds the trip, runs it failing at car, exports, re-imports and shares a link that reproduces the run', async () => {
    // Only the narration below the editor: the other panels have their own tests, and each edit re-renders them.
    await act(() => applyLink('?edit=1&panels=narration'));
    const { user, sentences, jumpToEnd } = renderApp();
    expect(await screen.findByText('Your own saga', { selector: 'h2' }, { timeout: 5000 })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Start from'), 'empty');
    await user.click(screen.getByText('Start over from an empty saga', { selector: 'button' }));
    // The rules speak next to their fields while the saga is incomplete.
    expect(within(step(1)).getByLabelText('Service')).toHaveAccessibleDescription(/must be a service name/);
    expect(within(step(1)).getByLabelText('Compensation')).toHaveAccessibleDescription(/a compensatable step needs a compensation/);

    const fill = async (n: number, fields: Record<string, string>) => {
      for (const [label, text] of Object.entries(fields)) {
        const input = within(step(n)).getByLabelText(label);
        // Pasted, not typed key by key: each keystroke of a valid saga makes a new run, slow in jsdom.
        await user.clear(input);
        await user.click(input);
        await user.paste(text);
      }
    };
    await fill(0 + 1, { Id: 'flight', Service: 'Flights', Action: 'book the flight', Compensation: 'cancel the flight' });
    for (const [i, s] of TRIP.steps.slice(1).entries()) {
      await user.click(screen.getByText('Add a step', { selector: 'button' }));
      await fill(i + 2, { Id: s.id, Service: s.service, Action: s.action, ...(s.compensation ? { Compensation: s.compensation } : {}) });
    }
    await user.selectOptions(within(step(4)).getByLabelText('Kind'), 'pivot');
    const top = screen.getByText('Your own saga', { selector: 'h2' }).closest('section') as HTMLElement;
    for (const [label, text] of [
      ['Saga id', 'trip'],
      ['Title', 'Book a trip'],
    ]) {
      await user.clear(within(top).getByLabelText(label));
      await user.click(within(top).getByLabelText(label));
      await user.paste(text);
    }
    expect(screen.getByText('No problems: the run below shows this saga.')).toBeInTheDocument();

    // The run follows: fail at car, and hotel then flight are undone.
    await user.selectOptions(screen.getByLabelText(/Try a failure/), 'car');
    await jumpToEnd();
    const told = sentences().join('\n');
    expect(told).toMatch(/Hotels did it: cancel the hotel[\s\S]*Flights did it: cancel the flight/);
    expect(told).not.toMatch(/charge the card/);

    // Export: the file and the text are the trip, exactly.
    await user.click(screen.getByText('JSON: export and import'));
    const exported = (screen.getByLabelText('This saga as JSON') as HTMLTextAreaElement).value;
    expect(JSON.parse(exported)).toEqual(TRIP);
    let blob: Blob | undefined;
    const create = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:saga';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    await user.click(screen.getByText('Download trip.json', { selector: 'button' }));
    expect(JSON.parse(await (blob as Blob).text())).toEqual(TRIP);

    // Re-import: start over from something else, then load the exported file.
    await user.selectOptions(screen.getByLabelText('Start from'), 'order');
    await user.click(screen.getByText('Start over from the order saga', { selector: 'button' }));
    expect(step(5)).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Import a .json file'), new File([exported], 'trip.json', { type: 'application/json' }));
    expect(await screen.findByText('trip.json loaded: 4 steps, ready to run.')).toBeInTheDocument();
    expect(() => step(5)).toThrow();
    // The order saga had no car, so the failure went with it; the trip is back, as the built-in it equals.
    expect(useUiStore.getState().scenario).toEqual({ definition: 'trip' });

    // A pasted definition that breaks rules is loaded for fixing, with its problems beside the fields.
    await user.click(screen.getByLabelText('Or paste JSON'));
    await user.paste(exported.replace('"hotel"', '"flight"'));
    await user.click(screen.getByText('Load pasted JSON', { selector: 'button' }));
    expect(screen.getByText(/loaded with 1 problem to fix/)).toBeInTheDocument();
    expect(within(step(2)).getByLabelText('Id')).toHaveAccessibleDescription(/"flight" is already the id of an earlier step/);
    expect(screen.getByText(/the run below still shows the last version without problems/)).toBeInTheDocument();
  }, 120_000);

  it('shares a custom saga in the link, and the link reproduces the run in a fresh page', async () => {
    await act(() => applyLink('?edit=1&panels=narration'));
    const { user } = renderApp();
    await screen.findByText('Your own saga', { selector: 'h2' }, { timeout: 5000 });
    await user.selectOptions(screen.getByLabelText('Start from'), 'trip');
    await user.click(screen.getByText('Start over from the trip', { selector: 'button' }));
    await user.click(within(step(3)).getByLabelText('Service'));
    await user.paste(' Inc');
    await user.selectOptions(screen.getByLabelText(/Try a failure/), 'car');
    await waitFor(() => expect(window.location.search).toMatch(/failAt=car.*[?&]def=[A-Za-z0-9_-]+/));
    const link = window.location.search;
    expect(link).toMatch(/edit=1/);
    const shared = document.querySelector<HTMLInputElement>('.share input');
    expect(shared?.value).toMatch(/def=/);

    // A fresh page: stores back to their start, then the link read as on load.
    useUiStore.setState(useUiStore.getInitialState(), true);
    useEditorStore.setState(useEditorStore.getInitialState(), true);
    await act(() => applyLink(link));
    const scenario = useUiStore.getState().scenario;
    expect(scenario.failAt).toBe('car');
    const run = runScenario(scenario);
    expect(run.outcome).toBe('compensated');
    expect(run.trace.find((e) => e.type === 'step.started' && e.step === 'car')).toBeDefined();
    expect(JSON.stringify(scenario.definition)).toMatch(/Cars Inc/);
  });

  it('shows a bad saga in a link as text and runs the order saga', async () => {
    await act(() => applyLink('?def=AAAA&failAt=car'));
    renderApp();
    expect(screen.getByText(/The saga in this link cannot run, so the order saga runs instead/)).toBeInTheDocument();
    expect(useUiStore.getState().scenario.definition).toBeUndefined();
  });
});
