import { type Day, parseDay, partsOf, yearlessDay } from './dates';
import { type ColumnMap, type Field, FIELD_NAMES, isRepeatedHeader, type KindColumn, lookalikeHeaders } from './headers';
import { isDitto, locateSheet, type LocatedSheet } from './layout';
import { columnLetters } from './mapping';
import { messages, type Problem, type Where } from './messages';
import { parseCount, parseDeduction, parseFigure, parseRate } from './numbers';
import { buildRoster, isActive, matchPerson, type PersonMatch, type Roster, type StaffMember } from './people';
import { inPeriod, parseMonth, parsePeriodCell, periodWithin, type Period } from './period';
import type {
  FineRecord, HistoryEntry, InspectionKind, PastWin, PraiseRecord, Recommendation, RowRef, SatisfactionRecord, Subject, TableReport, Violation,
} from './records';
import type { SchemeParameters, Severity } from './scheme';
import { cleanText, idText, isBlank, normalizeKey, recordText } from './text';
import type { Cell, PersonAssignment, TableInput, TableKey, TableSheet } from './types';

/**
 * The data row being checked: its cells, where it is, and the warnings it raises. One reader
 * walks a whole table (all its sheets), moved from row to row, so a large table allocates nothing
 * per row here.
 */
export class RowReader {
  cells: readonly Cell[] = [];
  /** The row as the sheet stores it (merges and ditto not applied): the record an assignment is kept with. */
  stored: readonly Cell[] = [];
  row = 0;
  sheet: string;
  columns: ColumnMap = {};
  headers: Partial<Record<Field, string>> = {};
  /** Points per kind columns of the sheet (§11), empty with a points column. */
  kinds: readonly KindColumn[] = [];
  /** The department given by the heading line above (§11), for a staff table without the column. */
  heading: string | null = null;
  /** The first date without a year and how many there were (§11 YEARLESS_DATE). */
  yearless: { where: Where; text: string; count: number } | null = null;
  private readonly assignments: ReadonlyMap<string, PersonAssignment>;

  constructor(private readonly table: TableKey, input: TableInput) {
    this.sheet = input.sheet;
    this.assignments = new Map((input.assignments ?? []).map((a) => [`${a.sheet ?? input.sheet}\n${a.row}`, a]));
  }

  /** The person the office assigned to this record, if this row is still that record. */
  assignment(written: string): PersonAssignment | undefined {
    const a = this.assignments.get(`${this.sheet}\n${this.row}`);
    return a && normalizeKey(a.written) === normalizeKey(written) && a.record === recordText(this.stored) ? a : undefined;
  }

  has(field: Field): boolean {
    return this.columns[field] !== undefined;
  }

  cell(field: Field): Cell {
    const index = this.columns[field];
    if (index === undefined) return field === 'department' ? this.heading : null;
    return this.cells[index];
  }

  text(field: Field): string {
    const v = this.cell(field);
    return field === 'id' ? idText(v) : cleanText(v);
  }

  where(field?: Field): Where {
    return { table: this.table, sheet: this.sheet, row: this.row, column: field ? this.headers[field] ?? FIELD_NAMES[field].zh : null };
  }

  ref(day: Day | null): RowRef {
    return { table: this.table, sheet: this.sheet, row: this.row, day };
  }
}

export interface Scan {
  report: TableReport;
  /** The rows to check, blank, line and repeated-header rows already counted; the reader moves on each step. */
  rows: Iterable<RowReader>;
}

/** A column's header text on its sheet, or its letter when it has none. */
function columnName(part: TableSheet, header: readonly Cell[], index: number): string {
  const text = cleanText(header[index]);
  return text === '' ? columnLetters((part.firstColumn ?? 1) + index) : text;
}

/**
 * Finds the header of each sheet of the table and walks the data rows in sheet order, with one
 * accounting (§1, §10, §11): blank rows and lines count as skippedBlank, repeated headers and
 * formulas without a value are rejected; ditto cells (同上) take the value above.
 */
