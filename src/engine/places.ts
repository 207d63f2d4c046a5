import { normalizeKey } from './text';

/** What a candidate brings to the ranking (§6), high score first. */
export interface RankKeys {
  score: number;
  violations: number;
  /** Praise rows in the period. */
  praise: number;
  /** Null when the person has no satisfaction data: compared only when both have it. */
  satisfaction: number | null;
}

/**
 * Orders candidates (§6): score high first, then fewer violations, then more praise rows, then
 * higher satisfaction; people without satisfaction data come after those with it. Never by row
 * order, id or name: equal keys compare as 0.
 */
export function compareCandidates(a: RankKeys, b: RankKeys): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.violations !== b.violations) return a.violations - b.violations;
  if (a.praise !== b.praise) return b.praise - a.praise;
  if (a.satisfaction !== null && b.satisfaction !== null) return b.satisfaction - a.satisfaction;
  if (a.satisfaction === null && b.satisfaction === null) return 0;
  return a.satisfaction === null ? 1 : -1;
}

export function equalOnEveryKey(a: RankKeys, b: RankKeys): boolean {
  return compareCandidates(a, b) === 0;
}

export type PlaceStatus = 'winner' | 'tie';

/**
 * Hands out `places` places to candidates sorted best first, with the tie rule of §10: when the
 * candidates equal to the one at the last place do not all fit, every one of them gets `tie` and
 * none wins that place. With `cap`, no group (department) gets more than `cap` places; candidates
 * of one group who are equal and cannot all fit under the cap are tied too.
 *
 * @example allocatePlaces([a(100), b(99), c(99)], 2, equal) // => a winner, b tie, c tie
 */
export function allocatePlaces<T>(
  sorted: readonly T[], places: number, equal: (x: T, y: T) => boolean,
  group: (x: T) => string = () => '', cap: number | null = null,
): Map<T, PlaceStatus> {
  const status = new Map<T, PlaceStatus>();
  const taken = new Map<string, number>();
  let winners = 0;
  let i = 0;
  while (i < sorted.length && winners < places) {
    let j = i + 1;
    while (j < sorted.length && equal(sorted[i] as T, sorted[j] as T)) j++;
    const level = sorted.slice(i, j);
    i = j;
    const open = cap === null ? level : level.filter((x) => (taken.get(group(x)) ?? 0) < cap);
    const perGroup = new Map<string, T[]>();
    for (const x of open) perGroup.set(group(x), [...(perGroup.get(group(x)) ?? []), x]);
    const fit: T[] = [];
    const overCap: T[] = [];
    for (const [g, members] of perGroup) {
      if (cap !== null && (taken.get(g) ?? 0) + members.length > cap) overCap.push(...members);
      else fit.push(...members);
    }
    if (winners + fit.length > places) {
      for (const x of open) status.set(x, 'tie');
      break;
    }
    for (const x of fit) {
      status.set(x, 'winner');
      taken.set(group(x), (taken.get(group(x)) ?? 0) + 1);
    }
    winners += fit.length;
    for (const x of overCap) {
      status.set(x, 'tie');
      taken.set(group(x), cap as number);
    }
  }
  return status;
}

/**
 * Dense ranks (中国式排名: 1, 2, 2, 3), highest value first.
 *
 * @example denseRank([98, 100, 98, 95]) // => [2, 1, 2, 3]
 */
export function denseRank(values: readonly number[]): number[] {
  const distinct = [...new Set(values)].sort((a, b) => b - a);
  const rankOf = new Map(distinct.map((v, i) => [v, i + 1]));
  return values.map((v) => rankOf.get(v) as number);
}

/**
 * The dense rank of one value among others (STAR.DENSERANK), highest first; with groups, only among the
 * values of the same group. Null when the value is not among them.
 *
 * @example rankAmong(98, [98, 100, 98, 95]) // => 2
 * @example rankAmong(98, [98, 100, 97], ['A', 'B', 'A'], 'A') // => 1
 */
export function rankAmong(value: number, values: readonly number[], groups?: readonly unknown[], group?: unknown): number | null {
  const within = groups === undefined ? values : values.filter((_, i) => normalizeKey(groups[i]) === normalizeKey(group));
  if (!within.includes(value)) return null;
  return new Set(within.filter((v) => v > value)).size + 1;
}
