import { strict as assert } from 'assert';
import { dayFromParts, type Day } from './dates';
import { resultJson, type ResultJson } from './json';
import type { StaffMember } from './people';
import { parsePeriod, type Period } from './period';
import type { TableReport } from './records';
import { DEFAULT_PARAMETERS, DEFAULT_VETO_TYPES } from './scheme';
import { runSelection, type SelectionResult } from './select';
import type { Grid, TableKey } from './types';
import {
  annualLimitVeto, complaintVeto, evaluationRateVeto, inactiveVeto, rawPoints, satisfactionVeto, tenureVeto,
} from './vetoes';

const STAFF: Grid = [
  ['人员名单'],
  ['工号', '姓名', '科室', '在岗状态', '上岗日期'],
  ['H01', '张三', '门诊', '在岗', '2020-01-01'],
  ['H02', '李四', '门诊', '', '2020-01-01'],
  ['H03', '王五', '药房', '', '2020-01-01'],
  ['H04', '赵六', '药房', '', '2020-01-01'],
];

interface Run {
  result: SelectionResult;
  json: ResultJson;
}

function run(tables: Partial<Record<TableKey, Grid>>, period = '2026Q3', scheme?: string, overrides?: Record<string, unknown>, staff: Grid = STAFF): Run {
  const input = Object.fromEntries(Object.entries(tables).map(([k, grid]) => [k, { sheet: k, grid }]));
  const out = runSelection({ period, scheme, overrides, tables: { staff: { sheet: 'staff', grid: staff }, ...input } });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  for (const r of out.result.inputs) balanced(r);
  return { result: out.result, json: resultJson(out.result) };
}

function balanced(r: TableReport): void {
  assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, `row accounting of ${r.table}`);
}

function accounting(run: Run, table: TableKey): number[] {
  const r = run.result.inputs.find((x) => x.table === table);
  assert.ok(r, table);
  return [r.rows, r.used, r.outOfPeriod, r.skippedBlank, r.rejected];
}

function person(run: Run, id: string): ResultJson['people'][number] {
  const p = run.json.people.find((x) => x.id === id);
  assert.ok(p, id);
  return p;
}

/** id → [status, sorted veto codes]. */
function statuses(run: Run): Record<string, [string, string[]]> {
  return Object.fromEntries(run.json.people.map((p) => [p.id, [p.status, [...p.vetoes].sort()]]));
}

describe('vetoes: COMPLAINT (§4)', () => {
  it('a valid veto-type row in the period vetoes; fines, invalid rows and rows outside the period do not', () => {
    const r = run({
      fines: [
        ['日期', '工号', '类型', '是否有效'],
        ['2026-07-01', 'H01', '投诉', ''],
        ['2026-07-02', 'H02', '罚款', ''],
        ['2026-07-03', 'H03', '投诉', '无效'],
        ['2026-06-30', 'H04', '投诉', ''],
        ['2026-07-04', 'H04', '迟到', ''],
        ['2026-07-05', 'H04', '其他', '有效'],
      ],
    });
    assert.deepEqual(statuses(r), {
      H01: ['vetoed', ['COMPLAINT']], H02: ['winner', []], H03: ['tie', []], H04: ['tie', []],
    });
    assert.deepEqual(accounting(r, 'fines'), [6, 5, 1, 0, 0]);
  });

  it('a fines row with a blank type counts as a complaint', () => {
    const r = run({ fines: [['日期', '工号', '类型'], ['2026-07-01', 'H01', '']] });
    assert.deepEqual(person(r, 'H01').vetoes, ['COMPLAINT']);
    const noType = run({ fines: [['日期', '工号'], ['2026-07-01', 'H01']] });
    assert.deepEqual(person(noType, 'H01').vetoes, ['COMPLAINT']);
  });

  for (const type of DEFAULT_VETO_TYPES) {
    it(`type ${type} is a veto type`, () => {
      const r = run({ fines: [['日期', '工号', '类型'], ['2026-07-01', 'H03', type]] });
      assert.deepEqual(person(r, 'H03').vetoes, ['COMPLAINT']);
      assert.deepEqual(r.json.warnings, []);
    });
  }

  it('an unknown type is a fine, warned UNKNOWN_TYPE, no veto', () => {
    const r = run({ fines: [['日期', '工号', '类型'], ['2026-07-01', 'H03', '乱停车']] });
    assert.deepEqual(person(r, 'H03').vetoes, []);
    assert.deepEqual(r.json.warnings.map((w) => [w.code, w.row]), [['UNKNOWN_TYPE', 2]]);
  });

  it('the veto names its evidence rows', () => {
    const r = run({ fines: [['标题'], ['日期', '工号', '类型'], ['2026-07-01', 'H01', '投诉'], ['2026-08-01', 'H01', '差错']] });
    const p = r.result.people.find((x) => x.member.id === 'H01');
    assert.deepEqual(p?.vetoes.map((v) => [v.code, v.evidence.map((e) => [e.sheet, e.row])]), [['COMPLAINT', [['fines', 3], ['fines', 4]]]]);
    assert.match(p?.vetoes[0]?.reason.zh ?? '', /2/u);
  });
});

