/** The three presentational panels; each is a function of `{ run: RunView }` only. */
export { type ActiveState, activeState, activeStates, describeActive, type OrchestratorStateId } from './activeState';
export { OrchestratorPanel } from './OrchestratorPanel';
export { ServicesBoard } from './ServicesBoard';
export { Timeline } from './Timeline';
