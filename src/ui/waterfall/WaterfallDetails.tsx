import { attr, durationMs } from '../../core/trace-export';
import { secs } from '../panels/labels';
import { changeWords, kindWords, markWords, statusWords, type WaterfallRow } from './waterfallModel';

/** The focused (or hovered) span's details: service, attempt, idempotency key, status, duration, marks. */
export function WaterfallDetails({ row }: { row: WaterfallRow }) {
  const s = row.span;
  const key = attr(s, 'saga.idempotency_key');
  const code = attr(s, 'http.response.status_code');
  const fields: [string, string][] = [
    ['Span', `${s.name} — ${kindWords(s)}`],
    ['Service', s.service],
    ...(s.step ? ([['Step', s.step]] as [string, string][]) : []),
    ...(s.attempt ? ([['Attempt', String(s.attempt)]] as [string, string][]) : []),
    ['Idempotency key', typeof key === 'string' ? key : 'none'],
    ['Status', `${statusWords(s)}${typeof code === 'number' ? ` (HTTP ${code})` : ''}`],
    ['Duration', `${secs(durationMs(s))}, from ${secs(s.startMs)} to ${secs(s.endMs)}`],
  ];
  if (row.backoff) fields.push(['Backoff before', secs(row.backoff.ms)]);
  if (s.compensation) fields.push(['Compensation', s.links.length > 0 ? 'yes — linked to the step it undoes' : 'yes']);
  const marks = markWords(s);
  if (marks.length > 0) fields.push(['Marked', marks.join('; ')]);
  const change = changeWords(row);
  if (change) fields.push(['Against the baseline', change]);
  return (
    <div className="wf-details">
      <h3>Span details</h3>
      <dl>
        {fields.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
