/**
 * The app's name and promise, first thing in the header. `index.html` carries the same markup as a
 * static shell inside `#root`, so it paints before any script has run (a phone's first and largest
 * paint); React replaces it on mount. test/ui/staticShell.test.tsx keeps the two identical.
 */
export function Brand() {
  return (
    <div className="brand">
      <h1>Saga Simulator</h1>
      <p className="subtitle">One order, five services, no global undo.</p>
    </div>
  );
}
