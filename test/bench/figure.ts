/** One printed line of `npm run bench`: a label, the human text, and the numbers behind it for `--json`. */
export interface Figure {
  /** Stable machine key, e.g. `bundle.firstLoad`. */
  id: string;
  label: string;
  /** What the human output prints after the label. */
  text: string;
  /** The measured values (numbers in the unit named by the key), or absent when not measured. */
  values?: Record<string, number | string | boolean | null>;
  /** Why the figure could not be measured; `text` then reads `n/a (reason)`. */
  na?: string;
}

/** A figure that could not be measured: printed as `n/a (reason)`, never a crash. */
export function notAvailable(id: string, label: string, reason: unknown): Figure {
  const text = reason instanceof Error ? reason.message : String(reason);
  const short = text.split('\n')[0].slice(0, 200);
  return { id, label, text: `n/a (${short})`, na: short };
}

/** Runs a measurement; any throw becomes one n/a figure with the given id and label. */
export async function guarded(id: string, label: string, measure: () => Promise<Figure[]> | Figure[]): Promise<Figure[]> {
  try {
    return await measure();
  } catch (error) {
    return [notAvailable(id, label, error)];
  }
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** The q-quantile (0..1) of a list of numbers, by nearest rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}
