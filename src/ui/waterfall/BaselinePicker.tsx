import { useId } from 'react';
import type { Scenario } from '../../core';
import { toQuery } from '../../embed';
import { type BaselineChoice, useBaselineStore } from './baselineStore';

/** A pinned scenario in a few characters: its link settings, or "defaults". */
export const pinnedLabel = (scenario: Partial<Scenario>): string => `pinned run (${toQuery(scenario).replace(/&/g, ', ') || 'defaults'})`;

/** What the diff is against, in words. */
export function baselineWords(choice: BaselineChoice): string {
  if (choice === 'none') return 'no baseline';
  if (choice === 'no-faults') return 'the same scenario without faults';
  return `the ${pinnedLabel(choice.scenario)}`;
}

/** Picks the baseline of the diff, or pins the run on screen as the baseline for the next experiment. */
export function BaselinePicker({ scenario }: { scenario: Partial<Scenario> }) {
  const id = useId();
  const choice = useBaselineStore((s) => s.choice);
  const setChoice = useBaselineStore((s) => s.setChoice);
  const value = typeof choice === 'string' ? choice : 'pinned';
  const pinnedIsThisRun = typeof choice === 'object' && toQuery(choice.scenario) === toQuery(scenario);
  return (
    <div className="wf-baseline">
      <label htmlFor={`${id}-select`}>Compare with</label>
      <select
        id={`${id}-select`}
        value={value}
        onChange={(e) => {
          if (e.target.value === 'none' || e.target.value === 'no-faults') setChoice(e.target.value);
        }}
      >
        <option value="no-faults">the same scenario without faults</option>
        <option value="none">nothing (no diff)</option>
        {typeof choice === 'object' && <option value="pinned">the {pinnedLabel(choice.scenario)}</option>}
      </select>
      <button type="button" onClick={() => setChoice({ scenario })} disabled={pinnedIsThisRun}>
        Pin this run as the baseline
      </button>
    </div>
  );
}
