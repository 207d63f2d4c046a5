import { strict as assert } from 'assert';
import { allocatePlaces, compareCandidates, denseRank, equalOnEveryKey, rankAmong, type RankKeys } from './places';

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

describe('places: rankAmong (STAR.DENSERANK)', () => {
  it('dense rank of one value, highest first: 1, 2, 2, 3', () => {
    const values = [98, 100, 98, 95];
    assert.equal(rankAmong(100, values), 1);
    assert.equal(rankAmong(98, values), 2);
    assert.equal(rankAmong(95, values), 3);
  });

  it('repeated values above count once', () => {
    assert.equal(rankAmong(90, [100, 100, 100, 95, 95, 90]), 3);
    assert.equal(rankAmong(-1, [0, -1, -1, 2.5]), 3);
    assert.equal(rankAmong(99.99, [100, 99.99, 99.98]), 2);
  });

  it('null when the value is not among the values', () => {
    assert.equal(rankAmong(99, [98, 100]), null);
    assert.equal(rankAmong(99, []), null);
  });

  it('within a group: only the values of that group count', () => {
    const values = [98, 100, 97, 99];
    const groups = ['A', 'B', 'A', 'B'];
    assert.equal(rankAmong(98, values, groups, 'A'), 1);
    assert.equal(rankAmong(97, values, groups, 'A'), 2);
    assert.equal(rankAmong(99, values, groups, 'B'), 2);
    assert.equal(rankAmong(100, values, groups, 'B'), 1);
  });

  it('groups compare as names do: spaces, case and full width ignored; numbers equal their text', () => {
    assert.equal(rankAmong(97, [98, 97, 99], [' 门 诊', '门诊', '药房'], '门诊'), 2);
    assert.equal(rankAmong(97, [98, 97], ['Ａ', 'a'], 'A'), 2);
    assert.equal(rankAmong(5, [5, 6], [1, '1'], '1'), 2);
  });

  it('null when the value is only in another group, or the group is unknown', () => {
    assert.equal(rankAmong(100, [98, 100, 97], ['A', 'B', 'A'], 'A'), null);
    assert.equal(rankAmong(98, [98, 100, 97], ['A', 'B', 'A'], 'C'), null);
  });

  it('agrees with denseRank for every value', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const ranks = denseRank(values);
    values.forEach((v, i) => assert.equal(rankAmong(v, values), ranks[i]));
  });
});
