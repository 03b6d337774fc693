/** The race (several buyers, one seat): its panel, and the run hook that lets the learner schedule. */
export { RacePanel } from './RacePanel';
export { useSimulatorRun } from './useSimulatorRun';
