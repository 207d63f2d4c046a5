import type { Grid, MergedRange } from '../engine/types';

/**
 * Merged ranges clipped to a sheet's data: a range's cells past the last row or column holding
 * data are blank either way, and a range wholly outside holds nothing, so a range over the whole
 * sheet costs no more than the data. Clipped, a range still spans two rows or columns when it did:
 * that is what makes it a line (§11).
 *
 * @example clipMerges([{ top: 0, left: 0, bottom: 0, right: 16383 }], [['标题'], ['工号', '姓名']])
 * // => [{ top: 0, left: 0, bottom: 0, right: 1 }]
 */
export function clipMerges(merges: readonly MergedRange[], grid: Grid): MergedRange[] {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const clip = (from: number, to: number, size: number) => Math.max(Math.min(to, size - 1), Math.min(to, from + 1));
  return merges
    .filter((m) => m.top < grid.length && m.left < width)
    .map((m) => ({ ...m, bottom: clip(m.top, m.bottom, grid.length), right: clip(m.left, m.right, width) }));
}
