import { create } from 'zustand';
import { DEFAULT_SCENARIO, resolveScenario, type Scenario } from '../../core';

/** What the waterfall compares the run with: the same scenario without faults (default), nothing, or a pinned run. */
export type BaselineChoice = 'no-faults' | 'none' | { scenario: Partial<Scenario> };

interface BaselineState {
  choice: BaselineChoice;
  setChoice: (choice: BaselineChoice) => void;
}

/** UI-only state of the trace view: which baseline is chosen. The baseline run itself is computed, never stored. */
export const useBaselineStore = create<BaselineState>()((set) => ({
  choice: 'no-faults',
  setChoice: (choice) => set({ choice }),
}));

/** The scenario fields that inject a fault; without them a run shows the saga working. */
const FAULTS = ['failAt', 'lostResponses', 'compensationFailures', 'serviceDelays', 'dropEvent', 'crash'] as const;

/** The same scenario with every injected fault removed (same seed, mode, buyers, lock and keys). */
export function withoutFaults(scenario: Partial<Scenario>): Partial<Scenario> {
  const out: Partial<Scenario> = { ...scenario };
  for (const f of FAULTS) delete out[f];
  return out;
}

/** The baseline run's scenario for a choice, or undefined for no comparison. */
export function baselineScenario(choice: BaselineChoice, scenario: Partial<Scenario>): Partial<Scenario> | undefined {
  if (choice === 'none') return undefined;
  if (choice === 'no-faults') return withoutFaults(scenario);
  return choice.scenario;
}

/** The store's choice for a link's `baseline` value (absent: the same scenario without faults). */
export function baselineChoiceOf(baseline: 'none' | Scenario | undefined): BaselineChoice {
  if (baseline === undefined) return 'no-faults';
  if (baseline === 'none') return 'none';
  return { scenario: minimal(baseline) };
}

/** The link's `baseline` for the page's view (the page itself travels as `view=trace`; a lesson names its own view). */
export function traceViewOptions(view: string, lessonId: string | null | undefined): { baseline?: 'none' | Scenario } {
  if (view !== 'trace' || lessonId) return {};
  const choice = useBaselineStore.getState().choice;
  if (choice === 'no-faults') return {};
  if (choice === 'none') return { baseline: 'none' };
  try {
    return { baseline: resolveScenario(choice.scenario) };
  } catch {
    // A pinned run the core rejects cannot be shared; the link falls back to the default baseline.
    return {};
  }
}

/** A full scenario without the fields that hold their default, as the stores keep scenarios. */
function minimal(scenario: Scenario): Partial<Scenario> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scenario)) {
    if (v === undefined || JSON.stringify(v) === JSON.stringify((DEFAULT_SCENARIO as unknown as Record<string, unknown>)[k])) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as Partial<Scenario>;
}