export function scan(table: TableKey, input: TableInput, warnings: Problem[], errors: Problem[]): Scan | null {
  const parts = [input, ...(input.moreSheets ?? [])];
  const located: { part: TableSheet; at: LocatedSheet; end: number }[] = [];
  for (const part of parts) {
    const at = locateSheet(table, { ...part, columns: input.columns });
    if (!('header' in at)) {
      // Named at the row that came closest to a header, so the wizard can select it.
      const row = at.nearest ? (part.firstRow ?? 1) + at.nearest.headerIndex : null;
      errors.push(messages.missingColumn({ table, sheet: part.sheet, row }, at.missing.map((f) => FIELD_NAMES[f])));
      continue;
    }
    let end = at.grid.length;
    while (end > at.header.headerIndex + 1 && (at.grid[end - 1] ?? []).every(isBlank)) end--;
    // A formula without a value is not blank (§11a): a last row holding only one is still a row.
    for (const f of part.formulasWithoutValue ?? []) if (f.row >= end && f.row > at.header.headerIndex) end = f.row + 1;
    located.push({ part, at, end });
  }
  const first = located[0];
  if (!first || located.length < parts.length) return null;
  const report: TableReport = {
    table, sheet: parts.map((p) => p.sheet).join('、'), rows: 0, used: 0, outOfPeriod: 0, skippedBlank: 0, rejected: 0,
    columns: first.at.header.headers as Record<string, string>, headerRow: (input.firstRow ?? 1) + first.at.header.headerIndex,
  };
  const read = located.map((l) => l.part.sheet);
  for (const sheet of input.passedOver ?? []) warnings.push(messages.moreSheets({ table, sheet, row: null }, read));
  for (const { part, at, end } of located) {
    report.rows += end - at.header.headerIndex - 1;
    const headerCells = at.grid[at.header.headerIndex] ?? [];
    const skip = new Set(at.kinds.map((k) => k.index));
    for (const look of lookalikeHeaders(table, headerCells, at.header.columns, skip)) {
      warnings.push(messages.lookalikeHeader(
        { table, sheet: part.sheet, row: (part.firstRow ?? 1) + at.header.headerIndex, column: look.header }, FIELD_NAMES[look.field]));
    }
  }
  function* rows(): Generator<RowReader> {
    const reader = new RowReader(table, input);
    for (const { part, at, end } of located) {
      const firstRow = part.firstRow ?? 1;
      const { headerIndex, columns, headers } = at.header;
      reader.sheet = part.sheet;
      reader.columns = columns;
      reader.headers = headers;
      reader.kinds = at.kinds;
      const headerCells = at.grid[headerIndex] ?? [];
      const mapped = Object.values(columns);
      const noValue = new Map<number, number>();
      for (const f of part.formulasWithoutValue ?? []) if (!noValue.has(f.row)) noValue.set(f.row, f.column);
      const above: Cell[] = [];
      for (let i = headerIndex + 1; i < end; i++) {
        let cells = at.grid[i] ?? [];
        reader.row = firstRow + i;
        reader.heading = at.headings.get(i) ?? null;
        const formula = noValue.get(i);
        if (formula !== undefined) {
          report.rejected++;
          warnings.push(messages.formulaNoValue({ ...reader.where(), column: columnName(part, headerCells, formula) }));
          continue;
        }
        if (cells.every(isBlank) || at.lines.has(i)) {
          report.skippedBlank++;
          continue;
        }
        if (cells.some(isDitto)) cells = cells.map((c, k) => (isDitto(c) ? above[k] ?? c : c));
        cells.forEach((c, k) => {
          if (!isBlank(c)) above[k] = c;
        });
        reader.cells = cells;
        reader.stored = part.grid[i] ?? [];
        if (isRepeatedHeader(cells, headerCells, mapped)) {
          report.rejected++;
          warnings.push(messages.repeatedHeader(reader.where()));
        } else yield reader;
      }
    }
    if (reader.yearless) warnings.push(messages.yearlessDate(reader.yearless.where, reader.yearless.text, reader.yearless.count));
  }
  return { report, rows: rows() };
}

