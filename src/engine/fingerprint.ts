import type { Cell, TableInput, TableKey } from './types';

/** Canonical text of a cell, so the same value read by different adapters hashes the same. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return `d${cell.getTime()}`;
  return typeof cell === 'string' ? `s${cell}` : `${(typeof cell)[0]}${String(cell)}`;
}

/**
 * A short fingerprint of the input tables (cyrb53, a 53-bit hash), written in the run log so a
 * rerun on the same data can be recognised. Not a security hash.
 *
 * @example fingerprint({ staff: { sheet: 'S', grid: [['工号']] } }).length // => 14
 */
export function fingerprint(tables: Partial<Record<TableKey, TableInput>>): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  for (const key of Object.keys(tables).sort() as TableKey[]) {
    const table = tables[key];
    if (!table) continue;
    feed(`\u0001${key}`);
    // Every sheet of the table and its merges count (§11); a tidy one-sheet table hashes as it always did.
    for (const [i, sheet] of [table, ...(table.moreSheets ?? [])].entries()) {
      if (i > 0) feed('\u0004');
      for (const row of sheet.grid) {
        feed('\u0002');
        for (const cell of row) feed(`\u0003${cellText(cell)}`);
      }
      for (const m of sheet.merges ?? []) feed(`\u0005${m.top},${m.left},${m.bottom},${m.right}`);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
