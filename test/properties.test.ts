/**
 * Property tests of the rules engine (rules.md §1, §5, §6, §8, §10) with fast-check.
 *
 * The generators build an office the way offices really send them: a roster whose names repeat
 * across departments, ids written as numbers, text, full-width or padded, and record tables
 * with title rows, headers under any alias in any column order, blank rows, repeated header
 * rows, dates as serials, Date objects and year-first text (plus day-first and impossible dates),
 * bad numbers, unknown people, department-only rows, and dates in, before and after the period.
 *
 * Each generated row carries what it means (a day, a point count, whom it names), so the test
 * can work out on its own which rows the period uses and what they cost, and compare that with
 * what the engine says.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { resultJson, type ResultJson } from '../src/engine/json';
import { PRESETS, type SchemeParameters } from '../src/engine/scheme';
import { runSelection, type SelectionInput, type SelectionOutcome } from '../src/engine/select';
import type { Cell, TableInput, TableKey } from '../src/engine/types';
import { mulberry32 } from '../scripts/repeatable';

// =============================================================================================
// Small helpers (the test's own, written from the rules book, not the engine's)

type Row = Cell[];
type Grid = Row[];

const MS_PER_DAY = 86_400_000;
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const EXCEL_OFFSET = 25_569;

/** NFKC, all white space removed, case-folded (§1, §10). */
function norm(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

function isBlankCell(value: Cell): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.normalize('NFKC').trim() === '');
}

/** ASCII → full-width forms (`2026` → `２０２６`). */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function partsOf(d: number): { y: number; m: number; d: number } {
  const date = new Date(d * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const PRESET_IDS = PRESETS.map((p) => p.id);
const TOPN_PRESETS = new Set(PRESETS.filter((p) => p.parameters.topN !== null && p.parameters.topN > 0).map((p) => p.id));

function parametersOf(id: string): SchemeParameters {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset.parameters;
}

// =============================================================================================
// Periods

interface PeriodSpec {
  text: string;
  first: number;
  last: number;
}

const PERIODS: PeriodSpec[] = [
  { text: '2026Q3', first: day(2026, 7, 1), last: day(2026, 9, 30) },
  { text: '2026年第三季度', first: day(2026, 7, 1), last: day(2026, 9, 30) },
  { text: '2026-Q3', first: day(2026, 7, 1), last: day(2026, 9, 30) },
  { text: '2026-07', first: day(2026, 7, 1), last: day(2026, 7, 31) },
  { text: '2026年8月', first: day(2026, 8, 1), last: day(2026, 8, 31) },
  { text: '2026-09', first: day(2026, 9, 1), last: day(2026, 9, 30) },
  { text: '2026H2', first: day(2026, 7, 1), last: day(2026, 12, 31) },
  { text: '2026年下半年', first: day(2026, 7, 1), last: day(2026, 12, 31) },
  { text: '2026', first: day(2026, 1, 1), last: day(2026, 12, 31) },
];

const periodArb = fc.constantFrom(...PERIODS);

// =============================================================================================
// Dates: a day written in one of the forms the rules book accepts, or a cell that is no date

const DATE_FORMS = ['serial', 'serialTime', 'date', 'dateTime', 'iso', 'slash', 'dot', 'zh', 'compact', 'fullWidth', 'isoTime', 'padded'] as const;
type DateForm = (typeof DATE_FORMS)[number];

type DateSpec = { ok: true; day: number; form: DateForm } | { ok: false; cell: Cell };

const BAD_DATES: Cell[] = ['05/07/2026', '7/5/2026', '2026-13-01', '2026-02-30', '2026年7月', '明天', 'N/A', true, -5, 0, 60, null, '', '  '];

const dayArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: day(2026, 7, 1), max: day(2026, 9, 30) }) },
  { weight: 3, arbitrary: fc.integer({ min: day(2026, 1, 1), max: day(2026, 12, 31) }) },
  { weight: 1, arbitrary: fc.integer({ min: day(2025, 11, 1), max: day(2027, 1, 31) }) },
  { weight: 1, arbitrary: fc.constantFrom(day(2026, 6, 30), day(2026, 7, 1), day(2026, 7, 31), day(2026, 8, 1), day(2026, 9, 30), day(2026, 10, 1), day(2025, 12, 31), day(2026, 1, 1)) },
);

const dateArb: fc.Arbitrary<DateSpec> = fc.oneof(
  { weight: 14, arbitrary: fc.record({ ok: fc.constant(true as const), day: dayArb, form: fc.constantFrom(...DATE_FORMS) }) },
  { weight: 1, arbitrary: fc.record({ ok: fc.constant(false as const), cell: fc.constantFrom(...BAD_DATES) }) },
);

function renderDay(d: number, form: DateForm): Cell {
  const { y, m, d: dd } = partsOf(d);
  const iso = `${y}-${pad2(m)}-${pad2(dd)}`;
  switch (form) {
    case 'serial': return d + EXCEL_OFFSET;
    case 'serialTime': return d + EXCEL_OFFSET + 0.6875;
    case 'date': return new Date(d * MS_PER_DAY);
    case 'dateTime': return new Date(d * MS_PER_DAY + 9.5 * 3_600_000);
    case 'iso': return iso;
    case 'slash': return `${y}/${m}/${dd}`;
    case 'dot': return `${y}.${m}.${dd}`;
    case 'zh': return `${y}年${m}月${dd}日`;
    case 'compact': return `${y}${pad2(m)}${pad2(dd)}`;
    case 'fullWidth': return fullWidth(iso);
    case 'isoTime': return `${iso} 08:30`;
    case 'padded': return `  ${iso}\u3000`;
  }
}

const renderDate = (spec: DateSpec): Cell => (spec.ok ? renderDay(spec.day, spec.form) : spec.cell);

// =============================================================================================
// The roster

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨敏'];
const DEPARTMENTS = ['导医台', '门诊收费室', '药房', '检验科'];
const ACTIVE_WORDS: Cell[] = [null, '', '在岗', '是', 'Y', true, 'TRUE', 1, '离岗', '离职', '调离', '否', 'N', false, 0];

interface MemberSpec {
  k: 'member';
  name: string;
  nameForm: number;
  department: string;
  idForm: number;
  active: Cell;
  since: Cell;
}

type StaffRowSpec =
  | MemberSpec
  | { k: 'blank'; cells: Row }
  | { k: 'header' }
  | { k: 'noId'; name: string; department: string }
  | { k: 'noName'; department: string };

interface StaffSpec {
  idStyle: 'number' | 'letters';
  headers: Header[];
  prefix: Row[];
  rows: StaffRowSpec[];
  trailing: Row[];
  firstRow: number;
}

/** One column of a generated table: which field, and the header text written for it. */
interface Header {
  field: string;
  text: string;
}

const blankRowArb: fc.Arbitrary<Row> = fc.oneof(
  fc.constant<Row>([]),
  fc.array(fc.constantFrom<Cell>(null, '', ' ', '\u3000', '  \t'), { minLength: 1, maxLength: 8 }),
);

const prefixArb: fc.Arbitrary<Row[]> = fc.array(
  fc.oneof(blankRowArb, fc.constantFrom<Row>(['2026年窗口服务记录'], [null, '制表：办公室'])),
  { maxLength: 2 },
);

function headerText(alias: string, decoration: number): string {
  switch (decoration % 4) {
    case 1: return ` ${alias} `;
    case 2: return `${alias}\u3000`;
    case 3: return /^[A-Za-z ]+$/u.test(alias) ? fullWidth(alias.replace(/ /gu, '')) : alias;
    default: return alias;
  }
}

/** Header cells for the required fields, some optional ones, in any order, under any alias. */
function headersArb(aliases: Readonly<Record<string, readonly string[]>>, required: readonly string[], optional: readonly string[],
  atLeastOne: readonly string[] = []): fc.Arbitrary<Header[]> {
  const someOf = fc.subarray([...atLeastOne], { minLength: atLeastOne.length > 0 ? 1 : 0 });
  const persons = fc.oneof({ weight: 2, arbitrary: fc.constant([...atLeastOne]) }, { weight: 1, arbitrary: someOf });
  return fc.tuple(fc.subarray([...optional]), persons).chain(([opt, one]) => {
    const fields = [...required, ...one, ...opt];
    return fc.tuple(
      fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length }),
      fc.tuple(...fields.map((f) => fc.tuple(fc.constantFrom(...(aliases[f] ?? [f])), fc.nat(7)))),
      fc.boolean(),
    ).map(([order, texts, extra]) => {
      const textOf = new Map(fields.map((f, i) => {
        const [alias, decoration] = texts[i] as [string, number];
        return [f, headerText(alias, decoration)];
      }));
      const headers = order.map((field) => ({ field, text: textOf.get(field) as string }));
      if (extra) headers.splice(Math.min(1, headers.length), 0, { field: 'note', text: '备注' });
      return headers;
    });
  });
}

