import { strict as assert } from 'assert';
import {
  DEFAULT_PARAMETERS, DEFAULT_SCHEME, DEFAULT_VETO_TYPES, findPreset, normalisedWeights, PRESETS, resolveScheme, type SchemeParameters,
} from './scheme';

function params(id?: string, overrides?: Record<string, unknown>): SchemeParameters {
  const { scheme, problems } = resolveScheme(id, overrides);
  assert.deepEqual(problems, []);
  assert.ok(scheme);
  return scheme.parameters;
}

/** The defaults of §7 ("Defaults not listed") and §10 that every preset shares unless it says otherwise. */
const SHARED = {
  baseScore: 100, violationPoints: 1, praisePoints: 1, praiseCap: 5, defaultComplaintYuan: 50,
  complaintYuan: { minor: 50, moderate: 100, severe: 200 }, complaintYuanMin: 50, complaintYuanMax: 200,
  candidates: 'auto', annualPriorityWins: 2,
};

function pick(p: SchemeParameters, keys: readonly (keyof SchemeParameters)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, p[k]]));
}

const KEYS = [
  'kindWeights', 'violationPoints', 'yuanPerViolation', 'yuanPerPoint', 'winnersPerDepartment', 'topN', 'maxPerDepartment',
  'candidates', 'starAwardYuan', 'annualPriorityWins', 'departmentAwards', 'departmentAwardPeriods', 'minDepartmentSatisfaction',
  'windowAwardYuan', 'annualPointLimit', 'departmentAnnualPointLimit', 'minSatisfaction', 'minEvaluationRate', 'minTenureYears',
] as const;

describe('scheme: the five presets of §7', () => {
  it('lists exactly the five preset ids, with their periods', () => {
    assert.deepEqual(PRESETS.map((p) => [p.id, p.period]), [
      ['smile-star-quarterly', 'quarter'],
      ['service-star-monthly', 'month'],
      ['credit-union-100', 'month'],
      ['hospital-quality-year', 'quarter'],
      ['gov-center-annual', 'year'],
    ]);
    assert.equal(DEFAULT_SCHEME, 'smile-star-quarterly');
  });

  it('every preset shares the defaults it does not change', () => {
    for (const p of PRESETS) {
      assert.deepEqual(pick(p.parameters, Object.keys(SHARED) as (keyof SchemeParameters)[]), SHARED, p.id);
      assert.deepEqual(p.parameters.vetoTypes, DEFAULT_VETO_TYPES, p.id);
      assert.deepEqual(p.parameters.fineTypes, ['罚款', '迟到', '其他'], p.id);
    }
  });

  it('smile-star-quarterly (the default)', () => {
    assert.deepEqual(pick(params(), KEYS), {
      kindWeights: null, violationPoints: 1, yuanPerViolation: 10, yuanPerPoint: 0, winnersPerDepartment: 1, topN: null,
      maxPerDepartment: null, candidates: 'auto', starAwardYuan: 100, annualPriorityWins: 2, departmentAwards: 0,
      departmentAwardPeriods: null, minDepartmentSatisfaction: null, windowAwardYuan: 0, annualPointLimit: null,
      departmentAnnualPointLimit: null, minSatisfaction: null, minEvaluationRate: null, minTenureYears: 0,
    });
    assert.deepEqual(params('smile-star-quarterly'), params());
  });

  it('service-star-monthly', () => {
    assert.deepEqual(pick(params('service-star-monthly'), KEYS), {
      kindWeights: null, violationPoints: 1, yuanPerViolation: 10, yuanPerPoint: 0, winnersPerDepartment: 1, topN: null,
      maxPerDepartment: null, candidates: 'auto', starAwardYuan: 100, annualPriorityWins: 2, departmentAwards: 2,
      departmentAwardPeriods: ['half'], minDepartmentSatisfaction: 0.95, windowAwardYuan: 100, annualPointLimit: null,
      departmentAnnualPointLimit: null, minSatisfaction: null, minEvaluationRate: null, minTenureYears: 0,
    });
  });

  it('credit-union-100', () => {
    assert.deepEqual(pick(params('credit-union-100'), KEYS), {
      kindWeights: { onsite: 0.8, offsite: 0.2 }, violationPoints: 1, yuanPerViolation: 0, yuanPerPoint: 50, winnersPerDepartment: 1,
      topN: null, maxPerDepartment: null, candidates: 'auto', starAwardYuan: 100, annualPriorityWins: 2, departmentAwards: 0,
      departmentAwardPeriods: null, minDepartmentSatisfaction: null, windowAwardYuan: 0, annualPointLimit: 120,
      departmentAnnualPointLimit: 240, minSatisfaction: null, minEvaluationRate: null, minTenureYears: 0,
    });
  });

  it('hospital-quality-year', () => {
    assert.deepEqual(pick(params('hospital-quality-year'), KEYS), {
      kindWeights: null, violationPoints: 1, yuanPerViolation: 10, yuanPerPoint: 0, winnersPerDepartment: 0, topN: 10,
      maxPerDepartment: null, candidates: 'auto', starAwardYuan: 500, annualPriorityWins: 2, departmentAwards: 3,
      departmentAwardPeriods: null, minDepartmentSatisfaction: null, windowAwardYuan: 1000, annualPointLimit: null,
      departmentAnnualPointLimit: null, minSatisfaction: 0.9, minEvaluationRate: 0.9, minTenureYears: 0,
    });
  });

  it('gov-center-annual', () => {
    assert.deepEqual(pick(params('gov-center-annual'), KEYS), {
      kindWeights: null, violationPoints: 1, yuanPerViolation: 10, yuanPerPoint: 0, winnersPerDepartment: 0, topN: 2,
      maxPerDepartment: null, candidates: 'auto', starAwardYuan: 100, annualPriorityWins: 2, departmentAwards: 2,
      departmentAwardPeriods: null, minDepartmentSatisfaction: null, windowAwardYuan: 0, annualPointLimit: null,
      departmentAnnualPointLimit: null, minSatisfaction: 0.99, minEvaluationRate: null, minTenureYears: 2,
    });
  });

  it('findPreset trims the id and knows no other', () => {
    assert.equal(findPreset(' gov-center-annual ')?.id, 'gov-center-annual');
    assert.equal(findPreset('nope'), undefined);
  });

  it('DEFAULT_PARAMETERS holds the defaults of §7', () => {
    assert.deepEqual(pick(DEFAULT_PARAMETERS, ['baseScore', 'praisePoints', 'praiseCap', 'kindWeights', 'annualPointLimit',
      'minSatisfaction', 'defaultComplaintYuan', 'winnersPerDepartment', 'departmentAwards', 'candidates']), {
      baseScore: 100, praisePoints: 1, praiseCap: 5, kindWeights: null, annualPointLimit: null, minSatisfaction: null,
      defaultComplaintYuan: 50, winnersPerDepartment: 1, departmentAwards: 0, candidates: 'auto',
    });
  });
});