describe('vetoes: ANNUAL_LIMIT (§4: strictly greater, year to date)', () => {
  // credit-union-100: annualPointLimit 120, a monthly scheme
  function inspections(pointsBefore: number, pointsIn: number): Grid {
    return [
      ['日期', '工号', '扣分'],
      ['2026-02-10', 'H01', pointsBefore / 2],
      ['2026-05-10', 'H01', pointsBefore / 2],
      ['2026-07-10', 'H01', pointsIn],
      ['2025-12-31', 'H01', 500], // last year
      ['2026-08-01', 'H01', 500], // after the period
    ];
  }

  it('exactly the limit is not a veto', () => {
    const r = run({ inspections: inspections(100, 20) }, '2026-07', 'credit-union-100');
    assert.deepEqual(person(r, 'H01').vetoes, []);
    assert.equal(r.result.people[0]?.yearToDatePoints, 120);
  });

  it('over the limit is a veto, counting rows earlier in the year that are out of the period', () => {
    const r = run({ inspections: inspections(100, 21) }, '2026-07', 'credit-union-100');
    assert.deepEqual(person(r, 'H01').vetoes, ['ANNUAL_LIMIT']);
    assert.equal(person(r, 'H01').status, 'vetoed');
    assert.equal(r.result.people[0]?.yearToDatePoints, 121);
    // only the July row is used; the earlier rows count as outOfPeriod
    assert.deepEqual(accounting(r, 'inspections'), [5, 1, 4, 0, 0]);
    // the period's score uses July only: 0.8·(100 − 21) + 0.2·100
    assert.equal(person(r, 'H01').score, 83.2);
  });

  it('uses raw points, not the weighted ones', () => {
    const r = run({ inspections: [['日期', '工号', '检查方式', '扣分'], ['2026-07-10', 'H01', '监控', 121]] }, '2026-07', 'credit-union-100');
    assert.deepEqual(person(r, 'H01').vetoes, ['ANNUAL_LIMIT']);
  });

  it('does not apply without annualPointLimit (the default)', () => {
    const r = run({ inspections: inspections(100, 200) }, '2026-07');
    assert.deepEqual(person(r, 'H01').vetoes, []);
  });

  it('sums do not depend on binary fractions: 0.1 + 0.2 is not over a limit of 0.3', () => {
    const grid: Grid = [['日期', '工号', '扣分'], ['2026-07-01', 'H01', 0.1], ['2026-07-02', 'H01', 0.2], ['2026-07-03', 'H02', 0.2], ['2026-07-04', 'H02', 0.11]];
    const r = run({ inspections: grid }, '2026-07', 'credit-union-100', { annualPointLimit: 0.3 });
    assert.deepEqual(person(r, 'H01').vetoes, []);
    assert.deepEqual(person(r, 'H02').vetoes, ['ANNUAL_LIMIT']);
  });

  it('annualLimitVeto unit: strictly greater', () => {
    const v = (points: number) => ({ points }) as Parameters<typeof rawPoints>[0][number];
    assert.equal(annualLimitVeto([v(60), v(60)], 120), null);
    assert.equal(annualLimitVeto([v(60), v(60.5)], 120)?.code, 'ANNUAL_LIMIT');
    assert.equal(annualLimitVeto([v(500)], null), null);
    assert.equal(rawPoints([v(1.5), v(2)]), 3.5);
  });
});