const ALIASES: Record<string, readonly string[]> = {
  id: ['工号', '员工编号', '职工号', '编号', 'ID'],
  name: ['姓名', '名字', 'Name', '姓 名'],
  department: ['科室', '部门', '窗口', '所在科室', 'Department'],
  active: ['在岗', '在岗状态', '状态', 'Active'],
  windowSince: ['窗口工作起始日期', '上岗日期', 'Start date'],
  date: ['日期', '检查日期', 'Date'],
  item: ['检查项目', '项目', '问题', '违规内容', 'Item'],
  kind: ['检查方式', '方式', 'Kind'],
  points: ['扣分', '分值', 'Points'],
  result: ['结果', 'Result'],
  type: ['类型', 'Type'],
  severity: ['程度', '情节', '严重程度', 'Severity'],
  amount: ['金额', '扣款', '罚款金额', 'Amount'],
  valid: ['是否有效', '核实', 'Valid'],
  reason: ['事由', '说明', 'Reason'],
  source: ['来源', 'Source'],
  month: ['月份', 'Month'],
  evaluations: ['评价数', '参评数', 'Evaluations'],
  satisfied: ['满意数', 'Satisfied'],
  rate: ['满意率', 'Rate'],
  served: ['服务人次', 'Served'],
  period: ['季度', '期间', 'Period'],
};
const PRAISE_ALIASES: Record<string, readonly string[]> = { ...ALIASES, points: ['加分', '分值', 'Points'] };

const memberArb: fc.Arbitrary<MemberSpec> = fc.record({
  k: fc.constant('member' as const),
  name: fc.constantFrom(...NAMES),
  nameForm: fc.nat(5),
  department: fc.constantFrom(...DEPARTMENTS),
  idForm: fc.nat(3),
  active: fc.oneof({ weight: 4, arbitrary: fc.constant<Cell>('在岗') }, { weight: 3, arbitrary: fc.constantFrom(...ACTIVE_WORDS) }),
  since: fc.oneof(
    fc.integer({ min: day(2019, 1, 1), max: day(2026, 12, 31) }).map((d): Cell => d + EXCEL_OFFSET),
    fc.constantFrom<Cell>(null, '2024-07-01', '2024/9/30', '不详'),
  ),
});

const staffRowArb: fc.Arbitrary<StaffRowSpec> = fc.oneof(
  { weight: 12, arbitrary: memberArb },
  { weight: 1, arbitrary: blankRowArb.map((cells) => ({ k: 'blank' as const, cells })) },
  { weight: 1, arbitrary: fc.constant({ k: 'header' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('noId' as const), name: fc.constantFrom(...NAMES), department: fc.constantFrom(...DEPARTMENTS) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('noName' as const), department: fc.constantFrom(...DEPARTMENTS) }) },
);

const staffArb: fc.Arbitrary<StaffSpec> = fc.record({
  idStyle: fc.constantFrom('number' as const, 'letters' as const),
  headers: headersArb(ALIASES, ['id', 'name', 'department'], ['active', 'windowSince']),
  prefix: prefixArb,
  rows: fc.array(staffRowArb, { minLength: 0, maxLength: 14, size: 'medium' }),
  trailing: fc.array(blankRowArb, { maxLength: 2 }),
  firstRow: fc.integer({ min: 1, max: 3 }),
});

/** A member of the roster as the test sees it. */
interface Member {
  /** Index among the member rows (what record rows point at). */
  index: number;
  idKey: string;
  /** The id in its plain form (`8003`, `H003`) and the cell written in the roster. */
  plainId: string;
  name: string;
  department: string;
}

function plainIdOf(style: StaffSpec['idStyle'], index: number): string {
  return style === 'number' ? String(8001 + index) : `H${String(index + 1).padStart(3, '0')}`;
}

/** An id written in one of the ways people write it: a number, text, full-width, padded, lower case. */
function renderId(plain: string, form: number): Cell {
  switch (form % 4) {
    case 0: return /^\d+$/u.test(plain) ? Number(plain) : plain.toLowerCase();
    case 1: return plain;
    case 2: return fullWidth(plain);
    default: return ` ${plain}\u3000`;
  }
}

function renderName(name: string, form: number): string {
  switch (form % 4) {
    case 1: return `${name.slice(0, 1)} ${name.slice(1)}`;
    case 2: return `${name}\u3000`;
    case 3: return ` ${name}`;
    default: return name;
  }
}

interface Table {
  input: TableInput;
  headerIndex: number;
}

function rowFrom(headers: readonly Header[], values: Readonly<Record<string, Cell>>): Row {
  return headers.map((h) => values[h.field] ?? null);
}

function headerRow(headers: readonly Header[]): Row {
  return headers.map((h) => h.text);
}

interface RosterModel {
  members: Member[];
  table: Table;
  /** Expected row accounting. */
  expect: Accounting;
  /** Grid index of each rejected row. */
  rejectedRows: number[];
}

interface Accounting {
  rows: number;
  used: number;
  outOfPeriod: number;
  skippedBlank: number;
  rejected: number;
}

/** Counts the rows between the header and the last non-blank row (§10), given each row's fate. */
function account(grid: Grid, headerIndex: number, fateOf: (gridIndex: number) => 'used' | 'out' | 'rejected'): { expect: Accounting; rejectedRows: number[] } {
  let end = grid.length;
  while (end > headerIndex + 1 && (grid[end - 1] ?? []).every(isBlankCell)) end--;
  const expect: Accounting = { rows: end - headerIndex - 1, used: 0, outOfPeriod: 0, skippedBlank: 0, rejected: 0 };
  const rejectedRows: number[] = [];
  for (let i = headerIndex + 1; i < end; i++) {
    if ((grid[i] ?? []).every(isBlankCell)) {
      expect.skippedBlank++;
      continue;
    }
    const fate = fateOf(i);
    if (fate === 'used') expect.used++;
    else if (fate === 'out') expect.outOfPeriod++;
    else {
      expect.rejected++;
      rejectedRows.push(i);
    }
  }
  return { expect, rejectedRows };
}

function buildRoster(spec: StaffSpec): RosterModel {
  const members: Member[] = [];
  const grid: Grid = [...spec.prefix, headerRow(spec.headers)];
  const headerIndex = spec.prefix.length;
  const fate = new Map<number, 'used' | 'rejected'>();
  let extra = 0;
  for (const r of spec.rows) {
    const gridIndex = grid.length;
    switch (r.k) {
      case 'member': {
        const index = members.length;
        const plainId = plainIdOf(spec.idStyle, index);
        grid.push(rowFrom(spec.headers, {
          id: renderId(plainId, r.idForm), name: renderName(r.name, r.nameForm), department: r.department, active: r.active, windowSince: r.since,
        }));
        members.push({ index, idKey: norm(plainId), plainId, name: r.name, department: r.department });
        fate.set(gridIndex, 'used');
        break;
      }
      case 'blank':
        grid.push(r.cells);
        break;
      case 'header':
        grid.push(headerRow(spec.headers));
        fate.set(gridIndex, 'rejected');
        break;
      case 'noId':
        grid.push(rowFrom(spec.headers, { id: null, name: r.name, department: r.department, active: '在岗' }));
        fate.set(gridIndex, 'rejected');
        break;
      case 'noName':
        grid.push(rowFrom(spec.headers, { id: `Z${++extra}`, name: '  ', department: r.department }));
        fate.set(gridIndex, 'rejected');
        break;
    }
  }
  grid.push(...spec.trailing);
  const { expect, rejectedRows } = account(grid, headerIndex, (i) => fate.get(i) ?? 'rejected');
  return {
    members,
    table: { input: { sheet: '人员名单', grid, firstRow: spec.firstRow }, headerIndex },
    expect,
    rejectedRows,
  };
}

// =============================================================================================
// Whom a record names

type IdRef = { k: 'none'; cell: Cell } | { k: 'member'; i: number; form: number } | { k: 'unknown'; cell: Cell };
type NameRef = { k: 'none'; cell: Cell } | { k: 'member'; i: number; form: number } | { k: 'pool'; name: string } | { k: 'unknown' };
type DeptRef = { k: 'none'; cell: Cell } | { k: 'member'; i: number; form: number } | { k: 'pool'; department: string } | { k: 'unknown' };

interface WhoSpec {
  id: IdRef;
  name: NameRef;
  department: DeptRef;
}

const noneCellArb = fc.constantFrom<Cell>(null, '', ' ');

