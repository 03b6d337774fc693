import type { TraceEvent } from '../core';
import { type RunView, revealed } from './runView';

/** An alert that no operator action or compensation has closed yet. */
export interface OpenIncident {
  alert: TraceEvent;
  /** Whether the live simulation is still waiting for the operator (false when the learner scrubbed back past a later action). */
  actionable: boolean;
}

const closes = (e: TraceEvent, saga: string) => e.saga === saga && (e.type.startsWith('operator.') || e.type === 'saga.compensated');

/** Alerts in `events` not followed (within `events`) by an operator action or the saga's compensation. */
function openAlerts(events: readonly TraceEvent[]): TraceEvent[] {
  return events.filter((e, i) => e.type === 'alert.raised' && !events.slice(i + 1).some((later) => closes(later, e.saga)));
}

/** The incidents open at the cursor, and whether acting on them is possible now. */
export function openIncidents(run: RunView): OpenIncident[] {
  const stillOpen = new Set(openAlerts(run.trace).map((e) => e.seq));
  return openAlerts(revealed(run)).map((alert) => ({ alert, actionable: stillOpen.has(alert.seq) }));
}

interface Props {
  run: RunView;
  /** Saga ids in simulation order (index = the saga index the operator addresses). */
  sagaIds: readonly string[];
  operator: (sagaIndex: number, action: 'retry' | 'resolve') => void;
}

/** The on-call view: an unresolved compensation failure, and the two things a human can do. */
export function IncidentPanel({ run, sagaIds, operator }: Props) {
  const incidents = openIncidents(run);
  if (incidents.length === 0) return null;
  return (
    <section className="incidents" aria-label="Incidents">
      {incidents.map(({ alert, actionable }) => {
        const index = sagaIds.indexOf(alert.saga);
        return (
          <div key={alert.seq} role="alert" className="incident">
            <h2>
              <span aria-hidden="true">⚠</span> Incident: a compensation needs a human
            </h2>
            <p>{String(alert.message)}</p>
            {actionable ? (
              <div className="incident-actions">
                <button type="button" onClick={() => operator(index, 'retry')}>
                  <span aria-hidden="true">↻</span> Retry compensation now
                </button>
                <button type="button" onClick={() => operator(index, 'resolve')}>
                  <span aria-hidden="true">✎</span> Mark resolved by hand
                </button>
              </div>
            ) : (
              <p className="incident-note">An operator acts on this later in the run: step forward to see what they did.</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
