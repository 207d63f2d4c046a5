import { strict as assert } from 'assert';
import { evaluationRate, pooledSatisfaction } from './satisfaction';

type Row = { evaluations: number | null; satisfied: number | null; rate: number | null; served: number | null };
const row = (evaluations: number | null, satisfied: number | null, rate: number | null = null, served: number | null = null): Row =>
  ({ evaluations, satisfied, rate, served });

describe('satisfaction: pooledSatisfaction (§4, §10)', () => {
  it('pools the counts: Σ satisfied / Σ evaluations, not the mean of the monthly rates', () => {
    // months of 10 and 90 evaluations: pooled 91/100 = 0.91; the mean of rates would be (0.1 + 1.0) / 2 = 0.55
    assert.equal(pooledSatisfaction([row(10, 1), row(90, 90)]), 0.91);
    assert.equal(pooledSatisfaction([row(100, 95), row(100, 99)]), 0.97);
  });

  it('uses the mean of the given rates only when no row has counts', () => {
    assert.equal(pooledSatisfaction([row(null, null, 0.9), row(null, null, 1)]), 0.95);
    // one row with counts: the rate-only rows are not mixed in
    assert.equal(pooledSatisfaction([row(100, 80), row(null, null, 1)]), 0.8);
  });

  it('a row with only one of the two counts falls back to its rate', () => {
    assert.equal(pooledSatisfaction([row(100, null, 0.9)]), 0.9);
  });

  it('gives null without data', () => {
    assert.equal(pooledSatisfaction([]), null);
    assert.equal(pooledSatisfaction([row(null, null)]), null);
    assert.equal(pooledSatisfaction([row(0, 0)]), null);
  });
});

describe('satisfaction: evaluationRate (§4 EVAL_RATE)', () => {
  it('is Σ evaluations / Σ served over rows with both', () => {
    assert.equal(evaluationRate([row(90, 85, null, 100)]), 0.9);
    assert.equal(evaluationRate([row(50, 50, null, 100), row(130, 120, null, 100)]), 0.9);
    assert.equal(evaluationRate([row(90, 85, null, 100), row(10, 10, null, null)]), 0.9);
  });

  it('gives null when nothing was served', () => {
    assert.equal(evaluationRate([]), null);
    assert.equal(evaluationRate([row(10, 10)]), null);
  });
});