/** Any combination of id, name and department: right, blank, someone else's, or nobody's. */
const messyWhoArb: fc.Arbitrary<WhoSpec> = fc.record({
  id: fc.oneof(
    { weight: 4, arbitrary: fc.record({ k: fc.constant('member' as const), i: fc.nat(40), form: fc.nat(3) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('none' as const), cell: noneCellArb }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('unknown' as const), cell: fc.constantFrom<Cell>('X404', 9999, 'H999') }) },
  ),
  name: fc.oneof(
    { weight: 3, arbitrary: fc.record({ k: fc.constant('member' as const), i: fc.nat(40), form: fc.nat(3) }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('none' as const), cell: noneCellArb }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('pool' as const), name: fc.constantFrom(...NAMES) }) },
    { weight: 1, arbitrary: fc.constant({ k: 'unknown' as const }) },
  ),
  department: fc.oneof(
    { weight: 2, arbitrary: fc.record({ k: fc.constant('member' as const), i: fc.nat(40), form: fc.nat(2) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('none' as const), cell: noneCellArb }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('pool' as const), department: fc.constantFrom(...DEPARTMENTS) }) },
    { weight: 1, arbitrary: fc.constant({ k: 'unknown' as const }) },
  ),
});

/** One staff member named consistently: by id, by name, by both, with or without the department (or the department alone). */
const consistentWhoArb: fc.Arbitrary<WhoSpec> = fc.nat(40).chain((i) => fc.record({
  id: fc.oneof(
    { weight: 2, arbitrary: fc.record({ k: fc.constant('member' as const), i: fc.constant(i), form: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('none' as const), cell: noneCellArb }) },
  ),
  name: fc.oneof(
    fc.record({ k: fc.constant('member' as const), i: fc.constant(i), form: fc.nat(3) }),
    fc.record({ k: fc.constant('none' as const), cell: noneCellArb }),
  ),
  department: fc.oneof(
    fc.record({ k: fc.constant('member' as const), i: fc.constant(i), form: fc.nat(2) }),
    fc.record({ k: fc.constant('none' as const), cell: noneCellArb }),
  ),
}));

const whoArb: fc.Arbitrary<WhoSpec> = fc.oneof({ weight: 3, arbitrary: consistentWhoArb }, { weight: 2, arbitrary: messyWhoArb });

function memberAt(members: readonly Member[], i: number): Member | null {
  return members.length === 0 ? null : members[i % members.length] ?? null;
}

function renderWho(who: WhoSpec, members: readonly Member[]): { id: Cell; name: Cell; department: Cell } {
  let id: Cell = null;
  if (who.id.k === 'member') {
    const m = memberAt(members, who.id.i);
    id = m ? renderId(m.plainId, who.id.form) : null;
  } else id = who.id.cell;
  let name: Cell = null;
  switch (who.name.k) {
    case 'member': {
      const m = memberAt(members, who.name.i);
      name = m ? renderName(m.name, who.name.form) : null;
      break;
    }
    case 'none': name = who.name.cell; break;
    case 'pool': name = who.name.name; break;
    case 'unknown': name = '无名氏'; break;
  }
  let department: Cell = null;
  switch (who.department.k) {
    case 'member': {
      const m = memberAt(members, who.department.i);
      department = m ? (who.department.form === 1 ? ` ${m.department} ` : m.department) : null;
      break;
    }
    case 'none': department = who.department.cell; break;
    case 'pool': department = who.department.department; break;
    case 'unknown': department = '保卫科'; break;
  }
  return { id, name, department };
}

type Resolved = { k: 'member'; member: Member } | { k: 'department'; department: string } | { k: 'rejected' };

/**
 * Whom the written id / name / department mean, by §1 and §10: the id first (an id not on the
 * roster falls back to the name), a name shared by several staff told apart by the department,
 * a department alone is a department record.
 */
function resolveWho(cells: { id: Cell; name: Cell; department: Cell }, members: readonly Member[], allowDepartment: boolean): Resolved {
  const idKey = norm(typeof cells.id === 'number' && Number.isInteger(cells.id) ? String(cells.id) : cells.id);
  const nameKey = norm(cells.name);
  const deptKey = norm(cells.department);
  const byName = (): Resolved => {
    const same = members.filter((m) => norm(m.name) === nameKey);
    if (same.length === 1) return { k: 'member', member: same[0] as Member };
    if (same.length === 0 || deptKey === '') return { k: 'rejected' };
    const inDept = same.filter((m) => norm(m.department) === deptKey);
    return inDept.length === 1 ? { k: 'member', member: inDept[0] as Member } : { k: 'rejected' };
  };
  if (idKey !== '') {
    const m = members.find((x) => x.idKey === idKey);
    if (m) return { k: 'member', member: m };
    return nameKey === '' ? { k: 'rejected' } : byName();
  }
  if (nameKey !== '') return byName();
  if (deptKey === '' || !allowDepartment) return { k: 'rejected' };
  const department = members.find((m) => norm(m.department) === deptKey)?.department;
  return department === undefined ? { k: 'rejected' } : { k: 'department', department };
}

// =============================================================================================
// Numbers

type NumberSpec = { k: 'blank'; cell: Cell } | { k: 'num'; value: number; form: number } | { k: 'bad'; cell: Cell };

function renderNumber(spec: NumberSpec, unit: string): Cell {
  if (spec.k !== 'num') return spec.cell;
  const v = spec.value;
  switch (spec.form % 6) {
    case 0: return v;
    case 1: return String(v);
    case 2: return `${v}${unit}`;
    case 3: return fullWidth(String(v));
    case 4: return ` ${v} `;
    default: return unit === '元' && v >= 1000 ? `¥${v.toLocaleString('en-US')}` : unit === '元' ? `¥${v}` : `${v}${unit}`;
  }
}

const numberArb = (values: readonly number[], bad: readonly Cell[]): fc.Arbitrary<NumberSpec> => fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('num' as const), value: fc.constantFrom(...values), form: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('blank' as const), cell: noneCellArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('bad' as const), cell: fc.constantFrom(...bad) }) },
);

const BAD_NUMBERS: Cell[] = ['abc', '三分', '1.2.3', '--', true, '5点', new Date(Date.UTC(2026, 6, 5))];

const numberValue = (spec: NumberSpec): number | null => (spec.k === 'num' ? spec.value : null);

// =============================================================================================
// Record tables

type RecordRow<D> = { k: 'blank'; cells: Row } | { k: 'header' } | { k: 'data'; data: D };

const recordRowsArb = <D>(data: fc.Arbitrary<D>, max: number): fc.Arbitrary<RecordRow<D>[]> => fc.array(fc.oneof(
  { weight: 16, arbitrary: data.map((d) => ({ k: 'data' as const, data: d })) },
  { weight: 1, arbitrary: blankRowArb.map((cells) => ({ k: 'blank' as const, cells })) },
  { weight: 1, arbitrary: fc.constant({ k: 'header' as const }) },
), { maxLength: max, size: 'medium' });

interface TableSpec<D> {
  headers: Header[];
  prefix: Row[];
  rows: RecordRow<D>[];
  trailing: Row[];
  firstRow: number;
}

const tableSpecArb = <D>(headers: fc.Arbitrary<Header[]>, data: fc.Arbitrary<D>, max: number): fc.Arbitrary<TableSpec<D>> => fc.record({
  headers, prefix: prefixArb, rows: recordRowsArb(data, max), trailing: fc.array(blankRowArb, { maxLength: 2 }), firstRow: fc.integer({ min: 1, max: 3 }),
});

/** Renders a record table; `cellsOf` gives a data row's cells by field. */
function renderTable<D>(sheet: string, spec: TableSpec<D>, cellsOf: (d: D) => Record<string, Cell>): { table: Table; data: Map<number, D> } {
  const grid: Grid = [...spec.prefix, headerRow(spec.headers)];
  const headerIndex = spec.prefix.length;
  const data = new Map<number, D>();
  for (const r of spec.rows) {
    if (r.k === 'blank') grid.push(r.cells);
    else if (r.k === 'header') grid.push(headerRow(spec.headers));
    else {
      data.set(grid.length, r.data);
      grid.push(rowFrom(spec.headers, cellsOf(r.data)));
    }
  }
  grid.push(...spec.trailing);
  return { table: { input: { sheet, grid, firstRow: spec.firstRow }, headerIndex }, data };
}

// --- Inspections

interface InspectionSpec {
  date: DateSpec;
  who: WhoSpec;
  points: NumberSpec;
  result: Cell;
  kind: Cell;
  item: Cell;
}

const inspectionArb: fc.Arbitrary<InspectionSpec> = fc.record({
  date: dateArb,
  who: whoArb,
  points: numberArb([0, 0.5, 1, 1, 2, 3, 5, 0.1, 0.2, 0.3], BAD_NUMBERS),
  result: fc.constantFrom<Cell>('违规', '违规', '不合格', '扣分', '合格', '通过', '无', '', null, '待定'),
  kind: fc.constantFrom<Cell>('现场', '暗访', '非现场', '监控', '调取监控', '录像', null, '其他'),
  item: fc.constantFrom<Cell>('仪容仪表', '服务用语', '脱岗', null),
});

