import { strict as assert } from 'assert';
import {
  DEFAULT_PARAMETERS, DEFAULT_SCHEME, DEFAULT_VETO_TYPES, findPreset, KEY_PARAMETERS, normalisedWeights, parameterText, parseParameter, PRESETS, resolveScheme, schemeFromPairs, type SchemeParameters,
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

describe('scheme: schemeFromPairs (a scheme kept on a sheet)', () => {
  it('a header row is skipped, whatever its words', () => {
    for (const header of [['参数', '值'], ['Parameter', 'Value'], ['name', 'value'], ['名称', '取值'], [' 参数 ', ''], ['ＮＡＭＥ', '']]) {
      assert.deepEqual(schemeFromPairs([header, ['baseScore', 90]]), { scheme: undefined, overrides: { baseScore: 90 } }, String(header[0]));
    }
  });

  it('a scheme row names the preset, in any of its spellings; blank names none', () => {
    for (const label of ['scheme', 'Scheme', '方案', '评选方案', 'preset', ' 方案 ', '　方案　']) {
      assert.deepEqual(schemeFromPairs([[label, ' credit-union-100 ']]), { scheme: 'credit-union-100', overrides: {} }, label);
    }
    assert.deepEqual(schemeFromPairs([['scheme', '']]), { scheme: undefined, overrides: {} });
    assert.deepEqual(schemeFromPairs([['scheme', null]]), { scheme: undefined, overrides: {} });
  });

  it('blank label rows are skipped, and rows may be short', () => {
    assert.deepEqual(schemeFromPairs([['', 5], [null, 'x'], [], ['praiseCap', 3]]), { scheme: undefined, overrides: { praiseCap: 3 } });
    assert.deepEqual(schemeFromPairs([]), { scheme: undefined, overrides: {} });
    assert.deepEqual(schemeFromPairs([['minSatisfaction']]), { scheme: undefined, overrides: { minSatisfaction: null } });
  });

  it('names are matched without case, full width and padding; an unknown name is kept as written', () => {
    assert.deepEqual(schemeFromPairs([['BASESCORE', 90], [' praisecap ', 2], ['ｐｒａｉｓｅＰｏｉｎｔｓ', 2]]).overrides,
      { baseScore: 90, praiseCap: 2, praisePoints: 2 });
    assert.deepEqual(schemeFromPairs([['noSuchThing', 1]]).overrides, { noSuchThing: 1 });
    // resolveScheme then names it
    const { problems } = resolveScheme('smile-star-quarterly', schemeFromPairs([['noSuchThing', 1]]).overrides);
    assert.deepEqual(problems.map((p) => p.code), ['BAD_PARAMETER']);
    assert.match(problems[0]?.message.en ?? '', /noSuchThing/u);
  });

  it('numbers as numbers or text, full width and signed; booleans kept', () => {
    assert.deepEqual(schemeFromPairs([
      ['baseScore', 90], ['praiseCap', '3'], ['praisePoints', '0.5'], ['yuanPerPoint', '５０'], ['violationPoints', ' 2 '],
      ['starAwardYuan', '-1'], ['topN', true],
    ]).overrides, { baseScore: 90, praiseCap: 3, praisePoints: 0.5, yuanPerPoint: 50, violationPoints: 2, starAwardYuan: -1, topN: true });
  });

  it('percentages: "95%" is 0.95, "99.5%" 0.995, full-width ％ too; a number cell is kept as written', () => {
    const o = schemeFromPairs([['minSatisfaction', '95%'], ['minEvaluationRate', '99.5%'], ['minDepartmentSatisfaction', '９０％']]).overrides;
    assert.deepEqual(o, { minSatisfaction: 0.95, minEvaluationRate: 0.995, minDepartmentSatisfaction: 0.9 });
    assert.deepEqual(schemeFromPairs([['minSatisfaction', 0.95]]).overrides, { minSatisfaction: 0.95 });
  });

  it('无, 不设, none, null, - and a blank value mean no value (null)', () => {
    for (const word of ['无', '不设', 'none', 'None', 'NULL', '-', '', '  ', null, undefined]) {
      assert.deepEqual(schemeFromPairs([['annualPointLimit', word]]).overrides, { annualPointLimit: null }, String(word));
    }
  });

  it('lists: 投诉、差错 and other separators, for vetoTypes, fineTypes and departmentAwardPeriods', () => {
    assert.deepEqual(schemeFromPairs([['vetoTypes', '投诉、差错']]).overrides, { vetoTypes: ['投诉', '差错'] });
    assert.deepEqual(schemeFromPairs([['vetoTypes', '投诉，差错; 纠纷；事故 通报']]).overrides, { vetoTypes: ['投诉', '差错', '纠纷', '事故', '通报'] });
    assert.deepEqual(schemeFromPairs([['fineTypes', '罚款']]).overrides, { fineTypes: ['罚款'] });
    assert.deepEqual(schemeFromPairs([['departmentAwardPeriods', 'half, year']]).overrides, { departmentAwardPeriods: ['half', 'year'] });
    // only list parameters are split
    assert.deepEqual(schemeFromPairs([['candidates', 'auto']]).overrides, { candidates: 'auto' });
  });

  it('weights: 0.8/0.2, 4:1, 0.8,0.2 and full width; anything else left as text for resolveScheme to reject', () => {
    for (const text of ['0.8/0.2', '0.8 / 0.2', '0.8:0.2', '0.8,0.2', '0.8，0.2', '０.８／０.２']) {
      assert.deepEqual(schemeFromPairs([['kindWeights', text]]).overrides, { kindWeights: { onsite: 0.8, offsite: 0.2 } }, text);
    }
    assert.deepEqual(schemeFromPairs([['kindWeights', '4:1']]).overrides, { kindWeights: { onsite: 4, offsite: 1 } });
    assert.deepEqual(schemeFromPairs([['kindWeights', '无']]).overrides, { kindWeights: null });
    const heavy = schemeFromPairs([['kindWeights', 'heavy']]).overrides;
    assert.deepEqual(heavy, { kindWeights: 'heavy' });
    assert.deepEqual(resolveScheme(DEFAULT_SCHEME, heavy).problems.map((p) => p.code), ['BAD_PARAMETER']);
  });

  it('JSON objects and arrays; broken JSON stays text', () => {
    assert.deepEqual(schemeFromPairs([['complaintYuan', '{"minor": 30, "moderate": 60, "severe": 120}']]).overrides,
      { complaintYuan: { minor: 30, moderate: 60, severe: 120 } });
    assert.deepEqual(schemeFromPairs([['kindWeights', '{"onsite": 0.7, "offsite": 0.3}']]).overrides, { kindWeights: { onsite: 0.7, offsite: 0.3 } });
    assert.deepEqual(schemeFromPairs([['departmentAwardPeriods', '["half"]']]).overrides, { departmentAwardPeriods: ['half'] });
    assert.deepEqual(schemeFromPairs([['starTitle', '{"zh": "服务标兵", "en": "Model"}']]).overrides, { starTitle: { zh: '服务标兵', en: 'Model' } });
    assert.deepEqual(schemeFromPairs([['complaintYuan', '{oops']]).overrides, { complaintYuan: '{oops' });
  });

  it('a whole sheet resolves to the preset with its overrides', () => {
    const { scheme, overrides } = schemeFromPairs([
      ['参数', '值'],
      ['方案', 'credit-union-100'],
      ['annualPointLimit', '100'],
      ['minSatisfaction', '95%'],
      ['vetoTypes', '投诉、差错'],
      ['kindWeights', '0.7/0.3'],
      ['departmentAnnualPointLimit', '无'],
    ]);
    assert.equal(scheme, 'credit-union-100');
    const p = params(scheme, overrides);
    assert.equal(p.annualPointLimit, 100);
    assert.equal(p.minSatisfaction, 0.95);
    assert.deepEqual(p.vetoTypes, ['投诉', '差错']);
    assert.deepEqual(p.kindWeights, { onsite: 0.7, offsite: 0.3 });
    assert.equal(p.departmentAnnualPointLimit, null);
    assert.equal(p.yuanPerPoint, 50); // from the preset
  });
});

describe('scheme: the wizard\'s key parameters', () => {
  it('every key parameter exists, and its text reads back to the same value in every preset', () => {
    for (const preset of PRESETS) {
      for (const p of KEY_PARAMETERS) {
        assert.ok(p.key in DEFAULT_PARAMETERS, p.key);
        const value = preset.parameters[p.key];
        const text = parameterText(p, value);
        assert.deepEqual(parseParameter(p.key, text), value, `${preset.id} ${p.key}: "${text}"`);
        const { problems } = resolveScheme(preset.id, { [p.key]: parseParameter(p.key, text) });
        assert.deepEqual(problems, [], `${preset.id} ${p.key}`);
      }
    }
  });

  it('texts: 95%, lists with 、, none as empty; typed forms read back', () => {
    const sat = KEY_PARAMETERS.find((p) => p.key === 'minSatisfaction');
    assert.ok(sat);
    assert.equal(parameterText(sat, 0.95), '95%');
    assert.equal(parameterText(sat, null), '');
    assert.equal(parseParameter('minSatisfaction', '0.9'), 0.9);
    assert.equal(parseParameter('minSatisfaction', ''), null);
    assert.deepEqual(parseParameter('vetoTypes', '投诉，差错 事故'), ['投诉', '差错', '事故']);
    const base = resolveScheme('smile-star-quarterly', { baseScore: parseParameter('baseScore', '') });
    assert.equal(base.problems[0]?.code, 'BAD_PARAMETER', 'a required number cannot be emptied');
  });
});