describe('vetoes: SATISFACTION (§4, §10)', () => {
  const over = { minSatisfaction: 0.9 };

  it('pools the counts: 1/10 and 90/90 → 0.91, not below 0.9', () => {
    const r = run({ satisfaction: [['月份', '工号', '评价数', '满意数'], ['2026-07', 'H01', 10, 1], ['2026-08', 'H01', 90, 90]] }, '2026Q3', undefined, over);
    assert.equal(person(r, 'H01').satisfaction, 0.91);
    assert.deepEqual(person(r, 'H01').vetoes, []);
  });

  it('pools the counts: 72/90 and 10/10 → 0.82, below 0.9 (the mean of rates would be 0.9)', () => {
    const r = run({ satisfaction: [['月份', '工号', '评价数', '满意数'], ['2026-07', 'H01', 90, 72], ['2026-08', 'H01', 10, 10]] }, '2026Q3', undefined, over);
    assert.equal(person(r, 'H01').satisfaction, 0.82);
    assert.deepEqual(person(r, 'H01').vetoes, ['SATISFACTION']);
  });

  it('the mean of the rates when no row has counts', () => {
    const r = run({ satisfaction: [['月份', '工号', '满意率'], ['2026-07', 'H01', '85%'], ['2026-08', 'H01', 0.93], ['2026-07', 'H02', '89%']] }, '2026Q3', undefined, over);
    assert.equal(person(r, 'H01').satisfaction, 0.89);
    assert.deepEqual(person(r, 'H01').vetoes, ['SATISFACTION']);
    assert.equal(person(r, 'H02').satisfaction, 0.89);
  });

  it('"below" is strictly less: exactly the minimum passes', () => {
    const r = run({ satisfaction: [['月份', '工号', '评价数', '满意数'], ['2026-07', 'H01', 100, 90], ['2026-07', 'H02', 100, 89]] }, '2026Q3', undefined, over);
    assert.deepEqual(person(r, 'H01').vetoes, []);
    assert.deepEqual(person(r, 'H02').vetoes, ['SATISFACTION']);
  });

  it('no satisfaction data: no veto and satisfaction null', () => {
    const r = run({ satisfaction: [['月份', '工号', '评价数', '满意数'], ['2026-07', 'H01', 100, 50]] }, '2026Q3', undefined, over);
    assert.equal(person(r, 'H02').satisfaction, null);
    assert.deepEqual(person(r, 'H02').vetoes, []);
  });

  it('no veto without minSatisfaction (the default scheme)', () => {
    const r = run({ satisfaction: [['月份', '工号', '评价数', '满意数'], ['2026-07', 'H01', 100, 10]] });
    assert.deepEqual(person(r, 'H01').vetoes, []);
    assert.equal(person(r, 'H01').satisfaction, 0.1);
  });

  it('hospital-quality-year vetoes below 0.90', () => {
    const r = run({ satisfaction: [['月份', '工号', '满意率'], ['2026-07', 'H01', '89.9%'], ['2026-07', 'H02', '90%']] }, '2026Q3', 'hospital-quality-year');
    assert.deepEqual(person(r, 'H01').vetoes, ['SATISFACTION']);
    assert.deepEqual(person(r, 'H02').vetoes, []);
  });

  it('satisfactionVeto unit', () => {
    assert.equal(satisfactionVeto(0.89, [], 0.9)?.code, 'SATISFACTION');
    assert.equal(satisfactionVeto(0.9, [], 0.9), null);
    assert.equal(satisfactionVeto(null, [], 0.9), null);
    assert.equal(satisfactionVeto(0.1, [], null), null);
  });
});

describe('vetoes: EVAL_RATE (§4: only when set)', () => {
  const grid: Grid = [['月份', '工号', '评价数', '满意数', '服务人次'], ['2026-07', 'H01', 80, 80, 100], ['2026-07', 'H02', 90, 90, 100]];

  it('does not apply without minEvaluationRate', () => {
    const r = run({ satisfaction: grid });
    assert.deepEqual(person(r, 'H01').vetoes, []);
  });

  it('vetoes Σ evaluations / Σ served strictly below the minimum', () => {
    const r = run({ satisfaction: grid }, '2026Q3', undefined, { minEvaluationRate: 0.9 });
    assert.deepEqual(person(r, 'H01').vetoes, ['EVAL_RATE']);
    assert.deepEqual(person(r, 'H02').vetoes, []);
  });

  it('hospital-quality-year sets 0.90', () => {
    const r = run({ satisfaction: grid }, '2026Q3', 'hospital-quality-year');
    assert.deepEqual(person(r, 'H01').vetoes, ['EVAL_RATE']);
    assert.deepEqual(person(r, 'H02').vetoes, []);
  });

  it('evaluationRateVeto unit', () => {
    assert.equal(evaluationRateVeto(0.8, [], 0.9)?.code, 'EVAL_RATE');
    assert.equal(evaluationRateVeto(0.9, [], 0.9), null);
    assert.equal(evaluationRateVeto(0.1, [], null), null);
    assert.equal(evaluationRateVeto(null, [], 0.9), null);
  });
});