const inspectionsHeadersArb = headersArb(ALIASES, ['date'], ['item', 'kind', 'points', 'result'], ['id', 'name', 'department']);

// --- Fines

interface FineSpec {
  date: DateSpec;
  who: WhoSpec;
  type: Cell;
  severity: Cell;
  amount: NumberSpec;
  valid: Cell;
}

const fineArb: fc.Arbitrary<FineSpec> = fc.record({
  date: dateArb,
  who: whoArb,
  type: fc.constantFrom<Cell>('投诉', '患者投诉', '差错', '通报', '罚款', '迟到', '其他', '', null, '停车费'),
  severity: fc.constantFrom<Cell>('轻微', '一般', '严重', 'minor', 'Severe', '', null, '特别严重'),
  amount: numberArb([20, 50, 100, 150, 200, 300, 1200], ['五十元', 'abc', true, '50块']),
  valid: fc.constantFrom<Cell>('有效', '是', null, '', '无效', '否', '不属实', 'N', 'FALSE', false, true, 0, '0', '属实'),
});

const finesHeadersArb = headersArb(ALIASES, ['date'], ['type', 'severity', 'amount', 'valid', 'reason'], ['id', 'name', 'department']);

// --- Praise, satisfaction, recommendations (no exact model: row accounting and invariants only)

interface PraiseSpec {
  date: DateSpec;
  who: WhoSpec;
  points: NumberSpec;
  source: Cell;
}

const praiseArb: fc.Arbitrary<PraiseSpec> = fc.record({
  date: dateArb,
  who: whoArb,
  points: numberArb([1, 1, 2, 0.5], BAD_NUMBERS),
  source: fc.constantFrom<Cell>('患者点名表扬', '锦旗', '感谢信', null),
});

const praiseHeadersArb = headersArb(PRAISE_ALIASES, ['date'], ['department', 'source', 'points'], ['id', 'name']);

/** Rates as offices write them; their sums are not exact in binary, so row order must not matter (§6). */
const RATES: Cell[] = ['100%', '97%', 0.93, 95, '99.5%', 0.875, '80%', 0.97];

interface SatisfactionSpec {
  month: Cell;
  who: WhoSpec;
  evaluations: Cell;
  satisfied: Cell;
  rate: Cell;
  served: Cell;
}

const satisfactionArb: fc.Arbitrary<SatisfactionSpec> = fc.record({
  month: fc.oneof(
    fc.constantFrom<Cell>(7, 8, 9, '7月', '2026-07', '2026年8月', '202609', '2025-12', 13, '十三月', 'xx', null),
    dayArb.map((d): Cell => d + EXCEL_OFFSET),
    dayArb.map((d): Cell => new Date(d * MS_PER_DAY)),
  ),
  who: whoArb,
  evaluations: fc.constantFrom<Cell>(100, 200, '50', null, 'n/a'),
  satisfied: fc.constantFrom<Cell>(100, 96, 90, '45', null),
  rate: fc.constantFrom<Cell>(...RATES, null),
  served: fc.constantFrom<Cell>(100, 200, 400, null),
});

const satisfactionHeadersArb = headersArb(ALIASES, ['month'], ['department', 'evaluations', 'satisfied', 'rate', 'served'], ['id', 'name']);

interface RecommendationSpec {
  period: Cell;
  who: WhoSpec;
}

const recommendationArb: fc.Arbitrary<RecommendationSpec> = fc.record({
  period: fc.oneof(
    fc.constantFrom<Cell>('2026Q3', '2026年第三季度', '2026-07', '2026-08', '2026Q2', '2026', '2026H2', 'xx', null),
    dayArb.map((d): Cell => d + EXCEL_OFFSET),
  ),
  who: whoArb,
});

const recommendationsHeadersArb = headersArb(ALIASES, ['period'], ['department'], ['id', 'name']);

// =============================================================================================
// A whole office

interface OfficeSpec {
  staff: StaffSpec;
  inspections: TableSpec<InspectionSpec> | null;
  fines: TableSpec<FineSpec> | null;
  praise: TableSpec<PraiseSpec> | null;
  satisfaction: TableSpec<SatisfactionSpec> | null;
  recommendations: TableSpec<RecommendationSpec> | null;
}

const officeArb: fc.Arbitrary<OfficeSpec> = fc.record({
  staff: staffArb,
  inspections: fc.option(tableSpecArb(inspectionsHeadersArb, inspectionArb, 30), { freq: 8 }),
  fines: fc.option(tableSpecArb(finesHeadersArb, fineArb, 15), { freq: 6 }),
  praise: fc.option(tableSpecArb(praiseHeadersArb, praiseArb, 10), { freq: 3 }),
  satisfaction: fc.option(tableSpecArb(satisfactionHeadersArb, satisfactionArb, 10), { freq: 3 }),
  recommendations: fc.option(tableSpecArb(recommendationsHeadersArb, recommendationArb, 6), { freq: 2 }),
});

interface Office {
  roster: RosterModel;
  tables: Partial<Record<TableKey, Table>>;
  inspections: Map<number, InspectionSpec>;
  fines: Map<number, FineSpec>;
}

function buildOffice(spec: OfficeSpec): Office {
  const roster = buildRoster(spec.staff);
  const m = roster.members;
  const tables: Partial<Record<TableKey, Table>> = { staff: roster.table };
  let inspections = new Map<number, InspectionSpec>();
  let fines = new Map<number, FineSpec>();
  if (spec.inspections) {
    const t = renderTable('督导检查记录', spec.inspections, (d) => ({
      date: renderDate(d.date), ...renderWho(d.who, m), points: renderNumber(d.points, '分'), result: d.result, kind: d.kind, item: d.item,
    }));
    tables.inspections = t.table;
    inspections = t.data;
  }
  if (spec.fines) {
    const t = renderTable('投诉及处罚记录', spec.fines, (d) => ({
      date: renderDate(d.date), ...renderWho(d.who, m), type: d.type, severity: d.severity, amount: renderNumber(d.amount, '元'), valid: d.valid,
      reason: '窗口服务',
    }));
    tables.fines = t.table;
    fines = t.data;
  }
  if (spec.praise) {
    tables.praise = renderTable('表扬记录', spec.praise, (d) => ({
      date: renderDate(d.date), ...renderWho(d.who, m), points: renderNumber(d.points, '分'), source: d.source,
    })).table;
  }
  if (spec.satisfaction) {
    tables.satisfaction = renderTable('满意度', spec.satisfaction, (d) => ({
      month: d.month, ...renderWho(d.who, m), evaluations: d.evaluations, satisfied: d.satisfied, rate: d.rate, served: d.served,
    })).table;
  }
  if (spec.recommendations) {
    tables.recommendations = renderTable('推荐名单', spec.recommendations, (d) => ({ period: d.period, ...renderWho(d.who, m) })).table;
  }
  return { roster, tables, inspections, fines };
}

function inputsOf(tables: Partial<Record<TableKey, Table>>): SelectionInput['tables'] {
  const out: SelectionInput['tables'] = {};
  for (const [key, t] of Object.entries(tables) as [TableKey, Table][]) out[key] = t.input;
  return out;
}

function run(office: Office, period: string, scheme: string, overrides?: Record<string, unknown>): SelectionOutcome {
  return runSelection({ period, scheme, overrides, tables: inputsOf(office.tables) });
}

function mustRun(office: Office, period: string, scheme: string, overrides?: Record<string, unknown>) {
  const outcome = run(office, period, scheme, overrides);
  if (!outcome.ok) assert.fail(`the run failed: ${outcome.errors.map((e) => `${e.code} ${e.message.en}`).join('; ')}`);
  return outcome.result;
}

// =============================================================================================
// The test's own reading of the inspections and fines (§1, §3, §5, §10)

const VIOLATION_WORDS = new Set(['违规', '不合格', '扣分']);
const PASS_WORDS = new Set(['合格', '通过', '无']);
const INVALID_WORDS = new Set(['无效', '否', '不属实', 'n', 'false', '0']);
const OFFSITE_WORDS = new Set(['非现场', '监控', '调取监控', '录像']);
const VETO_WORDS = new Set(['投诉', '患者投诉', '群众投诉', '科室投诉', '临床科室投诉', '有效投诉', '差错', '事故', '纠纷', '违纪', '媒体曝光', '暗访通报', '通报']);
const SEVERITY_YUAN: Record<string, number> = { 轻微: 50, minor: 50, 一般: 100, moderate: 100, 严重: 200, severe: 200 };

interface Expected {
  accounting: Partial<Record<TableKey, { expect: Accounting; rejectedRows: number[]; table: Table }>>;
  /** Per staff member (id key): violations in the period and their points by kind (§3). */
  perPerson: Map<string, { violations: number; onsite: number; offsite: number }>;
  /** Id keys of staff with a valid veto-type fines row in the period (§4 COMPLAINT). */
  complaint: Set<string>;
  violations: number;
  violationYuan: number;
  complaints: number;
  complaintYuan: number;
}

