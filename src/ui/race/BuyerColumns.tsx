import type { Outcome } from '../../core';
import type { BuyerView, SeatView } from './raceModel';

const OUTCOME: Record<Outcome, { icon: string; tone: string }> = {
  completed: { icon: '✓', tone: 'ok' },
  compensated: { icon: '↩', tone: 'comp' },
  'needs-attention': { icon: '⚠', tone: 'alert' },
  stuck: { icon: '‖', tone: 'fail' },
};

/** The one seat: its status, and a loud message when it was sold more often than it exists. */
export function SeatStatus({ seat }: { seat: SeatView }) {
  return (
    <div className={`race-seat${seat.oversold ? ' race-seat-oversold' : ''}`}>
      <p className="race-seat-line">
        <strong>{seat.name}</strong>
        {seat.stock > 1 && <span className="race-muted"> ({seat.stock} in stock)</span>}:{' '}
        {/* Keyed by the status: a new status is a new element, which flashes in (race.css). */}
        <span key={seat.status} className="race-seat-status">
          {seat.status}
        </span>
      </p>
      {seat.oversold && (
        <p className="race-oversold" role="alert">
          <span aria-hidden="true">⚠ </span>
          {seat.oversold}
        </p>
      )}
    </div>
  );
}

/** One column per buyer (stacking on narrow screens): colour and name, state, what it read, what it holds, outcome. */
export function BuyerColumns({ buyers }: { buyers: readonly BuyerView[] }) {
  return (
    <ul className="race-buyers" aria-label="Buyers">
      {buyers.map((b) => (
        <li key={b.saga} className={`race-buyer race-buyer-${((b.buyer - 1) % 4) + 1}`}>
          <h3>
            <span className="race-swatch" aria-hidden="true" />
            Buyer {b.buyer} <span className="race-muted">· order {b.orderId}</span>
          </h3>
          <dl>
            <dt>Now</dt>
            <dd>{b.state}</dd>
            <dt>Read</dt>
            <dd>
              {b.read ?? 'nothing yet'}
              {b.reaction && <strong> → {b.reaction}</strong>}
            </dd>
            <dt>Seat</dt>
            <dd>{b.holds ?? 'nothing held'}</dd>
            <dt>Outcome</dt>
            <dd>
              {b.outcome ? (
                <span className={`race-outcome tone-${OUTCOME[b.outcome].tone}`}>
                  <span aria-hidden="true">{OUTCOME[b.outcome].icon} </span>
                  {b.outcome}
                </span>
              ) : (
                'not finished'
              )}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
