import { strict as assert } from 'assert';
import { resultJson } from './json';
import { DEFAULT_PARAMETERS, type SchemeParameters } from './scheme';
import { inspectionScore, pointsByKind, praiseBonus, score } from './score';
import { runSelection } from './select';
import type { Grid } from './types';

const WEIGHTED: SchemeParameters = { ...DEFAULT_PARAMETERS, kindWeights: { onsite: 0.8, offsite: 0.2 } };

describe('score: the formulas of §3', () => {
  it('worked example, default: 100 − 3 − 2 + 1 = 96.00', () => {
    assert.equal(score({ onsite: 3, offsite: 2 }, [{ points: 1 }], DEFAULT_PARAMETERS), 96);
  });

  it('worked example, weights 0.8/0.2: 0.8·97 + 0.2·98 + 1 = 98.20', () => {
    assert.equal(score({ onsite: 3, offsite: 2 }, [{ points: 1 }], WEIGHTED), 98.2);
  });

  it('normalises the weights to sum 1', () => {
    const p: SchemeParameters = { ...DEFAULT_PARAMETERS, kindWeights: { onsite: 4, offsite: 1 } };
    assert.equal(score({ onsite: 3, offsite: 2 }, [{ points: 1 }], p), 98.2);
  });

  it('with weights, a person without off-site violations has sub_offsite = baseScore', () => {
    assert.equal(inspectionScore({ onsite: 10, offsite: 0 }, WEIGHTED), 0.8 * 90 + 0.2 * 100);
  });

  it('floors the score at 0 without weights', () => {
    assert.equal(inspectionScore({ onsite: 80, offsite: 50 }, DEFAULT_PARAMETERS), 0);
    assert.equal(score({ onsite: 80, offsite: 50 }, [{ points: 2 }], DEFAULT_PARAMETERS), 2);
  });

  it('floors each sub-score at 0 with weights', () => {
    assert.equal(score({ onsite: 150, offsite: 0 }, [], WEIGHTED), 20);
    assert.equal(score({ onsite: 0, offsite: 300 }, [], WEIGHTED), 80);
  });

  it('caps the praise bonus at praiseCap', () => {
    assert.equal(praiseBonus([{ points: 2 }, { points: 2 }, { points: 2 }], DEFAULT_PARAMETERS), 5);
    assert.equal(praiseBonus([{ points: 2 }, { points: 2 }], DEFAULT_PARAMETERS), 4);
    assert.equal(praiseBonus([], DEFAULT_PARAMETERS), 0);
    assert.equal(score({ onsite: 0, offsite: 0 }, Array.from({ length: 8 }, () => ({ points: 1 })), DEFAULT_PARAMETERS), 105);
    assert.equal(praiseBonus([{ points: 3 }], { ...DEFAULT_PARAMETERS, praiseCap: 2 }), 2);
  });

  it('rounds half away from zero to 2 decimals', () => {
    const p: SchemeParameters = { ...DEFAULT_PARAMETERS, kindWeights: { onsite: 0.875, offsite: 0.125 } };
    // 0.875·99 + 0.125·100 = 99.125 → 99.13
    assert.equal(score({ onsite: 1, offsite: 0 }, [], p), 99.13);
    assert.equal(score({ onsite: 0.333, offsite: 0 }, [], DEFAULT_PARAMETERS), 99.67);
  });

  it('uses baseScore', () => {
    assert.equal(score({ onsite: 3, offsite: 2 }, [], { ...DEFAULT_PARAMETERS, baseScore: 120 }), 115);
  });

  it('pointsByKind sums points by kind', () => {
    const v = (kind: 'onsite' | 'offsite', points: number) => ({ kind, points }) as Parameters<typeof pointsByKind>[0][number];
    assert.deepEqual(pointsByKind([v('onsite', 1), v('onsite', 2), v('offsite', 2)]), { onsite: 3, offsite: 2 });
    assert.deepEqual(pointsByKind([]), { onsite: 0, offsite: 0 });
  });
});

const STAFF: Grid = [
  ['工号', '姓名', '科室'],
  ['H01', '张三', '门诊'],
  ['H02', '李四', '门诊'],
];

function person(inspections: Grid, praise: Grid | null, scheme?: string, overrides?: Record<string, unknown>) {
  const out = runSelection({
    period: '2026Q3', scheme, overrides,
    tables: {
      staff: { sheet: '人员', grid: STAFF },
      inspections: { sheet: '检查', grid: inspections },
      ...(praise ? { praise: { sheet: '表扬', grid: praise } } : {}),
    },
  });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  const json = resultJson(out.result);
  const p = json.people.find((x) => x.id === 'H01');
  assert.ok(p);
  return p;
}

