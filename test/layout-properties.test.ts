/**
 * Property test of §11 (office layouts): a random tidy office, laid out again the way clerks keep
 * it — merged titles and signature lines, departments merged down the column, written once per
 * group or as heading lines, subtotal rows, inspections split into month sheets, units in headers,
 * signs and words on points, ditto marks, dates without a year, a two-row header with points per
 * kind — gives the same people, winners, departments and deductions as the tidy office.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { discoverTables, type SheetLike } from '../src/engine/discover';
import { resultJson } from '../src/engine/json';
import { runSelection } from '../src/engine/select';
import type { Cell, MergedRange, TableInput, TableKey } from '../src/engine/types';

type Row = Cell[];

interface Sheet {
  name: string;
  rows: Row[];
  merges: MergedRange[];
}

const DEPARTMENTS = ['收费处', '药房', '检验科'];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨敏', '赵敏', '黄强', '周杰'];

interface Office {
  staff: { id: string; name: string; department: string }[];
  /** month, day, staff index, off-site, points */
  checks: { month: number; day: number; who: number; offsite: boolean; points: number }[];
  fines: { month: number; day: number; who: number; type: string; amount: number | null }[];
  praise: { month: number; day: number; who: number }[];
}

const officeArb: fc.Arbitrary<Office> = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 2, maxLength: NAMES.length }).chain((names) => {
  const people = fc.nat(names.length - 1);
  const date = { month: fc.integer({ min: 6, max: 10 }), day: fc.integer({ min: 1, max: 28 }) };
  return fc.record({
    staff: fc.tuple(...names.map(() => fc.constantFrom(...DEPARTMENTS))).map((departments) => names
      .map((name, i) => ({ id: `P${i + 10}`, name, department: departments[i] as string }))
      .sort((a, b) => DEPARTMENTS.indexOf(a.department) - DEPARTMENTS.indexOf(b.department))),
    checks: fc.array(fc.record({ ...date, who: people, offsite: fc.boolean(), points: fc.integer({ min: 0, max: 5 }) }), { maxLength: 12 }),
    fines: fc.array(fc.record({ ...date, who: people, type: fc.constantFrom('投诉', '罚款', '迟到'), amount: fc.option(fc.integer({ min: 10, max: 200 })) }), { maxLength: 5 }),
    praise: fc.array(fc.record({ ...date, who: people }), { maxLength: 5 }),
  });
});

interface Layout {
  staffTitle: boolean;
  departments: 'tidy' | 'merged' | 'once' | 'headings';
  signature: boolean;
  subtotals: boolean;
  months: boolean;
  units: boolean;
  signs: 'none' | 'minus' | 'words';
  ditto: boolean;
  yearless: boolean;
  kindColumns: boolean;
}

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  staffTitle: fc.boolean(),
  departments: fc.constantFrom('tidy', 'merged', 'once', 'headings'),
  signature: fc.boolean(),
  subtotals: fc.boolean(),
  months: fc.boolean(),
  units: fc.boolean(),
  signs: fc.constantFrom('none', 'minus', 'words'),
  ditto: fc.boolean(),
  yearless: fc.boolean(),
  kindColumns: fc.boolean(),
});

const iso = (month: number, day: number) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const across = (row: number, width: number): MergedRange => ({ top: row, left: 0, bottom: row, right: width - 1 });

function tidySheets(office: Office): Sheet[] {
  const person = (i: number) => office.staff[i % office.staff.length] as Office['staff'][number];
  return [
    { name: '人员名单', merges: [], rows: [['工号', '姓名', '科室'], ...office.staff.map((s) => [s.id, s.name, s.department])] },
    {
      name: '督导检查记录', merges: [], rows: [['日期', '工号', '姓名', '检查方式', '扣分'],
        ...office.checks.map((c) => [iso(c.month, c.day), person(c.who).id, person(c.who).name, c.offsite ? '非现场' : '现场', c.points])],
    },
    { name: '投诉及处罚记录', merges: [], rows: [['日期', '姓名', '类型', '金额'], ...office.fines.map((f) => [iso(f.month, f.day), person(f.who).name, f.type, f.amount])] },
    { name: '表扬记录', merges: [], rows: [['日期', '姓名'], ...office.praise.map((p) => [iso(p.month, p.day), person(p.who).name])] },
  ];
}

function staffSheet(office: Office, layout: Layout): Sheet {
  const rows: Row[] = [];
  const merges: MergedRange[] = [];
  const width = layout.departments === 'headings' ? 2 : 3;
  if (layout.staffTitle) {
    merges.push(across(rows.length, width));
    rows.push(['2026年窗口人员名单']);
  }
  rows.push(width === 2 ? ['工号', '姓名'] : ['工号', '姓名', '科室']);
  let previous = '';
  let runStart = -1;
  const closeRun = () => {
    if (layout.departments === 'merged' && runStart >= 0 && rows.length - 1 > runStart) merges.push({ top: runStart, left: 2, bottom: rows.length - 1, right: 2 });
  };
  for (const s of office.staff) {
    const first = s.department !== previous;
    if (first) {
      closeRun();
      runStart = rows.length;
      if (layout.departments === 'headings') {
        merges.push(across(rows.length, width));
        rows.push([s.department]);
        runStart = -1;
      }
    }
    previous = s.department;
    if (layout.departments === 'headings') rows.push([s.id, s.name]);
    else rows.push([s.id, s.name, layout.departments === 'tidy' || first ? s.department : null]);
  }
  closeRun();
  if (layout.signature) {
    merges.push(across(rows.length, width));
    rows.push(['制表人：王芳  审核人：李明']);
  }
  return { name: '人员名单', rows, merges };
}

