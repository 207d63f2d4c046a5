/**
 * A bounded cache of a pure computation. A large table repeats a few values (ids, names, words,
 * days) on every row, so each distinct one is worked out once; the cache is emptied when full, so a
 * column of free text cannot keep every cell it ever saw.
 *
 * @example new Memo(10, (n: number) => n * 2).get(21) // => 42
 */
export class Memo<K, V> {
  private readonly cache = new Map<K, V>();

  constructor(private readonly limit: number, private readonly compute: (key: K) => V) {}

  get(key: K): V {
    let value = this.cache.get(key);
    if (value === undefined) {
      if (this.cache.size >= this.limit) this.cache.clear();
      value = this.compute(key);
      this.cache.set(key, value);
    }
    return value;
  }
}
