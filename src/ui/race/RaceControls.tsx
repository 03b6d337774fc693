import type { Scenario } from '../../core';
import { ScenarioFields } from '../controls/ScenarioFields';

interface Props {
  /** The scenario with defaults applied (what the run uses). */
  resolved: Scenario;
  onChange: (patch: Partial<Scenario>) => void;
}

/** The race's knobs: how many buyers, how many seats, the semantic lock and what a buyer does on PENDING. */
export function RaceControls({ resolved, onChange }: Props) {
  return (
    <div className="control-row race-controls">
      <ScenarioFields fields={['buyers', 'stock', 'semanticLock', 'lockPolicy']} scenario={resolved} onPatch={onChange} />
    </div>
  );
}
