import { type ReactNode, useId, useMemo } from 'react';
import { QUIET_EVENTS, type Row, type SagaStep, tablesAt } from '../../core';
import { type RunView, revealed } from '../runView';
import { BuyerTag } from './BuyerTag';
import { money, ordinal, stepsOf } from './labels';
import { type RowChange, repeatedCharges, rowChanges } from './rowChanges';
import { serviceActivity } from './serviceActivity';
import { FadeIn } from '../reveal';
import { SideScroll } from '../SideScroll';
import './panels.css';

/** What a cell needs besides its row. */
interface RowContext {
  change?: RowChange;
  /** For a payment row that charges an order again: which charge it is (2 = second). */
  repeat?: number;
}

interface Column {
  header: string;
  cell: (row: Row, ctx: RowContext) => ReactNode;
}

const STATUS_TONE: Record<string, { tone: string; icon: string }> = {
  PENDING: { tone: 'neutral', icon: '…' },
  HELD: { tone: 'neutral', icon: '●' },
  REQUESTED: { tone: 'ok', icon: '✓' },
  BOOKED: { tone: 'ok', icon: '✓' },
  CONFIRMED: { tone: 'ok', icon: '✓' },
  SOLD: { tone: 'ok', icon: '✓' },
  CANCELLED: { tone: 'comp', icon: '↩' },
  RELEASED: { tone: 'comp', icon: '↩' },
};

/** A status with its icon; an update shows what it was, because an undo is a new state, not an erase. */
function Status({ row, change }: { row: Row; change?: RowChange }) {
  if (row.status === undefined) return <span className="sp-none">—</span>;
  const value = String(row.status);
  const { tone, icon } = STATUS_TONE[value] ?? { tone: 'neutral', icon: '•' };
  return (
    <span className={`sp-status tone-${tone}`}>
      {/* A no-break space: a status that wraps keeps its icon with its word. */}
      <span aria-hidden="true">{icon}{'\u00a0'}</span>
      {value}
      {change?.previousStatus && <span className="sp-was"> (was {change.previousStatus})</span>}
    </span>
  );
}

const text = (v: unknown) => (v === undefined || v === null ? <span className="sp-none">—</span> : String(v));

const buyer: Column = { header: 'Buyer', cell: (r) => <BuyerTag buyer={r.buyer} /> };
const order: Column = { header: 'Order', cell: (r) => text(r.orderId) };
const status: Column = { header: 'Status', cell: (r, c) => <Status row={r} change={c.change} /> };

const paymentKind: Column = {
  header: 'Kind',
  cell: (r, c) => (
    <>
      {r.kind === 'refund' ? (
        <span className="sp-refund">
          <span aria-hidden="true">↩{'\u00a0'}</span>refund
        </span>
      ) : (
        String(r.kind)
      )}
      {c.repeat && ' '}
      {c.repeat && (
        <strong className="sp-badge sp-badge-warn">
          <span aria-hidden="true">⚠{'\u00a0'}</span>
          {ordinal(c.repeat)} charge for <span className="sp-id">{String(r.orderId)}</span>
        </strong>
      )}
    </>
  ),
};

/**
 * The columns each service's table shows, what matters most first (status, money) so that a
 * phone shows it without scrolling; buyers only where several buyers make it matter.
 */
function columnsFor(table: string, buyers: number): Column[] {
  // Steps without hand-written rules (any other saga): what was done, and its status.
  const generic: Column[] = [status, { header: 'Did', cell: (r) => text(r.undone ?? r.did) }, order, ...(buyers > 1 ? [buyer] : [])];
  const many = buyers > 1 ? [buyer] : [];
  // The order saga's hand-written services are known by the tables they own.
  switch (table) {
    case 'inventory':
      // Three columns fit a third of a wide screen and a phone: the item has no status, so its status cell
      // says how many are available; no "Kind" column, the id already says it (seat-1A, hold-o1, read-o1).
      return [
        { header: 'Status', cell: (r, c) => (r.kind === 'item' ? <span className="sp-stock">{`${r.available} of ${r.stock} available`}</span> : <Status row={r} change={c.change} />) },
        ...many,
        order,
      ];
    case 'orders':
      return [status, { header: 'Amount', cell: (r) => money(r.amount) }, ...many];
    case 'payments':
      return [paymentKind, { header: 'Amount', cell: (r) => <span className={r.kind === 'refund' ? 'sp-refund' : undefined}>{money(r.amount, r.kind === 'refund')}</span> }, order, ...many];
    case 'warehouse':
      return [status, order, ...many];
    case 'delivery':
      return [status, { header: 'Slot', cell: (r) => text(r.slot) }, order, ...many];
    default:
      return generic;
  }
}

interface CardProps {
  step: SagaStep;
  rows: Row[];
  changes: Map<string, RowChange>;
  freshAfter: number;
  activity: ReturnType<typeof serviceActivity>;
  buyers: number;
}

