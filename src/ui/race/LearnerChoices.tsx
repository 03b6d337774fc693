import { scheduleWords } from './scheduleWords';
import type { Simulation } from '../../core';
import { takenPicks } from './learnerRun';

interface Props {
  /** The learner's live simulation (scheduler 'learner'), stopped at a choice point or at the end. */
  sim: Simulation;
  /** Moves saga `saga` next. */
  onPick: (saga: number, taken: number[]) => void;
  /** Undo the last pick, or all of them. */
  onSetPicks: (picks: number[]) => void;
  /** Hands the picks to the seeded scheduler as `scenario.schedule`. */
  onReplay: (schedule: number[]) => void;
  /** The views show an earlier moment than the choice point (after a scrub or a new scenario). */
  behind: boolean;
  /** Moves the views to the choice point. */
  onShowChoicePoint: () => void;
}

/** "You are the scheduler": one button per saga that can move, the schedule so far, and its replay. */
/** A schedule told as who did what, in order. */
export function ScheduleSteps({ steps }: { steps: readonly string[] }) {
  return (
    <ol className="race-steps" aria-label="Who moved, in order">
      {steps.map((step, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a schedule's moves are positions
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}

export function LearnerChoices({ sim, onPick, onSetPicks, onReplay, behind, onShowChoicePoint }: Props) {
  const taken = takenPicks(sim);
  const choices = sim.scheduler === 'learner' ? sim.nextChoices() : [];
  return (
    <div className="race-learner">
      {choices.length > 0 ? (
        <fieldset className="race-choices">
          <legend className="race-label">Choice point: who moves next?</legend>
          {behind && (
            <p className="race-behind">
              The views show an earlier moment.{' '}
              <button type="button" onClick={onShowChoicePoint}>
                Show the choice point
              </button>
            </p>
          )}
          {choices.map((c) => (
            <button key={c.saga} type="button" className={`race-choice race-buyer-${((c.buyer - 1) % 4) + 1}`} onClick={() => onPick(c.saga, taken)}>
              <span className="race-swatch" aria-hidden="true" />
              {c.label}
            </button>
          ))}
        </fieldset>
      ) : (
        <p className="race-label">{sim.idle ? 'No more choices: every saga has finished. Play or step through what your schedule did.' : 'Only one saga can move; it runs on.'}</p>
      )}
      <p>
        Your schedule: <output className="race-schedule">{taken.length ? taken.join(',') : 'no picks yet'}</output>
      </p>
      {taken.length > 0 && <ScheduleSteps steps={scheduleWords(sim.scenario, taken)} />}
      <div className="race-actions">
        <button type="button" disabled={taken.length === 0} onClick={() => onSetPicks(taken.slice(0, -1))}>
          Undo last pick
        </button>
        <button type="button" disabled={taken.length === 0} onClick={() => onSetPicks([])}>
          Start over
        </button>
        <button type="button" disabled={taken.length === 0} onClick={() => onReplay(taken)}>
          Replay this schedule
        </button>
      </div>
    </div>
  );
}
