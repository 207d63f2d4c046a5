import { strict as assert } from 'assert';
import { allocatePlaces, compareCandidates, denseRank, equalOnEveryKey, type RankKeys } from './places';

interface C extends RankKeys {
  name: string;
  dept: string;
}

function c(name: string, score: number, dept = 'A', violations = 0, praise = 0, satisfaction: number | null = null): C {
  return { name, dept, score, violations, praise, satisfaction };
}

function sorted(list: C[]): C[] {
  return [...list].sort(compareCandidates);
}

function places(list: C[], n: number, cap: number | null = null): Record<string, string> {
  const status = allocatePlaces(sorted(list), n, equalOnEveryKey, (x) => x.dept, cap);
  return Object.fromEntries(list.filter((x) => status.has(x)).map((x) => [x.name, status.get(x) as string]));
}

describe('places: compareCandidates (§6)', () => {
  it('orders by score, then fewer violations, then more praise rows, then higher satisfaction', () => {
    const list = [
      c('sat-low', 99, 'A', 1, 2, 0.9),
      c('top', 100),
      c('more-violations', 99, 'A', 2, 5, 1),
      c('sat-high', 99, 'A', 1, 2, 0.95),
      c('more-praise', 99, 'A', 1, 3, 0.5),
      c('no-sat', 99, 'A', 1, 2, null),
    ];
    assert.deepEqual(sorted(list).map((x) => x.name), ['top', 'more-praise', 'sat-high', 'sat-low', 'no-sat', 'more-violations']);
  });

  it('compares satisfaction only when both have it; without it sorts after', () => {
    assert.equal(compareCandidates(c('a', 99, 'A', 0, 0, null), c('b', 99, 'A', 0, 0, null)), 0);
    assert.ok(compareCandidates(c('a', 99, 'A', 0, 0, null), c('b', 99, 'A', 0, 0, 0.5)) > 0);
    assert.ok(compareCandidates(c('a', 99, 'A', 0, 0, 0.5), c('b', 99, 'A', 0, 0, null)) < 0);
    assert.equal(equalOnEveryKey(c('a', 99, 'A', 0, 0, 0.9), c('b', 99, 'B', 0, 0, 0.9)), true);
    assert.equal(equalOnEveryKey(c('a', 99, 'A', 0, 0, 0.9), c('b', 99, 'B', 0, 0, null)), false);
  });

  it('never breaks a tie by name or input order', () => {
    const a = c('a', 99);
    const b = c('b', 99);
    assert.equal(compareCandidates(a, b), 0);
    assert.equal(compareCandidates(b, a), 0);
  });
});

describe('places: allocatePlaces — the tie rule of §10', () => {
  it('one place, a clear winner', () => {
    assert.deepEqual(places([c('a', 99), c('b', 100), c('c', 98)], 1), { b: 'winner' });
  });

  it('one place tied: both tie, nobody wins', () => {
    assert.deepEqual(places([c('a', 99), c('b', 99), c('c', 98)], 1), { a: 'tie', b: 'tie' });
  });

  it('two places, the 2nd tied with the 3rd: the first wins, the tied ones tie', () => {
    assert.deepEqual(places([c('a', 100), c('b', 99), c('c', 99), c('d', 98)], 2), { a: 'winner', b: 'tie', c: 'tie' });
  });

  it('two places, 1st and 2nd tied, 3rd lower: both win (the tie fits)', () => {
    assert.deepEqual(places([c('a', 100), c('b', 100), c('c', 99)], 2), { a: 'winner', b: 'winner' });
  });

  it('two places, three tied at the top: all three tie (including the one above place N)', () => {
    assert.deepEqual(places([c('a', 100), c('b', 100), c('c', 100), c('d', 99)], 2), { a: 'tie', b: 'tie', c: 'tie' });
  });

  it('three places: 1 winner, then 3 tied for places 2–3 → 1 winner, 3 ties', () => {
    assert.deepEqual(places([c('a', 100), c('b', 99), c('c', 99), c('d', 99), c('e', 90)], 3),
      { a: 'winner', b: 'tie', c: 'tie', d: 'tie' });
  });

  it('ties resolved by the later keys are not ties', () => {
    assert.deepEqual(places([c('a', 99, 'A', 1), c('b', 99, 'A', 0)], 1), { b: 'winner' });
    assert.deepEqual(places([c('a', 99, 'A', 0, 1), c('b', 99, 'A', 0, 2)], 1), { b: 'winner' });
    assert.deepEqual(places([c('a', 99, 'A', 0, 0, 0.9), c('b', 99, 'A', 0, 0, 0.95)], 1), { b: 'winner' });
    assert.deepEqual(places([c('a', 99, 'A', 0, 0, null), c('b', 99, 'A', 0, 0, 0.5)], 1), { b: 'winner' });
  });

  it('fewer candidates than places: all win', () => {
    assert.deepEqual(places([c('a', 80)], 3), { a: 'winner' });
    assert.deepEqual(places([], 3), {});
  });

  it('0 places: nobody', () => {
    assert.deepEqual(places([c('a', 80)], 0), {});
  });

  it('does not depend on the input order', () => {
    const list = [c('a', 100), c('b', 99), c('c', 99), c('d', 98)];
    const forward = places(list, 2);
    const backward = places([...list].reverse(), 2);
    assert.deepEqual(forward, backward);
  });

  it('with a cap per group, skips a group that is full', () => {
    const list = [c('a1', 100, 'A'), c('a2', 99, 'A'), c('b1', 98, 'B'), c('c1', 97, 'C')];
    assert.deepEqual(places(list, 2, 1), { a1: 'winner', b1: 'winner' });
    assert.deepEqual(places(list, 3, 2), { a1: 'winner', a2: 'winner', b1: 'winner' });
  });
});

describe('places: denseRank', () => {
  it('ranks 1, 2, 2, 3 (中国式排名)', () => {
    assert.deepEqual(denseRank([98, 100, 98, 95]), [2, 1, 2, 3]);
    assert.deepEqual(denseRank([]), []);
    assert.deepEqual(denseRank([50]), [1]);
  });
});
