/** What of the scenario could not run as set (each value that fell back to its default), as plain text. */
export function RunWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="warning" role="status">
      <span aria-hidden="true">⚠</span> This scenario could not run as set:
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