function ServiceCard({ step, rows, changes, freshAfter, activity, buyers }: CardProps) {
  const id = useId();
  const columns = columnsFor(step.table, buyers);
  const repeats = step.table === 'payments' ? repeatedCharges(rows) : new Map<string, number>();
  const table = step.table;
  return (
    <li className={`sp-card${activity.busy ? ' is-busy' : ''}`}>
      <article aria-labelledby={`${id}-title`}>
        <header className="sp-card-head">
          <h3 id={`${id}-title`}>{step.service}</h3>
          <span className={`sp-pill tone-${activity.busy ? 'busy' : 'idle'}`}>{activity.busy ? 'handling a call' : 'idle'}</span>
        </header>
        <p className={`sp-activity tone-${activity.tone}`}>
          <span aria-hidden="true">{activity.icon} </span>
          {activity.text}
        </p>
        <SideScroll className="sp-table-wrap" labelledBy={`${id}-caption`}>
          <table className="sp-table">
            <caption id={`${id}-caption`}>
              {step.service} database: <code>{table}</code> ({rows.length} {rows.length === 1 ? 'row' : 'rows'})
            </caption>
            <thead>
              <tr>
                <th scope="col">ID</th>
                {columns.map((c) => (
                  <th scope="col" key={c.header}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td className="sp-empty" colSpan={columns.length + 1}>
                    No rows yet
                  </td>
                </tr>
              )}
              {rows.map((row) => {
                const change = changes.get(row.id);
                const comp = change?.lastBy === 'compensation';
                const repeat = repeats.get(row.id);
                const fresh = change !== undefined && change.lastBy !== 'setup' && change.changedSeq > freshAfter;
                const cls = [comp && 'is-comp', repeat && 'is-warn', fresh && 'is-fresh', row.buyer !== undefined && buyers > 1 && `buyer-row-${((Number(row.buyer) - 1) % 4) + 1}`]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <FadeIn as="tr" key={row.id} className={cls || undefined} from="above">
                    <th scope="row">
                      <span className="sp-id">{row.id}</span>
                      {(comp || fresh) && ' '}
                      {comp && (
                        <span className="sp-badge sp-badge-comp">
                          <span aria-hidden="true">↩{'\u00a0'}</span>compensation
                        </span>
                      )}
                      {comp && fresh && ' '}
                      {fresh && <span className="sp-badge sp-badge-fresh">{change.insertedSeq === change.changedSeq ? 'new' : 'changed'}</span>}
                    </th>
                    {columns.map((c) => (
                      <td key={c.header}>{c.cell(row, { change, repeat })}</td>
                    ))}
                  </FadeIn>
                );
              })}
            </tbody>
          </table>
        </SideScroll>
      </article>
    </li>
  );
}

/**
 * The five services, each with its own database as it stands at the cursor. Undo is visible as
 * a new row (a refund) or a new status (RELEASED, CANCELLED) marked "compensation" — never a deletion.
 */
export function ServicesBoard({ run }: { run: RunView }) {
  const shown = useMemo(() => revealed(run), [run]);
  const db = useMemo(() => tablesAt(run.trace, run.cursor), [run.trace, run.cursor]);
  const changes = useMemo(() => rowChanges(run.trace, run.cursor), [run.trace, run.cursor]);
  const buyers = run.scenario.buyers ?? 1;
  const choreography = run.scenario.mode === 'choreography';
  // Rows written since the story event before the latest one are "fresh" (just changed).
  const story = shown.filter((e) => !QUIET_EVENTS.has(e.type));
  const freshAfter = story.length >= 2 ? story[story.length - 2].seq : -1;
  const titleId = useId();
  return (
    <section className="panel services-board" aria-labelledby={titleId}>
      <h2 id={titleId}>Services and their databases</h2>
      <p className="sp-note">
        Each service owns its own table. <span className="sp-badge sp-badge-comp">↩ compensation</span> marks a row an undo wrote: a new row
        or a new status — nothing is ever deleted.
      </p>
      {buyers > 1 && (
        <ul className="sp-legend" aria-label="Buyers">
          {Array.from({ length: buyers }, (_, i) => i + 1).map((n) => (
            <li key={n} className={`sp-buyer buyer-${((n - 1) % 4) + 1}`}>
              <span className="sp-swatch" aria-hidden="true" />
              Buyer {n} (order o-{n})
            </li>
          ))}
        </ul>
      )}
      <ul className="sp-grid">
        {stepsOf(run.scenario).map((step) => (
          <ServiceCard
            key={step.id}
            step={step}
            rows={db[step.table]?.rows ?? []}
            changes={changes[step.table]}
            freshAfter={freshAfter}
            activity={serviceActivity(shown, step, { buyers, choreography })}
            buyers={buyers}
          />
        ))}
      </ul>
    </section>
  );
}