/** The person cells of a grid row, read by the layout the generator wrote (not by header matching). */
function whoCells(headers: readonly Header[], row: readonly Cell[]): { id: Cell; name: Cell; department: Cell } {
  const at = (field: string): Cell => {
    const i = headers.findIndex((h) => h.field === field);
    return i < 0 ? null : row[i] ?? null;
  };
  return { id: at('id'), name: at('name'), department: at('department') };
}

/**
 * What the test expects of the staff, inspections and fines tables: each row's fate (§10: the
 * date, then the numbers, then the period, then the person) and the money of the used rows (§5).
 */
function expectationFor(spec: OfficeSpec, office: Office, period: PeriodSpec, parameters: SchemeParameters): Expected {
  const members = office.roster.members;
  const out: Expected = {
    accounting: { staff: { expect: office.roster.expect, rejectedRows: office.roster.rejectedRows, table: office.roster.table } },
    perPerson: new Map(), complaint: new Set(), violations: 0, violationYuan: 0, complaints: 0, complaintYuan: 0,
  };
  const inPeriod = (d: number) => d >= period.first && d <= period.last;
  const inspections = office.tables.inspections;
  if (spec.inspections && inspections) {
    const headers = spec.inspections.headers;
    const fields = new Set(headers.map((h) => h.field));
    const grid = inspections.input.grid as Grid;
    const fate = (i: number): 'used' | 'out' | 'rejected' => {
      const s = office.inspections.get(i);
      if (!s || !s.date.ok || (s.points.k === 'bad' && fields.has('points'))) return 'rejected';
      if (!inPeriod(s.date.day)) return 'out';
      const who = resolveWho(whoCells(headers, grid[i] ?? []), members, true);
      if (who.k === 'rejected') return 'rejected';
      const points = fields.has('points') ? numberValue(s.points) : null;
      const resultKey = fields.has('result') ? norm(s.result) : '';
      const violation = VIOLATION_WORDS.has(resultKey) ? true : PASS_WORDS.has(resultKey) ? false : points === null || points !== 0;
      if (violation) {
        out.violations++;
        out.violationYuan += parameters.yuanPerViolation + (points ?? parameters.violationPoints) * parameters.yuanPerPoint;
        if (who.k === 'member') {
          const mine = out.perPerson.get(who.member.idKey) ?? { violations: 0, onsite: 0, offsite: 0 };
          mine.violations++;
          const offsite = fields.has('kind') && OFFSITE_WORDS.has(norm(s.kind));
          mine[offsite ? 'offsite' : 'onsite'] += points ?? parameters.violationPoints;
          out.perPerson.set(who.member.idKey, mine);
        }
      }
      return 'used';
    };
    out.accounting.inspections = { ...account(grid, inspections.headerIndex, fate), table: inspections };
  }
  const fines = office.tables.fines;
  if (spec.fines && fines) {
    const headers = spec.fines.headers;
    const fields = new Set(headers.map((h) => h.field));
    const grid = fines.input.grid as Grid;
    const fate = (i: number): 'used' | 'out' | 'rejected' => {
      const s = office.fines.get(i);
      if (!s || !s.date.ok || (s.amount.k === 'bad' && fields.has('amount'))) return 'rejected';
      if (!inPeriod(s.date.day)) return 'out';
      const who = resolveWho(whoCells(headers, grid[i] ?? []), members, true);
      if (who.k === 'rejected') return 'rejected';
      const validCell = fields.has('valid') ? s.valid : null;
      const valid = typeof validCell === 'boolean' ? validCell : !INVALID_WORDS.has(norm(validCell));
      if (valid) {
        const amount = fields.has('amount') ? numberValue(s.amount) : null;
        const severity = fields.has('severity') ? SEVERITY_YUAN[norm(s.severity)] : undefined;
        out.complaints++;
        out.complaintYuan += amount ?? severity ?? parameters.defaultComplaintYuan;
        const type = fields.has('type') ? norm(s.type) : '';
        if (who.k === 'member' && (type === '' || VETO_WORDS.has(type))) out.complaint.add(who.member.idKey);
      }
      return 'used';
    };
    out.accounting.fines = { ...account(grid, fines.headerIndex, fate), table: fines };
  }
  return out;
}

// =============================================================================================
// Checks shared by the properties

const PERSON_STATUSES = new Set(['winner', 'tie', 'candidate', 'vetoed', 'not_recommended', 'inactive']);
const WINNER_STATUSES = new Set(['winner', 'tie', 'vacant']);
const DEPARTMENT_STATUSES = new Set(['winner', 'tie', 'ranked', 'vetoed']);
/** Codes that reject the row they are given for (in the staff table BAD_DATE is a start date and only warns). */
const REJECTING = new Set(['BAD_DATE', 'BAD_NUMBER', 'AMBIGUOUS_NAME', 'UNKNOWN_PERSON', 'MISSING_ID', 'NO_PERSON', 'UNKNOWN_DEPARTMENT',
  'REPEATED_HEADER', 'MISSING_FIELD']);

/** §1: rows = used + outOfPeriod + skippedBlank + rejected, and every rejected row has its warning. */
function checkAccounting(json: ResultJson): void {
  for (const input of json.inputs) {
    assert.strictEqual(input.rows, input.used + input.outOfPeriod + input.skippedBlank + input.rejected,
      `${input.table}: rows ${input.rows} ≠ used ${input.used} + outOfPeriod ${input.outOfPeriod} + skippedBlank ${input.skippedBlank} + rejected ${input.rejected}`);
    for (const n of [input.rows, input.used, input.outOfPeriod, input.skippedBlank, input.rejected]) assert.ok(Number.isInteger(n) && n >= 0);
    const rejectedRows = new Set(json.warnings
      .filter((w) => w.table === input.table && w.row !== null && REJECTING.has(w.code) && !(input.table === 'staff' && w.code === 'BAD_DATE'))
      .map((w) => w.row));
    assert.strictEqual(rejectedRows.size, input.rejected,
      `${input.table}: ${input.rejected} rejected rows but rejecting warnings on ${rejectedRows.size} rows (${[...rejectedRows].join(', ')})`);
  }
}

function checkStatuses(json: ResultJson): void {
  for (const p of json.people) {
    assert.ok(PERSON_STATUSES.has(p.status), `person status ${p.status}`);
    assert.strictEqual(p.eligible, p.vetoes.length === 0);
    assert.ok(!p.vetoes.includes('NOT_RECOMMENDED'));
    assert.strictEqual(typeof p.id, 'string');
    if (p.status === 'winner' || p.status === 'tie' || p.status === 'candidate' || p.status === 'not_recommended') assert.ok(p.eligible, `${p.id} ${p.status} but vetoed`);
    if (p.status === 'vetoed') assert.ok(!p.eligible);
  }
  for (const w of json.winners) {
    assert.ok(WINNER_STATUSES.has(w.status), `winner status ${w.status}`);
    if (w.status === 'vacant') assert.deepStrictEqual([w.id, w.name, w.score, w.awardYuan], [null, null, null, 0]);
    if (w.status === 'tie') assert.strictEqual(w.awardYuan, 0);
  }
  for (const d of json.departments) {
    assert.ok(DEPARTMENT_STATUSES.has(d.status), `department status ${d.status}`);
    if (d.status !== 'winner') assert.strictEqual(d.awardYuan, 0);
  }
  const statusById = new Map(json.people.map((p) => [p.id, p.status]));
  for (const w of json.winners) if (w.id !== null) assert.strictEqual(statusById.get(w.id), w.status, `winners row of ${w.id}`);
  // §10 status precedence: inactive, then vetoed, then not_recommended.
  for (const p of json.people) {
    if (p.vetoes.includes('INACTIVE')) assert.strictEqual(p.status, 'inactive', `${p.id} is inactive`);
    else if (p.vetoes.length > 0) assert.strictEqual(p.status, 'vetoed', `${p.id} has vetoes ${p.vetoes.join(',')}`);
    if (p.status === 'inactive') assert.ok(p.vetoes.includes('INACTIVE'));
  }
  // §8: winners rows sorted by department (roster order), then score (high first; a vacant row has none).
  const order = new Map(json.departments.map((d, i) => [norm(d.department), i]));
  for (let i = 1; i < json.winners.length; i++) {
    const a = json.winners[i - 1] as ResultJson['winners'][number];
    const b = json.winners[i] as ResultJson['winners'][number];
    const da = order.get(norm(a.department)) ?? -1;
    const db = order.get(norm(b.department)) ?? -1;
    assert.ok(da >= 0 && db >= 0, `winners row for an unknown department ${a.department} / ${b.department}`);
    assert.ok(da < db || (da === db && (a.score ?? -Infinity) >= (b.score ?? -Infinity)), `winners rows out of order at ${i}`);
  }
  // §10: department score = mean of the rounded scores of its active members, rounded again.
  for (const d of json.departments) {
    const active = json.people.filter((p) => norm(p.department) === norm(d.department) && p.status !== 'inactive');
    const mean = active.length === 0 ? null : round2(active.reduce((sum, p) => sum + p.score, 0) / active.length);
    assert.strictEqual(d.score, mean, `score of department ${d.department}`);
  }
}

