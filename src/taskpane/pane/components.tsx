import { Badge, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { displayText, type SheetBlock } from '../../engine/sheets';
import type { Cell } from '../../engine/types';

const useStyles = makeStyles({
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  short: { whiteSpace: 'nowrap' },
  clickable: { cursor: 'pointer' },
  tie: { backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: '4px 0' },
});

export interface RowOptions {
  /** Called when a row is clicked or chosen with Enter or Space: the row's index among the block's rows. */
  onRow?: (index: number) => void;
  /** Rows the committee has to settle: the cell of `badgeColumn` shows as a badge. */
  isTie?: (index: number) => boolean;
  badgeColumn?: number;
  /** Shown at most this many rows (the result sheet has all of them). */
  limit?: number;
  /** Words for "first rows only". */
  firstRows?: (shown: number, all: number) => string;
}

/**
 * A result sheet's block as a table; at narrow widths each row shows as a card (CSS in taskpane.html
 * reads the column name from data-label), so nothing scrolls sideways in a 320 px pane.
 */
export function BlockTable({ block, label, options = {} }: { block: SheetBlock; label: string; options?: RowOptions }): ReactNode {
  const styles = useStyles();
  const all = block.total ? [...block.rows, block.total] : block.rows;
  const limit = options.limit ?? Infinity;
  const rows = all.length > limit ? block.rows.slice(0, limit) : all;
  const headers = block.columns.map((c) => c.header);
  return (
    <>
      <Table className="cards" aria-label={label} size="small">
        <TableHeader>
          <TableRow>{headers.map((h, i) => <TableHeaderCell key={i}>{h}</TableHeaderCell>)}</TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => {
            const choose = options.onRow && r < block.rows.length ? options.onRow : undefined;
            const tie = options.isTie?.(r) ?? false;
            const onKeyDown = (e: KeyboardEvent) => {
              if (choose && (e.key === 'Enter' || e.key === ' ')) {
                e.preventDefault();
                choose(r);
              }
            };
            return (
              <TableRow key={r} className={mergeClasses(choose && 'clickable', choose && styles.clickable, tie && 'tie', tie && styles.tie)}
                tabIndex={choose ? 0 : undefined} onClick={choose ? () => choose(r) : undefined} onKeyDown={choose ? onKeyDown : undefined}>
                {row.map((cell, c) => <DataCell key={c} cell={cell} label={headers[c] ?? ''} badge={tie && c === options.badgeColumn} />)}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {all.length > limit && <p className={styles.note}>{options.firstRows?.(limit, block.rows.length)}</p>}
    </>
  );
}

function DataCell({ cell, label, badge }: { cell: Cell; label: string; badge: boolean }): ReactNode {
  const styles = useStyles();
  const text = displayText(cell);
  // Numbers align right; short words (names, ids, departments) never wrap in a narrow pane.
  const className = typeof cell === 'number' ? styles.num : text.length <= 6 ? styles.short : undefined;
  return (
    <TableCell className={className} data-label={label}>
      {badge && text !== '' ? <Badge appearance="filled" color="warning" shape="rounded">{text}</Badge> : text}
    </TableCell>
  );
}

/** A search box over a list: the first matches only, so a large office never builds thousands of rows. */
export function useSearch<T>(items: readonly T[], text: (item: T) => string): { query: string; setQuery: (q: string) => void; matches: T[] } {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  return { query, setQuery, matches: q === '' ? [...items] : items.filter((item) => text(item).toLowerCase().includes(q)) };
}

export function SearchBox({ label, query, setQuery }: { label: string; query: string; setQuery: (q: string) => void }): ReactNode {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="field-label">{label}</label>
      <Input id={id} type="search" value={query} onChange={(_, d) => setQuery(d.value)} style={{ width: '100%' }} />
    </div>
  );
}

export function Note({ children, id }: { children: ReactNode; id?: string }): ReactNode {
  const styles = useStyles();
  return <p className={mergeClasses('note', styles.note)} id={id}>{children}</p>;
}
