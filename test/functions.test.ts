/**
 * The STAR.* custom functions (src/functions/functions.ts), called the way Excel calls them (see
 * callInExcel): each range lies on a sheet of a fake workbook (test/helpers/fake-excel.ts) and is
 * passed as Excel passes it — a blank cell as 0 on Windows and Mac, as null on the web
 * (OfficeDev/office-js#4702, #5262, #1951), dates as bare serials, omitted optional arguments as
 * null — with the invocation's parameterAddresses (@requiresParameterAddresses); a range holding an
 * error value is answered with that error without calling the function. A stub `CustomFunctions`
 * global stands in for the runtime (`Office` stays undefined, so the functions answer in Chinese).
 * Expected values are worked out by hand from the rules book (§3 score, §4 vetoes, §5 deductions,
 * §6 winners, §8 outputs).
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { resultJson, type ResultJson } from '../src/engine/json';
import { runSelection } from '../src/engine/select';
import type { Grid, TableInput, TableKey } from '../src/engine/types';
import { a1, createFakeExcel, EXCEL_ENUMS, type FakeExcel, type FakeInputCell } from './helpers/fake-excel';

type FunctionsModule = typeof import('../src/functions/functions');
type Row = (string | number | boolean)[];
type Range = Row[];

// -------------------------------------------------------------------------------------------------
// The stub runtime

/** What CustomFunctions.Error holds: the error code Excel shows and the message in the tooltip. */
class StubFunctionError {
  constructor(readonly code: string, readonly message?: string) {}
}

const ERROR_CODES = {
  invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
  nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!', notSupported: '#BUSY!',
};

const registered: [string, unknown][] = [];
const stub = {
  Error: StubFunctionError,
  ErrorCode: ERROR_CODES,
  associate: (id: string, fn: unknown) => { registered.push([id, fn]); },
};

const globals = globalThis as unknown as { CustomFunctions?: unknown; Office?: unknown; Excel?: unknown };
let F: FunctionsModule;