/** Half away from zero to 2 decimals, robust to binary fractions (§3). */
function round2(x: number): number {
  const r = Math.round(Number((Math.abs(x) * 100).toPrecision(15))) / 100;
  return x < 0 ? -r : r;
}

const periodForms = fc.oneof(fc.constantFrom(...PERIODS.map((p) => p.text), '2026-13', '2026Q5', '', '2026年第五季度', '05/2026'), fc.string());
const schemeIds = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PRESET_IDS) }, { weight: 1, arbitrary: fc.string() });

/** Numbers in the §8 JSON (scores, points, yuan, rates) are all finite. */
function checkFinite(json: ResultJson): void {
  const bad: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number' && !Number.isFinite(v)) bad.push(`${path} = ${v}`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(json, '$');
  assert.deepStrictEqual(bad, []);
}

// =============================================================================================
// Arbitrary cells

const ALL_ALIASES = [...new Set(Object.values(PRAISE_ALIASES).flat().concat(Object.values(ALIASES).flat()))];
const WORDS: Cell[] = ['违规', '合格', '投诉', '罚款', '有效', '无效', '在岗', '离岗', '2026-07-05', '2026年7月5日', '20260705', '05/07/2026',
  '３分', '¥1,200', '97%', '2026Q3', '7月', ...NAMES, ...DEPARTMENTS, '8001', 'H001', '9'.repeat(400), '-3', '1e309'];

const anyCellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.stringMatching(/^[ 0-9０-９.,%¥元分-]{0,10}$/u),
  fc.constantFrom(...ALL_ALIASES, ...WORDS),
  fc.integer(),
  fc.integer({ min: 40_000, max: 50_000 }),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
);

const anyGridArb: fc.Arbitrary<Grid> = fc.array(fc.array(anyCellArb, { maxLength: 8 }), { maxLength: 10 });

const HEADER_ROWS: Record<Exclude<TableKey, 'history' | 'decisions'>, Row> = {
  staff: ['工号', '姓名', '科室', '在岗状态', '上岗日期'],
  inspections: ['检查日期', '工号', '姓名', '科室', '检查项目', '检查方式', '扣分', '结果'],
  fines: ['日期', '工号', '姓名', '科室', '类型', '严重程度', '金额', '是否有效'],
  praise: ['日期', '工号', '姓名', '科室', '来源', '加分'],
  satisfaction: ['月份', '工号', '姓名', '评价数', '满意数', '满意率', '服务人次'],
  recommendations: ['季度', '工号', '姓名', '科室'],
};

/** One good data row per table, for the staff member 8001 张伟 of 药房. */
const ROW_TEMPLATES: Record<keyof typeof HEADER_ROWS, Row> = {
  staff: ['8001', '张伟', '药房', '在岗', '2020-01-01'],
  inspections: ['2026-07-05', '8001', '张伟', '药房', '仪容仪表', '现场', 1, '违规'],
  fines: ['2026-07-06', '8001', '张伟', '药房', '罚款', '一般', 50, '有效'],
  praise: ['2026-07-07', '8001', '张伟', '药房', '锦旗', 1],
  satisfaction: ['2026-07', '8001', '张伟', 100, 96, null, 120],
  recommendations: ['2026Q3', '8001', '张伟', '药房'],
};

/** A table with a proper header and arbitrary data rows. */
const headedGridArb = (table: keyof typeof HEADER_ROWS): fc.Arbitrary<Grid> =>
  fc.array(fc.array(anyCellArb, { maxLength: 9 }), { maxLength: 12 }).map((rows) => [HEADER_ROWS[table], ...rows]);

// =============================================================================================
// Shuffling

