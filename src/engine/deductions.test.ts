import { strict as assert } from 'assert';
import { violationYuan } from './deductions';
import { resultJson, type ResultJson } from './json';
import { DEFAULT_PARAMETERS } from './scheme';
import { runSelection } from './select';
import type { Grid, TableKey } from './types';

const STAFF: Grid = [
  ['工号', '姓名', '科室'],
  ['H01', '张三', '门诊'],
  ['H02', '李四', '门诊'],
  ['H03', '王五', '药房'],
  ['H04', '赵六', '药房'],
];

function run(tables: Partial<Record<TableKey, Grid>>, period = '2026Q3', scheme?: string, overrides?: Record<string, unknown>): ResultJson {
  const input = Object.fromEntries(Object.entries(tables).map(([k, grid]) => [k, { sheet: k, grid }]));
  const out = runSelection({ period, scheme, overrides, tables: { staff: { sheet: 'staff', grid: STAFF }, ...input } });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  const json = resultJson(out.result);
  for (const r of json.inputs) assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, r.table);
  return json;
}

type Row = [string | null, string, string, number, number, number, number, number];

function rows(json: ResultJson): Row[] {
  return json.deductions.map((d) => [d.id, d.department, d.month, d.violations, d.violationYuan, d.complaints, d.complaintYuan, d.totalYuan]);
}

describe('deductions: §5 per person per month', () => {
  const inspections: Grid = [
    ['日期', '工号', '科室', '扣分'],
    ['2026-07-01', 'H01', '', 3],
    ['2026-07-20', 'H01', '', ''], // default 1 point
    ['2026-07-21', 'H01', '', 0], // not a violation
    ['2026-08-05', 'H01', '', 2],
    ['2026-07-09', '', '药房', 2], // department record
    ['2026-06-30', 'H02', '', 5], // out of period
  ];
  const fines: Grid = [
    ['日期', '工号', '科室', '类型', '严重程度', '金额', '是否有效'],
    ['2026-07-02', 'H01', '', '投诉', '', '', ''], // default 50
    ['2026-07-03', 'H01', '', '罚款', '', 20, ''], // 20, a fine
    ['2026-08-04', 'H01', '', '投诉', '严重', '', ''], // 200
    ['2026-09-01', 'H02', '', '投诉', '轻微', '', ''], // 50
    ['2026-09-02', 'H02', '', '投诉', '一般', '', ''], // 100
    ['2026-09-03', 'H02', '', '投诉', '严重', '', '无效'], // invalid: nothing
    ['2026-08-03', 'H02', '', '投诉', '严重', 100, '不属实'], // invalid: no row at all for H02 in August
    ['2026-07-04', 'H03', '', '投诉', '', 300, ''], // 300 as written, AMOUNT_OUT_OF_RANGE
    ['2026-07-05', 'H03', '', '迟到', '', 20, ''], // 20, no warning
    ['2026-08-06', 'H04', '', '投诉', '特别严重', '', ''], // unknown severity: default 50
    ['2026-08-07', '', '药房', '通报', '', '', ''], // department record, 50
  ];

  it('one row per person (or department) per month, in roster order then month', () => {
    const json = run({ inspections, fines });
    assert.deepEqual(rows(json), [
      ['H01', '门诊', '2026-07', 2, 20, 2, 70, 90],
      ['H01', '门诊', '2026-08', 1, 10, 1, 200, 210],
      ['H02', '门诊', '2026-09', 0, 0, 2, 150, 150],
      ['H03', '药房', '2026-07', 0, 0, 2, 320, 320],
      ['H04', '药房', '2026-08', 0, 0, 1, 50, 50],
      [null, '药房', '2026-07', 1, 10, 0, 0, 10],
      [null, '药房', '2026-08', 0, 0, 1, 50, 50],
    ]);
  });

  it('department by department as the roster first names them, its people in roster order, then its own records; months in order whatever the rows', () => {
    // The roster interleaves the departments; rows come out of date order.
    const staff: Grid = [['工号', '姓名', '科室'], ['A1', '甲', '门诊'], ['B1', '乙', '药房'], ['A2', '丙', '门诊'], ['B2', '丁', '药房']];
    const out = runSelection({
      period: '2026Q3',
      tables: {
        staff: { sheet: 'staff', grid: staff },
        inspections: {
          sheet: 'inspections',
          grid: [
            ['日期', '工号', '科室', '扣分'],
            ['2026-09-02', 'B2', '', 1], ['2026-07-09', '', '门诊', 2], ['2026-09-01', 'A1', '', 1], ['2026-07-01', 'A1', '', 1],
            ['2026-08-01', 'A1', '', 1], ['2026-07-05', 'A2', '', 1], ['2026-08-09', '', '药房', 1], ['2026-07-02', 'B1', '', 1],
          ],
        },
      },
    });
    assert.ok(out.ok);
    assert.deepEqual(resultJson(out.result).deductions.map((d) => [d.id, d.department, d.month]), [
      ['A1', '门诊', '2026-07'], ['A1', '门诊', '2026-08'], ['A1', '门诊', '2026-09'], ['A2', '门诊', '2026-07'], [null, '门诊', '2026-07'],
      ['B1', '药房', '2026-07'], ['B2', '药房', '2026-09'], [null, '药房', '2026-08'],
    ]);
  });

  it('warns AMOUNT_OUT_OF_RANGE only for the veto-type row', () => {
    const json = run({ inspections, fines });
    assert.deepEqual(json.warnings.map((w) => [w.code, w.table, w.row]), [['AMOUNT_OUT_OF_RANGE', 'fines', 9]]);
  });

  it('the bounds 50 and 200 are in range; 49 and 201 are not', () => {
    const json = run({
      fines: [
        ['日期', '工号', '类型', '金额'],
        ['2026-07-01', 'H01', '投诉', 50],
        ['2026-07-01', 'H01', '投诉', 200],
        ['2026-07-01', 'H02', '投诉', 49],
        ['2026-07-01', 'H02', '投诉', '201元'],
        ['2026-07-01', 'H03', '罚款', 1000],
        ['2026-07-01', 'H03', '', 10],
      ],
    });
    assert.deepEqual(json.warnings.map((w) => [w.code, w.row]), [['AMOUNT_OUT_OF_RANGE', 4], ['AMOUNT_OUT_OF_RANGE', 5], ['AMOUNT_OUT_OF_RANGE', 7]]);
    assert.deepEqual(rows(json).map((r) => r[6]), [250, 250, 1010]);
  });

  it('an explicit amount wins over the severity', () => {
    const json = run({ fines: [['日期', '工号', '类型', '程度', '扣款'], ['2026-07-01', 'H01', '投诉', '严重', 80]] });
    assert.deepEqual(rows(json), [['H01', '门诊', '2026-07', 0, 0, 1, 80, 80]]);
  });

  it('a person with nothing has no row', () => {
    const json = run({ inspections: [['日期', '工号', '扣分'], ['2026-07-01', 'H01', 0]] });
    assert.deepEqual(json.deductions, []);
  });

  it('severities in English and overridden amounts', () => {
    const json = run({
      fines: [['Date', 'ID', 'Type', 'Severity'], ['2026-07-01', 'H01', '投诉', 'minor'], ['2026-07-01', 'H02', '投诉', 'severe']],
    }, '2026Q3', undefined, { complaintYuan: { minor: 30, moderate: 60, severe: 90 }, defaultComplaintYuan: 40 });
    assert.deepEqual(rows(json).map((r) => r[6]), [30, 90]);
  });

  it('defaultComplaintYuan applies without severity or amount', () => {
    const json = run({ fines: [['日期', '工号'], ['2026-07-01', 'H01']] }, '2026Q3', undefined, { defaultComplaintYuan: 70 });
    assert.deepEqual(rows(json), [['H01', '门诊', '2026-07', 0, 0, 1, 70, 70]]);
  });
});

