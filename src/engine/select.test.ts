import { strict as assert } from 'assert';
import { resultJson, type ResultJson } from './json';
import type { Problem } from './messages';
import { runSelection, type SelectionResult } from './select';
import type { Grid, TableKey } from './types';

interface Run {
  result: SelectionResult;
  json: ResultJson;
}

function run(staff: Grid, tables: Partial<Record<TableKey, Grid>> = {}, period = '2026Q3', scheme?: string, overrides?: Record<string, unknown>): Run {
  const input = Object.fromEntries(Object.entries(tables).map(([k, grid]) => [k, { sheet: k, grid }]));
  const out = runSelection({ period, scheme, overrides, tables: { staff: { sheet: 'staff', grid: staff }, ...input } });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  for (const r of out.result.inputs) {
    assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, `row accounting of ${r.table}`);
  }
  return { result: out.result, json: resultJson(out.result) };
}

function fail(staff: Grid, tables: Partial<Record<TableKey, Grid>> = {}, period = '2026Q3', scheme?: string): Problem[] {
  const input = Object.fromEntries(Object.entries(tables).map(([k, grid]) => [k, { sheet: k, grid }]));
  const out = runSelection({ period, scheme, tables: { staff: { sheet: 'staff', grid: staff }, ...input } });
  assert.equal(out.ok, false);
  return out.ok ? [] : out.errors;
}

type WinnerRow = [string, string | null, number | null, string, number];

function winners(r: Run): WinnerRow[] {
  return r.json.winners.map((w) => [w.department, w.id, w.score, w.status, w.awardYuan]);
}

/** Inspection rows that take `points` from each person, so scores are easy to set. */
function pointsGrid(points: Record<string, number>): Grid {
  return [['日期', '工号', '扣分'], ...Object.entries(points).filter(([, p]) => p > 0).map(([id, p]) => ['2026-07-15', id, p])];
}

const STAFF: Grid = [
  ['工号', '姓名', '科室'],
  ['A1', '甲一', '门诊'],
  ['A2', '甲二', '门诊'],
  ['A3', '甲三', '门诊'],
  ['A4', '甲四', '门诊'],
  ['B1', '乙一', '药房'],
  ['B2', '乙二', '药房'],
  ['C1', '丙一', '检验科'],
];

