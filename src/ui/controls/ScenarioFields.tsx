import { BUILT_IN_DEFINITIONS, type CrashPoint, resolveDefinition, SCENARIO_FIELDS, type Scenario, type ScenarioField } from '../../core';
import { stepLabel } from '../panels/labels';
import { FIELD_WORDS, MAX_PICKED_COUNT } from './fieldWords';

/** A field the controls can show (the retry policy and the schedule have their own editors). */
export type ControlField = Exclude<keyof Scenario, 'retry' | 'schedule'>;

interface Props {
  /** The fields this view shows, in its order. */
  fields: readonly ControlField[];
  /** What the learner asked for; a missing field shows its default from the table. */
  scenario: Partial<Scenario>;
  /** A change to merge into the scenario (`undefined` clears a field back to its default). */
  onPatch: (patch: Partial<Scenario>) => void;
}

const FIELDS = new Map(SCENARIO_FIELDS.map((f) => [f.name, f]));
const words = (name: keyof Scenario) => FIELD_WORDS[name] ?? { label: name };
const say = (name: keyof Scenario, value: string | number) => words(name).values?.[String(value)] ?? String(value);
const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** The steps of the scenario's saga (the order saga when the definition cannot be read). */
function stepsOf(scenario: Partial<Scenario>): string[] {
  try {
    return resolveDefinition(scenario.definition ?? 'order').steps.map((s) => s.id);
  } catch {
    return resolveDefinition('order').steps.map((s) => s.id);
  }
}

/** Which step a field's value names (a crash's step, a step map's first step). */
function stepIn(f: ScenarioField, value: unknown): string | undefined {
  if (f.type.kind === 'step') return value as string | undefined;
  if (f.type.kind === 'crash') return (value as CrashPoint | undefined)?.step;
  if (f.type.kind === 'stepMap') return Object.keys((value as object | undefined) ?? {})[0];
  return undefined;
}

/** Picking another saga clears every field naming a step that saga does not have. */
function switchDefinition(scenario: Partial<Scenario>, definition: string): Partial<Scenario> {
  const next = { ...scenario, definition } as Partial<Scenario>;
  const steps = stepsOf(next);
  const patch: Record<string, unknown> = { definition };
  for (const f of SCENARIO_FIELDS) {
    const step = stepIn(f, scenario[f.name]);
    if (step !== undefined && !steps.includes(step)) patch[f.name] = undefined;
  }
  return patch as Partial<Scenario>;
}

