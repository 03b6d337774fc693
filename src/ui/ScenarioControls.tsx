import { BUILT_IN_DEFINITIONS, DEFAULT_RETRY_POLICY, type DefinitionName, previewDelays, type RetryPolicy, resolveRetryPolicy, STEP_IDS, type Scenario, type StepId } from '../core';

const STEP_LABEL: Record<StepId, string> = { inventory: 'Inventory', order: 'Order', payment: 'Payment', warehouse: 'Warehouse', delivery: 'Delivery' };
const COMP_COUNTS = ['1', '2', '3', 'always'] as const;

const formatDelay = (ms: number) => (ms >= 1000 ? `${Number((ms / 1000).toFixed(2))} s` : `${ms} ms`);

/** "1 s → 2 s", or why there is nothing to preview. */
export function describeDelays(retry: Partial<RetryPolicy> | undefined): string {
  const policy = resolveRetryPolicy(retry);
  const delays = previewDelays(policy);
  if (delays.some((d) => !Number.isFinite(d) || d < 0)) return 'not a valid policy';
  if (delays.length === 0) return 'no retries: the first failure counts';
  const more = policy.maxAttempts - 1 > delays.length ? ' → …' : '';
  return delays.map(formatDelay).join(' → ') + more;
}

/** Drops undefined fields so the scenario stays minimal (and its key stable). */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const numberOrUndefined = (raw: string): number | undefined => (raw.trim() === '' ? undefined : Number(raw));

interface Props {
  scenario: Partial<Scenario>;
  onChange: (scenario: Partial<Scenario>) => void;
}

/** The learner's knobs. Every change makes a new run, shown from its start. */
export function ScenarioControls({ scenario, onChange }: Props) {
  const update = (patch: Partial<Scenario>) => onChange(clean({ ...scenario, ...patch }));
  const updateRetry = (patch: Partial<RetryPolicy>) => {
    const retry = clean({ ...scenario.retry, ...patch });
    update({ retry: Object.keys(retry).length > 0 ? retry : undefined });
  };

  const [lostStep, lostCount] = (Object.entries(scenario.lostResponses ?? {})[0] ?? ['', 1]) as [StepId | '', number];
  const [compStep, compCount] = (Object.entries(scenario.compensationFailures ?? {})[0] ?? ['', 'always']) as [StepId | '', number | 'always'];
  const retry = scenario.retry ?? {};

  return (
    <section className="controls" aria-label="Scenario">
      <fieldset className="failure-picker">
        <legend>Which step fails?</legend>
        <div className="toggle-group">
          <button type="button" aria-pressed={scenario.failAt === undefined} onClick={() => update({ failAt: undefined })}>
            No failure
          </button>
          {STEP_IDS.map((step) => (
            <button key={step} type="button" aria-pressed={scenario.failAt === step} onClick={() => update({ failAt: step })}>
              {STEP_LABEL[step]}
            </button>
          ))}
        </div>
      </fieldset>

      <div className="control-row">
        <label className="check">
          <input type="checkbox" checked={scenario.idempotencyKeys ?? true} onChange={(e) => update({ idempotencyKeys: e.target.checked })} />
          Idempotency keys
        </label>
        <label>
          Saga{' '}
          <select value={typeof scenario.definition === 'string' ? scenario.definition : 'order'} onChange={(e) => update({ definition: e.target.value as DefinitionName })}>
            {Object.values(BUILT_IN_DEFINITIONS).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed{' '}
          <input
            type="number"
            className="narrow"
            inputMode="numeric"
            placeholder="1"
            value={scenario.seed ?? ''}
            onChange={(e) => update({ seed: numberOrUndefined(e.target.value) })}
          />
        </label>
      </div>

      <details className="more">
        <summary>More failures</summary>
        <div className="control-row">
          <label>
            Lose the response of{' '}
            <select
              value={lostStep}
              onChange={(e) => {
                const step = e.target.value as StepId | '';
                update({ lostResponses: step ? { [step]: lostCount } : undefined });
              }}
            >
              <option value="">no step</option>
              {STEP_IDS.map((s) => (
                <option key={s} value={s}>
                  {STEP_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Responses lost{' '}
            <select
              value={lostCount}
              disabled={!lostStep}
              onChange={(e) => lostStep && update({ lostResponses: { [lostStep]: Number(e.target.value) } })}
            >
              {[0, 1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="control-row">
          <label>
            Make compensation fail{' '}
            <select
              value={compStep}
              onChange={(e) => {
                const step = e.target.value as StepId | '';
                update({ compensationFailures: step ? { [step]: compCount } : undefined });
              }}
            >
              <option value="">no step</option>
              {STEP_IDS.map((s) => (
                <option key={s} value={s}>
                  {STEP_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Compensation failures{' '}
            <select
              value={String(compCount)}
              disabled={!compStep}
              onChange={(e) => compStep && update({ compensationFailures: { [compStep]: e.target.value === 'always' ? 'always' : Number(e.target.value) } })}
            >
              {COMP_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n === 'always' ? 'always' : `${n} time${n === '1' ? '' : 's'}`}
                </option>
              ))}
            </select>
          </label>
        </div>
        {compStep && !scenario.failAt && <p className="hint">A compensation only runs when a later step fails: pick a failing step above.</p>}
      </details>

      <details className="more">
        <summary>Retry policy</summary>
        <fieldset className="retry">
          <legend className="visually-hidden">Retry policy (every step and every compensation)</legend>
          <div className="control-row">
            <NumberField label="maxAttempts" value={retry.maxAttempts} placeholder={DEFAULT_RETRY_POLICY.maxAttempts} min={1} onChange={(v) => updateRetry({ maxAttempts: v })} />
            <NumberField label="initialIntervalMs" value={retry.initialIntervalMs} placeholder={DEFAULT_RETRY_POLICY.initialIntervalMs} min={0} step={100} onChange={(v) => updateRetry({ initialIntervalMs: v })} />
            <NumberField label="backoffCoefficient" value={retry.backoffCoefficient} placeholder={DEFAULT_RETRY_POLICY.backoffCoefficient} min={1} step={0.5} onChange={(v) => updateRetry({ backoffCoefficient: v })} />
            <NumberField label="maxIntervalMs" value={retry.maxIntervalMs} placeholder={resolveRetryPolicy(retry).maxIntervalMs} min={0} step={1000} onChange={(v) => updateRetry({ maxIntervalMs: v })} />
            <label>
              jitter{' '}
              <select value={retry.jitter ?? 'none'} onChange={(e) => updateRetry({ jitter: e.target.value === 'full' ? 'full' : undefined })}>
                <option value="none">none</option>
                <option value="full">full</option>
              </select>
            </label>
          </div>
          <p className="delays">
            Delays between attempts: <output aria-label="Retry delays">{describeDelays(retry)}</output>
            {retry.jitter === 'full' && ' (each drawn at random up to this, from the seed)'}
          </p>
        </fieldset>
      </details>
    </section>
  );
}

function NumberField(props: { label: string; value: number | undefined; placeholder: number; min: number; step?: number; onChange: (v: number | undefined) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        className="narrow"
        min={props.min}
        step={props.step ?? 1}
        placeholder={String(props.placeholder)}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(numberOrUndefined(e.target.value))}
      />
    </label>
  );
}
