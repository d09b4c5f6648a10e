import type { ReactNode } from 'react';

/** A column heading; `false`/`null` leaves the column out (e.g. actions for readers). */
export type Column = string | { label: string; className?: string } | false | null | undefined;

/**
 * A data table that scrolls sideways on small screens: a caption (visible, or for screen
 * readers only under a section heading that already names it), column headings, and rows.
 */
export function DataTable({ caption, captionHidden, columns, children }: { caption: string; captionHidden?: boolean; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) =>
              !c ? null : typeof c === 'string' ? (
                <th key={i} scope="col">{c}</th>
              ) : (
                <th key={i} scope="col" className={c.className}>{c.label}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