/** Reads one numeric cell; a bad one is warned and rejects the row. */
function numberOf(r: RowReader, field: Field, problems: Problem[], read: (v: unknown) => number | null = parseCount): number | null | undefined {
  return numberIn(r.cell(field), r.where(field), problems, read);
}

function numberIn(cell: Cell, where: Where, problems: Problem[], read: (v: unknown) => number | null): number | null | undefined {
  const value = read(cell);
  if (value !== null && Number.isNaN(value)) {
    // Say why (§11a): a figure that is negative, a rate over 100 %, or no number at all.
    const text = cleanText(cell);
    const figure = parseFigure(typeof cell === 'string' ? cell.replace(/%$/u, '') : cell);
    const readable = figure !== null && !Number.isNaN(figure);
    problems.push(read === parseRate && readable ? messages.rateOver100(where, text)
      : readable && figure < 0 ? messages.negativeNumber(where, text) : messages.badNumber(where, text));
    return undefined;
  }
  return value;
}

/**
 * Reads the date of a record row; month-first text without a year (`7月5日`) takes the period's
 * year (§11), and the table gets one YEARLESS_DATE warning.
 */
function dayOf(r: RowReader, field: Field, date1904: boolean, problems: Problem[], year: number | null = null): Day | null {
  const cell = r.cell(field);
  let day = parseDay(cell, date1904);
  if (day === null && year !== null) {
    day = yearlessDay(cell, year);
    if (day !== null) {
      if (r.yearless) r.yearless.count++;
      else r.yearless = { where: r.where(field), text: cleanText(cell), count: 1 };
    }
  }
  if (day === null) problems.push(messages.badDate(r.where(field), cleanText(cell)));
  return day;
}

// ---------------------------------------------------------------------------------------------
// Staff (人员名单)

export interface StaffRead {
  roster: Roster;
  report: TableReport | null;
  errors: Problem[];
}

export function readStaff(input: TableInput, warnings: Problem[]): StaffRead {
  const errors: Problem[] = [];
  const s = scan('staff', input, warnings, errors);
  if (!s) return { roster: buildRoster([]), report: null, errors };
  const members: StaffMember[] = [];
  const seen = new Map<string, StaffMember[]>();
  // A blank department under a filled one is the one above (§11: written once per group).
  let department = '';
  let group: string | null = null;
  let filled: { where: Where; department: string; count: number } | null = null;
  for (const r of s.rows) {
    const id = r.text('id');
    if (id === '') {
      s.report.rejected++;
      warnings.push(messages.missingId(r.where('id')));
      continue;
    }
    // Under a new heading line the department above is the heading's, not the previous group's.
    if (r.heading !== group) {
      group = r.heading;
      department = r.heading ?? department;
    }
    let own = r.text('department');
    if (own === '' && department !== '' && r.has('department')) {
      own = department;
      if (filled) filled.count++;
      else filled = { where: r.where('department'), department, count: 1 };
    }
    department = own;
    const missing = r.text('name') === '' ? 'name' : own === '' ? 'department' : null;
    if (missing) {
      s.report.rejected++;
      warnings.push(messages.missingField(r.where(missing), FIELD_NAMES[missing]));
      continue;
    }
    let windowSince: Day | null = null;
    if (r.has('windowSince') && !isBlank(r.cell('windowSince'))) {
      windowSince = parseDay(r.cell('windowSince'), input.date1904 ?? false);
      if (windowSince === null) warnings.push(messages.badDate(r.where('windowSince'), cleanText(r.cell('windowSince'))));
    }
    const key = normalizeKey(id);
    const member: StaffMember = {
      id, key, name: r.text('name'), department: own, post: r.text('post'),
      active: isActive(r.cell('active')), windowSince, sheet: r.sheet, row: r.row,
    };
    const same = seen.get(key);
    if (same) same.push(member);
    else seen.set(key, [member]);
    members.push(member);
    s.report.used++;
  }
  if (filled) warnings.push(messages.departmentFilled(filled.where, filled.department, filled.count));
  for (const [, same] of seen) {
    const [first, second] = same;
    if (!first || !second) continue;
    errors.push(messages.duplicateId(
      { table: 'staff', sheet: second.sheet, row: second.row, column: s.report.columns.id ?? null }, first.id, same.map((m) => m.row)));
  }
  return { roster: buildRoster(members), report: s.report, errors };
}

