import type { ReactNode } from 'react';
import { type CrashPoint, STEP_IDS, type Scenario, type StepId } from '../../core';
import type { ControlId } from '../../lessons';
import { useUiStore } from '../../store/uiStore';
import { stepLabel } from '../panels/labels';

/** Drops undefined fields so the scenario stays minimal (and its key stable). */
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const firstEntry = <V,>(map: Partial<Record<StepId, V>> | undefined): [StepId | '', V | undefined] =>
  (Object.entries(map ?? {})[0] as [StepId, V] | undefined) ?? ['', undefined];

function StepSelect({ label, value, none, onChange }: { label: string; value: StepId | ''; none: string; onChange: (step: StepId | undefined) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange((e.target.value || undefined) as StepId | undefined)}>
        <option value="">{none}</option>
        {STEP_IDS.map((s) => (
          <option key={s} value={s}>
            {stepLabel(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The knobs a lesson unlocks, named like the link parameters. One generic component, so a new
 * lesson only lists the ids it wants. Every change is a new run, shown from its start.
 */
export function LessonControls({ ids }: { ids: readonly ControlId[] }) {
  const scenario = useUiStore((s) => s.scenario);
  const setScenario = useUiStore((s) => s.setScenario);
  const update = (patch: Partial<Scenario>) => setScenario(clean({ ...scenario, ...patch }));
  const [lostStep, lostCount = 1] = firstEntry(scenario.lostResponses);
  const [compStep, compCount = 'always'] = firstEntry(scenario.compensationFailures);
  const crash = scenario.crash;
  const setCrash = (patch: Partial<CrashPoint>) => update({ crash: { when: 'after-commit', ...crash, ...patch } as CrashPoint });

  const controls: Record<ControlId, () => ReactNode> = {
    failAt: () => <StepSelect label="Step that fails" value={scenario.failAt ?? ''} none="none" onChange={(failAt) => update({ failAt })} />,
    compensate: () => (
      <label className="check">
        <input type="checkbox" checked={scenario.compensate ?? true} onChange={(e) => update({ compensate: e.target.checked ? undefined : false })} />
        Compensate failures (the saga)
      </label>
    ),
    keys: () => (
      <label className="check">
        <input type="checkbox" checked={scenario.idempotencyKeys ?? true} onChange={(e) => update({ idempotencyKeys: e.target.checked })} />
        Idempotency keys
      </label>
    ),
    lost: () => (
      <>
        <StepSelect label="Lose the reply of" value={lostStep} none="no step" onChange={(s) => update({ lostResponses: s ? { [s]: lostCount } : undefined })} />
        <label>
          Replies lost{' '}
          <select value={lostCount} disabled={!lostStep} onChange={(e) => lostStep && update({ lostResponses: { [lostStep]: Number(e.target.value) } })}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </>
    ),
    compFail: () => (
      <>
        <StepSelect
          label="Compensation that fails"
          value={compStep}
          none="none"
          onChange={(s) => update({ compensationFailures: s ? { [s]: compCount } : undefined })}
        />
        <label>
          It fails{' '}
          <select
            value={String(compCount)}
            disabled={!compStep}
            onChange={(e) => compStep && update({ compensationFailures: { [compStep]: e.target.value === 'always' ? 'always' : Number(e.target.value) } })}
          >
            {['1', '2', '3', 'always'].map((n) => (
              <option key={n} value={n}>
                {n === 'always' ? 'always' : n === '1' ? 'once' : `${n} times`}
              </option>
            ))}
          </select>
        </label>
      </>
    ),
    seed: () => (
      <label>
        Seed{' '}
        <input
          type="number"
          className="narrow"
          inputMode="numeric"
          min={0}
          placeholder="1"
          value={scenario.seed ?? ''}
          onChange={(e) => update({ seed: e.target.value.trim() === '' ? undefined : Math.max(0, Math.floor(Number(e.target.value))) })}
        />
      </label>
    ),
    mode: () => (
      <label>
        Who drives{' '}
        <select value={scenario.mode ?? 'orchestration'} onChange={(e) => update({ mode: e.target.value === 'choreography' ? 'choreography' : undefined })}>
          <option value="orchestration">an orchestrator</option>
          <option value="choreography">choreography (events)</option>
        </select>
      </label>
    ),
    drop: () => <StepSelect label="Drop the message sent by" value={scenario.dropEvent ?? ''} none="no step" onChange={(dropEvent) => update({ dropEvent })} />,
    crash: () => (
      <>
        <StepSelect label="Crash the orchestrator at" value={crash?.step ?? ''} none="no crash" onChange={(s) => (s ? setCrash({ step: s }) : update({ crash: undefined }))} />
        <label>
          Crash moment{' '}
          <select value={crash?.when ?? 'after-commit'} disabled={!crash} onChange={(e) => setCrash({ when: e.target.value === 'before-call' ? 'before-call' : 'after-commit' })}>
            <option value="before-call">before the call</option>
            <option value="after-commit">after the service commits</option>
          </select>
        </label>
      </>
    ),
    buyers: () => (
      <label>
        Buyers{' '}
        <select value={scenario.buyers ?? 1} onChange={(e) => update({ buyers: Number(e.target.value) })}>
          {[1, 2, 3, 4].map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
    ),
    stock: () => (
      <label>
        Stock{' '}
        <select value={scenario.stock ?? 1} onChange={(e) => update({ stock: Number(e.target.value) })}>
          {[1, 2, 3].map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
    ),
    lock: () => (
      <label className="check">
        <input type="checkbox" checked={scenario.semanticLock ?? true} onChange={(e) => update({ semanticLock: e.target.checked })} />
        Semantic lock
      </label>
    ),
    lockPolicy: () => (
      <label>
        On PENDING{' '}
        <select value={scenario.lockPolicy ?? 'fail'} onChange={(e) => update({ lockPolicy: e.target.value === 'wait' ? 'wait' : 'fail' })}>
          <option value="fail">back off and compensate</option>
          <option value="wait">wait and retry</option>
        </select>
      </label>
    ),
  };

  if (ids.length === 0) return null;
  return (
    <div className="control-row lesson-controls">
      {ids.map((id) => (
        <span key={id} className="lesson-control">
          {controls[id]()}
        </span>
      ))}
    </div>
  );
}
