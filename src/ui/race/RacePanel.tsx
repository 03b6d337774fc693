import { useMemo } from 'react';
import type { Scenario, Simulation } from '../../core';
import { useUiStore } from '../../store/uiStore';
import type { RunView } from '../runView';
import { BuyerColumns, SeatStatus } from './BuyerColumns';
import { ExploreAll } from './ExploreAll';
import { LearnerChoices } from './LearnerChoices';
import { RaceControls } from './RaceControls';
import { buyersAt, seatAt } from './raceModel';
import { type SchedulerMode, useRaceStore } from './raceStore';
import './race.css';

const MODES: { id: SchedulerMode; label: string; hint: string }[] = [
  { id: 'seeded', label: 'Seeded scheduler', hint: 'the seed decides, in virtual-time order' },
  { id: 'learner', label: 'You are the scheduler', hint: 'you pick who moves at each choice point' },
  { id: 'explore', label: 'Explore all', hint: 'every interleaving, checked' },
];

/** A cursor past any trace: the run hooks clamp it to the end of the trace. */
const AT_THE_END = Number.MAX_SAFE_INTEGER;

/** Drops undefined fields so the scenario stays minimal (and its key stable). */
const clean = (s: Partial<Scenario>): Partial<Scenario> => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));

interface Props {
  /** What the main panels show (the learner's run in learner mode); may lag `sim` by a render. */
  run: RunView;
  /** The simulation behind `run`. */
  sim: Simulation;
}

/**
 * "Two buyers, one seat": the race's knobs, who schedules the sagas, the seat and each
 * buyer's saga side by side — all read from the same trace the main panels show.
 */
export function RacePanel({ run, sim }: Props) {
  const scenario = useUiStore((s) => s.scenario);
  const setScenario = useUiStore((s) => s.setScenario);
  const setPlaying = useUiStore((s) => s.setPlaying);
  const setCursor = useUiStore((s) => s.setCursor);
  const mode = useRaceStore((s) => s.mode);
  const setMode = useRaceStore((s) => s.setMode);
  const setPicks = useRaceStore((s) => s.setPicks);
  // The knobs show the live scenario: `run` may be a deferred copy a render behind (see App), and a checkbox
  // must change the moment it is clicked.
  const resolved = sim.scenario;
  const racing = resolved.buyers > 1;
  const buyers = useMemo(() => buyersAt(run), [run]);
  const seat = useMemo(() => seatAt(run), [run]);

  const update = (patch: Partial<Scenario>) => setScenario(clean({ ...scenario, ...patch }));
  // As the scheduler, the views stand at the choice point being decided (step back to see how it got there).
  const toChoicePoint = () => {
    setPlaying(false);
    setCursor(AT_THE_END);
  };
  const choose = (next: SchedulerMode) => {
    setMode(next);
    if (next === 'learner') toChoicePoint();
  };
  const replay = (schedule: number[]) => {
    update({ schedule });
    setPlaying(true);
  };

  return (
    <section className="panel race" aria-labelledby="race-title">
      <h2 id="race-title">Two buyers, one seat</h2>
      <RaceControls resolved={resolved} onChange={update} />
      {!racing && <p className="race-muted">One buyer: nobody to race. Pick 2–4 buyers to see {seat ? `whether two sagas can both buy ${seat.name}` : 'several sagas run at once'}.</p>}
      {racing && (
        <>
          <fieldset className="race-modes">
            <legend>Who schedules the buyers?</legend>
            {MODES.map((m) => (
              <label key={m.id} className="race-mode">
                <input type="radio" name="race-mode" value={m.id} checked={mode === m.id} onChange={() => choose(m.id)} />
                <span>
                  {m.label} <span className="race-muted">({m.hint})</span>
                </span>
              </label>
            ))}
          </fieldset>
          {mode === 'learner' && (
            <LearnerChoices
              sim={sim}
              onPick={(saga, taken) => {
                setPicks([...taken, saga]);
                toChoicePoint();
              }}
              onSetPicks={(picks) => {
                setPicks(picks);
                toChoicePoint();
              }}
              behind={run.cursor < run.trace.length}
              onShowChoicePoint={toChoicePoint}
              onReplay={(schedule) => {
                setMode('seeded');
                replay(schedule);
              }}
            />
          )}
          {mode !== 'learner' && scenario.schedule && scenario.schedule.length > 0 && (
            <p className="race-replaying">
              Replaying schedule <code>{scenario.schedule.join(',')}</code>, then the seeded scheduler decides.{' '}
              <button type="button" onClick={() => update({ schedule: undefined })}>
                Clear schedule
              </button>
            </p>
          )}
          {mode === 'explore' && <ExploreAll scenario={resolved} onReplay={replay} />}
          {seat && <SeatStatus seat={seat} />}
          <BuyerColumns buyers={buyers} />
        </>
      )}
    </section>
  );
}
