import { ScheduleSteps } from './LearnerChoices';
import { scheduleWords } from './scheduleWords';
import type { Scenario } from '../../core';
import { useExploration } from './useExploration';

const count = (n: number) => n.toLocaleString('en-US');

interface Props {
  /** The resolved scenario to explore (its schedule is ignored). */
  scenario: Scenario;
  /** Loads a schedule into the scenario, so the main views replay it. */
  onReplay: (schedule: number[]) => void;
}

/** "Explore all": every interleaving of the buyers' sagas, counted, with the shortest one that breaks an invariant. */
export function ExploreAll({ scenario, onReplay }: Props) {
  const { state, stop, again } = useExploration(scenario);
  return (
    <div className="race-explore">
      <p className="race-explore-status" role="status">
        {state.status === 'running' && `Exploring every interleaving… ${count(state.explored)} states so far.`}
        {state.status === 'stopped' && `Stopped after ${count(state.explored)} states.`}
        {state.status === 'error' && `The explorer failed: ${state.message}`}
        {state.status === 'done' &&
          `Explored ${count(state.result.explored)} states · ${count(state.result.interleavings)} interleavings · ${count(state.result.violating)} violating${state.result.complete ? '' : ' (stopped at the state cap)'}`}
      </p>
      {state.status === 'running' && (
        <button type="button" onClick={stop}>
          Stop exploring
        </button>
      )}
      {(state.status === 'stopped' || state.status === 'error') && (
        <button type="button" onClick={again}>
          Explore again
        </button>
      )}
      {state.status === 'done' && state.result.violating === 0 && (
        <p className="race-verdict tone-ok">
          <span aria-hidden="true">✓ </span>No interleaving breaks an invariant.
        </p>
      )}
      {state.status === 'done' && state.result.counterexample && (
        <div className="race-verdict tone-fail">
          <p>
            <span aria-hidden="true">✗ </span>Shortest counterexample: schedule <code>{state.result.counterexample.schedule.join(',')}</code> —{' '}
            {state.result.counterexample.violations.map((v) => v.message).join(' ')}
          </p>
          <ScheduleSteps steps={scheduleWords(scenario, state.result.counterexample.schedule)} />
          <button type="button" className="primary" onClick={() => onReplay(state.result.counterexample?.schedule ?? [])}>
            Replay the shortest counterexample
          </button>
        </div>
      )}
    </div>
  );
}
