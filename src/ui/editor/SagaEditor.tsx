import { useEffect, useId, useMemo, useState } from 'react';
import { BUILT_IN_DEFINITIONS, type DefinitionName, definitionProblems, MAX_STEPS, resolveDefinition, type Scenario, type StepId } from '../../core';
import { useUiStore } from '../../store/uiStore';
import { DefinitionJson } from './DefinitionJson';
import { addStep, asDraft, type Draft, moveStep, problemsByPath, removeStep, STARTS, type Start, setStepField, setTopField, startDraft, withDefinition } from './draft';
import { copyOf, runningDefinition, useEditorStore } from './editorStore';
import { Field, Problems } from './Field';
import { StepEditor } from './StepEditor';
import './editor.css';

/** JSON with every object's keys sorted: two definitions that differ only in key order are the same saga. */
const canonical = (v: unknown): string => JSON.stringify(v, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

/** A draft equal to a built-in runs under the built-in's name, so its link stays short. */
function definitionFor(draft: Draft): Scenario['definition'] {
  const text = canonical(draft);
  const name = (Object.keys(BUILT_IN_DEFINITIONS) as DefinitionName[]).find((n) => canonical(BUILT_IN_DEFINITIONS[n]) === text);
  return name ?? copyOf(draft as never);
}

/** The step ids of the definition that runs (the order saga's if it cannot be resolved). */
function runningSteps(definition: Scenario['definition'] | undefined): string[] {
  try {
    return resolveDefinition(definition).steps.map((s) => s.id);
  } catch {
    return resolveDefinition('order').steps.map((s) => s.id);
  }
}

const START_LABELS: Record<Start, string> = {
  order: 'the order saga',
  'order-with-pivot': 'the order saga with a pivot',
  trip: 'the trip',
  empty: 'an empty saga',
};

/**
 * "Your own saga": add, remove, reorder and rename steps; set each step's service, action,
 * compensation, kind, retry policies and timeout. Every rule the core checks is shown next to its
 * field as the author types, and the run below follows every version without problems.
 */
export function SagaEditor() {
  const id = useId();
  const raw = useEditorStore((s) => s.draft);
  const setDraft = useEditorStore((s) => s.setDraft);
  const scenario = useUiStore((s) => s.scenario);
  const setScenario = useUiStore((s) => s.setScenario);
  const [start, setStart] = useState<Start>('trip');

  useEffect(() => {
    if (asDraft(raw) === null) setDraft(copyOf(runningDefinition()));
  }, [raw, setDraft]);
  const draft = asDraft(raw) ?? (copyOf(runningDefinition()) as unknown as Draft);
  const problems = useMemo(() => definitionProblems(draft), [draft]);
  const byPath = useMemo(() => problemsByPath(problems), [problems]);

  // The run below follows the draft whenever it has no problems.
  useEffect(() => {
    if (problems.length > 0) return;
    const current = useUiStore.getState().scenario;
    const next = definitionFor(draft);
    if (canonical(current.definition ?? 'order') === canonical(next)) return;
    setScenario(withDefinition(current, next, draft.steps.map((s) => String(s.id))));
  }, [draft, problems, setScenario]);

  const edit = (next: Draft) => setDraft(next);
  const steps = runningSteps(scenario.definition);
  const topProblems = ['', 'steps'].flatMap((p) => byPath.get(p) ?? []);

  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Your own saga</h2>
      <p className="ed-intro">
        Write your own saga as steps: what each service does, what undoes it, and whether it is compensatable, the pivot (after it the saga only goes forward) or
        retriable. The rules are checked as you type; the run below plays every version that can run.
      </p>
      <div className="ed-row ed-start">
        <label htmlFor={`${id}-start`}>Start from</label>
        <select id={`${id}-start`} value={start} onChange={(e) => setStart(e.target.value as Start)}>
          {STARTS.map((s) => (
            <option key={s} value={s}>
              {START_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => edit(startDraft(start))}>
          Start over from {START_LABELS[start]}
        </button>
      </div>
      <div className="ed-grid">
        <Field label="Saga id" value={draft.id} problems={byPath.get('id')} onChange={(v) => edit(setTopField(draft, 'id', v))} />
        <Field label="Title" value={draft.title} problems={byPath.get('title')} onChange={(v) => edit(setTopField(draft, 'title', v))} />
      </div>
      <Problems problems={topProblems} />
      <ol className="ed-steps">
        {draft.steps.map((step, i) => (
          <StepEditor
            // Steps have no stable key while their ids are being typed; the position is what the form edits.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited by position
            key={i}
            step={step}
            index={i}
            count={draft.steps.length}
            problems={byPath}
            onField={(path, v) => edit(setStepField(draft, i, path, v))}
            onMove={(to) => edit(moveStep(draft, i, to))}
            onRemove={() => edit(removeStep(draft, i))}
          />
        ))}
      </ol>
      <div className="ed-row">
        <button type="button" disabled={draft.steps.length >= MAX_STEPS} onClick={() => edit(addStep(draft))}>
          Add a step
        </button>
        {draft.steps.length >= MAX_STEPS && <span className="hint">A saga has at most {MAX_STEPS} steps.</span>}
      </div>
      <p role="status" className={problems.length ? 'ed-summary ed-bad' : 'ed-summary'}>
        {problems.length === 0
          ? 'No problems: the run below shows this saga.'
          : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix (shown next to the fields); the run below still shows the last version without problems.`}
      </p>
      <div className="ed-row ed-try">
        <label htmlFor={`${id}-fail`}>Try a failure: the forward action fails at</label>
        <select
          id={`${id}-fail`}
          value={scenario.failAt && steps.includes(scenario.failAt) ? scenario.failAt : ''}
          onChange={(e) => {
            const { failAt: _old, ...rest } = scenario;
            setScenario(e.target.value ? { ...rest, failAt: e.target.value as StepId } : rest);
          }}
        >
          <option value="">no step (the happy path)</option>
          {steps.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <DefinitionJson draft={draft} onImport={edit} />
    </section>
  );
}
