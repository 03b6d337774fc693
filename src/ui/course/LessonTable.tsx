import type { LessonTable as TableData } from '../../lessons';
import { SideScroll } from '../SideScroll';

/** A lesson's comparison table: the first cell of each row is its heading. Scrolls sideways, with a visible hint, where it does not fit. */
export function LessonTable({ table }: { table: TableData }) {
  return (
    <SideScroll className="lesson-table-wrap" label={table.caption}>
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
    </SideScroll>
  );
}
