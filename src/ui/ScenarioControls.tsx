import { DEFAULT_RETRY_POLICY, previewDelays, type RetryPolicy, resolveRetryPolicy, type Scenario } from '../core';
import { ScenarioFields, withPatch } from './controls/ScenarioFields';

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

/** The learner's knobs in the sandbox. Every change makes a new run, shown from its start. */
export function ScenarioControls({ scenario, onChange }: Props) {
  const update = (patch: Partial<Scenario>) => onChange(withPatch(scenario, patch));
  const updateRetry = (patch: Partial<RetryPolicy>) => {
    const retry = clean({ ...scenario.retry, ...patch });
    update({ retry: Object.keys(retry).length > 0 ? retry : undefined });
  };
  const retry = scenario.retry ?? {};
  const compStep = Object.keys(scenario.compensationFailures ?? {})[0];

  return (
    <section className="controls" aria-label="Scenario">
      <ScenarioFields fields={['failAt']} scenario={scenario} onPatch={update} />
      <div className="control-row">
        <ScenarioFields fields={['definition', 'idempotencyKeys', 'compensate', 'seed']} scenario={scenario} onPatch={update} />
      </div>

      <details className="more">
        <summary>More failures</summary>
        <div className="control-row">
          <ScenarioFields fields={['lostResponses']} scenario={scenario} onPatch={update} />
        </div>
        <div className="control-row">
          <ScenarioFields fields={['compensationFailures']} scenario={scenario} onPatch={update} />
        </div>
        <div className="control-row">
          <ScenarioFields fields={['serviceDelays']} scenario={scenario} onPatch={update} />
        </div>
        {compStep && !scenario.failAt && <p className="hint">A compensation only runs when a later step fails: pick a failing step above.</p>}
      </details>

      <details className="more">
        <summary>Mode, lost messages and crashes</summary>
        <div className="control-row">
          <ScenarioFields fields={['mode', 'dropEvent', 'crash']} scenario={scenario} onPatch={update} />
        </div>
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
