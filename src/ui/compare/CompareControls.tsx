import { type CrashPoint, STEP_IDS, type Scenario, type StepId } from '../../core';
import { stepLabel } from '../panels/labels';

/** Drops undefined fields so the scenario stays minimal (and its key stable). */
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const MOMENTS: { value: CrashPoint['when']; label: string }[] = [
  { value: 'before-call', label: 'before the call' },
  { value: 'after-commit', label: 'after the service commits' },
];

interface Props {
  scenario: Partial<Scenario>;
  onChange: (scenario: Partial<Scenario>) => void;
}

/**
 * The knobs of the side-by-side view. Both sides run the same scenario; only the mode differs,
 * and the crash only exists where there is an orchestrator to crash.
 */
export function CompareControls({ scenario, onChange }: Props) {
  const update = (patch: Partial<Scenario>) => onChange(clean({ ...scenario, ...patch }));
  const crash = scenario.crash;
  const setCrash = (patch: Partial<CrashPoint>) => {
    const next = { when: 'after-commit' as const, ...crash, ...patch } as CrashPoint;
    update({ crash: clean<CrashPoint>({ ...next, phase: next.phase === 'compensation' ? 'compensation' : undefined }) });
  };

  return (
    <section className="controls cmp-controls" aria-label="Scenario for both sides">
      <fieldset className="failure-picker">
        <legend>Which step fails?</legend>
        <div className="toggle-group">
          <button type="button" aria-pressed={scenario.failAt === undefined} onClick={() => update({ failAt: undefined })}>
            No failure
          </button>
          {STEP_IDS.map((step) => (
            <button key={step} type="button" aria-pressed={scenario.failAt === step} onClick={() => update({ failAt: step })}>
              {stepLabel(step)}
            </button>
          ))}
        </div>
      </fieldset>

      <div className="control-row">
        <label>
          Drop the event that{' '}
          <select
            aria-label="Drop the event that … publishes"
            value={scenario.dropEvent ?? ''}
            onChange={(e) => update({ dropEvent: (e.target.value || undefined) as StepId | undefined })}
          >
            <option value="">no step (drop nothing)</option>
            {STEP_IDS.map((s) => (
              <option key={s} value={s}>
                {stepLabel(s)}
              </option>
            ))}
          </select>{' '}
          publishes
        </label>
        <label className="check">
          <input type="checkbox" checked={scenario.idempotencyKeys ?? true} onChange={(e) => update({ idempotencyKeys: e.target.checked })} />
          Idempotency keys
        </label>
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
          <label>
            at step{' '}
            <select
              value={crash?.step ?? ''}
              onChange={(e) => {
                const step = e.target.value as StepId | '';
                if (step) setCrash({ step });
                else update({ crash: undefined });
              }}
            >
              <option value="">no crash</option>
              {STEP_IDS.map((s) => (
                <option key={s} value={s}>
                  {stepLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            moment{' '}
            <select value={crash?.when ?? 'after-commit'} disabled={!crash} onChange={(e) => setCrash({ when: e.target.value as CrashPoint['when'] })}>
              {MOMENTS.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              disabled={!crash}
              checked={crash?.phase === 'compensation'}
              onChange={(e) => setCrash({ phase: e.target.checked ? 'compensation' : 'forward' })}
            />
            while compensating
          </label>
        </div>
        <p className="hint">
          Only the orchestration side can crash: a choreography has no orchestrator.
          {crash?.phase === 'compensation' && !scenario.failAt && ' A compensation only runs when a later step fails: pick a failing step above.'}
        </p>
      </fieldset>
    </section>
  );
}
