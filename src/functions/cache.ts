import type { Cell, Grid } from '../engine/types';

/**
 * Excel hands every call its own copy of a range, so identity cannot tell two calls over the same
 * range apart. Contents can: two grids are the same when every cell is. Comparing is one cheap
 * pass (no text work, no allocation), far cheaper than reading the tables again, and exact: a
 * changed cell never matches, so a cached result is never stale.
 */
export function sameGrid(a: Grid | null, b: Grid | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r] as readonly Cell[];
    const y = b[r] as readonly Cell[];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

interface Entry<T> {
  key: string;
  grids: (Grid | null)[];
  value: T;
}

/** A small most-recently-used cache of values computed from grids plus a short key. */
export class GridCache<T> {
  private entries: Entry<T>[] = [];
  hits = 0;
  misses = 0;

  constructor(private readonly size = 16) {}

  get(key: string, grids: (Grid | null)[], compute: () => T): T {
    const index = this.entries.findIndex((e) => e.key === key && e.grids.length === grids.length
      && e.grids.every((g, i) => sameGrid(g, grids[i] ?? null)));
    if (index >= 0) {
      const entry = this.entries[index] as Entry<T>;
      this.entries.splice(index, 1);
      this.entries.unshift(entry);
      this.hits++;
      return entry.value;
    }
    this.misses++;
    const value = compute();
    // Keep a copy: a caller that changes its array in place must not change what we compare against.
    this.entries.unshift({ key, grids: grids.map((g) => g && g.map((row) => row.slice())), value });
    if (this.entries.length > this.size) this.entries.pop();
    return value;
  }

  clear(): void {
    this.entries = [];
  }
}