describe('deductions: credit-union-100 (yuanPerPoint 50, yuanPerViolation 0)', () => {
  it('charges 50 yuan per point and nothing per violation', () => {
    const json = run({
      inspections: [['日期', '工号', '检查方式', '扣分'], ['2026-07-01', 'H01', '现场', 3], ['2026-07-02', 'H01', '监控', 1], ['2026-07-03', '', '', '']],
      fines: [['日期', '工号', '类型'], ['2026-07-04', 'H01', '迟到']],
    }, '2026-07', 'credit-union-100');
    assert.deepEqual(rows(json), [['H01', '门诊', '2026-07', 2, 200, 1, 50, 250]]);
    assert.deepEqual(json.warnings.map((w) => w.code), ['NO_PERSON']);
  });

  it('half points cost half as much', () => {
    const json = run({ inspections: [['日期', '工号', '扣分'], ['2026-07-01', 'H02', 0.5]] }, '2026-07', 'credit-union-100');
    assert.deepEqual(rows(json), [['H02', '门诊', '2026-07', 1, 25, 0, 0, 25]]);
  });
});

describe('deductions: violationYuan unit', () => {
  it('count × yuanPerViolation + points × yuanPerPoint', () => {
    assert.equal(violationYuan(2, 3, DEFAULT_PARAMETERS), 20);
    assert.equal(violationYuan(2, 3, { ...DEFAULT_PARAMETERS, yuanPerViolation: 0, yuanPerPoint: 50 }), 150);
    assert.equal(violationYuan(2, 3, { ...DEFAULT_PARAMETERS, yuanPerViolation: 5, yuanPerPoint: 2 }), 16);
    assert.equal(violationYuan(0, 0, DEFAULT_PARAMETERS), 0);
  });
});
