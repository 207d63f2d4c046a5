import { stableSum } from './numbers';
import type { SatisfactionRecord } from './records';

/**
 * Satisfaction as a fraction (§10): rows with both counts are pooled, Σ satisfied / Σ evaluations;
 * the mean of the given rates is used only when no row has counts. Null when there is no data.
 *
 * @example pooledSatisfaction([{ evaluations: 100, satisfied: 95, rate: null }, { evaluations: 100, satisfied: 99, rate: null }]) // => 0.97
 */
export function pooledSatisfaction(rows: readonly Pick<SatisfactionRecord, 'evaluations' | 'satisfied' | 'rate'>[]): number | null {
  let evaluations = 0;
  let satisfied = 0;
  let counted = false;
  let rateSum = 0;
  let rates = 0;
  for (const r of rows) {
    if (r.evaluations !== null && r.satisfied !== null) {
      evaluations += r.evaluations;
      satisfied += r.satisfied;
      counted = true;
    } else if (r.rate !== null) {
      rateSum += r.rate;
      rates++;
    }
  }
  if (counted) return evaluations > 0 ? stableSum(stableSum(satisfied) / stableSum(evaluations)) : null;
  return rates > 0 ? stableSum(stableSum(rateSum) / rates) : null;
}

/**
 * The evaluation rate (接受评价率): Σ evaluations / Σ served over rows that have both.
 *
 * @example evaluationRate([{ evaluations: 90, served: 100 }]) // => 0.9
 */
export function evaluationRate(rows: readonly Pick<SatisfactionRecord, 'evaluations' | 'served'>[]): number | null {
  let evaluations = 0;
  let served = 0;
  for (const r of rows) {
    if (r.evaluations !== null && r.served !== null) {
      evaluations += r.evaluations;
      served += r.served;
    }
  }
  return served > 0 ? stableSum(stableSum(evaluations) / stableSum(served)) : null;
}