/** The inspections as the clerk writes them: one sheet, or one per month. */
function inspectionSheets(office: Office, layout: Layout): Sheet[] {
  const data = (tidySheets(office)[1] as Sheet).rows.slice(1);
  const groups = layout.months
    ? [...new Set(office.checks.map((c) => c.month))].sort((a, b) => a - b).map((m) => ({ name: `${m}月督导检查`, rows: data.filter((_, i) => office.checks[i]?.month === m) }))
    : [{ name: '督导检查记录', rows: data }];
  if (groups.length === 0) groups.push({ name: '督导检查记录', rows: [] });
  return groups.map((g) => {
    const rows: Row[] = [];
    const merges: MergedRange[] = [];
    const width = 5;
    if (layout.kindColumns) {
      rows.push(['日期', '工号', '姓名', '扣分情况', null], [null, null, null, '现场', '非现场']);
      merges.push(...[0, 1, 2].map((c) => ({ top: 0, left: c, bottom: 1, right: c })), { top: 0, left: 3, bottom: 0, right: 4 });
    } else rows.push(['日期', '工号', '姓名', '检查方式', layout.units ? '扣分（分）' : '扣分']);
    let previousDate: string | null = null;
    g.rows.forEach((tidy, i) => {
      const [date, id, name, kind, points] = tidy as [string, string, string, string, number];
      const [, month, day] = date.split('-').map(Number) as [number, number, number];
      const dateCell = layout.ditto && previousDate === date ? '同上' : layout.yearless ? `${month}月${day}日` : date;
      const written = layout.signs === 'minus' && points > 0 ? -points : layout.signs === 'words' ? `扣${points}分` : points;
      const row: Row = layout.kindColumns ? [dateCell, id, name, kind === '现场' ? written : null, kind === '现场' ? null : written] : [dateCell, id, name, kind, written];
      rows.push(row);
      previousDate = date;
      if (layout.subtotals && i % 3 === 2) {
        rows.push(['小计', null, null, null, null]);
        merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: 2 });
      }
    });
    if (layout.signature) {
      merges.push(across(rows.length, width));
      rows.push(['备注：扣分以督导办通报为准']);
    }
    return { name: g.name, rows, merges };
  });
}

function clerkSheets(office: Office, layout: Layout): Sheet[] {
  const [, , fines, praise] = tidySheets(office) as [Sheet, Sheet, Sheet, Sheet];
  const finesRows = fines.rows.map((row, i) => {
    if (i === 0) return layout.units ? ['日期', '姓名', '类型', '金额(元)'] : row;
    const amount = row[3];
    return typeof amount === 'number' && layout.signs !== 'none' ? [row[0], row[1], row[2], layout.signs === 'minus' ? -amount : `罚款${amount}元`] : row;
  });
  return [staffSheet(office, layout), ...inspectionSheets(office, layout), { ...fines, rows: finesRows }, praise];
}

/** The engine's tables of a workbook, found as the command line and the task pane find them. */
function tablesOf(sheets: readonly Sheet[]): Partial<Record<TableKey, TableInput>> {
  const like: SheetLike[] = sheets.map((s) => ({ name: s.name, grid: s.rows, merges: s.merges }));
  const input = (s: Sheet) => ({ sheet: s.name, grid: s.rows, merges: s.merges });
  const out: Partial<Record<TableKey, TableInput>> = {};
  for (const choice of discoverTables(like)) {
    const [first, ...more] = choice.sheets.map((name) => sheets.find((s) => s.name === name) as Sheet);
    if (first) out[choice.table] = { ...input(first), moreSheets: more.map(input) };
  }
  return out;
}

function results(sheets: readonly Sheet[]) {
  const outcome = runSelection({ period: '2026Q3', tables: tablesOf(sheets) });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.errors.map((e) => e.message.en).join('; '));
  const j = resultJson(outcome.result, 'en');
  return { people: j.people, winners: j.winners, departments: j.departments, deductions: j.deductions };
}

describe('property: office layouts leave the results unchanged (§11)', () => {
  it('any mix of clerk layouts gives the tidy office\'s people, winners, departments and deductions', () => {
    fc.assert(fc.property(officeArb, layoutArb, (office, layout) => {
      assert.deepEqual(results(clerkSheets(office, layout)), results(tidySheets(office)));
    }), { numRuns: 150, seed: 20261201 });
  });
});
