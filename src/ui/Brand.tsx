import { resolveDefinition, type Scenario } from '../core';

const COUNT = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/**
 * The app's name and promise, first thing in the header. `index.html` carries the same markup as a
 * static shell inside `#root`, so it paints before any script has run (a phone's first and largest
 * paint); React replaces it on mount. test/ui/staticShell.test.tsx keeps the two identical. Another
 * saga than the order (a trip, an instructor's own) gets a promise that is true for it.
 */
export function Brand({ definition }: { definition?: Scenario['definition'] }) {
  const saga = sagaOf(definition);
  const other = saga && saga.id !== 'order' && saga.id !== 'order-with-pivot';
  return (
    <div className="brand">
      <h1>Saga Simulator</h1>
      <p className="subtitle">{other ? `${saga.title}: ${COUNT[saga.steps.length] ?? saga.steps.length} services, no global undo.` : 'One order, five services, no global undo.'}</p>
    </div>
  );
}

/** The saga on screen, if it can be read (a bad one falls back to the order saga's promise). */
function sagaOf(definition: Scenario['definition'] | undefined) {
  try {
    return definition === undefined ? undefined : resolveDefinition(definition);
  } catch {
    return undefined;
  }
}
