import { strict as assert } from 'assert';
import { Memo } from './memo';

describe('Memo: a bounded cache of a pure computation', () => {
  it('works each key out once', () => {
    const seen: string[] = [];
    const upper = new Memo(10, (s: string) => {
      seen.push(s);
      return s.toUpperCase();
    });
    assert.deepEqual(['a', 'b', 'a', 'a', 'b'].map((s) => upper.get(s)), ['A', 'B', 'A', 'A', 'B']);
    assert.deepEqual(seen, ['a', 'b']);
  });

  it('keeps no more than its limit, and still answers once emptied', () => {
    let computed = 0;
    const double = new Memo(2, (n: number) => {
      computed++;
      return n * 2;
    });
    assert.deepEqual([1, 2, 3, 1].map((n) => double.get(n)), [2, 4, 6, 2]);
    // 3 found the cache full (1, 2) and emptied it, so 1 was worked out again.
    assert.equal(computed, 4);
  });

  it('caches a null meaning too (a word that says nothing)', () => {
    let computed = 0;
    const none = new Memo(10, () => {
      computed++;
      return null;
    });
    none.get('x');
    none.get('x');
    assert.equal(computed, 1);
  });
});