describe('scheme: overrides', () => {
  it('applies overrides on top of a preset', () => {
    const p = params('credit-union-100', { annualPointLimit: 100, praiseCap: 3, kindWeights: null, candidates: 'recommended' });
    assert.equal(p.annualPointLimit, 100);
    assert.equal(p.praiseCap, 3);
    assert.equal(p.kindWeights, null);
    assert.equal(p.candidates, 'recommended');
    assert.equal(p.yuanPerPoint, 50);
  });

  it('accepts nullable parameters set to null and lists', () => {
    const p = params('hospital-quality-year', { topN: null, minSatisfaction: null, departmentAwardPeriods: ['quarter', 'year'], vetoTypes: ['投诉'] });
    assert.equal(p.topN, null);
    assert.equal(p.minSatisfaction, null);
    assert.deepEqual(p.departmentAwardPeriods, ['quarter', 'year']);
    assert.deepEqual(p.vetoTypes, ['投诉']);
  });

  it('does not change the preset itself', () => {
    params('credit-union-100', { annualPointLimit: 5 });
    assert.equal(params('credit-union-100').annualPointLimit, 120);
  });

  const bad: [string, unknown][] = [
    ['noSuchParameter', 1],
    ['baseScore', 'a hundred'],
    ['baseScore', -1],
    ['baseScore', null],
    ['praiseCap', Number.NaN],
    ['winnersPerDepartment', 1.5],
    ['topN', 2.5],
    ['candidates', 'some'],
    ['kindWeights', { onsite: 0.8 }],
    ['kindWeights', { onsite: -1, offsite: 2 }],
    ['kindWeights', { onsite: 0, offsite: 0 }],
    ['complaintYuan', { minor: 50 }],
    ['vetoTypes', '投诉'],
    ['departmentAwardPeriods', ['week']],
    ['starTitle', 'star'],
  ];
  for (const [name, value] of bad) {
    it(`rejects ${name} = ${JSON.stringify(value)}`, () => {
      const { scheme, problems } = resolveScheme('smile-star-quarterly', { [name]: value });
      assert.equal(scheme, undefined);
      assert.deepEqual(problems.map((p) => p.code), ['BAD_PARAMETER']);
      assert.ok(problems[0]?.message.zh.includes(name));
      assert.ok(problems[0]?.message.en.includes(name));
    });
  }

  it('rejects an unknown scheme with UNKNOWN_SCHEME listing the presets', () => {
    const { scheme, problems } = resolveScheme('monthly-star');
    assert.equal(scheme, undefined);
    assert.deepEqual(problems.map((p) => p.code), ['UNKNOWN_SCHEME']);
    assert.match(problems[0]?.message.en ?? '', /monthly-star/u);
    assert.match(problems[0]?.message.en ?? '', /gov-center-annual/u);
  });
});

describe('scheme: normalisedWeights', () => {
  it('normalises to sum 1', () => {
    assert.deepEqual(normalisedWeights({ ...DEFAULT_PARAMETERS, kindWeights: { onsite: 4, offsite: 1 } }), { onsite: 0.8, offsite: 0.2 });
    assert.deepEqual(normalisedWeights({ ...DEFAULT_PARAMETERS, kindWeights: { onsite: 0.8, offsite: 0.2 } }), { onsite: 0.8, offsite: 0.2 });
    assert.equal(normalisedWeights(DEFAULT_PARAMETERS), null);
  });
});