// ---------------------------------------------------------------------------------------------
// Person columns shared by every record table

/** One subject per staff member, shared by all the member's records (a large table repeats them). */
const subjects = new WeakMap<StaffMember, Subject>();

function personSubject(member: StaffMember): Subject {
  let subject = subjects.get(member);
  if (!subject) {
    subject = { member, department: member.department };
    subjects.set(member, subject);
  }
  return subject;
}

/** Resolves the row's person; rejects (returns null) with a warning when it cannot. */
export function subjectOf(r: RowReader, roster: Roster, allowDepartment: boolean, problems: Problem[] | null): Subject | null {
  // Fast path for the common row: an id on the roster, and no name or the roster's own spelling.
  const idCell = r.cell('id');
  if (idCell !== null && idCell !== undefined) {
    const member = roster.byId.get(normalizeKey(idCell));
    const nameCell = r.cell('name');
    if (member && (nameCell === null || nameCell === undefined || nameCell === member.name)) return personSubject(member);
  }
  const ref = { id: r.text('id'), name: r.text('name'), department: r.text('department') };
  const match: PersonMatch = matchPerson(roster, ref);
  const warn = (p: Problem) => problems?.push(p);
  switch (match.kind) {
    case 'person':
      if (match.mismatch) warn(messages.nameMismatch(r.where('name'), ref.id, ref.name, match.member.name));
      return personSubject(match.member);
    case 'department':
      if (allowDepartment) return { member: null, department: match.department };
      warn(messages.noPerson(r.where()));
      return null;
    case 'unknownPerson':
    case 'ambiguous': {
      // Only a row the rules cannot place takes the office's assignment: it never overrides a match.
      const written = ref.name || ref.id;
      const assigned = roster.byId.get(normalizeKey(r.assignment(written)?.id));
      if (assigned) {
        warn(messages.assignedPerson(r.where('name'), written, assigned.id, assigned.name, assigned.department));
        return personSubject(assigned);
      }
      if (match.kind === 'ambiguous') warn(messages.ambiguousName(r.where('name'), ref.name, match.candidates.map((m) => m.id)));
      else warn(messages.unknownPerson(r.where(ref.id !== '' && ref.name === '' ? 'id' : 'name'), written));
      return null;
    }
    case 'unknownDepartment':
      warn(messages.unknownDepartment(r.where('department'), ref.department));
      return null;
    case 'none':
      warn(allowDepartment ? messages.noPersonOrDepartment(r.where()) : messages.noPerson(r.where()));
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Inspections (督导检查记录)

const NOT_VIOLATION = new Set(['合格', '通过', '无', '正常', '无问题', 'pass', 'passed', 'ok']);
const VIOLATION = new Set(['违规', '不合格', '扣分', '有问题', 'violation', 'fail', 'failed']);
const OFFSITE = new Set(['非现场', '监控', '调取监控', '录像', '视频', 'offsite', 'off-site', 'remote']);
const OFFSITE_HINTS = ['非现场', '监控', '录像', 'off'];

/**
 * An inspection's kind: on-site (现场·暗访) unless its words say off-site (非现场·监控·录像).
 *
 * @example inspectionKind('调取监控') // => 'offsite'
 */
export function inspectionKind(value: unknown): InspectionKind {
  const key = normalizeKey(value);
  let kind = kinds.get(key);
  if (kind === undefined) {
    kind = OFFSITE.has(key) || OFFSITE_HINTS.some((h) => key.includes(h)) ? 'offsite' : 'onsite';
    if (kinds.size > 10_000) kinds.clear();
    kinds.set(key, kind);
  }
  return kind;
}
const kinds = new Map<string, InspectionKind>();

/**
 * Whether an inspection row is a violation (§3): its result says so; a blank or unknown result
 * (or no result column) falls back to the points rule, where blank points mean the default.
 */
export function isViolation(result: unknown, points: number | null): boolean {
  const key = normalizeKey(result);
  if (VIOLATION.has(key)) return true;
  if (NOT_VIOLATION.has(key)) return false;
  return points === null || points !== 0;
}

export interface InspectionsRead {
  report: TableReport | null;
  /** Violations in the period. */
  violations: Violation[];
  /** Violations from 1 January through the period's last day, for the annual limits. */
  yearToDate: Violation[];
}

export function readInspections(
  input: TableInput, roster: Roster, period: Period, ytdFirst: Day, parameters: SchemeParameters, warnings: Problem[], errors: Problem[],
): InspectionsRead {
  const out: InspectionsRead = { report: null, violations: [], yearToDate: [] };
  const s = scan('inspections', input, warnings, errors);
  if (!s) return out;
  out.report = s.report;
  const date1904 = input.date1904 ?? false;
  for (const r of s.rows) {
    const day = dayOf(r, 'date', date1904, warnings, period.year);
    const found = day === null ? undefined : pointsOf(r, warnings);
    if (day === null || found === undefined) {
      s.report.rejected++;
      continue;
    }
    const current = inPeriod(period, day);
    if (!current) {
      s.report.outOfPeriod++;
      if (day < ytdFirst || day > period.last) continue;
    }
    const subject = subjectOf(r, roster, true, current ? warnings : null);
    if (!subject) {
      if (current) s.report.rejected++;
      continue;
    }
    if (current) s.report.used++;
    for (const { points, kind } of found) {
      if (!isViolation(r.cell('result'), points)) continue;
      const violation: Violation = {
        subject, day, points: points ?? parameters.violationPoints, kind: kind ?? inspectionKind(r.cell('kind')),
        item: r.text('item'), source: r.ref(day),
      };
      out.yearToDate.push(violation);
      if (current) out.violations.push(violation);
    }
  }
  return out;
}

/**
 * The points of an inspection row, signs and words read as deductions (§11). With points in one
 * column per kind, each filled kind column is a violation of its own; a row with none filled is
 * one record with blank points (the default rule of §3). Undefined: a bad number, row rejected.
 */
function pointsOf(r: RowReader, warnings: Problem[]): { points: number | null; kind: InspectionKind | null }[] | undefined {
  if (r.kinds.length === 0) {
    const points = numberOf(r, 'points', warnings, parseDeduction);
    return points === undefined ? undefined : [{ points, kind: null }];
  }
  const out: { points: number | null; kind: InspectionKind | null }[] = [];
  let bad = false;
  for (const k of r.kinds) {
    const cell = r.cells[k.index];
    if (isBlank(cell)) continue;
    const points = numberIn(cell, { ...r.where(), column: k.header }, warnings, parseDeduction);
    if (points === undefined) bad = true;
    else out.push({ points, kind: k.kind });
  }
  if (bad) return undefined;
  return out.length > 0 ? out : [{ points: null, kind: null }];
}

// ---------------------------------------------------------------------------------------------
// Fines and complaints (投诉及处罚记录)

const INVALID_WORDS = new Set(['无效', '否', '不属实', 'n', 'no', 'false', '0', 'invalid']);
const SEVERITY: Record<string, Severity> = {
  轻微: 'minor', 较轻: 'minor', minor: 'minor', 一般: 'moderate', moderate: 'moderate', 较重: 'severe', 严重: 'severe', severe: 'severe',
};

/**
 * Whether a fines row is valid: only 无效·否·不属实·N·FALSE·0 make it invalid (§10).
 *
 * @example isValid('不属实') // => false
 */
export function isValid(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return !INVALID_WORDS.has(normalizeKey(value));
}

export function severityOf(value: unknown): Severity | null {
  return SEVERITY[normalizeKey(value)] ?? null;
}

export interface FinesRead {
  report: TableReport | null;
  fines: FineRecord[];
}

export function readFines(
  input: TableInput, roster: Roster, period: Period, parameters: SchemeParameters, warnings: Problem[], errors: Problem[],
): FinesRead {
  const out: FinesRead = { report: null, fines: [] };
  const s = scan('fines', input, warnings, errors);
  if (!s) return out;
  out.report = s.report;
  const vetoTypes = new Set(parameters.vetoTypes.map(normalizeKey));
  const fineTypes = new Set(parameters.fineTypes.map(normalizeKey));
  for (const r of s.rows) {
    const day = dayOf(r, 'date', input.date1904 ?? false, warnings, period.year);
    const amount = day === null ? undefined : numberOf(r, 'amount', warnings, parseDeduction);
    if (day === null || amount === undefined) {
      s.report.rejected++;
      continue;
    }
    if (!inPeriod(period, day)) {
      s.report.outOfPeriod++;
      continue;
    }
    const subject = subjectOf(r, roster, true, warnings);
    if (!subject) {
      s.report.rejected++;
      continue;
    }
    s.report.used++;
    const type = r.text('type');
    const typeKey = normalizeKey(type);
    const isVeto = typeKey === '' || vetoTypes.has(typeKey);
    if (!isVeto && !fineTypes.has(typeKey)) warnings.push(messages.unknownType(r.where('type'), type));
    const valid = isValid(r.cell('valid'));
    const severity = severityOf(r.cell('severity'));
    if (valid && isVeto && amount !== null && (amount < parameters.complaintYuanMin || amount > parameters.complaintYuanMax)) {
      warnings.push(messages.amountOutOfRange(r.where('amount'), amount, parameters.complaintYuanMin, parameters.complaintYuanMax));
    }
    const yuan = !valid ? 0 : amount ?? (severity ? parameters.complaintYuan[severity] : parameters.defaultComplaintYuan);
    out.fines.push({ subject, day, type, isVeto, valid, severity, yuan, reason: r.text('reason'), source: r.ref(day) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Praise (表扬记录)

export function readPraise(
  input: TableInput, roster: Roster, period: Period, parameters: SchemeParameters, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; praise: PraiseRecord[] } {
  const praise: PraiseRecord[] = [];
  const s = scan('praise', input, warnings, errors);
  if (!s) return { report: null, praise };
  for (const r of s.rows) {
    const day = dayOf(r, 'date', input.date1904 ?? false, warnings, period.year);
    const points = day === null ? undefined : numberOf(r, 'points', warnings);
    if (day === null || points === undefined) {
      s.report.rejected++;
      continue;
    }
    if (!inPeriod(period, day)) {
      s.report.outOfPeriod++;
      continue;
    }
    const subject = subjectOf(r, roster, false, warnings);
    if (!subject?.member) {
      s.report.rejected++;
      continue;
    }
    s.report.used++;
    praise.push({ member: subject.member, day, points: points ?? parameters.praisePoints, sourceText: r.text('source'), source: r.ref(day) });
  }
  return { report: s.report, praise };
}

// ---------------------------------------------------------------------------------------------
// Satisfaction (满意度)

export function readSatisfaction(
  input: TableInput, roster: Roster, period: Period, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; satisfaction: SatisfactionRecord[] } {
  const satisfaction: SatisfactionRecord[] = [];
  const s = scan('satisfaction', input, warnings, errors);
  if (!s) return { report: null, satisfaction };
  for (const r of s.rows) {
    const month = parseMonth(r.cell('month'), period.year, input.date1904 ?? false);
    if (!month) {
      warnings.push(messages.badDate(r.where('month'), cleanText(r.cell('month'))));
      s.report.rejected++;
      continue;
    }
    const evaluations = numberOf(r, 'evaluations', warnings);
    const satisfied = numberOf(r, 'satisfied', warnings);
    const rate = numberOf(r, 'rate', warnings, parseRate);
    const served = numberOf(r, 'served', warnings);
    if (evaluations === undefined || satisfied === undefined || rate === undefined || served === undefined) {
      s.report.rejected++;
      continue;
    }
    if (evaluations !== null && satisfied !== null && satisfied > evaluations) {
      warnings.push(messages.satisfiedOverEvaluations(r.where('satisfied'), satisfied, evaluations));
      s.report.rejected++;
      continue;
    }
    if (!periodWithin(month, period)) {
      s.report.outOfPeriod++;
      continue;
    }
    const subject = subjectOf(r, roster, false, warnings);
    if (!subject?.member) {
      s.report.rejected++;
      continue;
    }
    s.report.used++;
    satisfaction.push({ member: subject.member, month: month.id, evaluations, satisfied, rate, served, source: r.ref(month.first) });
  }
  return { report: s.report, satisfaction };
}

// ---------------------------------------------------------------------------------------------
// Recommendations (推荐名单)

export function readRecommendations(
  input: TableInput, roster: Roster, period: Period, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; recommendations: Recommendation[] } {
  const recommendations: Recommendation[] = [];
  const s = scan('recommendations', input, warnings, errors);
  if (!s) return { report: null, recommendations };
  for (const r of s.rows) {
    const span = parsePeriodCell(r.cell('period'), input.date1904 ?? false);
    if (!span) {
      warnings.push(messages.badPeriodCell(r.where('period'), cleanText(r.cell('period'))));
      s.report.rejected++;
      continue;
    }
    if (!periodWithin(span, period)) {
      s.report.outOfPeriod++;
      continue;
    }
    const subject = subjectOf(r, roster, false, warnings);
    if (!subject?.member) {
      s.report.rejected++;
      continue;
    }
    s.report.used++;
    recommendations.push({ member: subject.member, source: r.ref(span.first) });
  }
  return { report: s.report, recommendations };
}

// ---------------------------------------------------------------------------------------------
// History of winners (获奖记录)

const WIN_WORDS = new Set(['', 'winner', '获奖', '当选', '服务之星', '是']);

/**
 * A history status among the winners (§13): a win word (blank included: an office's own history
 * lists winners only), or a word beginning 并列 / tie; any other word is not among the winners.
 */
export function historyStatus(value: unknown): 'winner' | 'tie' | null {
  const key = normalizeKey(value);
  if (WIN_WORDS.has(key)) return 'winner';
  return key.startsWith('并列') || key.startsWith('tie') ? 'tie' : null;
}

/**
 * Past wins in the year of the period, other than the period itself (its block is replaced by
 * this run). People are keyed by id, else by name, so people who have left still count. The
 * period's own block (counted outOfPeriod, as it is replaced) is kept for "what changed" (§13).
 */
export function readHistory(
  input: TableInput, period: Period, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; wins: PastWin[]; block: HistoryEntry[] } {
  const wins: PastWin[] = [];
  const block: HistoryEntry[] = [];
  const s = scan('history', input, warnings, errors);
  if (!s) return { report: null, wins, block };
  for (const r of s.rows) {
    const span = parsePeriodCell(r.cell('period'), input.date1904 ?? false);
    if (!span) {
      warnings.push(messages.badPeriodCell(r.where('period'), cleanText(r.cell('period'))));
      s.report.rejected++;
      continue;
    }
    const inYear = partsOf(span.first).year === period.year;
    if (!inYear || span.id === period.id) {
      s.report.outOfPeriod++;
      const status = span.id === period.id ? historyStatus(r.cell('status')) : null;
      if (status) block.push({ id: r.text('id'), name: r.text('name'), department: r.text('department'), status });
      continue;
    }
    const personKey = normalizeKey(r.text('id')) || normalizeKey(r.text('name'));
    if (personKey === '') {
      warnings.push(messages.noPerson(r.where()));
      s.report.rejected++;
      continue;
    }
    s.report.used++;
    if (historyStatus(r.cell('status')) === 'winner') wins.push({ periodId: span.id, personKey, source: r.ref(span.first) });
  }
  return { report: s.report, wins, block };
}
