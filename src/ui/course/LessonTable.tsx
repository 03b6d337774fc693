import type { LessonTable as TableData } from '../../lessons';

/** A lesson's comparison table: the first cell of each row is its heading. Scrolls sideways on a phone. */
export function LessonTable({ table }: { table: TableData }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the wrapper scrolls; keyboard users must be able to scroll it
    <section className="lesson-table-wrap" tabIndex={0} aria-label={table.caption}>
      <table className="lesson-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([head, ...cells]) => (
            <tr key={head}>
              <th scope="row">{head}</th>
              {cells.map((cell, i) => (
                <td key={table.columns[i + 1]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