describe('score: the worked examples of §3 through runSelection', () => {
  const inspections: Grid = [
    ['日期', '工号', '检查方式', '扣分'],
    ['2026-07-01', 'H01', '现场', 1],
    ['2026-07-02', 'H01', '暗访', 2],
    ['2026-08-03', 'H01', '非现场', 1],
    ['2026-09-04', 'H01', '监控', 1],
  ];
  const praise: Grid = [['日期', '姓名', '来源'], ['2026-07-15', '张三', '锦旗']];

  it('default scheme: 96.00', () => {
    const p = person(inspections, praise);
    assert.deepEqual([p.violations, p.onsitePoints, p.offsitePoints, p.praise, p.score], [4, 3, 2, 1, 96]);
  });

  it('weights 0.8/0.2 by override: 98.20', () => {
    const p = person(inspections, praise, undefined, { kindWeights: { onsite: 0.8, offsite: 0.2 } });
    assert.equal(p.score, 98.2);
  });

  it('credit-union-100 (weights 0.8/0.2): 98.20', () => {
    const p = person(inspections, praise, 'credit-union-100');
    assert.equal(p.score, 98.2);
  });
});

describe('score: which inspection rows are violations', () => {
  it('with a result column: 违规 with blank points counts the default points, 0 points is not a violation, 合格 is not', () => {
    const p = person([
      ['日期', '工号', '扣分', '结果'],
      ['2026-07-01', 'H01', '', '违规'], // 1 (default)
      ['2026-07-02', 'H01', 0, ''], // not a violation
      ['2026-07-03', 'H01', 5, '合格'], // not a violation
      ['2026-07-04', 'H01', 2, '不合格'], // 2
      ['2026-07-05', 'H01', '', ''], // blank result: points rule, blank = default 1
      ['2026-07-06', 'H01', 3, '通过'], // not
      ['2026-07-07', 'H01', 1, '无'], // not
    ], null);
    assert.deepEqual([p.violations, p.onsitePoints, p.offsitePoints, p.score], [3, 4, 0, 96]);
  });

  it('without a result column: the points rule, blank points = violationPoints', () => {
    const p = person([
      ['日期', '工号', '扣分'],
      ['2026-07-01', 'H01', ''],
      ['2026-07-02', 'H01', 0],
      ['2026-07-03', 'H01', 2.5],
    ], null);
    assert.deepEqual([p.violations, p.onsitePoints, p.score], [2, 3.5, 96.5]);
  });

  it('without a points column every row is a violation of violationPoints', () => {
    const p = person([['日期', '工号', '检查项目'], ['2026-07-01', 'H01', '着装'], ['2026-07-02', 'H01', '用语']], null, undefined, { violationPoints: 2 });
    assert.deepEqual([p.violations, p.onsitePoints, p.score], [2, 4, 96]);
  });

  it('kinds: 现场/暗访/blank/unknown on-site; 非现场/监控/调取监控/录像 off-site', () => {
    const p = person([
      ['日期', '工号', '方式', '扣分'],
      ['2026-07-01', 'H01', '现场', 1],
      ['2026-07-01', 'H01', '暗访', 1],
      ['2026-07-01', 'H01', '', 1],
      ['2026-07-01', 'H01', '巡查', 1],
      ['2026-07-01', 'H01', '非现场', 2],
      ['2026-07-01', 'H01', '监控', 2],
      ['2026-07-01', 'H01', '调取监控', 2],
      ['2026-07-01', 'H01', '录像', 2],
    ], null);
    assert.deepEqual([p.onsitePoints, p.offsitePoints, p.score], [4, 8, 88]);
  });

  it('praise: default points, the cap, and the count of rows', () => {
    const p = person([['日期', '工号']], [
      ['日期', '工号', '分值'],
      ['2026-07-01', 'H01', ''],
      ['2026-07-02', 'H01', 3],
      ['2026-07-03', 'H01', 3],
      ['2026-10-01', 'H01', 3], // out of period
    ]);
    assert.deepEqual([p.praise, p.score], [3, 105]);
  });

  it('the score never goes below 0', () => {
    const p = person([['日期', '工号', '扣分'], ['2026-07-01', 'H01', 150]], [['日期', '工号'], ['2026-07-02', 'H01']]);
    assert.equal(p.score, 1);
  });
});
