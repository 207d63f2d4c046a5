import { roundHalfAway, stableSum } from './numbers';
import type { PraiseRecord, Violation } from './records';
import { normalisedWeights, type SchemeParameters } from './scheme';

/** A person's deductions split by inspection kind (D_onsite, D_offsite of §3). */
export interface PointsByKind {
  onsite: number;
  offsite: number;
}

export function pointsByKind(violations: readonly Violation[]): PointsByKind {
  // Two locals, not `sum[v.kind] +=`: a property chosen by a string on every row is a keyed access.
  let onsite = 0;
  let offsite = 0;
  for (const v of violations) {
    if (v.kind === 'offsite') offsite += v.points;
    else onsite += v.points;
  }
  return { onsite: stableSum(onsite), offsite: stableSum(offsite) };
}

/**
 * The inspection part of the score (§3): base − all points, or with kind weights the weighted
 * sum of the two sub-scores, each floored at 0.
 *
 * @example inspectionScore({ onsite: 3, offsite: 2 }, DEFAULT_PARAMETERS) // => 95
 */
export function inspectionScore(points: PointsByKind, parameters: SchemeParameters): number {
  const base = parameters.baseScore;
  const weights = normalisedWeights(parameters);
  if (!weights) return Math.max(0, base - points.onsite - points.offsite);
  return weights.onsite * Math.max(0, base - points.onsite) + weights.offsite * Math.max(0, base - points.offsite);
}

/**
 * Praise bonus points, capped (§3).
 *
 * @example praiseBonus([{ points: 1 }, { points: 2 }], DEFAULT_PARAMETERS) // => 3
 */
export function praiseBonus(praise: readonly Pick<PraiseRecord, 'points'>[], parameters: SchemeParameters): number {
  let sum = 0;
  for (const p of praise) sum += p.points;
  return Math.min(parameters.praiseCap, stableSum(sum));
}

/**
 * The score (百分制), rounded half away from zero to 2 decimals.
 *
 * @example score({ onsite: 3, offsite: 2 }, [{ points: 1 }], { ...DEFAULT_PARAMETERS, kindWeights: { onsite: 0.8, offsite: 0.2 } }) // => 98.2
 */
export function score(points: PointsByKind, praise: readonly Pick<PraiseRecord, 'points'>[], parameters: SchemeParameters): number {
  return roundHalfAway(inspectionScore(points, parameters) + praiseBonus(praise, parameters), 2);
}