/** The grid with its data rows (below the header) shuffled; `back` maps new Excel rows to old ones. */
function shuffled(table: Table, seed: number): { table: Table; back: Map<number, number> } {
  const grid = table.input.grid;
  const start = table.headerIndex + 1;
  const order = grid.slice(start).map((_, i) => start + i);
  const rnd = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const firstRow = table.input.firstRow ?? 1;
  const back = new Map<number, number>();
  order.forEach((old, k) => back.set(firstRow + start + k, firstRow + old));
  return {
    table: { input: { ...table.input, grid: [...grid.slice(0, start), ...order.map((i) => grid[i] ?? [])] }, headerIndex: table.headerIndex },
    back,
  };
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The §8 result with every list in a canonical order and row numbers mapped back to the original grid. */
function canonical(outcome: SelectionOutcome, back: Partial<Record<TableKey, Map<number, number>>> = {}): unknown {
  const mapRow = (table: string | null, row: number | null) => (row === null || table === null ? row : back[table as TableKey]?.get(row) ?? row);
  if (!outcome.ok) {
    return { ok: false, errors: outcome.errors.map((e) => `${e.code}|${e.table}`).sort() };
  }
  const json = resultJson(outcome.result);
  return {
    period: json.period,
    scheme: json.scheme,
    people: [...json.people].sort(byKey((p) => p.id)),
    winners: json.winners.map((w) => JSON.stringify(w)).sort(),
    departments: [...json.departments].sort(byKey((d) => d.department)),
    deductions: json.deductions.map((d) => JSON.stringify(d)).sort(),
    inputs: json.inputs.map((i) => ({ table: i.table, nonBlankRows: i.rows - i.skippedBlank, used: i.used, outOfPeriod: i.outOfPeriod, rejected: i.rejected }))
      .sort(byKey((i) => i.table)),
    warnings: json.warnings.map((w) => `${w.code}|${w.table}|${mapRow(w.table, w.row)}`).sort(),
  };
}

// =============================================================================================
// The properties

const RUNS = 200;

describe('engine properties (fast-check)', function () {
  this.timeout(120_000);

  it('never throws on a messy office, any scheme id, any period text, any rules overrides', () => {
    fc.assert(fc.property(officeArb, schemeIds, periodForms, fc.option(fc.dictionary(
      fc.constantFrom('winnersPerDepartment', 'topN', 'maxPerDepartment', 'candidates', 'minSatisfaction', 'annualPointLimit', 'kindWeights',
        'praiseCap', 'departmentAwards', 'vetoTypes', 'noSuchParameter', 'toString'),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 3 },
    )), (spec, scheme, period, overrides) => {
      const office = buildOffice(spec);
      const outcome = runSelection({ period, scheme, overrides: overrides ?? undefined, tables: inputsOf(office.tables) });
      if (outcome.ok) JSON.stringify(resultJson(outcome.result, 'en'));
      else for (const e of outcome.errors) assert.ok(e.message.zh !== '' && e.message.en !== '');
    }), { numRuns: RUNS });
  });

  it('never throws on totally arbitrary grids of arbitrary cells', () => {
    const tablesArb = fc.record({
      staff: fc.option(anyGridArb, { freq: 6 }),
      inspections: fc.option(anyGridArb),
      fines: fc.option(anyGridArb),
      praise: fc.option(anyGridArb),
      satisfaction: fc.option(anyGridArb),
      recommendations: fc.option(anyGridArb),
      history: fc.option(anyGridArb),
    });
    fc.assert(fc.property(tablesArb, schemeIds, periodForms, fc.integer({ min: 1, max: 50 }), fc.boolean(), (grids, scheme, period, firstRow, date1904) => {
      const tables: SelectionInput['tables'] = {};
      for (const [key, grid] of Object.entries(grids) as [TableKey, Grid | null][]) {
        if (grid) tables[key] = { sheet: key, grid, firstRow, date1904 };
      }
      const outcome = runSelection({ period, scheme, tables });
      if (outcome.ok) JSON.stringify(resultJson(outcome.result));
    }), { numRuns: 200 });
  });

  it('never throws on arbitrary data rows under proper headers, and the row accounting still balances', () => {
    const tablesArb = fc.record({
      staff: headedGridArb('staff'),
      inspections: headedGridArb('inspections'),
      fines: headedGridArb('fines'),
      praise: headedGridArb('praise'),
      satisfaction: headedGridArb('satisfaction'),
      recommendations: headedGridArb('recommendations'),
    });
    fc.assert(fc.property(tablesArb, fc.constantFrom(...PRESET_IDS), periodArb, (grids, scheme, period) => {
      const tables: SelectionInput['tables'] = {};
      for (const [key, grid] of Object.entries(grids) as [TableKey, Grid][]) tables[key] = { sheet: key, grid };
      const outcome = runSelection({ period: period.text, scheme, tables });
      if (!outcome.ok) {
        // Only a duplicated id can stop a run whose headers are all there.
        assert.deepStrictEqual([...new Set(outcome.errors.map((e) => e.code))], ['DUPLICATE_ID']);
        return;
      }
      const json = resultJson(outcome.result);
      checkAccounting(json);
      checkStatuses(json);
    }), { numRuns: RUNS });
  });

  it('reports a cell holding an invalid Date object (new Date(NaN)) instead of throwing', () => {
    const tableArb = fc.constantFrom(...(Object.keys(HEADER_ROWS) as (keyof typeof HEADER_ROWS)[]));
    fc.assert(fc.property(tableArb, fc.nat(20), (table, at) => {
      const header = HEADER_ROWS[table];
      const row = [...ROW_TEMPLATES[table]];
      const column = at % header.length;
      row[column] = new Date(NaN);
      const tables: SelectionInput['tables'] = {
        staff: { sheet: '人员名单', grid: [HEADER_ROWS.staff, [...ROW_TEMPLATES.staff]] },
        [table]: { sheet: table, grid: [header, row] },
      };
      let outcome: SelectionOutcome | undefined;
      assert.doesNotThrow(() => { outcome = runSelection({ period: '2026Q3', tables }); },
        `an Invalid Date in column ${String(header[column])} of ${table}`);
      if (outcome?.ok) {
        const json = resultJson(outcome.result);
        JSON.stringify(json);
        checkAccounting(json);
      }
    }), { numRuns: 60 });
  });

  it('every number in the §8 JSON is finite, whatever is written in numeric columns', () => {
    const numericText = fc.oneof(
      fc.constantFrom<Cell>('9'.repeat(400), `${'9'.repeat(400)}元`, `-${'9'.repeat(400)}`, '1,000,000,000', 1e308, -1e308),
      fc.stringMatching(/^[0-9]{300,330}$/u),
    );
    fc.assert(fc.property(numericText, fc.constantFrom('points', 'amount'), fc.constantFrom(...PRESET_IDS), (value, field, scheme) => {
      const inspections: Grid = [HEADER_ROWS.inspections, ['2026-07-05', '8001', '张伟', '药房', '仪容仪表', '现场', field === 'points' ? value : 1, '违规']];
      const fines: Grid = [HEADER_ROWS.fines, ['2026-07-06', '8001', '张伟', '药房', '罚款', '一般', field === 'amount' ? value : 50, '有效']];
      const outcome = runSelection({
        period: '2026Q3', scheme, tables: {
          staff: { sheet: '人员名单', grid: [HEADER_ROWS.staff, ['8001', '张伟', '药房', '在岗', null], ['8002', '王芳', '药房', '在岗', null]] },
          inspections: { sheet: '督导检查记录', grid: inspections },
          fines: { sheet: '投诉及处罚记录', grid: fines },
        },
      });
      assert.ok(outcome.ok);
      checkFinite(resultJson(outcome.result));
    }), { numRuns: 40 });
  });

  it('row accounting balances and matches the test\'s own reading; every rejected row is warned with its table and row', () => {
    fc.assert(fc.property(officeArb, periodArb, fc.constantFrom(...PRESET_IDS), (spec, period, scheme) => {
      const office = buildOffice(spec);
      const result = mustRun(office, period.text, scheme);
      const json = resultJson(result);
      checkAccounting(json);
      const expected = expectationFor(spec, office, period, parametersOf(scheme));
      for (const [table, e] of Object.entries(expected.accounting) as [TableKey, Expected['accounting'][TableKey]][]) {
        if (!e) continue;
        const got = json.inputs.find((i) => i.table === table);
        assert.ok(got, `no inputs entry for ${table}`);
        assert.deepStrictEqual(
          { rows: got.rows, used: got.used, outOfPeriod: got.outOfPeriod, skippedBlank: got.skippedBlank, rejected: got.rejected },
          e.expect, `row accounting of ${table}`);
        const firstRow = e.table.input.firstRow ?? 1;
        for (const i of e.rejectedRows) {
          assert.ok(json.warnings.some((w) => w.table === table && w.row === firstRow + i), `${table} row ${firstRow + i} rejected without a warning`);
        }
        const excelHeaderRow = firstRow + e.table.headerIndex;
        for (const w of json.warnings.filter((x) => x.table === table && x.row !== null)) {
          assert.ok((w.row as number) > excelHeaderRow && (w.row as number) <= excelHeaderRow + got.rows, `${table} warning on row ${w.row} outside the table`);
        }
      }
      assert.strictEqual(json.people.length, office.roster.members.length);
    }), { numRuns: RUNS });
  });

  it('the deductions total the used in-period rows: violations × yuanPerViolation + points × yuanPerPoint + valid fines', () => {
    fc.assert(fc.property(officeArb, periodArb, fc.constantFrom(...PRESET_IDS), (spec, period, scheme) => {
      const office = buildOffice(spec);
      const json = resultJson(mustRun(office, period.text, scheme));
      const expected = expectationFor(spec, office, period, parametersOf(scheme));
      const sum = (f: (d: ResultJson['deductions'][number]) => number) => json.deductions.reduce((s, d) => s + f(d), 0);
      assert.strictEqual(sum((d) => d.violations), expected.violations, 'number of violations');
      assert.strictEqual(sum((d) => d.complaints), expected.complaints, 'number of valid fines rows');
      const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
      assert.ok(near(sum((d) => d.violationYuan), expected.violationYuan), `violation yuan ${sum((d) => d.violationYuan)} ≠ ${expected.violationYuan}`);
      assert.ok(near(sum((d) => d.complaintYuan), expected.complaintYuan), `complaint yuan ${sum((d) => d.complaintYuan)} ≠ ${expected.complaintYuan}`);
      assert.ok(near(sum((d) => d.totalYuan), expected.violationYuan + expected.complaintYuan),
        `Σ totalYuan ${sum((d) => d.totalYuan)} ≠ ${expected.violationYuan + expected.complaintYuan}`);
      for (const p of json.people) {
        const own = json.deductions.filter((d) => d.id === p.id).reduce((n, d) => n + d.violations, 0);
        assert.strictEqual(own, p.violations, `violations of ${p.id} in the deductions`);
      }
      for (const d of json.deductions) {
        assert.ok(near(d.totalYuan, d.violationYuan + d.complaintYuan));
        assert.ok(d.violations > 0 || d.complaints > 0, 'a deductions row with nothing in it');
        assert.match(d.month, /^\d{4}-\d{2}$/u);
      }
    }), { numRuns: RUNS });
  });

  it('each person\'s violations, on-site / off-site points, score and complaint veto match the test\'s own reading', () => {
    fc.assert(fc.property(officeArb, periodArb, fc.constantFrom(...PRESET_IDS), (spec, period, scheme) => {
      const office = buildOffice(spec);
      const json = resultJson(mustRun(office, period.text, scheme));
      const parameters = parametersOf(scheme);
      const expected = expectationFor(spec, office, period, parameters);
      for (const p of json.people) {
        const key = norm(p.id);
        const mine = expected.perPerson.get(key) ?? { violations: 0, onsite: 0, offsite: 0 };
        assert.deepStrictEqual([p.violations, p.onsitePoints, p.offsitePoints], [mine.violations, round2(mine.onsite), round2(mine.offsite)],
          `violations and points of ${p.id}`);
        assert.strictEqual(p.vetoes.includes('COMPLAINT'), expected.complaint.has(key), `COMPLAINT veto of ${p.id}`);
        // §3: the score without praise; praise adds at most praiseCap.
        const base = parameters.baseScore;
        const w = parameters.kindWeights;
        const inspection = w === null ? Math.max(0, base - mine.onsite - mine.offsite)
          : (w.onsite * Math.max(0, base - mine.onsite) + w.offsite * Math.max(0, base - mine.offsite)) / (w.onsite + w.offsite);
        if (p.praise === 0) assert.strictEqual(p.score, round2(inspection), `score of ${p.id}`);
        else assert.ok(p.score >= round2(inspection) - 1e-9 && p.score <= round2(inspection + parameters.praiseCap) + 1e-9, `score of ${p.id}`);
      }
    }), { numRuns: RUNS });
  });

  it('shuffling the data rows (header kept first) changes no result', () => {
    fc.assert(fc.property(officeArb, periodArb, fc.constantFrom(...PRESET_IDS), fc.nat(), (spec, period, scheme, seed) => {
      const office = buildOffice(spec);
      const back: Partial<Record<TableKey, Map<number, number>>> = {};
      const tables: Partial<Record<TableKey, Table>> = {};
      let k = 0;
      for (const [key, t] of Object.entries(office.tables) as [TableKey, Table][]) {
        const s = shuffled(t, seed + 7919 * k++);
        tables[key] = s.table;
        back[key] = s.back;
      }
      const before = canonical(run(office, period.text, scheme));
      const after = canonical(run({ ...office, tables }, period.text, scheme), back);
      assert.deepStrictEqual(after, before);
    }), { numRuns: RUNS });
  });

  it('candidates equal on every key are never split (within a department; across departments for top-N)', () => {
    const overridesArb = fc.oneof(
      fc.constant(undefined),
      fc.record({ winnersPerDepartment: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ topN: fc.integer({ min: 1, max: 6 }), winnersPerDepartment: fc.constant(0) }),
    );
    fc.assert(fc.property(officeArb, periodArb, fc.constantFrom(...PRESET_IDS), overridesArb, (spec, period, scheme, overrides) => {
      const office = buildOffice(spec);
      const json = resultJson(mustRun(office, period.text, scheme, overrides));
      const parameters = { ...parametersOf(scheme), ...(overrides ?? {}) };
      const topN = parameters.topN !== null && parameters.topN > 0;
      const perDepartment = parameters.winnersPerDepartment > 0;
      const inRace = json.people.filter((p) => p.status === 'winner' || p.status === 'tie' || p.status === 'candidate');
      const equalKeys = (a: ResultJson['people'][number], b: ResultJson['people'][number]) => a.score === b.score
        && a.violations === b.violations && a.praise === b.praise && a.satisfaction === b.satisfaction;
      for (const a of inRace) {
        for (const b of inRace) {
          if (a === b || !equalKeys(a, b)) continue;
          const sameDepartment = norm(a.department) === norm(b.department);
          if ((perDepartment && sameDepartment) || (topN && !perDepartment)) {
            assert.strictEqual(a.status, b.status,
              `${a.id} (${a.department}) is ${a.status} but ${b.id} (${b.department}) is ${b.status}, equal on every key (score ${a.score}, `
              + `${a.violations} violations, ${a.praise} praise, satisfaction ${a.satisfaction})`);
          }
        }
      }
      // Department awards: equal scores are never split either.
      for (const a of json.departments) {
        for (const b of json.departments) {
          if (a === b || a.vetoed || b.vetoed || a.score === null || a.score !== b.score) continue;
          assert.strictEqual(a.status, b.status, `departments ${a.department} and ${b.department} both score ${a.score}`);
        }
      }
      // §6: a department with no candidate is vacant; one with candidates has a winner or a tie.
      if (perDepartment) {
        for (const d of json.departments) {
          const race = inRace.filter((p) => norm(p.department) === norm(d.department));
          const rows = json.winners.filter((w) => norm(w.department) === norm(d.department));
          if (race.length === 0) assert.deepStrictEqual(rows.map((w) => w.status), ['vacant'], `department ${d.department} has no candidate`);
          else {
            assert.ok(rows.every((w) => w.status !== 'vacant'), `department ${d.department} has candidates but is vacant`);
            assert.ok(race.some((p) => p.status === 'winner' || p.status === 'tie'), `nobody placed in ${d.department}`);
          }
        }
      }
      // Places handed out never exceed the places there are.
      if (perDepartment && !topN) {
        const winners = new Map<string, number>();
        for (const p of json.people) if (p.status === 'winner') winners.set(norm(p.department), (winners.get(norm(p.department)) ?? 0) + 1);
        for (const [d, n] of winners) assert.ok(n <= parameters.winnersPerDepartment, `${n} winners in ${d}`);
      }
      if (topN && !perDepartment) {
        assert.ok(json.people.filter((p) => p.status === 'winner').length <= (parameters.topN as number));
      }
    }), { numRuns: RUNS });
  });

  it('every preset runs on generated data, and every status is one of §8', () => {
    fc.assert(fc.property(officeArb, periodArb, (spec, period) => {
      const office = buildOffice(spec);
      for (const scheme of PRESET_IDS) {
        const result = mustRun(office, period.text, scheme);
        const json = resultJson(result);
        assert.strictEqual(json.scheme, scheme);
        checkStatuses(json);
        // Every department of the roster is listed once.
        const departments = new Set(office.roster.members.map((m) => norm(m.department)));
        assert.deepStrictEqual(new Set(json.departments.map((d) => norm(d.department))), departments);
        assert.strictEqual(json.departments.length, departments.size);
      }
    }), { numRuns: 60 });
  });

  it('every way of writing the same period gives the same result, and no input grid is written to', () => {
    const same: string[][] = [['2026Q3', '2026-Q3', '2026年第三季度', '2026年3季度', ' ２０２６Ｑ３ '], ['2026-07', '2026年7月'],
      ['2026H2', '2026年下半年'], ['2026', '2026年度']];
    fc.assert(fc.property(officeArb, fc.constantFrom(...same), fc.constantFrom(...PRESET_IDS), (spec, forms, scheme) => {
      const office = buildOffice(spec);
      const copies = JSON.stringify(Object.values(office.tables).map((t) => t.input.grid));
      const results = forms.map((form) => canonical(run(office, form, scheme)));
      for (const r of results.slice(1)) assert.deepStrictEqual(r, results[0]);
      assert.strictEqual(JSON.stringify(Object.values(office.tables).map((t) => t.input.grid)), copies, 'an input grid was changed');
    }), { numRuns: 100 });
  });

  it('a department written with different spacing or case on the roster is one department', () => {
    // Roster cells '药房', '药 房', ' 药房\\u3000' (and 'ICU' / 'icu') name the same department after NFKC,
    // white space removal and case folding (§1, §10): the selection must not depend on the spelling.
    const variants: Record<string, string[]> = { 药房: ['药房', '药 房', '药\u3000房'], ICU: ['ICU', 'icu', 'I C U'] };
    const rosterArb = fc.array(fc.record({
      department: fc.constantFrom('药房', 'ICU'), variant: fc.nat(2), points: fc.integer({ min: 0, max: 3 }),
    }), { minLength: 2, maxLength: 8 });
    fc.assert(fc.property(rosterArb, fc.constantFrom(...PRESET_IDS.filter((id) => !TOPN_PRESETS.has(id))), (people, scheme) => {
      const staff = (spelled: boolean): Grid => [['工号', '姓名', '科室'], ...people.map((p, i): Row => [
        `P${i + 1}`, `员工${i + 1}`, spelled ? (variants[p.department] as string[])[p.variant % 3] as string : p.department,
      ])];
      const inspections: Grid = [['检查日期', '工号', '扣分'], ...people.filter((p) => p.points > 0).map((p): Row => [
        '2026-07-05', `P${people.indexOf(p) + 1}`, p.points,
      ])];
      const outcome = (spelled: boolean) => runSelection({
        period: '2026Q3', scheme, tables: { staff: { sheet: '人员名单', grid: staff(spelled) }, inspections: { sheet: '督导检查记录', grid: inspections } },
      });
      const plain = outcome(false);
      const spelled = outcome(true);
      assert.ok(plain.ok && spelled.ok);
      const statuses = (o: typeof plain) => (o.ok ? resultJson(o.result).people.map((p) => `${p.id}:${p.status}:${p.score}`) : []);
      assert.deepStrictEqual(statuses(spelled), statuses(plain));
      const departments = (o: typeof plain) => (o.ok ? resultJson(o.result).departments.map((d) => `${norm(d.department)}:${d.score}:${d.status}`).sort() : []);
      assert.deepStrictEqual(departments(spelled), departments(plain));
    }), { numRuns: 100 });
  });

  it('satisfaction rates do not depend on the order of the rows (no tie broken by row order)', () => {
    // Two people in one department with the same monthly rates, written in different orders, are equal on
    // every key (§6: never break a tie by row order); the mean of the rates must not depend on the order.
    const ratesArb = fc.array(fc.integer({ min: 80, max: 100 }), { minLength: 2, maxLength: 4 });
    fc.assert(fc.property(ratesArb, fc.nat(), fc.constantFrom('percent', 'fraction'), (rates, seed, form) => {
      const rnd = mulberry32(seed);
      const other = [...rates].sort(() => rnd() - 0.5);
      const cell = (r: number): Cell => (form === 'percent' ? `${r}%` : r / 100);
      const months = ['2026-07', '2026-08', '2026-09', '2026-07'];
      const satisfaction: Grid = [['月份', '工号', '满意率'],
        ...rates.map((r, i): Row => [months[i] ?? '2026-07', 'A1', cell(r)]),
        ...other.map((r, i): Row => [months[i] ?? '2026-07', 'B1', cell(r)])];
      const outcome = runSelection({
        period: '2026Q3', tables: {
          staff: { sheet: '人员名单', grid: [['工号', '姓名', '科室'], ['A1', '甲', '药房'], ['B1', '乙', '药房']] },
          satisfaction: { sheet: '满意度', grid: satisfaction },
        },
      });
      assert.ok(outcome.ok);
      const [a, b] = resultJson(outcome.result).people;
      assert.ok(a && b);
      assert.strictEqual(a.satisfaction, b.satisfaction, `rates ${rates.join(',')} vs ${other.join(',')}`);
      assert.strictEqual(a.status, b.status);
    }), { numRuns: 100 });
  });
});