describe('select: winners per department (§6)', () => {
  it('the top candidate of each department wins starAwardYuan', () => {
    const r = run(STAFF, { inspections: pointsGrid({ A1: 1, A2: 2, A3: 3, A4: 4, B1: 2, B2: 1, C1: 5 }) });
    assert.deepEqual(winners(r), [
      ['门诊', 'A1', 99, 'winner', 100],
      ['药房', 'B2', 99, 'winner', 100],
      ['检验科', 'C1', 95, 'winner', 100],
    ]);
    assert.deepEqual(r.json.people.map((p) => p.status), ['winner', 'candidate', 'candidate', 'candidate', 'candidate', 'winner', 'winner']);
  });

  it('a tie at the only place: every tied candidate gets tie, nobody wins, tie rows pay 0', () => {
    const r = run(STAFF, { inspections: pointsGrid({ A1: 1, A2: 1, A3: 2, A4: 3 }) });
    assert.deepEqual(winners(r).filter((w) => w[0] === '门诊'), [
      ['门诊', 'A1', 99, 'tie', 0],
      ['门诊', 'A2', 99, 'tie', 0],
    ]);
    assert.deepEqual(r.json.people.slice(0, 4).map((p) => p.status), ['tie', 'tie', 'candidate', 'candidate']);
  });

  it('with 2 places: the place-2 tie with place 3 ties both, place 1 wins', () => {
    const r = run(STAFF, { inspections: pointsGrid({ A1: 3, A2: 0, A3: 3, A4: 5 }) }, '2026Q3', undefined, { winnersPerDepartment: 2 });
    assert.deepEqual(winners(r).filter((w) => w[0] === '门诊'), [
      ['门诊', 'A2', 100, 'winner', 100],
      ['门诊', 'A1', 97, 'tie', 0],
      ['门诊', 'A3', 97, 'tie', 0],
    ]);
  });

  it('with 2 places: three tied at the top all tie, including those above place 2', () => {
    const r = run(STAFF, { inspections: pointsGrid({ A4: 1 }) }, '2026Q3', undefined, { winnersPerDepartment: 2 });
    assert.deepEqual(winners(r).filter((w) => w[0] === '门诊'), [
      ['门诊', 'A1', 100, 'tie', 0],
      ['门诊', 'A2', 100, 'tie', 0],
      ['门诊', 'A3', 100, 'tie', 0],
    ]);
    assert.equal(r.json.people[3]?.status, 'candidate');
  });

  it('with 2 places: two tied at the top, the third lower: both win', () => {
    const r = run(STAFF, { inspections: pointsGrid({ A3: 1, A4: 2 }) }, '2026Q3', undefined, { winnersPerDepartment: 2 });
    assert.deepEqual(winners(r).filter((w) => w[0] === '门诊'), [
      ['门诊', 'A1', 100, 'winner', 100],
      ['门诊', 'A2', 100, 'winner', 100],
    ]);
  });

  it('the later keys break a score tie: fewer violations, then more praise rows', () => {
    const inspections: Grid = [['日期', '工号', '扣分'], ['2026-07-01', 'A1', 2], ['2026-07-01', 'A2', 1], ['2026-07-02', 'A2', 1], ['2026-07-01', 'A3', 3], ['2026-07-01', 'A4', 3]];
    // A1 98 (1 violation), A2 98 (2 violations): A1 wins. A3 and A4 97 with 1 violation each.
    const r = run(STAFF, { inspections });
    assert.deepEqual(winners(r)[0], ['门诊', 'A1', 98, 'winner', 100]);
    // praise rows: B1 and B2 both 100 + min(5, points); B1 has 2 rows of 1, B2 one row of 2 → same score, B1 more rows
    const praise: Grid = [['日期', '工号', '加分'], ['2026-07-01', 'B1', 1], ['2026-07-02', 'B1', 1], ['2026-07-03', 'B2', 2]];
    const p = run(STAFF, { praise });
    assert.deepEqual(winners(p).filter((w) => w[0] === '药房'), [['药房', 'B1', 102, 'winner', 100]]);
  });

  it('satisfaction breaks the last tie; without satisfaction sorts after', () => {
    const satisfaction: Grid = [['月份', '工号', '满意率'], ['2026-07', 'A1', '96%'], ['2026-07', 'A2', '97%'], ['2026-07', 'B2', '50%']];
    const r = run(STAFF, { satisfaction });
    assert.deepEqual(winners(r), [
      ['门诊', 'A2', 100, 'winner', 100],
      ['药房', 'B2', 100, 'winner', 100],
      ['检验科', 'C1', 100, 'winner', 100],
    ]);
  });

  it('a department with no candidate is vacant, with null id, name and score', () => {
    const staff: Grid = [['工号', '姓名', '科室', '在岗'], ['A1', '甲一', '门诊', ''], ['B1', '乙一', '药房', '离职'], ['C1', '丙一', '检验科', '']];
    const r = run(staff, { fines: [['日期', '工号', '类型'], ['2026-07-01', 'C1', '投诉']] });
    assert.deepEqual(r.json.winners, [
      { department: '门诊', id: 'A1', name: '甲一', score: 100, status: 'winner', awardYuan: 100, decided: false },
      { department: '药房', id: null, name: null, score: null, status: 'vacant', awardYuan: 0, decided: false },
      { department: '检验科', id: null, name: null, score: null, status: 'vacant', awardYuan: 0, decided: false },
    ]);
  });

  it('winners rows are sorted by department (roster order) then score, whatever the order of the rows', () => {
    const staff: Grid = [['工号', '姓名', '科室'], ['B1', '乙一', '药房'], ['A1', '甲一', '门诊'], ['B2', '乙二', '药房'], ['A2', '甲二', '门诊'], ['A3', '甲三', '门诊']];
    const r = run(staff, { inspections: pointsGrid({ A1: 2, A3: 1, B1: 3, B2: 1 }) }, '2026Q3', undefined, { winnersPerDepartment: 2 });
    assert.deepEqual(winners(r), [
      ['药房', 'B2', 99, 'winner', 100],
      ['药房', 'B1', 97, 'winner', 100],
      ['门诊', 'A2', 100, 'winner', 100],
      ['门诊', 'A3', 99, 'winner', 100],
    ]);
  });

  it('is never decided by row order: reversing every table gives the same statuses', () => {
    const inspections = pointsGrid({ A1: 1, A2: 1, A3: 1, B1: 2, B2: 2, C1: 3 });
    const reverse = (g: Grid): Grid => [g[0] ?? [], ...g.slice(1).reverse()];
    const a = run(STAFF, { inspections }, '2026Q3', undefined, { winnersPerDepartment: 2 });
    const b = run(reverse(STAFF), { inspections: reverse(inspections) }, '2026Q3', undefined, { winnersPerDepartment: 2 });
    const byId = (x: Run) => Object.fromEntries(x.json.people.map((p) => [p.id, p.status]));
    assert.deepEqual(byId(a), byId(b));
    assert.deepEqual(byId(a), { A1: 'tie', A2: 'tie', A3: 'tie', A4: 'winner', B1: 'winner', B2: 'winner', C1: 'winner' });
    const set = (x: Run) => winners(x).map((w) => w.join('|')).sort();
    assert.deepEqual(set(a), set(b));
  });

  it('equal sums in any order are equal: 0.1 + 0.2 against 0.3 is a tie', () => {
    const inspections: Grid = [['日期', '工号', '扣分'], ['2026-07-01', 'A1', 0.1], ['2026-07-02', 'A1', 0.2], ['2026-07-01', 'A2', 0.3], ['2026-07-01', 'A2', 0],
      ['2026-07-01', 'A3', 1], ['2026-07-01', 'A4', 1]];
    const r = run(STAFF, { inspections });
    // A1 has 2 violations, A2 one: A2 wins on fewer violations, not on a rounding error
    assert.deepEqual(winners(r)[0], ['门诊', 'A2', 99.7, 'winner', 100]);
    const same: Grid = [['日期', '工号', '扣分'], ['2026-07-01', 'A1', 0.1], ['2026-07-02', 'A1', 0.2], ['2026-07-01', 'A2', 0.2], ['2026-07-01', 'A2', 0.1],
      ['2026-07-01', 'A3', 1], ['2026-07-01', 'A4', 1]];
    assert.deepEqual(winners(run(STAFF, { inspections: same })).slice(0, 2), [['门诊', 'A1', 99.7, 'tie', 0], ['门诊', 'A2', 99.7, 'tie', 0]]);
  });

  it('rankInDepartment is a dense rank of the score', () => {
    const r = run(STAFF, { inspections: pointsGrid({ A1: 1, A2: 1, A3: 2, A4: 0 }) });
    assert.deepEqual(r.result.people.slice(0, 4).map((p) => p.rankInDepartment), [2, 2, 3, 1]);
  });
});

