import type { Scenario } from '../../core';

interface Props {
  /** The scenario with defaults applied (what the run uses). */
  resolved: Scenario;
  onChange: (patch: Partial<Scenario>) => void;
}

const BUYERS = [1, 2, 3, 4];
const STOCK = [1, 2, 3];

/** The race's knobs: how many buyers, how many seats, the semantic lock and what a buyer does on PENDING. */
export function RaceControls({ resolved, onChange }: Props) {
  return (
    <div className="control-row race-controls">
      <label>
        Buyers{' '}
        <select value={resolved.buyers} onChange={(e) => onChange({ buyers: Number(e.target.value) })}>
          {BUYERS.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? '1 (no race)' : n}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stock{' '}
        <select value={resolved.stock} onChange={(e) => onChange({ stock: Number(e.target.value) })}>
          {STOCK.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={resolved.semanticLock} onChange={(e) => onChange({ semanticLock: e.target.checked })} />
        Semantic lock (PENDING)
      </label>
      <label>
        Back-off policy{' '}
        <select value={resolved.lockPolicy} onChange={(e) => onChange({ lockPolicy: e.target.value === 'wait' ? 'wait' : 'fail' })}>
          <option value="fail">fail: back off at once</option>
          <option value="wait">wait: retry later</option>
        </select>
      </label>
    </div>
  );
}
