/**
 * The same saga in three workflow engines and by hand: pure exporters from a definition (and the
 * scenario's retry override) to code, each file with the lines that belong to each call.
 */
import { exportAsl } from './asl';
import type { CodeFile, ExportDefinition, ExportOptions } from './definition';
import { exportDurable } from './durable';
import { exportHandRolled } from './handRolled';
import { exportTemporalActivities, exportTemporalWorkflow } from './temporal';

export { ASL_MAX_ATTEMPTS, ASL_STATES, type AslRetrier, aslStateNames, exportAsl, toAsl, toAslRetry } from './asl';
export {
  anchorKey,
  BUSINESS_FAILURE,
  callNames,
  type CodeAnchor,
  type CodeFile,
  type CodePhase,
  type ExportDefinition,
  type ExportOptions,
  type ExportStep,
  type LineRange,
  stepPolicies,
  workflowName,
} from './definition';
export { DURABLE_MAX_ATTEMPTS, type DurableRetry, exportDurable, toDurableRetry } from './durable';
export { exportHandRolled } from './handRolled';
export { exportTemporalActivities, exportTemporalWorkflow, type TemporalRetry, temporalDuration, toTemporalRetry } from './temporal';

/** The engines code can be exported for, as named on the command line and in the Code panel. */
export const ENGINES = ['asl', 'temporal', 'durable', 'hand-rolled'] as const;
/** One of {@link ENGINES}. */
export type Engine = (typeof ENGINES)[number];

/** What each engine is called in prose. */
export const ENGINE_TITLES: Record<Engine, string> = {
  asl: 'Step Functions',
  temporal: 'Temporal',
  durable: 'Durable Functions',
  'hand-rolled': 'Hand-rolled',
};

/** The files of a definition in one engine (Temporal: `workflows.ts` then `activities.ts`). */
export function exportCode(engine: Engine, def: ExportDefinition, options: ExportOptions = {}): CodeFile[] {
  switch (engine) {
    case 'asl':
      return [exportAsl(def, options)];
    case 'temporal':
      return [exportTemporalWorkflow(def, options), exportTemporalActivities(def)];
    case 'durable':
      return [exportDurable(def, options)];
    case 'hand-rolled':
      return [exportHandRolled(def, options)];
  }
}