describe('vetoes: INACTIVE (§4)', () => {
  for (const word of ['离岗', '离职', '调离', '否', 'N', 'FALSE', '0', 0]) {
    it(`${JSON.stringify(word)} in the active column is inactive`, () => {
      const staff: Grid = [['工号', '姓名', '科室', '在岗'], ['H01', '张三', '门诊', word], ['H02', '李四', '门诊', '']];
      const r = run({}, '2026Q3', undefined, undefined, staff);
      assert.deepEqual(statuses(r), { H01: ['inactive', ['INACTIVE']], H02: ['winner', []] });
      assert.equal(person(r, 'H01').eligible, false);
    });
  }

  for (const word of ['在岗', '是', 'Y', 'TRUE', '1', 1, '']) {
    it(`${JSON.stringify(word)} in the active column is active`, () => {
      const staff: Grid = [['工号', '姓名', '科室', '状态'], ['H01', '张三', '门诊', word]];
      const r = run({}, '2026Q3', undefined, undefined, staff);
      assert.deepEqual(statuses(r), { H01: ['winner', []] });
    });
  }

  it('inactiveVeto unit names the staff row', () => {
    const m = { active: false, sheet: '人员', row: 7, windowSince: null } as unknown as StaffMember;
    const v = inactiveVeto(m);
    assert.equal(v?.code, 'INACTIVE');
    assert.deepEqual(v?.evidence, [{ table: 'staff', sheet: '人员', row: 7, day: null }]);
    assert.equal(inactiveVeto({ ...m, active: true }), null);
  });
});

describe('vetoes: TENURE (§4)', () => {
  const staff: Grid = [
    ['工号', '姓名', '科室', '窗口工作起始日期'],
    ['H01', '张三', '门诊', '2025-01-01'], // 2027-01-01 is after 2026-12-31: veto
    ['H02', '李四', '门诊', '2024-12-31'], // exactly two years by 2026-12-31: no veto
    ['H03', '王五', '药房', '2018-03-01'],
  ];

  it('gov-center-annual (minTenureYears 2) vetoes less than two years by the last day of the period', () => {
    const r = run({}, '2026', 'gov-center-annual', undefined, staff);
    assert.deepEqual(person(r, 'H01').vetoes, ['TENURE']);
    assert.deepEqual(person(r, 'H02').vetoes, []);
    assert.deepEqual(person(r, 'H03').vetoes, []);
  });

  it('does not apply when minTenureYears is 0 (the default)', () => {
    const r = run({}, '2026', undefined, undefined, staff);
    assert.deepEqual(person(r, 'H01').vetoes, []);
  });

  it('uses minTenureYears as overridden', () => {
    const r = run({}, '2026', 'gov-center-annual', { minTenureYears: 1 }, staff);
    assert.deepEqual(person(r, 'H01').vetoes, []);
    const r3 = run({}, '2026', 'gov-center-annual', { minTenureYears: 3 }, staff);
    assert.deepEqual(person(r3, 'H02').vetoes, ['TENURE']);
  });

  it('a start on 29 February completes two years on 28 February', () => {
    const p = parsePeriod('2026-02') as Period;
    const m = { windowSince: dayFromParts(2024, 2, 29) as Day, sheet: 's', row: 2 } as StaffMember;
    assert.equal(tenureVeto(m, p, { ...DEFAULT_PARAMETERS, minTenureYears: 2 }), null);
    const jan = parsePeriod('2026-01') as Period;
    assert.equal(tenureVeto(m, jan, { ...DEFAULT_PARAMETERS, minTenureYears: 2 })?.code, 'TENURE');
  });
});

