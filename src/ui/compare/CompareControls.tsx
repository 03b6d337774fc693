import type { Scenario } from '../../core';
import { ScenarioFields, withPatch } from '../controls/ScenarioFields';

interface Props {
  scenario: Partial<Scenario>;
  onChange: (scenario: Partial<Scenario>) => void;
}

/**
 * The knobs of the side-by-side view. Both sides run the same scenario; only the mode differs,
 * and the crash only exists where there is an orchestrator to crash.
 */
export function CompareControls({ scenario, onChange }: Props) {
  const update = (patch: Partial<Scenario>) => onChange(withPatch(scenario, patch));
  return (
    <section className="controls cmp-controls" aria-label="Scenario for both sides">
      <ScenarioFields fields={['failAt']} scenario={scenario} onPatch={update} />
      <div className="control-row">
        <ScenarioFields fields={['definition', 'dropEvent', 'idempotencyKeys']} scenario={scenario} onPatch={update} />
      </div>
      {scenario.dropEvent && (
        <p className="hint">
          Choreography: the event is lost on the bus and nobody is waiting for it. Orchestration: the service's reply is lost, and the
          orchestrator's timeout notices.
        </p>
      )}
      <fieldset className="cmp-crash">
        <legend>Crash the orchestrator</legend>
        <div className="control-row">
          <ScenarioFields fields={['crash']} scenario={scenario} onPatch={update} />
        </div>
        <p className="hint">
          Only the orchestration side can crash: a choreography has no orchestrator.
          {scenario.crash?.phase === 'compensation' && !scenario.failAt && ' A compensation only runs when a later step fails: pick a failing step above.'}
        </p>
      </fieldset>
    </section>
  );
}