describe('select: topN (§6)', () => {
  const staff: Grid = [
    ['工号', '姓名', '科室', '窗口工作起始日期'],
    ['A1', '甲一', '门诊', '2010-01-01'],
    ['A2', '甲二', '门诊', '2010-01-01'],
    ['B1', '乙一', '药房', '2010-01-01'],
    ['C1', '丙一', '检验科', '2010-01-01'],
  ];
  const inspections = pointsGrid({ A2: 1, B1: 2, C1: 3 });

  it('gov-center-annual: the top 2 over all candidates win', () => {
    const r = run(staff, { inspections }, '2026', 'gov-center-annual');
    assert.deepEqual(winners(r), [['门诊', 'A1', 100, 'winner', 100], ['门诊', 'A2', 99, 'winner', 100]]);
    assert.deepEqual(r.json.people.map((p) => p.status), ['winner', 'winner', 'candidate', 'candidate']);
  });

  it('maxPerDepartment 1 spreads the places', () => {
    const r = run(staff, { inspections }, '2026', 'gov-center-annual', { maxPerDepartment: 1 });
    assert.deepEqual(winners(r), [['门诊', 'A1', 100, 'winner', 100], ['药房', 'B1', 98, 'winner', 100]]);
  });

  it('a tie at place N over all candidates ties every equal candidate', () => {
    const r = run(staff, { inspections: pointsGrid({ A2: 1, B1: 1, C1: 3 }) }, '2026', 'gov-center-annual');
    assert.deepEqual(winners(r), [['门诊', 'A1', 100, 'winner', 100], ['门诊', 'A2', 99, 'tie', 0], ['药房', 'B1', 99, 'tie', 0]]);
  });

  it('hospital-quality-year pays starAwardYuan 500', () => {
    const r = run(staff, { inspections }, '2026Q3', 'hospital-quality-year', { topN: 1 });
    assert.deepEqual(winners(r), [['门诊', 'A1', 100, 'winner', 500]]);
  });

  it('on top of per-department places, topN goes to the best of the rest', () => {
    const r = run(staff, { inspections: pointsGrid({ A2: 1, B1: 2, C1: 3 }) }, '2026Q3', undefined, { topN: 1 });
    assert.deepEqual(winners(r), [
      ['门诊', 'A1', 100, 'winner', 100],
      ['门诊', 'A2', 99, 'winner', 100],
      ['药房', 'B1', 98, 'winner', 100],
      ['检验科', 'C1', 97, 'winner', 100],
    ]);
  });
});

