import type { Scenario } from '../../core';
import type { ControlId } from '../../lessons';
import { useUiStore } from '../../store/uiStore';
import { type ControlField, ScenarioFields, withPatch } from '../controls/ScenarioFields';

/** A lesson's control ids are the link's parameter names; the controls know the scenario's field names. */
const FIELD_OF: Record<ControlId, ControlField> = {
  failAt: 'failAt',
  keys: 'idempotencyKeys',
  lost: 'lostResponses',
  compFail: 'compensationFailures',
  seed: 'seed',
  mode: 'mode',
  drop: 'dropEvent',
  crash: 'crash',
  buyers: 'buyers',
  stock: 'stock',
  lock: 'semanticLock',
  lockPolicy: 'lockPolicy',
};

/**
 * The knobs a lesson unlocks, named like the link parameters: the shared scenario controls,
 * so a new lesson only lists the ids it wants. Every change is a new run, shown from its start.
 */
export function LessonControls({ ids }: { ids: readonly ControlId[] }) {
  const scenario = useUiStore((s) => s.scenario);
  const setScenario = useUiStore((s) => s.setScenario);
  const update = (patch: Partial<Scenario>) => setScenario(withPatch(scenario, patch));
  if (ids.length === 0) return null;
  return (
    <div className="control-row lesson-controls">
      {ids.map((id) => (
        <span key={id} className="lesson-control">
          <ScenarioFields fields={[FIELD_OF[id]]} scenario={scenario} onPatch={update} />
        </span>
      ))}
    </div>
  );
}
