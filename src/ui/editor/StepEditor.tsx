import { DEFAULT_RETRY_POLICY } from '../../core';
import { STEP_KINDS } from './draft';
import { Field, Problems, SelectField } from './Field';

interface Props {
  step: Record<string, unknown>;
  index: number;
  count: number;
  /** Rule violations by JSON path (`steps[2].kind`). */
  problems: Map<string, string[]>;
  onField: (path: string, value: unknown) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

const POLICY_FIELDS = [
  ['maxAttempts', 'Max attempts', String(DEFAULT_RETRY_POLICY.maxAttempts)],
  ['initialIntervalMs', 'First retry after (ms)', String(DEFAULT_RETRY_POLICY.initialIntervalMs)],
  ['backoffCoefficient', 'Backoff ×', String(DEFAULT_RETRY_POLICY.backoffCoefficient)],
  ['maxIntervalMs', 'Longest wait (ms)', '100× the first'],
] as const;

const KNOWN = new Set(['id', 'service', 'action', 'compensation', 'kind', 'timeoutMs', 'retry', 'compensationRetry']);

/** One retry policy's fields; blank means the default, shown as the placeholder. */
function PolicyFields({ field, label, step, at, problems, onField }: { field: 'retry' | 'compensationRetry'; label: string; step: Record<string, unknown>; at: string; problems: Map<string, string[]>; onField: Props['onField'] }) {
  const policy = (typeof step[field] === 'object' && step[field] !== null ? step[field] : {}) as Record<string, unknown>;
  const own = [...problems.entries()].filter(([p]) => p === `${at}.${field}` || p.startsWith(`${at}.${field}.`));
  return (
    <details className="ed-policy" open={own.length > 0 || undefined}>
      <summary>
        {label}
        {own.length > 0 && <span className="ed-count"> ({own.length} to fix)</span>}
      </summary>
      <Problems problems={problems.get(`${at}.${field}`) ?? []} />
      <div className="ed-grid">
        {POLICY_FIELDS.map(([key, text, dflt]) => (
          <Field key={key} context={label} label={text} kind="number" value={policy[key]} placeholder={dflt} problems={problems.get(`${at}.${field}.${key}`)} onChange={(v) => onField(`${field}.${key}`, v)} />
        ))}
        <SelectField context={label} label="Jitter" value={policy.jitter} options={['none', 'full']} unset="default (none)" problems={problems.get(`${at}.${field}.jitter`)} onChange={(v) => onField(`${field}.jitter`, v)} />
      </div>
    </details>
  );
}

/** One step of the saga being edited: every field labelled, each rule violation next to its field. */
export function StepEditor({ step, index, count, problems, onField, onMove, onRemove }: Props) {
  const at = `steps[${index}]`;
  const p = (field: string) => problems.get(`${at}.${field}`);
  // Problems at the step itself or at fields the form does not show (unknown keys, events, table).
  const other = [...problems.entries()].filter(([path]) => path === at || (path.startsWith(`${at}.`) && !KNOWN.has(path.slice(at.length + 1).split('.')[0]))).flatMap(([path, ms]) => ms.map((m) => `${path}: ${m}`));
  const name = typeof step.id === 'string' && step.id ? step.id : 'no id yet';
  return (
    <li className="ed-step">
      <fieldset>
        <legend>
          Step {index + 1} <span className="ed-step-id">({name})</span>
        </legend>
        <Problems problems={other} />
        <div className="ed-grid">
          <Field label="Id" value={step.id} problems={p('id')} onChange={(v) => onField('id', v)} />
          <Field label="Service" value={step.service} problems={p('service')} onChange={(v) => onField('service', v)} />
          <Field label="Action" value={step.action} problems={p('action')} onChange={(v) => onField('action', v)} />
          <Field label="Compensation" value={step.compensation} placeholder="none (what undoes it)" problems={p('compensation')} onChange={(v) => onField('compensation', v)} />
          <SelectField label="Kind" value={step.kind} options={STEP_KINDS} problems={p('kind')} onChange={(v) => onField('kind', v)} />
          <Field label="Timeout (ms)" kind="number" value={step.timeoutMs} placeholder="2000" problems={p('timeoutMs')} onChange={(v) => onField('timeoutMs', v)} />
        </div>
        <PolicyFields field="retry" label="Retry policy" step={step} at={at} problems={problems} onField={onField} />
        <PolicyFields field="compensationRetry" label="Compensation retry policy" step={step} at={at} problems={problems} onField={onField} />
        <div className="ed-step-actions">
          <button type="button" className="small" disabled={index === 0} onClick={() => onMove(index - 1)}>
            Move up<span className="visually-hidden"> step {index + 1}</span>
          </button>
          <button type="button" className="small" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            Move down<span className="visually-hidden"> step {index + 1}</span>
          </button>
          <button type="button" className="small" disabled={count === 1} onClick={onRemove}>
            Remove<span className="visually-hidden"> step {index + 1}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}
