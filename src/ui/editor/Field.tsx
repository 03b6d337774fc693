import { type ReactNode, useId } from 'react';
import { fieldText, fieldValue } from './draft';

interface Props {
  label: string;
  /** Said before the label to screen readers only, where the label repeats on the page ("Compensation retry policy"). */
  context?: string;
  /** The field's value as JSON. */
  value: unknown;
  /** The rules it breaks (from the core's `definitionProblems`), shown right under it. */
  problems?: readonly string[];
  kind?: 'text' | 'number';
  /** What blank means, shown as the placeholder. */
  placeholder?: string;
  onChange: (value: unknown) => void;
}

/** A labelled text field whose rule violations are shown next to it, and announced with it. */
export function Field({ label, context, value, problems = [], kind = 'text', placeholder, onChange }: Props) {
  const id = useId();
  const bad = problems.length > 0;
  return (
    <div className={bad ? 'ed-field ed-bad' : 'ed-field'}>
      <label htmlFor={id}>
        {context && <span className="visually-hidden">{context}: </span>}
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode={kind === 'number' ? 'numeric' : undefined}
        value={fieldText(value)}
        placeholder={placeholder}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${id}-p` : undefined}
        onChange={(e) => onChange(fieldValue(e.target.value, kind))}
      />
      <Problems id={`${id}-p`} problems={problems} />
    </div>
  );
}

interface SelectProps {
  label: string;
  context?: string;
  value: unknown;
  options: readonly string[];
  problems?: readonly string[];
  /** Shown for "not set" (an optional field); without it the field always has a value. */
  unset?: string;
  onChange: (value: string | undefined) => void;
}

/** A labelled choice, with its rule violations next to it. */
export function SelectField({ label, context, value, options, problems = [], unset, onChange }: SelectProps) {
  const id = useId();
  const bad = problems.length > 0;
  const current = typeof value === 'string' && options.includes(value) ? value : '';
  return (
    <div className={bad ? 'ed-field ed-bad' : 'ed-field'}>
      <label htmlFor={id}>
        {context && <span className="visually-hidden">{context}: </span>}
        {label}
      </label>
      <select
        id={id}
        value={current}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${id}-p` : undefined}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {(unset !== undefined || current === '') && <option value="">{unset ?? 'choose…'}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <Problems id={`${id}-p`} problems={problems} />
    </div>
  );
}

/** Rule violations as plain text (a definition comes from anyone: never markup). */
export function Problems({ id, problems }: { id?: string; problems: readonly string[] }): ReactNode {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="ed-problems">
      {problems.map((p) => (
        <li key={p}>
          <span aria-hidden="true">⚠ </span>
          {p}
        </li>
      ))}
    </ul>
  );
}