function StepSelect({ name, value, steps, onChange }: { name: keyof Scenario; value: string; steps: string[]; onChange: (step: string | undefined) => void }) {
  const w = words(name);
  return (
    <label>
      {w.label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{w.none ?? 'none'}</option>
        {steps.map((s) => (
          <option key={s} value={s}>
            {stepLabel(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One field, drawn from its table entry: its type decides the control, its range the choices. */
function Field({ f, scenario, onPatch }: { f: ScenarioField; scenario: Partial<Scenario>; onPatch: Props['onPatch'] }) {
  const name = f.name;
  const w = words(name);
  const value = scenario[name] ?? f.default;
  const steps = stepsOf(scenario);
  const t = f.type;
  switch (t.kind) {
    case 'definition': {
      // A saga of the instructor's own (from the editor or a link) stays selected until a built-in is picked.
      const custom = typeof value === 'object' && value !== null ? (value as { title?: unknown }) : undefined;
      return (
        <label title={f.description}>
          {w.label}{' '}
          <select value={custom ? 'custom' : typeof value === 'string' ? value : 'order'} onChange={(e) => e.target.value !== 'custom' && onPatch(switchDefinition(scenario, e.target.value))}>
            {custom && <option value="custom">Your own: {String(custom.title)}</option>}
            {Object.values(BUILT_IN_DEFINITIONS).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
      );
    }
    case 'enum':
      return (
        <label title={f.description}>
          {w.label}{' '}
          <select value={String(value)} onChange={(e) => onPatch({ [name]: e.target.value })}>
            {t.values.map((v) => (
              <option key={v} value={v}>
                {say(name, v)}
              </option>
            ))}
          </select>
        </label>
      );
    case 'bool':
      return (
        <label className="check" title={f.description}>
          <input type="checkbox" checked={value === true} onChange={(e) => onPatch({ [name]: e.target.checked })} />
          {w.label}
        </label>
      );
    case 'int':
      // A short range is a menu; a long one (the seed) a number box held to the range.
      if (t.max - t.min <= 10) {
        return (
          <label title={f.description}>
            {w.label}{' '}
            <select value={Number(value)} onChange={(e) => onPatch({ [name]: Number(e.target.value) })}>
              {range(t.min, t.max).map((n) => (
                <option key={n} value={n}>
                  {say(name, n)}
                </option>
              ))}
            </select>
          </label>
        );
      }
      return (
        <label title={f.description}>
          {w.label}{' '}
          <input
            type="number"
            className="narrow"
            inputMode="numeric"
            min={t.min}
            max={t.max}
            placeholder={String(f.default ?? '')}
            value={scenario[name] === undefined ? '' : Number(scenario[name])}
            onChange={(e) => {
              const raw = e.target.value.trim();
              onPatch({ [name]: raw === '' ? undefined : Math.min(t.max, Math.max(t.min, Math.floor(Number(raw)))) });
            }}
          />
        </label>
      );
    case 'step':
      if (name === 'failAt') {
        return (
          <fieldset className="failure-picker" title={f.description}>
            <legend>{w.label}</legend>
            <div className="toggle-group">
              <button type="button" aria-pressed={value === undefined} onClick={() => onPatch({ failAt: undefined })}>
                {w.none}
              </button>
              {steps.map((s) => (
                <button key={s} type="button" aria-pressed={value === s} onClick={() => onPatch({ failAt: s })}>
                  {stepLabel(s)}
                </button>
              ))}
            </div>
          </fieldset>
        );
      }
      return <StepSelect name={name} value={(value as string | undefined) ?? ''} steps={steps} onChange={(s) => onPatch({ [name]: s })} />;
    case 'stepMap':
      return <StepMapField f={f} value={(value ?? {}) as Record<string, number | 'always'>} steps={steps} onPatch={onPatch} />;
    case 'crash':
      return <CrashField f={f} crash={value as CrashPoint | undefined} steps={steps} onPatch={onPatch} />;
    default:
      return null;
  }
}

/** A step, and how many times (or how long): one step at a time is all a lesson needs. */
function StepMapField({ f, value, steps, onPatch }: { f: ScenarioField; value: Record<string, number | 'always'>; steps: string[]; onPatch: Props['onPatch'] }) {
  const t = f.type as Extract<ScenarioField['type'], { kind: 'stepMap' }>;
  const w = words(f.name);
  const [step, amount] = Object.entries(value)[0] ?? ['', undefined];
  const isTime = t.max > 1000;
  const fallback = t.always ? 'always' : isTime ? 1000 : Math.max(1, t.min);
  const set = (s: string | undefined, a: number | 'always' = amount ?? fallback) => onPatch({ [f.name]: s ? { [s]: a } : undefined });
  const counts: (number | 'always')[] = [...range(Math.max(1, t.min), Math.min(t.max, MAX_PICKED_COUNT)), ...(t.always ? (['always'] as const) : [])];
  return (
    <>
      <StepSelect name={f.name} value={step} steps={steps} onChange={(s) => set(s)} />
      {isTime ? (
        <label title={f.description}>
          {w.amount}{' '}
          <input type="number" className="narrow" min={Math.max(1, t.min)} max={t.max} step={500} disabled={!step} value={Number(amount ?? fallback)} onChange={(e) => set(step, Math.min(t.max, Math.max(1, Math.floor(Number(e.target.value) || 1))))} />
        </label>
      ) : (
        <label title={f.description}>
          {w.amount}{' '}
          <select value={String(amount ?? fallback)} disabled={!step} onChange={(e) => set(step, e.target.value === 'always' ? 'always' : Number(e.target.value))}>
            {counts.map((n) => (
              <option key={n} value={n}>
                {say(f.name, n)}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

function CrashField({ f, crash, steps, onPatch }: { f: ScenarioField; crash: CrashPoint | undefined; steps: string[]; onPatch: Props['onPatch'] }) {
  const w = words(f.name);
  const set = (patch: Partial<CrashPoint>) => {
    const next = { when: 'after-commit', ...crash, ...patch } as CrashPoint;
    onPatch({ crash: next.phase === 'compensation' ? next : { step: next.step, when: next.when } });
  };
  return (
    <>
      <StepSelect name="crash" value={crash?.step ?? ''} steps={steps} onChange={(s) => (s ? set({ step: s }) : onPatch({ crash: undefined }))} />
      <label title={f.description}>
        {w.amount}{' '}
        <select value={crash?.when ?? 'after-commit'} disabled={!crash} onChange={(e) => set({ when: e.target.value === 'before-call' ? 'before-call' : 'after-commit' })}>
          {(['before-call', 'after-commit'] as const).map((v) => (
            <option key={v} value={v}>
              {say('crash', v)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" disabled={!crash} checked={crash?.phase === 'compensation'} onChange={(e) => set({ phase: e.target.checked ? 'compensation' : undefined })} />
        while compensating
      </label>
    </>
  );
}

/**
 * The scenario knobs, one component for every view: each field is drawn from its entry in the
 * core's `SCENARIO_FIELDS` (type, range, default, description), step choices from the current
 * saga's steps, and the label from `FIELD_WORDS`. A view only lists the fields it shows.
 */
export function ScenarioFields({ fields, scenario, onPatch }: Props) {
  return (
    <>
      {fields.map((name) => {
        const f = FIELDS.get(name);
        return f ? <Field key={name} f={f} scenario={scenario} onPatch={onPatch} /> : null;
      })}
    </>
  );
}

/** Drops undefined fields so the scenario stays minimal (and its key stable). */
export const withPatch = (scenario: Partial<Scenario>, patch: Partial<Scenario>): Partial<Scenario> =>
  Object.fromEntries(Object.entries({ ...scenario, ...patch }).filter(([, v]) => v !== undefined)) as Partial<Scenario>;