describe('select: departments (§6, §10)', () => {
  it('department score = mean of the rounded scores of active members, rounded again', () => {
    const staff: Grid = [
      ['工号', '姓名', '科室', '在岗'],
      ['A1', '甲一', '门诊', ''], ['A2', '甲二', '门诊', ''], ['A3', '甲三', '门诊', '离职'],
      ['B1', '乙一', '药房', '离职'],
    ];
    // A1: 100 − 2.995 = 97.005 → 97.01; A2: 97. Mean of rounded 97.005 → 97.01 (the raw mean 97.0025 would give 97.00).
    const r = run(staff, { inspections: pointsGrid({ A1: 2.995, A2: 3, A3: 50 }) }, '2026Q3', undefined, { departmentAwards: 1 });
    assert.equal(r.json.people[0]?.score, 97.01);
    assert.deepEqual(r.json.departments, [
      { department: '门诊', score: 97.01, vetoed: false, status: 'winner', awardYuan: 0, decision: null },
      { department: '药房', score: null, vetoed: false, status: 'ranked', awardYuan: 0, decision: null },
    ]);
  });

  const staff: Grid = [
    ['工号', '姓名', '科室', '在岗'],
    ['H01', '张三', '门诊', ''],
    ['H02', '李四', '门诊', ''],
    ['H03', '王五', '药房', ''],
    ['H04', '赵六', '药房', '离职'],
    ['H05', '钱七', '检验科', ''],
    ['H06', '孙八', '检验科', ''],
    ['H07', '周九', '收费处', ''],
    ['H08', '吴十', '挂号处', ''],
    ['H09', '郑一', '导诊台', ''],
  ];
  const tables: Partial<Record<TableKey, Grid>> = {
    inspections: [
      ['日期', '工号', '科室', '扣分'],
      ['2026-02-10', 'H08', '', 6], // year to date only
      ['2026-08-10', '', '挂号处', 5], // department record: 挂号处 has 11 points in the year
      ['2026-08-11', 'H09', '', 1],
    ],
    fines: [
      ['日期', '工号', '科室', '类型'],
      ['2026-09-01', '', '门诊', '投诉'], // a department-only veto row
      ['2026-09-02', 'H04', '', '差错'], // an inactive member's complaint
      ['2026-09-03', 'H07', '', '迟到'], // a fine: no veto
    ],
    satisfaction: [
      ['月份', '工号', '评价数', '满意数'],
      ['2026-07', 'H05', 100, 100],
      ['2026-07', 'H06', 100, 80], // 检验科 pooled 180/200 = 0.90 < 0.95
      ['2026-07', 'H07', 100, 95], // exactly 0.95: not below
    ],
  };

  it('service-star-monthly on 2026H2: vetoes and the two awards', () => {
    const r = run(staff, tables, '2026H2', 'service-star-monthly', { departmentAnnualPointLimit: 10 });
    assert.equal(r.result.departmentAwardsGiven, true);
    assert.deepEqual(r.json.departments, [
      { department: '门诊', score: 100, vetoed: true, status: 'vetoed', awardYuan: 0, decision: null },
      { department: '药房', score: 100, vetoed: true, status: 'vetoed', awardYuan: 0, decision: null },
      { department: '检验科', score: 100, vetoed: true, status: 'vetoed', awardYuan: 0, decision: null },
      { department: '收费处', score: 100, vetoed: false, status: 'winner', awardYuan: 100, decision: null },
      { department: '挂号处', score: 100, vetoed: true, status: 'vetoed', awardYuan: 0, decision: null },
      { department: '导诊台', score: 99, vetoed: false, status: 'winner', awardYuan: 100, decision: null },
    ]);
    const codes = Object.fromEntries(r.result.departments.map((d) => [d.department, d.vetoes.map((v) => v.code)]));
    assert.deepEqual(codes, {
      门诊: ['COMPLAINT'], 药房: ['COMPLAINT'], 检验科: ['SATISFACTION'], 收费处: [], 挂号处: ['ANNUAL_LIMIT'], 导诊台: [],
    });
    // people: a department veto does not veto its members (H05 wins 检验科 on satisfaction)
    assert.deepEqual(r.json.people.map((p) => p.status), ['tie', 'tie', 'winner', 'inactive', 'winner', 'candidate', 'winner', 'winner', 'winner']);
  });

  it('service-star-monthly on 2026-07: no department awards, every department still listed', () => {
    const r = run(staff, tables, '2026-07', 'service-star-monthly', { departmentAnnualPointLimit: 10 });
    assert.equal(r.result.departmentAwardsGiven, false);
    assert.deepEqual(r.json.departments.map((d) => [d.department, d.status, d.awardYuan]), [
      ['门诊', 'ranked', 0], ['药房', 'ranked', 0], ['检验科', 'vetoed', 0], ['收费处', 'ranked', 0], ['挂号处', 'ranked', 0], ['导诊台', 'ranked', 0],
    ]);
  });

  it('with no department awards (the default scheme) departments are ranked or vetoed', () => {
    const r = run(staff, tables, '2026H2');
    assert.equal(r.result.departmentAwardsGiven, false);
    assert.deepEqual(r.json.departments.map((d) => d.status), ['vetoed', 'vetoed', 'ranked', 'ranked', 'ranked', 'ranked']);
  });

  it('equal department scores at the last award place tie', () => {
    const r = run(staff, {}, '2026H2', 'service-star-monthly', { departmentAwards: 1 });
    assert.deepEqual(r.json.departments.map((d) => [d.status, d.awardYuan]), Array.from({ length: 6 }, () => ['tie', 0]));
  });

  it('departments rank on the rounded score alone', () => {
    // 门诊 100 with 1 violation-free person, 药房 100: tie, even though other keys might differ
    const s: Grid = [['工号', '姓名', '科室'], ['A1', '甲一', '门诊'], ['B1', '乙一', '药房'], ['C1', '丙一', '检验科']];
    const praise: Grid = [['日期', '工号'], ['2026-07-01', 'A1']];
    const r = run(s, { praise, inspections: pointsGrid({ A1: 1, C1: 1 }) }, '2026H2', 'service-star-monthly', { departmentAwards: 1 });
    assert.deepEqual(r.json.departments.map((d) => [d.department, d.score, d.status]), [['门诊', 100, 'tie'], ['药房', 100, 'tie'], ['检验科', 99, 'ranked']]);
  });

  it('credit-union-100: departmentAnnualPointLimit 240 counts inactive members, strictly greater', () => {
    const s: Grid = [['工号', '姓名', '科室', '在岗'], ['A1', '甲一', '门诊', ''], ['A2', '甲二', '门诊', '离职'], ['B1', '乙一', '药房', ''], ['B2', '乙二', '药房', '']];
    const inspections: Grid = [
      ['日期', '工号', '扣分'],
      ['2026-03-01', 'A1', 100], ['2026-07-01', 'A2', 141], // 241
      ['2026-03-01', 'B1', 100], ['2026-07-01', 'B2', 100], ['2026-04-01', 'B2', 40], // 240
    ];
    const r = run(s, { inspections }, '2026-07', 'credit-union-100');
    assert.deepEqual(r.json.departments.map((d) => [d.department, d.vetoed]), [['门诊', true], ['药房', false]]);
    assert.deepEqual(r.result.departments[0]?.vetoes.map((v) => v.code), ['ANNUAL_LIMIT']);
    // B2: 140 in the year, over 120: vetoed; B1 100: not
    assert.deepEqual(r.json.people.map((p) => [p.id, p.vetoes]), [['A1', []], ['A2', ['ANNUAL_LIMIT', 'INACTIVE']], ['B1', []], ['B2', ['ANNUAL_LIMIT']]]);
  });

  it('hospital-quality-year gives 3 department awards of 1000 yuan', () => {
    const s: Grid = [['工号', '姓名', '科室'], ['A1', '甲', '一科'], ['B1', '乙', '二科'], ['C1', '丙', '三科'], ['D1', '丁', '四科']];
    const r = run(s, { inspections: pointsGrid({ A1: 1, B1: 2, C1: 3, D1: 4 }) }, '2026Q3', 'hospital-quality-year');
    assert.deepEqual(r.json.departments.map((d) => [d.department, d.score, d.status, d.awardYuan]), [
      ['一科', 99, 'winner', 1000], ['二科', 98, 'winner', 1000], ['三科', 97, 'winner', 1000], ['四科', 96, 'ranked', 0],
    ]);
  });
});

