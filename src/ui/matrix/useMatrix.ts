import { useEffect, useState } from 'react';
import { type DefinitionName, failureMatrix, type MatrixCell } from '../../core';

// Each matrix is a pure function of its definition and seed: computed once per page load.
const cache = new Map<string, MatrixCell[]>();

/**
 * The failure matrix of a built-in definition, or `undefined` while it is being computed (a few
 * hundred runs take a moment: the page first paints a "running" status, then computes).
 */
export function useMatrix(definition: DefinitionName, seed: number): MatrixCell[] | undefined {
  const key = `${definition}:${seed}`;
  const [cells, setCells] = useState<{ key: string; cells: MatrixCell[] } | undefined>(() => {
    const hit = cache.get(key);
    return hit ? { key, cells: hit } : undefined;
  });
  useEffect(() => {
    const hit = cache.get(key);
    if (hit) {
      setCells({ key, cells: hit });
      return;
    }
    const timer = window.setTimeout(() => {
      const computed = failureMatrix(definition, { seed });
      cache.set(key, computed);
      setCells({ key, cells: computed });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [key, definition, seed]);
  return cells?.key === key ? cells.cells : undefined;
}