describe('vetoes: status precedence (§10)', () => {
  const staff: Grid = [
    ['工号', '姓名', '科室', '在岗'],
    ['H01', '张三', '门诊', '离职'], // inactive with a complaint, not recommended: inactive
    ['H02', '李四', '门诊', ''], // complaint and not recommended: vetoed
    ['H03', '王五', '门诊', ''], // not recommended: not_recommended
    ['H04', '赵六', '门诊', ''], // recommended: winner
    ['H05', '钱七', '门诊', ''], // recommended: candidate
  ];
  const fines: Grid = [['日期', '工号', '类型'], ['2026-07-01', 'H01', '投诉'], ['2026-07-01', 'H02', '投诉']];
  const recommendations: Grid = [['期间', '工号'], ['2026Q3', 'H04'], ['2026Q3', 'H05']];
  const inspections: Grid = [['日期', '工号'], ['2026-07-01', 'H05']];

  it('inactive > vetoed > not_recommended > winner/candidate; NOT_RECOMMENDED is never a veto', () => {
    const r = run({ fines, recommendations, inspections }, '2026Q3', undefined, undefined, staff);
    assert.deepEqual(statuses(r), {
      H01: ['inactive', ['COMPLAINT', 'INACTIVE']],
      H02: ['vetoed', ['COMPLAINT']],
      H03: ['not_recommended', []],
      H04: ['winner', []],
      H05: ['candidate', []],
    });
    assert.deepEqual(r.json.people.map((p) => p.eligible), [false, false, true, true, true]);
    assert.ok(r.json.people.every((p) => !p.vetoes.includes('NOT_RECOMMENDED')));
    assert.equal(r.result.recommendationsApply, true);
  });
});

describe('vetoes: candidates auto / recommended / all (§4)', () => {
  const recommendations: Grid = [['期间', '工号'], ['2026Q3', 'H02'], ['2026Q2', 'H01']];
  const outOfPeriodOnly: Grid = [['期间', '工号'], ['2026Q2', 'H01']];

  it('auto with recommendation rows for the period: only the recommended are candidates', () => {
    const r = run({ recommendations });
    assert.deepEqual(r.json.people.map((p) => [p.id, p.status]), [['H01', 'not_recommended'], ['H02', 'winner'], ['H03', 'not_recommended'], ['H04', 'not_recommended']]);
    assert.deepEqual(r.json.winners.map((w) => [w.department, w.id, w.status]), [['门诊', 'H02', 'winner'], ['药房', null, 'vacant']]);
    assert.deepEqual(accounting(r, 'recommendations'), [2, 1, 1, 0, 0]);
  });

  it('auto without rows for the period: everyone is a candidate', () => {
    const r = run({ recommendations: outOfPeriodOnly });
    assert.equal(r.result.recommendationsApply, false);
    assert.ok(r.json.people.every((p) => p.status === 'winner' || p.status === 'tie' || p.status === 'candidate'));
  });

  it('recommended without rows for the period: nobody is a candidate, every department vacant', () => {
    const r = run({ recommendations: outOfPeriodOnly }, '2026Q3', undefined, { candidates: 'recommended' });
    assert.deepEqual(r.json.people.map((p) => p.status), ['not_recommended', 'not_recommended', 'not_recommended', 'not_recommended']);
    assert.deepEqual(r.json.winners.map((w) => w.status), ['vacant', 'vacant']);
  });

  it('recommended without a recommendations table: nobody is a candidate', () => {
    const r = run({}, '2026Q3', undefined, { candidates: 'recommended' });
    assert.deepEqual(r.json.people.map((p) => p.status), ['not_recommended', 'not_recommended', 'not_recommended', 'not_recommended']);
  });

  it('all: recommendations are ignored', () => {
    const r = run({ recommendations }, '2026Q3', undefined, { candidates: 'all' });
    assert.equal(r.result.recommendationsApply, false);
    assert.ok(r.json.people.every((p) => p.status !== 'not_recommended'));
  });
});

describe('vetoes: complaintVeto unit', () => {
  it('counts only valid veto rows', () => {
    const f = (isVeto: boolean, valid: boolean, row: number) =>
      ({ isVeto, valid, type: '', day: 20000, table: 'fines', sheet: 's', row }) as unknown as Parameters<typeof complaintVeto>[0][number];
    assert.equal(complaintVeto([f(false, true, 2), f(true, false, 3)]), null);
    const v = complaintVeto([f(true, true, 2), f(false, true, 3), f(true, true, 4)]);
    assert.deepEqual(v?.evidence.map((e) => e.row), [2, 4]);
  });
});