describe('select: year roll-up (§6)', () => {
  const staff: Grid = [['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['H02', '李四', '药房'], ['H03', '王五', '检验科'], ['H04', '赵六', '检验科']];
  const history: Grid = [
    ['期间', '工号', '姓名', '科室', '状态'],
    ['2026-03', 'H01', '张三', '门诊', 'winner'],
    ['2026-05', 'H01', '张三', '门诊', 'winner'],
    ['2026-07', 'H03', '王五', '检验科', 'winner'], // this period's own block: ignored
    ['2026-07', 'H03', '王五', '检验科', 'winner'],
    ['2025-12', 'H02', '李四', '药房', 'winner'], // another year
    ['2026-06', '', '李四', '药房', 'winner'], // by name
    ['2026-04', 'H04', '赵六', '检验科', 'tie'], // not a win
  ];

  it('counts stars in the year including this period\'s win, and marks priority', () => {
    const r = run(staff, { history, inspections: pointsGrid({ H04: 1 }) }, '2026-07', 'service-star-monthly');
    assert.deepEqual(r.result.people.map((p) => [p.member.id, p.status, p.starsThisYear, p.priority]), [
      ['H01', 'winner', 3, true],
      ['H02', 'winner', 2, true],
      ['H03', 'winner', 1, false],
      ['H04', 'candidate', 0, false],
    ]);
    const h = r.result.inputs.find((x) => x.table === 'history');
    assert.deepEqual(h && [h.rows, h.used, h.outOfPeriod, h.skippedBlank, h.rejected], [7, 4, 3, 0, 0]);
  });

  it('a person who does not win this period keeps the past stars and gets no priority', () => {
    const r = run(staff, { history, inspections: pointsGrid({ H01: 1 }), fines: [['日期', '工号', '类型'], ['2026-07-01', 'H02', '投诉']] }, '2026-07', 'service-star-monthly');
    const byId = Object.fromEntries(r.result.people.map((p) => [p.member.id, [p.status, p.starsThisYear, p.priority]]));
    assert.deepEqual(byId.H01, ['winner', 3, true]); // H01 still the only one in 门诊
    assert.deepEqual(byId.H02, ['vetoed', 1, false]);
  });

  it('annualPriorityWins is a parameter', () => {
    const r = run(staff, { history }, '2026-07', 'service-star-monthly', { annualPriorityWins: 4 });
    assert.deepEqual(r.result.people.map((p) => p.priority), [false, false, false, false]);
    const one = run(staff, { history }, '2026-07', 'service-star-monthly', { annualPriorityWins: 1 });
    assert.deepEqual(one.result.people.map((p) => [p.status, p.priority]), [['winner', true], ['winner', true], ['tie', false], ['tie', false]]);
  });
});

describe('select: errors stop the run (§1, §9)', () => {
  it('DUPLICATE_ID names the sheet and both rows', () => {
    const errors = fail([['名单'], ['工号', '姓名', '科室'], ['H01', '张三', '门诊'], ['H02', '李四', '门诊'], ['H01', '王五', '药房']]);
    assert.deepEqual(errors.map((e) => [e.code, e.table, e.sheet, e.row, e.column]), [['DUPLICATE_ID', 'staff', 'staff', 5, '工号']]);
    assert.match(errors[0]?.message.zh ?? '', /staff 第5行/u);
    assert.match(errors[0]?.message.zh ?? '', /H01/u);
    assert.match(errors[0]?.message.en ?? '', /rows 3, 5/u);
  });

  it('MISSING_COLUMN in the staff table names the sheet and the column', () => {
    const errors = fail([['工号', '姓名', '岗位'], ['H01', '张三', '收费员']]);
    assert.deepEqual(errors.map((e) => [e.code, e.table, e.sheet]), [['MISSING_COLUMN', 'staff', 'staff']]);
    assert.match(errors[0]?.message.zh ?? '', /科室/u);
    assert.match(errors[0]?.message.en ?? '', /department/u);
  });

  it('MISSING_COLUMN in a record table stops the run too', () => {
    const errors = fail([['工号', '姓名', '科室'], ['H01', '张三', '门诊']], { inspections: [['检查项目', '工号', '扣分'], ['着装', 'H01', 1]] });
    assert.deepEqual(errors.map((e) => [e.code, e.table, e.sheet]), [['MISSING_COLUMN', 'inspections', 'inspections']]);
    assert.match(errors[0]?.message.zh ?? '', /日期/u);
    assert.match(errors[0]?.message.en ?? '', /date/u);
  });

  it('an unknown scheme', () => {
    const errors = fail([['工号', '姓名', '科室']], {}, '2026Q3', 'no-such-scheme');
    assert.deepEqual(errors.map((e) => e.code), ['UNKNOWN_SCHEME']);
  });

  it('a bad period', () => {
    for (const period of ['2026Q5', '2026-13', 'next quarter', '']) {
      const errors = fail([['工号', '姓名', '科室']], {}, period);
      assert.deepEqual(errors.map((e) => e.code), ['BAD_PERIOD'], period);
    }
  });

  it('no staff table', () => {
    const out = runSelection({ period: '2026Q3', tables: {} });
    assert.equal(out.ok, false);
    assert.deepEqual(!out.ok && out.errors.map((e) => e.code), ['MISSING_TABLE']);
  });

  it('a bad override', () => {
    const out = runSelection({ period: '2026Q3', overrides: { praiseCap: -1 }, tables: { staff: { sheet: 's', grid: [['工号', '姓名', '科室']] } } });
    assert.equal(out.ok, false);
    assert.deepEqual(!out.ok && out.errors.map((e) => e.code), ['BAD_PARAMETER']);
  });
});

describe('select: row accounting of every table (§1, §10)', () => {
  it('rows = used + outOfPeriod + skippedBlank + rejected; trailing blank rows are not counted; white space is blank', () => {
    const staff: Grid = [
      ['2026年第三季度窗口人员名单', null, null],
      [null, null, null],
      ['工号', '姓名', '科室'],
      ['H01', '张三', '门诊'],
      ['  ', '\u3000', ''],
      ['H02', '李四', '药房'],
      ['', '无工号', '药房'],
      [' ', ' ', ' '],
      [null, null, null],
    ];
    const tables: Partial<Record<TableKey, Grid>> = {
      inspections: [
        ['日期', '工号', '扣分'], ['2026-07-01', 'H01', 1], ['', '', ''], ['2026-06-01', 'H01', 1], ['bad', 'H01', 1], [], [],
      ],
      fines: [['日期', '姓名', '类型'], ['2026-07-01', '张三', '罚款'], ['2026-07-02', '某某', '罚款'], ['\u3000', null, null]],
      praise: [['日期', '姓名'], ['2026-07-01', '张三'], ['2026-10-01', '张三'], ['2026-07-01', '']],
      satisfaction: [['月份', '姓名', '满意率'], ['2026-07', '张三', '99%'], ['2026-08', '李四', 'x']],
      recommendations: [['期间', '姓名'], ['2026Q3', '张三'], ['2026Q3', '李四'], ['2026Q4', '李四']],
      history: [['期间', '工号', '姓名', '科室', '状态'], ['2026Q1', 'H01', '张三', '门诊', 'winner'], ['2025Q4', 'H01', '张三', '门诊', 'winner']],
    };
    const r = run(staff, tables);
    const acc = Object.fromEntries(r.json.inputs.map((i) => [i.table, [i.rows, i.used, i.outOfPeriod, i.skippedBlank, i.rejected]]));
    assert.deepEqual(acc, {
      staff: [4, 2, 0, 1, 1],
      inspections: [4, 1, 1, 1, 1],
      fines: [2, 1, 0, 0, 1],
      praise: [3, 1, 1, 0, 1],
      satisfaction: [2, 1, 0, 0, 1],
      recommendations: [3, 2, 1, 0, 0],
      history: [2, 1, 1, 0, 0],
    });
    assert.deepEqual(r.result.inputs.map((i) => i.sheet), ['staff', 'inspections', 'fines', 'praise', 'satisfaction', 'recommendations', 'history']);
    assert.deepEqual(r.json.warnings.map((w) => [w.code, w.table, w.row]), [
      ['MISSING_ID', 'staff', 7],
      ['BAD_DATE', 'inspections', 5],
      ['UNKNOWN_PERSON', 'fines', 3],
      ['NO_PERSON', 'praise', 4],
      ['BAD_NUMBER', 'satisfaction', 3],
    ]);
  });
});
