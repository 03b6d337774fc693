import { secs, stepLabel } from '../panels/labels';
import type { CrashStatus } from './sideStatus';

/** ⛔ drawn, not typed: many systems have no emoji font. Decorative. */
function NoEntry() {
  return (
    <svg className="icon cmp-no-entry" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7.5" fill="currentColor" />
      <rect x="3.5" y="6.75" width="9" height="2.5" fill="#fff" />
    </svg>
  );
}

/**
 * The orchestrator going down and coming back, as revealed: down while it restarts (its log
 * survives on disk), then recovered from that log at the step it resumes with.
 */
export function CrashBanner({ status, keys }: { status: CrashStatus; keys: boolean }) {
  if (status.state === 'not-reached') {
    return (
      <p className="cmp-crash-banner tone-neutral">
        <span aria-hidden="true">○ </span>The orchestrator never reached the crash point: this run did not get there.
      </p>
    );
  }
  if (status.state === 'down') {
    return (
      <div className="cmp-crash-banner tone-fail">
        <p className="cmp-crash-title">
          <NoEntry /> Orchestrator down — restarting in {secs(status.restartInMs)}
        </p>
        <p>
          It crashed {status.when === 'before-call' ? 'just before calling' : 'right after the service committed at'} {stepLabel(status.step)}. Its memory is gone;
          its saga log ({status.survivingRows} rows on disk) survives.
        </p>
      </div>
    );
  }
  return (
    <div className="cmp-crash-banner tone-ok">
      <p className="cmp-crash-title">
        <span aria-hidden="true">↻ </span>Recovered from {status.logRows} log rows: resumes at {status.resumesAt}
      </p>
      <p>
        Finished steps are not run again; the one in flight is called again{' '}
        {keys ? 'with the same idempotency key, so nothing happens twice.' : 'without an idempotency key, so it may happen twice.'}
      </p>
    </div>
  );
}