/** Asserts that `call` fails with CustomFunctions.Error `code`, its message holding every `part`. */
async function rejectsCode(call: () => unknown, code: string, ...parts: string[]): Promise<StubFunctionError> {
  let caught: unknown = null;
  try {
    await call();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof StubFunctionError, `expected CustomFunctions.Error ${code}, got ${caught === null ? 'no error' : String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  for (const part of parts) assert.ok((caught.message ?? '').includes(part), `message "${caught.message}" should mention "${part}"`);
  return caught;
}

// -------------------------------------------------------------------------------------------------
// Excel calling a function

type Platform = 'desktop' | 'web';
type Cf = (...args: any[]) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the functions take Excel's any

/** Excel's error values; a range holding one is not passed to a custom function. */
const ERROR_VALUE = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|BUSY!)$/u;

/** The sheet each kind of range lies on in the workbook callInExcel makes (the tables' usual names). */
const SHEET_OF: Record<string, string> = {
  person: '人员', staff: '人员名单', inspections: '督导检查记录', fines: '投诉及处罚记录', praise: '表扬记录', satisfaction: '满意度',
  recommendations: '推荐名单', decisions: '评选小组裁定', scheme: '参数', scores: '得分', groups: '科室', date: '日期', period: '期间', month: '月份',
};

/** A function's parameter names from its source, without the invocation Excel appends. */
function parameterNames(fn: Cf): string[] {
  const list = /^[^(]*\(([^)]*)\)/u.exec(fn.toString())?.[1] ?? '';
  return list.split(',').map((p) => p.trim().replace(/\s*=.*$/u, '')).filter((p) => p !== '' && p !== 'invocation');
}

function isRange(v: unknown): v is unknown[][] {
  return Array.isArray(v) && v.length > 0 && v.every(Array.isArray);
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * Calls a STAR function as Excel does: every range argument is put on its own sheet of a fresh fake
 * workbook (Excel.run is that workbook's), passed with blanks as the platform passes them (0 on
 * desktop, null on the web), its address given in invocation.parameterAddresses; an omitted argument
 * is null; a range or value holding an error value is answered with that error, the function never
 * called — the behaviour the docs hint at ("#NAME? … is supported as a custom function input error",
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */
async function callInExcel(fn: Cf, args: readonly unknown[], platform: Platform, options: { date1904?: boolean } = {}): Promise<unknown> {
  const sheets: Record<string, FakeInputCell[][]> = {};
  const addresses: string[] = [];
  const passed: unknown[] = [];
  for (const [i, name] of parameterNames(fn).entries()) {
    const v = args[i] ?? null;
    if (isRange(v)) {
      const width = Math.max(...v.map((r) => r.length));
      const cells = v.map((r) => Array.from({ length: width }, (_, j) => (isBlank(r[j]) ? null : r[j] as FakeInputCell)));
      const error = cells.flat().find((c) => typeof c === 'string' && ERROR_VALUE.test(c));
      if (error) throw new StubFunctionError(error as string);
      const sheet = SHEET_OF[name] ?? name;
      sheets[sheet] = cells;
      addresses.push(`${sheet}!A1:${a1(v.length - 1, width - 1)}`);
      passed.push(cells.map((r) => r.map((c) => (c === null ? (platform === 'desktop' ? 0 : null) : c))));
    } else {
      if (typeof v === 'string' && ERROR_VALUE.test(v)) throw new StubFunctionError(v);
      addresses.push('');
      passed.push(v);
    }
  }
  const fake = createFakeExcel(sheets, { date1904: options.date1904 });
  globals.Excel = { ...EXCEL_ENUMS, run: fake.run };
  return fn(...passed, { parameterAddresses: addresses });
}

/** The functions as Excel on a platform calls them. */
function inExcel(platform: Platform): Record<'period' | 'score' | 'veto' | 'deduction' | 'explain' | 'denseRank' | 'results' | 'winners' | 'deductions', Cf> {
  const call = (fn: Cf): Cf => (...args) => callInExcel(fn, args, platform) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    period: call(F.period), score: call(F.score), veto: call(F.veto), deduction: call(F.deduction), explain: call(F.explain),
    denseRank: call(F.denseRank), results: call(F.results), winners: call(F.winners), deductions: call(F.deductions),
  };
}

/** Excel on Windows and Mac, where a blank cell arrives as 0. */
let X: ReturnType<typeof inExcel>;

/** A fresh copy of a range, as Excel hands one to every call. */
function copy(range: Range): Range {
  return range.map((row) => [...row]);
}

/** Excel serial (1900 system) of a calendar day. */
function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

// -------------------------------------------------------------------------------------------------
// A small office. Rows are numbered as the functions number them: the range's first row is row 1.

const STAFF: Range = [
  ['工号', '姓名', '科室', '在岗'], //   row 1
  ['H01', '张三', '门诊', ''], //        row 2
  ['H02', '李四', '门诊', ''], //        row 3
  ['H03', '王五', '药房', ''], //        row 4
  ['H04', '赵六', '药房', '离岗'], //    row 5: inactive
  ['H05', '张伟', '检验科', ''], //      row 6: same name as H06
  ['H06', '张伟', '药房', ''], //        row 7
];

const INSPECTIONS: Range = [
  ['督导检查记录（2026年）', '', '', '', '', ''], //              row 1: a title row
  ['日期', '工号', '姓名', '检查项目', '检查方式', '扣分'], //    row 2: the header
  [serial(2026, 7, 5), 'H01', '', '未使用服务用语', '现场', 2], // row 3
  ['2026-06-30', 'H02', '', '迟到', '现场', 3], //                row 4: Q2 (in 2026-06 only)
  ['', '', '', '', '', ''], //                                    row 5: blank
  ['2026/8/12', 'H01', '', '脱岗', '暗访', 1], //                 row 6: 暗访 is on-site
  [serial(2026, 8, 16), 'H01', '', '玩手机', '调取监控', 2], //   row 7: off-site
  ['2026-07-20', 'H02', '', '着装不规范', '', ''], //             row 8: blank points = 1, blank kind = on-site
  ['2026年9月1日', '', '王五', '态度生硬', '现场', 1], //         row 9: by name
  ['2026-10-02', 'H03', '', '未微笑', '现场', 4], //              row 10: Q4
];

const FINES: Range = [
  ['日期', '工号', '姓名', '类型', '严重程度', '金额', '是否有效'], // row 1
  ['2026-07-10', 'H03', '', '投诉', '一般', '', ''], //              row 2: veto, 100 元
  ['2026-07-15', 'H01', '', '迟到', '', 20, ''], //                  row 3: a fine, 20 元, no veto
  ['2026-08-03', 'H02', '', '投诉', '', '', '不属实'], //            row 4: invalid, nothing
  ['2026-08-20', 'H01', '', '患者投诉', '严重', '', '有效'], //      row 5: veto, 200 元
  ['2026-09-09', 'H03', '', '差错', '轻微', '', ''], //              row 6: veto, 50 元
  ['2026-09-20', '', '赵六', '纠纷', '', '', ''], //                 row 7: veto, default 50 元
];

const PRAISE: Range = [
  ['日期', '工号', '姓名', '来源', '加分'],
  ['2026-08-01', 'H01', '', '锦旗', ''], //          default praisePoints 1
  ['2026-07-02', 'H05', '', '感谢信', 2],
  ['2026-07-09', 'H05', '', '锦旗', 2],
  ['2026-08-19', 'H05', '', '患者点名表扬', 2], //   H05: 6 points, capped at 5
  ['2026-10-01', 'H06', '', '锦旗', 1], //           Q4
];

const SATISFACTION: Range = [
  ['月份', '工号', '评价数', '满意数', '满意率'],
  ['2026-07', 'H05', 50, 45, ''],
  ['2026-08', 'H05', 50, 45, ''], //   H05: 90 / 100 = 0.9
  ['2026-07', 'H02', 40, 39, ''], //   H02: 0.975
  ['2026-09', 'H06', '', '', '97%'], // H06: rates only, 0.97
];

const RECOMMENDATIONS: Range = [
  ['季度', '工号'],
  ['2026Q3', 'H01'],
  ['2026Q3', 'H02'],
];

const WEIGHTS: Range = [['kindWeights', '0.8/0.2']];

/** An omitted optional argument: Excel passes null. */
const NONE = null as unknown as Range;

/** The engine's own run over the same ranges, labelled as the functions label them. */
function engineJson(tables: Partial<Record<TableKey, Range>>, period: string, scheme?: string, overrides?: Record<string, unknown>): ResultJson {
  const sheets: Record<TableKey, string> = {
    staff: '人员名单', inspections: '督导检查记录', fines: '投诉及处罚记录', praise: '表扬记录', satisfaction: '满意度',
    recommendations: '推荐名单', decisions: '评选小组裁定', history: '获奖记录',
  };
  const inputs: Partial<Record<TableKey, TableInput>> = {};
  for (const [k, grid] of Object.entries(tables) as [TableKey, Range][]) inputs[k] = { sheet: sheets[k], grid: grid as Grid };
  const out = runSelection({ period, scheme, overrides, tables: inputs });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return resultJson(out.result);
}

const STATUS_ZH: Record<string, string> = {
  winner: '获奖', tie: '并列，待评选小组裁定', candidate: '候选', vetoed: '否决', not_recommended: '未推荐', inactive: '不在岗',
};
const VETO_ZH: Record<string, string> = {
  COMPLAINT: '有效投诉', ANNUAL_LIMIT: '年度扣分超限', SATISFACTION: '满意度不达标', EVAL_RATE: '评价率不达标', INACTIVE: '不在岗',
  TENURE: '窗口工龄不足',
};

// =================================================================================================

describe('STAR custom functions', () => {
  before(async () => {
    globals.CustomFunctions = stub;
    // Evaluate the module afresh with the stub in place, even if another spec loaded it before.
    delete require.cache[require.resolve('../src/functions/functions')];
    F = await import('../src/functions/functions');
    X = inExcel('desktop');
  });
  after(() => {
    delete globals.CustomFunctions;
    delete globals.Excel;
  });
  beforeEach(() => F.selections.clear());

  describe('registration', () => {
    it('associates all 9 ids with their functions when CustomFunctions exists', async () => {
      assert.equal(typeof globals.Office, 'undefined');
      const ids = ['PERIOD', 'SCORE', 'VETO', 'DEDUCTION', 'EXPLAIN', 'DENSERANK', 'RESULTS', 'WINNERS', 'DEDUCTIONS'];
      assert.deepEqual(registered.map(([id]) => id).sort(), [...ids].sort());
      assert.deepEqual(Object.keys(F.FUNCTIONS).sort(), [...ids].sort());
      for (const [id, fn] of registered) assert.equal(fn, (F.FUNCTIONS as Record<string, unknown>)[id], id);
      assert.equal(F.FUNCTIONS.SCORE, F.score);
      assert.equal(F.FUNCTIONS.DEDUCTIONS, F.deductions);
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('PERIOD (§2)', () => {
    it('a serial date: quarter by default, and each granularity Q/M/H/Y', async () => {
      const d = serial(2026, 7, 5);
      assert.equal(d, 46208);
      assert.equal(await X.period(d, null), '2026Q3');
      assert.equal(await X.period(d), '2026Q3');
      assert.equal(await X.period(d, 'Q'), '2026Q3');
      assert.equal(await X.period(d, 'M'), '2026-07');
      assert.equal(await X.period(d, 'H'), '2026H2');
      assert.equal(await X.period(d, 'Y'), '2026');
      assert.equal(await X.period(d, 'm'), '2026-07');
      assert.equal(await X.period(d, ''), '2026Q3');
    });

    it('Chinese and English granularity words, full width and padded', async () => {
      const d = serial(2026, 2, 28);
      assert.equal(await X.period(d, '季度'), '2026Q1');
      assert.equal(await X.period(d, '月'), '2026-02');
      assert.equal(await X.period(d, '月度'), '2026-02');
      assert.equal(await X.period(d, '半年'), '2026H1');
      assert.equal(await X.period(d, '年度'), '2026');
      assert.equal(await X.period(d, '年'), '2026');
      assert.equal(await X.period(d, 'Ｍ'), '2026-02');
      assert.equal(await X.period(d, ' month '), '2026-02');
      assert.equal(await X.period(d, 'Half'), '2026H1');
    });

    it('text dates in every year-first form', async () => {
      for (const text of ['2026-07-05', '2026/7/5', '2026.7.5', '2026年7月5日', '20260705', '2026-07-05 14:30', '２０２６－０７－０５']) {
        assert.equal(await X.period(text, 'M'), '2026-07', text);
        assert.equal(await X.period(text, null), '2026Q3', text);
      }
    });

    it('the edges of quarters, halves and the year', async () => {
      assert.equal(await X.period(serial(2026, 1, 1), null), '2026Q1');
      assert.equal(await X.period(serial(2026, 3, 31), null), '2026Q1');
      assert.equal(await X.period(serial(2026, 4, 1), null), '2026Q2');
      assert.equal(await X.period(serial(2026, 6, 30), 'H'), '2026H1');
      assert.equal(await X.period(serial(2026, 7, 1), 'H'), '2026H2');
      assert.equal(await X.period(serial(2026, 12, 31), null), '2026Q4');
      assert.equal(await X.period(serial(2026, 12, 31), 'M'), '2026-12');
      assert.equal(await X.period(serial(2027, 1, 1), 'Y'), '2027');
    });

    it('a day-first, unreadable or missing date is #VALUE!', async () => {
      await rejectsCode(() => X.period('05/07/2026', null), '#VALUE!', '05/07/2026');
      await rejectsCode(() => X.period('tomorrow', null), '#VALUE!', '无法识别的日期', 'cannot read the date');
      await rejectsCode(() => X.period(null, null), '#VALUE!');
      await rejectsCode(() => X.period('', null), '#VALUE!');
    });

    it('an unknown granularity is #VALUE! naming it', async () => {
      await rejectsCode(() => X.period(46208, 'W'), '#VALUE!', '「W」', '"W"');
      await rejectsCode(() => X.period(46208, 'week'), '#VALUE!', 'week');
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('SCORE (§3)', () => {
    it('the §3 worked example, default: 100 − 3 − 2 + 1 = 96', async () => {
      // H01 in 2026Q3: on-site 2 (row 3) + 1 (row 6, 暗访), off-site 2 (row 7, 调取监控); one praise row of 1.
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), 96);
    });

    it('the §3 worked example with a scheme range of weights 0.8/0.2: 0.8·97 + 0.2·98 + 1 = 98.2', async () => {
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', PRAISE, WEIGHTS), 98.2);
      // H02: one on-site violation with blank points (1): 0.8·99 + 0.2·100 = 99.2
      assert.equal(await X.score('H02', STAFF, INSPECTIONS, '2026Q3', PRAISE, WEIGHTS), 99.2);
      // weights are normalised: 4/1 is 0.8/0.2
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', PRAISE, [['kindWeights', '4:1']]), 98.2);
    });

    it('the weights of a preset: credit-union-100 as text, as a one-cell range, as a scheme row', async () => {
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', PRAISE, 'credit-union-100' as unknown as Range), 98.2);
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', PRAISE, [['credit-union-100']]), 98.2);
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', PRAISE, [['参数', '值'], ['方案', 'credit-union-100']]), 98.2);
      // the preset's weights switched off again with 无
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', PRAISE, [['scheme', 'credit-union-100'], ['kindWeights', '无']]), 96);
    });

    it('every person: blank points are violationPoints, praise is capped, out-of-period rows do not count', async () => {
      const s = (who: string) => X.score(who, STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE);
      assert.equal(await s('H02'), 99); // row 8 (1 point); row 4 is in Q2
      assert.equal(await s('H03'), 99); // row 9 names 王五; row 10 is in Q4
      assert.equal(await s('H04'), 100);
      assert.equal(await s('H05'), 105); // 100 + min(5, 2 + 2 + 2)
      assert.equal(await s('H06'), 100); // its praise row is in Q4
    });

    it('finds the person by name, padded or full width, or by a one-cell range', async () => {
      assert.equal(await X.score('张三', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), 96);
      assert.equal(await X.score(' 张 三 ', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), 96);
      assert.equal(await X.score('ｈ０１', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), 96);
      assert.equal(await X.score([['H01']], STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), 96);
    });

    it('every form of the period, and a date serial as its month', async () => {
      const s = (p: unknown) => X.score('H01', STAFF, INSPECTIONS, p, PRAISE, NONE);
      assert.equal(await s('2026年第三季度'), 96);
      assert.equal(await s('2026-Q3'), 96);
      assert.equal(await s('2026H2'), 96);
      assert.equal(await s('2026年下半年'), 96);
      assert.equal(await s(2026), 96); // the year as a number
      assert.equal(await s('2026年度'), 96);
      assert.equal(await s('2026-07'), 98); // only row 3
      assert.equal(await s('2026年7月'), 98);
      assert.equal(await s(serial(2026, 7, 5)), 98); // a date is its month
      assert.equal(await s('2026-08'), 98); // 100 − 1 − 2 + 1
      assert.equal(await s('2026Q4'), 100);
    });

    it('works with praise omitted (null) or not passed at all', async () => {
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3', NONE, NONE), 95);
      assert.equal(await X.score('H01', STAFF, INSPECTIONS, '2026Q3'), 95);
      assert.equal(await X.score('H05', STAFF, INSPECTIONS, '2026Q3'), 100);
    });

    it('an unknown person is #N/A; an ambiguous name is #N/A listing the ids', async () => {
      await rejectsCode(() => X.score('H99', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), '#N/A', 'H99', '人员名单中没有');
      await rejectsCode(() => X.score('', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), '#N/A');
      await rejectsCode(() => X.score('张伟', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), '#N/A', '张伟', 'H05', 'H06');
      // by id the two are told apart
      assert.equal(await X.score('H05', STAFF, INSPECTIONS, '2026Q3', PRAISE, NONE), 105);
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('VETO (§4)', () => {
    it('COMPLAINT: the valid veto-type rows in words, with their dates', async () => {
      assert.equal(await X.veto('H01', STAFF, FINES, '2026Q3', NONE, NONE, NONE), '有效投诉 1 件：患者投诉 2026-08-20');
      assert.equal(await X.veto('H03', STAFF, FINES, '2026Q3', NONE, NONE, NONE), '有效投诉 2 件：投诉 2026-07-10；差错 2026-09-09');
      // in July only the first of H03's complaints
      assert.equal(await X.veto('王五', STAFF, FINES, '2026-07', NONE, NONE, NONE), '有效投诉 1 件：投诉 2026-07-10');
    });

    it('eligible is "": an invalid complaint and a plain fine are no veto', async () => {
      assert.equal(await X.veto('H02', STAFF, FINES, '2026Q3', NONE, NONE, NONE), ''); // 不属实
      assert.equal(await X.veto('H01', STAFF, FINES, '2026-07', NONE, NONE, NONE), ''); // 迟到 20 元 only
      assert.equal(await X.veto('H06', STAFF, FINES, '2026Q3'), '');
    });

    it('INACTIVE, alone and after a complaint', async () => {
      const staff = STAFF.map((r) => (r[0] === 'H02' ? ['H02', '李四', '门诊', '调离'] : [...r]));
      assert.equal(await X.veto('H02', staff, FINES, '2026Q3', NONE, NONE, NONE), '已不在窗口岗位（离岗）');
      // 赵六 is inactive and has a 纠纷 (row 7, no amount, no severity)
      assert.equal(await X.veto('H04', STAFF, FINES, '2026Q3', NONE, NONE, NONE), '有效投诉 1 件：纠纷 2026-09-20；已不在窗口岗位（离岗）');
    });

    it('SATISFACTION with a scheme range: 90 / 100 = 0.9 < 0.95', async () => {
      const scheme = [['minSatisfaction', '95%']];
      assert.equal(await X.veto('H05', STAFF, FINES, '2026Q3', INSPECTIONS, SATISFACTION, scheme), '满意度 90%，低于 95%');
      assert.equal(await X.veto('H02', STAFF, FINES, '2026Q3', INSPECTIONS, SATISFACTION, scheme), ''); // 0.975
      assert.equal(await X.veto('H06', STAFF, FINES, '2026Q3', INSPECTIONS, SATISFACTION, scheme), ''); // 0.97 (rates)
      // hospital-quality-year: 0.90 is not below 0.90
      assert.equal(await X.veto('H05', STAFF, FINES, '2026Q3', INSPECTIONS, SATISFACTION, 'hospital-quality-year' as unknown as Range), '');
      // without satisfaction data no satisfaction veto
      assert.equal(await X.veto('H05', STAFF, FINES, '2026Q3', INSPECTIONS, NONE, scheme), '');
    });

    it('ANNUAL_LIMIT over the year to date with inspections', async () => {
      // H01's points in 2026 up to the end of Q3: 2 + 1 + 2 = 5 > 4; H02: 3 (June) + 1 = 4, not above 4
      const scheme = [['annualPointLimit', 4]];
      assert.equal(await X.veto('H01', STAFF, FINES, '2026-07', INSPECTIONS, NONE, scheme), ''); // July: only 2 so far
      assert.equal(await X.veto('H01', STAFF, FINES, '2026-09', INSPECTIONS, NONE, scheme), '年度累计扣分 5 分，超过 4 分');
      assert.equal(await X.veto('H02', STAFF, FINES, '2026-09', INSPECTIONS, NONE, scheme), '');
    });

    it('an unknown person is #N/A', async () => {
      await rejectsCode(() => X.veto('nobody', STAFF, FINES, '2026Q3', NONE, NONE, NONE), '#N/A', 'nobody');
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('DEDUCTION (§5)', () => {
    const d = (who: string, month: unknown, scheme: unknown = null) => X.deduction(who, STAFF, INSPECTIONS, FINES, month, scheme as Range);

    it('default scheme: 10 元 a violation; complaints by amount or severity', async () => {
      assert.equal(await d('H01', '2026-07'), 30); // 1 violation 10 + 迟到 20
      assert.equal(await d('H01', '2026-08'), 220); // 2 violations 20 + 患者投诉 严重 200
      assert.equal(await d('H01', '2026-09'), 0);
      assert.equal(await d('H02', '2026-06'), 10); // row 4
      assert.equal(await d('H02', '2026-07'), 10); // row 8; no fines
      assert.equal(await d('H02', '2026-08'), 0); // the invalid complaint costs nothing
      assert.equal(await d('H03', '2026-07'), 100); // 投诉 一般
      assert.equal(await d('H03', '2026-09'), 60); // 1 violation 10 + 差错 轻微 50
      assert.equal(await d('赵六', '2026-09'), 50); // 纠纷 with neither amount nor severity: defaultComplaintYuan
      assert.equal(await d('H06', '2026-07'), 0);
    });

    it('credit-union-100: 50 元 a point, 0 a violation', async () => {
      assert.equal(await d('H01', '2026-07', 'credit-union-100'), 120); // 2 points 100 + 迟到 20
      assert.equal(await d('H01', '2026-08', [['credit-union-100']]), 350); // 3 points 150 + 200
      assert.equal(await d('H03', '2026-09', [['yuanPerViolation', 0], ['yuanPerPoint', 30]]), 80); // 1 point 30 + 50
    });

    it('the month as 2026年8月, as a date serial, or as a date text', async () => {
      assert.equal(await d('H01', '2026年8月'), 220);
      assert.equal(await d('H01', serial(2026, 8, 31)), 220);
      assert.equal(await d('H01', '2026/8'), 220);
    });

    it('a quarter, half or year is #VALUE! asking for a month', async () => {
      await rejectsCode(() => d('H01', '2026Q3'), '#VALUE!', '2026Q3', '不是月份', 'not a month');
      await rejectsCode(() => d('H01', '2026H2'), '#VALUE!', 'not a month');
      await rejectsCode(() => d('H01', 2026), '#VALUE!', 'not a month');
    });

    it('an unknown or ambiguous person is #N/A', async () => {
      await rejectsCode(() => d('H99', '2026-07'), '#N/A', 'H99');
      await rejectsCode(() => d('张伟', '2026-07'), '#N/A', 'H05', 'H06');
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('EXPLAIN', () => {
    it('traces the score, the violations, the veto and each month to sheet and row, in order', async () => {
      assert.equal(await X.explain('H01', STAFF, INSPECTIONS, FINES, '2026Q3', NONE), [
        '得分 95 = 100 − 5', // no praise table here
        '扣2分：督导检查记录 第3行 2026-07-05 未使用服务用语（现场）',
        '扣1分：督导检查记录 第6行 2026-08-12 脱岗（现场）',
        '扣2分：督导检查记录 第7行 2026-08-16 玩手机（非现场）',
        '否决：有效投诉 1 件：患者投诉 2026-08-20（投诉及处罚记录 第5行 2026-08-20）',
        '2026-07 扣款 30 元（违规 1 次 10 元，投诉/罚款 1 件 20 元）',
        '2026-08 扣款 220 元（违规 2 次 20 元，投诉/罚款 1 件 200 元）',
        '状态：否决',
      ].join('。') + '。');
    });

    it('with weights from a scheme range', async () => {
      const text = await X.explain('H01', STAFF, INSPECTIONS, FINES, '2026Q3', WEIGHTS);
      assert.ok(text.startsWith('得分 97.2 = 0.8×97 + 0.2×98。'), text); // 77.6 + 19.6, no praise table here
    });

    it('a person with nothing: the full score and the status', async () => {
      assert.equal(await X.explain('H06', STAFF, INSPECTIONS, FINES, '2026Q3', NONE), '得分 100 = 100。状态：获奖。');
    });

    it('an inactive person with a complaint: both vetoes name their rows', async () => {
      const text = await X.explain('赵六', STAFF, INSPECTIONS, FINES, '2026Q3', NONE);
      assert.ok(text.includes('否决：有效投诉 1 件：纠纷 2026-09-20（投诉及处罚记录 第7行 2026-09-20）'), text);
      assert.ok(text.includes('否决：已不在窗口岗位（离岗）（人员名单 第5行）'), text);
      assert.ok(text.endsWith('状态：不在岗。'), text);
    });

    it('unknown or ambiguous person is #N/A', async () => {
      await rejectsCode(() => X.explain('H99', STAFF, INSPECTIONS, FINES, '2026Q3', NONE), '#N/A', 'H99');
      await rejectsCode(() => X.explain('张伟', STAFF, INSPECTIONS, FINES, '2026Q3', NONE), '#N/A', 'H05', 'H06');
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('DENSERANK (中国式排名)', () => {
    const scores: Range = [[98], [100], [98], [95]];

    it('1, 2, 2, 3 without groups', async () => {
      assert.equal(await X.denseRank(100, scores, NONE, null), 1);
      assert.equal(await X.denseRank(98, scores, NONE, null), 2);
      assert.equal(await X.denseRank(95, scores, NONE, null), 3);
      assert.equal(await X.denseRank(95, scores), 3);
      // a row of scores, blanks and text are skipped, the score may be text
      assert.equal(await X.denseRank('95' as unknown as number, [[98, '', 100, 'n/a', 98, 95]]), 3);
    });

    it('within the group; the group inferred when the score is in only one group', async () => {
      const groups: Range = [['门诊'], ['药房'], ['门诊'], ['药房']];
      assert.equal(await X.denseRank(98, scores, groups, null), 1); // 门诊: 98, 98
      assert.equal(await X.denseRank(95, scores, groups, null), 2); // 药房: 100, 95
      assert.equal(await X.denseRank(100, scores, groups, '药房'), 1);
      assert.equal(await X.denseRank(95, scores, groups, ' 药 房 '), 2);
    });

    it('a score in several groups needs the group: #VALUE! without it', async () => {
      const s: Range = [[98], [98], [97], [99]];
      const g: Range = [['A'], ['B'], ['A'], ['B']];
      await rejectsCode(() => X.denseRank(98, s, g, null), '#VALUE!', 'group');
      assert.equal(await X.denseRank(98, s, g, 'A'), 1);
      assert.equal(await X.denseRank(98, s, g, 'B'), 2);
      assert.equal(await X.denseRank(97, s, g, 'A'), 2);
    });

    it('a score not among the scores is #N/A', async () => {
      await rejectsCode(() => X.denseRank(99, scores, NONE, null), '#N/A');
      await rejectsCode(() => X.denseRank(100, scores, [['A'], ['B'], ['A'], ['B']], 'A'), '#N/A');
    });

    it('a score not among the scores is #N/A with groups and no group too', async () => {
      await rejectsCode(() => X.denseRank(99, scores, [['A'], ['B'], ['A'], ['B']], null), '#N/A');
    });

    it('a score that is not a number, or groups of another size, is #VALUE!', async () => {
      await rejectsCode(() => X.denseRank('abc' as unknown as number, scores), '#VALUE!', '得分应为数字');
      await rejectsCode(() => X.denseRank('' as unknown as number, scores), '#VALUE!');
      await rejectsCode(() => X.denseRank(98, scores, [['A'], ['B']], 'A'), '#VALUE!', 'same size');
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('RESULTS, WINNERS, DEDUCTIONS (spilled tables, §8)', () => {
    it('RESULTS: a header row, one row per person, "" for nulls, as worked out by hand', async () => {
      const out = await X.results(STAFF, INSPECTIONS, FINES, '2026Q3', NONE, PRAISE, SATISFACTION, NONE);
      assert.deepEqual(out, [
        ['工号', '姓名', '科室', '违规次数', '现场扣分', '非现场扣分', '表扬', '满意度', '得分', '科室排名', '有资格', '否决原因', '状态'],
        ['H01', '张三', '门诊', 3, 3, 2, 1, '', 96, 2, '否', '有效投诉', '否决'],
        ['H02', '李四', '门诊', 1, 1, 0, 0, 0.975, 99, 1, '是', '', '获奖'],
        ['H03', '王五', '药房', 1, 1, 0, 0, '', 99, 2, '否', '有效投诉', '否决'],
        ['H04', '赵六', '药房', 0, 0, 0, 0, '', 100, 1, '否', '有效投诉、不在岗', '不在岗'],
        ['H05', '张伟', '检验科', 0, 0, 0, 3, 0.9, 105, 1, '是', '', '获奖'],
        ['H06', '张伟', '药房', 0, 0, 0, 0, 0.97, 100, 1, '是', '', '获奖'],
      ]);
    });

    it('RESULTS matches resultJson of the same run, cell by cell', async () => {
      const scheme: Range = [['minSatisfaction', '95%'], ['kindWeights', '0.8/0.2']];
      const out = await X.results(STAFF, INSPECTIONS, FINES, '2026Q3', scheme, PRAISE, SATISFACTION, RECOMMENDATIONS);
      const json = engineJson({ staff: STAFF, inspections: INSPECTIONS, fines: FINES, praise: PRAISE, satisfaction: SATISFACTION, recommendations: RECOMMENDATIONS },
        '2026Q3', undefined, { minSatisfaction: 0.95, kindWeights: { onsite: 0.8, offsite: 0.2 } });
      assert.equal(out.length, 1 + json.people.length);
      json.people.forEach((p, i) => {
        const row = out[i + 1] as unknown[];
        assert.equal(row.length, 13);
        assert.deepEqual(
          [row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[10], row[11], row[12]],
          [p.id, p.name, p.department, p.violations, p.onsitePoints, p.offsitePoints, p.praise, p.satisfaction ?? '', p.score,
            p.eligible ? '是' : '否', p.vetoes.map((v) => VETO_ZH[v]).join('、'), STATUS_ZH[p.status]],
          p.id,
        );
        for (const cell of row) assert.ok(cell !== null && cell !== undefined, `${p.id}: no nulls in a spill`);
      });
      // H05 vetoed for satisfaction; H06 not recommended; H02 the only candidate left in 门诊
      assert.deepEqual(json.people.map((p) => p.status), ['vetoed', 'winner', 'vetoed', 'inactive', 'vetoed', 'not_recommended']);
      assert.equal(out[5]?.[11], '满意度不达标');
    });

    it('WINNERS: header, one row per place, vacant rows with "" for id, name and score', async () => {
      const out = await X.winners(STAFF, INSPECTIONS, FINES, '2026Q3', NONE, PRAISE, NONE, RECOMMENDATIONS);
      assert.deepEqual(out, [
        ['科室', '工号', '姓名', '得分', '状态', '奖励（元）'],
        ['门诊', 'H02', '李四', 99, '获奖', 100],
        ['药房', '', '', '', '空缺', 0], // H03 vetoed, H04 inactive, H06 not recommended
        ['检验科', '', '', '', '空缺', 0], // H05 not recommended
      ]);
      const all = await X.winners(STAFF, INSPECTIONS, FINES, '2026Q3', NONE, PRAISE, NONE, NONE);
      assert.deepEqual(all.slice(1), [
        ['门诊', 'H02', '李四', 99, '获奖', 100],
        ['药房', 'H06', '张伟', 100, '获奖', 100],
        ['检验科', 'H05', '张伟', 105, '获奖', 100],
      ]);
      const json = engineJson({ staff: STAFF, inspections: INSPECTIONS, fines: FINES, praise: PRAISE }, '2026Q3');
      assert.deepEqual(all.slice(1).map((r: unknown[]) => [r[0], r[1], r[3], r[5]]),
        json.winners.map((w) => [w.department, w.id ?? '', w.score ?? '', w.awardYuan]));
    });

    it('WINNERS: a tie is shown for the committee, never broken', async () => {
      // no fines, no praise: 门诊 H01 99 = H02 99; 药房 H03 100 = H06 100 (H04 inactive); 检验科 H05 100 alone
      const inspections: Range = [['日期', '工号', '扣分'], ['2026-07-01', 'H01', 1], ['2026-07-02', 'H02', 1]];
      const out = await X.winners(STAFF, inspections, [['日期', '工号']], '2026Q3');
      assert.deepEqual(out.slice(1), [
        ['门诊', 'H01', '张三', 99, '并列，待评选小组裁定', 0],
        ['门诊', 'H02', '李四', 99, '并列，待评选小组裁定', 0],
        ['药房', 'H03', '王五', 100, '并列，待评选小组裁定', 0],
        ['药房', 'H06', '张伟', 100, '并列，待评选小组裁定', 0],
        ['检验科', 'H05', '张伟', 100, '获奖', 100],
      ]);
    });

    it('WINNERS and RESULTS with the decisions range (§12): an award resolves 门诊\'s tie, an exclude strikes H03', async () => {
      const inspections: Range = [['日期', '工号', '扣分'], ['2026-07-01', 'H01', 1], ['2026-07-02', 'H02', 1]];
      const decisions: Range = [['期间', '工号', '裁定', '理由'], ['2026Q3', 'H02', '获奖', '评选小组表决'], ['2026Q3', 'H03', '取消', '']];
      const out = await X.winners(STAFF, inspections, [['日期', '工号']], '2026Q3', NONE, NONE, NONE, NONE, decisions);
      assert.deepEqual(out.slice(1), [
        ['门诊', 'H02', '李四', 99, '获奖', 100],
        ['药房', 'H06', '张伟', 100, '获奖', 100],
        ['检验科', 'H05', '张伟', 100, '获奖', 100],
      ]);
      const results = await X.results(STAFF, inspections, [['日期', '工号']], '2026Q3', NONE, NONE, NONE, NONE, decisions);
      const h03 = (results as unknown[][]).find((row) => row[0] === 'H03');
      assert.ok(h03?.includes('否决'), JSON.stringify(h03));
    });

    it('DEDUCTIONS: header, one row per person and month, and a total row', async () => {
      const out = await X.deductions(STAFF, INSPECTIONS, FINES, '2026Q3', NONE, NONE, NONE, NONE);
      assert.deepEqual(out, [
        ['工号', '姓名', '科室', '月份', '违规次数', '扣分', '违规扣款（元）', '投诉/罚款次数', '投诉罚款（元）', '合计（元）'],
        ['H01', '张三', '门诊', '2026-07', 1, 2, 10, 1, 20, 30],
        ['H01', '张三', '门诊', '2026-08', 2, 3, 20, 1, 200, 220],
        ['H02', '李四', '门诊', '2026-07', 1, 1, 10, 0, 0, 10],
        ['H03', '王五', '药房', '2026-07', 0, 0, 0, 1, 100, 100],
        ['H03', '王五', '药房', '2026-09', 1, 1, 10, 1, 50, 60],
        ['H04', '赵六', '药房', '2026-09', 0, 0, 0, 1, 50, 50],
        ['合计', '', '', '', 5, 7, 50, 5, 420, 470],
      ]);
      const json = engineJson({ staff: STAFF, inspections: INSPECTIONS, fines: FINES }, '2026Q3');
      assert.deepEqual(out.slice(1, -1).map((r) => [r[0], r[2], r[3], r[4], r[6], r[7], r[8], r[9]]),
        json.deductions.map((x) => [x.id ?? '', x.department, x.month, x.violations, x.violationYuan, x.complaints, x.complaintYuan, x.totalYuan]));
      // each person-month equals STAR.DEDUCTION for that month
      for (const row of out.slice(1, -1)) {
        assert.equal(await X.deduction(row[0], STAFF, INSPECTIONS, FINES, row[3], NONE), row[9], `${String(row[0])} ${String(row[3])}`);
      }
    });

    it('DEDUCTIONS: a department-only row has "" for the id and （科室） for the name', async () => {
      const fines: Range = [['日期', '工号', '科室', '类型', '金额'], ['2026-07-03', '', '药房', '罚款', 30]];
      const out = await X.deductions(STAFF, [['日期', '工号', '扣分']], fines, '2026-07');
      assert.deepEqual(out.slice(1), [['', '（科室）', '药房', '2026-07', 0, 0, 0, 1, 30, 30], ['合计', '', '', '', 0, 0, 0, 1, 30, 30]]);
    });

    it('a spill above MAX_SPILL_BYTES is #VALUE! pointing to the task pane', async () => {
      // 1,500 people in departments with 2,000-character names: each results row is about 4 KB as UTF-16
      const department = (i: number) => `科室${i % 3}${'窗'.repeat(2000)}`;
      const staff: Range = [['工号', '姓名', '科室'], ...Array.from({ length: 1500 }, (_, i) => [`P${i}`, `员工${i}`, department(i)])];
      // every one but the first of each department loses a point, so each department has one winner
      const inspections: Range = [['日期', '工号', '扣分'], ...Array.from({ length: 1497 }, (_, i) => ['2026-07-01', `P${i + 3}`, 1])];
      const fines: Range = [['日期', '工号']];
      await rejectsCode(() => X.results(staff, inspections, fines, '2026Q3'), '#VALUE!', '任务窗格', 'task pane', '5 MB');
      // the same run's winners are small and spill
      assert.equal((await X.winners(staff, inspections, fines, '2026Q3')).length, 4);
      assert.ok(F.MAX_SPILL_BYTES <= 5_000_000);
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('errors as Excel users expect', () => {
    const s = (staff: unknown, inspections: unknown = INSPECTIONS, period: unknown = '2026Q3', scheme: unknown = null) =>
      X.score('H01', staff as Range, inspections as Range, period, PRAISE, scheme as Range);

    it('a missing column is #VALUE! naming it in Chinese and English', async () => {
      await rejectsCode(() => s([['姓名', '科室'], ['张三', '门诊']]), '#VALUE!', '缺少列：工号', 'missing column: id', '人员名单');
      await rejectsCode(() => s([['工号', '姓名'], ['H01', '张三']]), '#VALUE!', '缺少列：科室', 'missing column: department');
      await rejectsCode(() => s(STAFF, [['工号', '扣分'], ['H01', 2]]), '#VALUE!', '缺少列：日期', 'missing column: date', '督导检查记录');
      await rejectsCode(() => X.veto('H01', STAFF, [['工号', '类型']], '2026Q3'), '#VALUE!', '缺少列：日期', 'missing column: date');
      await rejectsCode(() => X.results(STAFF, INSPECTIONS, FINES, '2026Q3', NONE, [['日期', '来源']]), '#VALUE!', '表扬记录', '工号', 'id');
    });

    it('DUPLICATE_ID is #VALUE! naming the id and its rows', async () => {
      const staff: Range = [['工号', '姓名', '科室'], [8003, '甲', '门诊'], ['H2', '乙', '门诊'], ['８００３', '丙', '药房']];
      await rejectsCode(() => X.score('H2', staff, INSPECTIONS, '2026Q3'), '#VALUE!', '工号 8003 重复（第2、4行）', 'rows 2, 4');
      await rejectsCode(() => X.results(staff, INSPECTIONS, FINES, '2026Q3'), '#VALUE!', '8003');
    });

    it('an unknown period is #VALUE! naming it', async () => {
      await rejectsCode(() => s(STAFF, INSPECTIONS, 'Q3 2026'), '#VALUE!', '无法识别的评选期间', 'unknown period', 'Q3 2026');
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q5'), '#VALUE!', '2026Q5');
      await rejectsCode(() => s(STAFF, INSPECTIONS, null), '#VALUE!', 'unknown period');
      await rejectsCode(() => X.deductions(STAFF, INSPECTIONS, FINES, '本季度'), '#VALUE!', '本季度');
    });

    it('an unknown scheme is #VALUE! listing the presets', async () => {
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q3', 'monthly-star'), '#VALUE!', 'monthly-star', 'unknown scheme', 'credit-union-100');
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q3', [['monthly-star']]), '#VALUE!', 'monthly-star');
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q3', [['方案', 'monthly-star'], ['baseScore', 90]]), '#VALUE!', 'monthly-star');
    });

    it('a bad scheme parameter is #VALUE! naming it', async () => {
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q3', [['baseScore', 'abc']]), '#VALUE!', '参数 baseScore', 'parameter baseScore');
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q3', [['noSuchThing', 1]]), '#VALUE!', 'noSuchThing', '没有这个参数', 'no such parameter');
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q3', [['kindWeights', 'heavy']]), '#VALUE!', 'kindWeights');
      await rejectsCode(() => s(STAFF, INSPECTIONS, '2026Q3', [['winnersPerDepartment', 1.5]]), '#VALUE!', 'winnersPerDepartment');
    });

    it('a table that is not a range is #VALUE!; no staff at all is #VALUE!', async () => {
      await rejectsCode(() => s('H01'), '#VALUE!', '人员名单应为一个区域', 'must be a range');
      await rejectsCode(() => s(STAFF, 42), '#VALUE!', '督导检查记录应为一个区域', 'inspections must be a range');
      await rejectsCode(() => s(STAFF, [1, 2, 3]), '#VALUE!', '督导检查记录');
      await rejectsCode(() => s(null), '#VALUE!', '人员名单', 'staff');
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('ranges read as the sheet holds them, not as Excel passes them', () => {
    /** A workbook of its own for a hand-made call: its Excel.run is the one the functions use. */
    const useBook = (fake: FakeExcel) => { globals.Excel = { ...EXCEL_ENUMS, run: fake.run }; };
    const at = (...addresses: string[]) => ({ parameterAddresses: addresses });

    it('a blank points cell counts 1 (§1) on Windows and Mac (passed as 0) and on the web (passed as null)', async () => {
      for (const platform of ['desktop', 'web'] as const) {
        // H02: row 8 has blank points, one violation of 1 point
        assert.equal(await inExcel(platform).score('H02', STAFF, INSPECTIONS, '2026Q3'), 99, platform);
        assert.equal(await inExcel(platform).deduction('H02', STAFF, INSPECTIONS, FINES, '2026-07'), 10, platform);
      }
    });

    it('the values as passed, without addresses (an array worked out in a formula), are used as they are: a 0 is 0 points', async () => {
      const zeros = INSPECTIONS.map((r) => r.map((c) => (c === '' ? 0 : c)));
      assert.equal(await F.score('H02', STAFF, zeros, '2026Q3'), 100);
      assert.equal(await F.score('H02', STAFF, INSPECTIONS, '2026Q3'), 99, '"" is blank');
    });

    it('a range holding an error value: Excel answers with the error, the function is not called', async () => {
      const misses = F.selections.misses;
      const broken = INSPECTIONS.map((r, i) => (i === 3 ? [...r.slice(0, 5), '#DIV/0!'] : r));
      await rejectsCode(() => X.score('H01', STAFF, broken, '2026Q3'), '#DIV/0!');
      assert.equal(F.selections.misses, misses);
    });

    it('messages and explanations name the sheet and its own row numbers (ranges below row 1)', async () => {
      const staff: FakeInputCell[][] = [['工号', '姓名', '科室'], [8003, '甲', '门诊'], ['H2', '乙', '门诊'], ['８００３', '丙', '药房']];
      const fake = createFakeExcel({ 花名册: staff, 人员名单: STAFF as FakeInputCell[][], 检查: INSPECTIONS as FakeInputCell[][] },
        { origin: { 花名册: { row: 2, column: 1 }, 检查: { row: 4, column: 0 } } });
      useBook(fake);
      await rejectsCode(() => F.score('H2', staff, INSPECTIONS, '2026Q3', NONE, NONE, at('', '花名册!B3:D6', '检查!A5:F14')), '#VALUE!', '第4、6行', 'rows 4, 6');
      const text = await F.explain('H01', STAFF, INSPECTIONS, [['日期', '工号']], '2026Q3', NONE, NONE,
        at('', '人员名单!A1:D7', '检查!A5:F14', '', '', '', ''));
      assert.ok(text.includes('检查 第7行 2026-07-05'), text); // the range's row 3 is the sheet's row 7
    });

    it('a 1904 workbook: a date cell is its day, not the day 1,462 days earlier', async () => {
      // 2026-07-05 is 44,746 in the 1904 system (46,208 in the 1900 system).
      const fake = createFakeExcel({ 日期: [[44_746]] }, { numberFormats: { 日期: [['yyyy/m/d']] }, date1904: true });
      useBook(fake);
      assert.equal(await F.period(44_746, 'M', at('日期!A1', '')), '2026-07');
      assert.equal(await F.period(44_746, 'M'), '2022-07', 'the bare serial, without the workbook, is read in the 1900 system');
      const inspections: FakeInputCell[][] = [['日期', '工号', '扣分'], [44_746, 'H01', 2], [44_746 + 40, 'H02', 1]];
      const book = createFakeExcel({ 人员名单: STAFF as FakeInputCell[][], 督导检查记录: inspections }, { date1904: true });
      useBook(book);
      // no date format on the cells: the engine reads the serials in the workbook's system
      assert.equal(await F.score('H01', STAFF, inspections, '2026-07', NONE, NONE, at('', '人员名单!A1:D7', '督导检查记录!A1:C3')), 98);
      assert.equal(await F.score('H02', STAFF, inspections, '2026-08', NONE, NONE, at('', '人员名单!A1:D7', '督导检查记录!A1:C3')), 99);
    });

    it('calls of one recalculation share one read; a call after an edit reads again, never stale', async () => {
      const fake = createFakeExcel({ 人员名单: STAFF as FakeInputCell[][], 督导检查记录: INSPECTIONS as FakeInputCell[][] });
      useBook(fake);
      const where = at('', '人员名单!A1:D7', '督导检查记录!A1:F10');
      const column = await Promise.all(['H01', 'H02', 'H03'].map((who) => F.score(who, STAFF, INSPECTIONS, '2026Q3', NONE, NONE, where)));
      assert.deepEqual(column, [95, 99, 99]);
      assert.equal(fake.runCount, 1, 'one Excel.run for the three calls');
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('督导检查记录').getRange('F8').values = [[3]]; // H02's blank points become 3
        await context.sync();
      });
      assert.equal(await F.score('H02', STAFF, INSPECTIONS, '2026Q3', NONE, NONE, where), 97);
    });
  });

  describe('the cache across calls', () => {
    it('the same ranges as fresh copies hit the cache, across functions and people', async () => {
      const { selections } = F;
      const before = { hits: selections.hits, misses: selections.misses };
      assert.equal(await X.score('H01', copy(STAFF), copy(INSPECTIONS), '2026Q3', copy(PRAISE), copy(WEIGHTS)), 98.2);
      assert.equal(await X.score('H02', copy(STAFF), copy(INSPECTIONS), '2026Q3', copy(PRAISE), copy(WEIGHTS)), 99.2);
      assert.equal(await X.score('H05', copy(STAFF), copy(INSPECTIONS), '2026Q3', copy(PRAISE), copy(WEIGHTS)), 105);
      assert.equal(selections.misses - before.misses, 1);
      assert.equal(selections.hits - before.hits, 2);
    });

    it('one changed cell anywhere gives a fresh, correct result, never a stale one', async () => {
      const { selections } = F;
      const base = () => X.score('H01', copy(STAFF), copy(INSPECTIONS), '2026Q3', copy(PRAISE), copy(WEIGHTS));
      assert.equal(await base(), 98.2);
      const misses = () => selections.misses;
      let m = misses();

      // inspections: row 3 takes 4 points instead of 2 → on-site 5: 0.8·95 + 0.2·98 + 1 = 96.6
      const inspections = copy(INSPECTIONS);
      (inspections[2] as Row)[5] = 4;
      assert.equal(await X.score('H01', copy(STAFF), inspections, '2026Q3', copy(PRAISE), copy(WEIGHTS)), 96.6);
      assert.equal(misses(), ++m);
      // the same change as text "4" (a text cell is another cell, though it reads the same)
      const asText = copy(inspections);
      (asText[2] as Row)[5] = '4';
      assert.equal(await X.score('H01', copy(STAFF), asText, '2026Q3', copy(PRAISE), copy(WEIGHTS)), 96.6);
      assert.equal(misses(), ++m);

      // staff: H01 marked 离岗 → INACTIVE, and back
      const staff = copy(STAFF);
      (staff[1] as Row)[3] = '离岗';
      assert.equal(await X.veto('H01', staff, copy(FINES), '2026-07', NONE, NONE, NONE), '已不在窗口岗位（离岗）');
      assert.equal(await X.veto('H01', copy(STAFF), copy(FINES), '2026-07', NONE, NONE, NONE), '');

      // the scheme range: 0.5/0.5 → 0.5·97 + 0.5·98 + 1 = 98.5
      m = misses();
      assert.equal(await X.score('H01', copy(STAFF), copy(INSPECTIONS), '2026Q3', copy(PRAISE), [['kindWeights', '0.5/0.5']]), 98.5);
      assert.equal(misses(), ++m);
      // the period: 2026-08 has 1 on-site point (row 6), 2 off-site (row 7), one praise → 0.8·99 + 0.2·98 + 1 = 99.8
      assert.equal(await X.score('H01', copy(STAFF), copy(INSPECTIONS), '2026-08', copy(PRAISE), copy(WEIGHTS)), 99.8);
      assert.equal(misses(), ++m);
      // praise: a second praise row for H01 in Q3 → 0.8·97 + 0.2·98 + 2 = 99.2
      const praise = [...copy(PRAISE), ['2026-09-30', 'H01', '', '感谢信', 1]];
      assert.equal(await X.score('H01', copy(STAFF), copy(INSPECTIONS), '2026Q3', praise, copy(WEIGHTS)), 99.2);
      assert.equal(misses(), ++m);
      // the last cell that matters: the Q4 praise row (H06's) becomes H01's → in Q4 H01 goes from 100 to 100 + 1
      assert.equal(await X.score('H01', copy(STAFF), copy(INSPECTIONS), '2026Q4', copy(PRAISE), copy(WEIGHTS)), 100);
      const last = copy(PRAISE);
      (last[5] as Row)[1] = 'H01';
      assert.equal(await X.score('H01', copy(STAFF), copy(INSPECTIONS), '2026Q4', last, copy(WEIGHTS)), 101);
      // and back to the original: the first result again
      assert.equal(await base(), 98.2);
    });

    it('a range changed in place, the same array passed again, is not stale', async () => {
      const inspections = copy(INSPECTIONS);
      const staff = copy(STAFF);
      assert.equal(await X.score('H01', staff, inspections, '2026Q3', NONE, NONE), 95);
      (inspections[2] as Row)[5] = 4; // 2 → 4 points
      assert.equal(await X.score('H01', staff, inspections, '2026Q3', NONE, NONE), 93);
    });

    it('a table omitted and a table given are different calls', async () => {
      assert.equal(await X.score('H05', copy(STAFF), copy(INSPECTIONS), '2026Q3', NONE, NONE), 100);
      assert.equal(await X.score('H05', copy(STAFF), copy(INSPECTIONS), '2026Q3', copy(PRAISE), NONE), 105);
      assert.equal(await X.score('H05', copy(STAFF), copy(INSPECTIONS), '2026Q3', NONE, NONE), 100);
    });
  });

  // -----------------------------------------------------------------------------------------------
  describe('property: SCORE equals the engine', () => {
    const IDS = ['A1', 'A2', 'B1', 'B2', 8003, 'C1'];
    const NAMES = ['张三', '李四', '王五', '张三', '赵六', '孙七'];
    const DEPARTMENTS = ['门诊', '药房', '检验科'];
    const PERIODS = ['2026Q3', '2026-07', '2026-08', '2026H2', '2026', '2026Q2'];
    const SCHEMES: { arg: unknown; id?: string; overrides?: Record<string, unknown> }[] = [
      { arg: null },
      { arg: 'credit-union-100', id: 'credit-union-100' },
      { arg: [['service-star-monthly']], id: 'service-star-monthly' },
      { arg: [['kindWeights', '0.8/0.2']], overrides: { kindWeights: { onsite: 0.8, offsite: 0.2 } } },
      { arg: [['参数', '值'], ['praiseCap', 2], ['violationPoints', 3]], overrides: { praiseCap: 2, violationPoints: 3 } },
    ];

    const dayArb = fc.integer({ min: serial(2026, 4, 1), max: serial(2026, 12, 31) });
    const dateCell = (s: number, form: number): string | number => {
      if (form === 0) return s;
      const d = new Date((s - 25_569) * 86_400_000);
      const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      return form === 1 ? `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}` : `${y}年${m}月${dd}日`;
    };
    const office = fc.record({
      size: fc.integer({ min: 1, max: IDS.length }),
      departments: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: IDS.length, maxLength: IDS.length }),
      inspections: fc.array(fc.record({
        who: fc.nat(IDS.length - 1), day: dayArb, form: fc.integer({ min: 0, max: 2 }),
        kind: fc.constantFrom('现场', '非现场', '', '监控', '暗访'), points: fc.constantFrom<string | number>('', 0, 1, 2, 3, 5, 0.5),
      }), { maxLength: 12 }),
      praise: fc.array(fc.record({ who: fc.nat(IDS.length - 1), day: dayArb, points: fc.constantFrom<string | number>('', 1, 2, 3) }), { maxLength: 6 }),
      period: fc.constantFrom(...PERIODS),
      scheme: fc.nat(SCHEMES.length - 1),
      copies: fc.boolean(),
    });

    it('for random small offices, SCORE of every person equals runSelection, whatever copies are passed', async () => {
      await fc.assert(fc.asyncProperty(office, async (o) => {
        const staff: Range = [['工号', '姓名', '科室'], ...IDS.slice(0, o.size).map((id, i) => [id, NAMES[i] as string, DEPARTMENTS[o.departments[i] ?? 0] as string])];
        const inspections: Range = [['日期', '工号', '检查方式', '扣分'],
          ...o.inspections.filter((r) => r.who < o.size).map((r) => [dateCell(r.day, r.form), IDS[r.who] as string | number, r.kind, r.points])];
        const praise: Range = [['日期', '工号', '加分'], ...o.praise.filter((r) => r.who < o.size).map((r) => [r.day, IDS[r.who] as string | number, r.points])];
        const scheme = SCHEMES[o.scheme] as (typeof SCHEMES)[number];
        const out = runSelection({
          period: o.period, scheme: scheme.id, overrides: scheme.overrides,
          tables: { staff: { sheet: 's', grid: staff }, inspections: { sheet: 'i', grid: inspections }, praise: { sheet: 'p', grid: praise } },
        });
        assert.ok(out.ok);
        for (const p of out.result.people) {
          const args = o.copies ? [copy(staff), copy(inspections), copy(praise)] : [staff, inspections, praise];
          const got = await X.score(p.member.id, args[0] as Range, args[1] as Range, o.period, args[2], scheme.arg as Range);
          assert.equal(got, p.score, `${p.member.id} in ${o.period}`);
        }
      }), { numRuns: 150 });
    });
  });
});
