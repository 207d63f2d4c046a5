import { type Day, parseDay, partsOf } from './dates';
import { type ColumnMap, type Field, FIELD_NAMES, findHeader, isRepeatedHeader } from './headers';
import { messages, type Problem } from './messages';
import { parseNumber, parseRate } from './numbers';
import { buildRoster, isActive, matchPerson, type PersonMatch, type Roster, type StaffMember } from './people';
import { inPeriod, parseMonth, parsePeriodCell, periodWithin, type Period } from './period';
import type {
  FineRecord, HistoryEntry, InspectionKind, PastWin, PraiseRecord, Recommendation, RowRef, SatisfactionRecord, Subject, TableReport, Violation,
} from './records';
import type { SchemeParameters, Severity } from './scheme';
import { cleanText, idText, isBlank, normalizeKey, recordText } from './text';
import type { Cell, PersonAssignment, TableInput, TableKey } from './types';

/**
 * The data row being checked: its cells, where it is, and the warnings it raises. One reader
 * walks a whole table, moved from row to row, so a large table allocates nothing per row here.
 */
export class RowReader {
  cells: readonly Cell[] = [];
  row = 0;
  private readonly assignments: ReadonlyMap<number, PersonAssignment>;

  constructor(
    private readonly table: TableKey,
    private readonly input: TableInput,
    private readonly columns: ColumnMap,
    private readonly headers: Partial<Record<Field, string>>,
  ) {
    this.assignments = new Map((input.assignments ?? []).map((a) => [a.row, a]));
  }

  /** The person the office assigned to this record, if this row is still that record. */
  assignment(written: string): PersonAssignment | undefined {
    const a = this.assignments.get(this.row);
    return a && normalizeKey(a.written) === normalizeKey(written) && a.record === recordText(this.cells) ? a : undefined;
  }

  has(field: Field): boolean {
    return this.columns[field] !== undefined;
  }

  cell(field: Field): Cell {
    const index = this.columns[field];
    return index === undefined ? null : this.cells[index];
  }

  text(field: Field): string {
    const v = this.cell(field);
    return field === 'id' ? idText(v) : cleanText(v);
  }

  where(field?: Field) {
    return { table: this.table, sheet: this.input.sheet, row: this.row, column: field ? this.headers[field] ?? FIELD_NAMES[field].zh : null };
  }

  ref(day: Day | null): RowRef {
    return { table: this.table, sheet: this.input.sheet, row: this.row, day };
  }
}

export interface Scan {
  report: TableReport;
  /** The rows to check, blank and repeated-header rows already counted; the reader moves on each step. */
  rows: Iterable<RowReader>;
}

/** Finds the header and walks the data rows, counting blank and repeated-header rows (§1, §10). */
export function scan(table: TableKey, input: TableInput, warnings: Problem[], errors: Problem[]): Scan | null {
  const firstRow = input.firstRow ?? 1;
  const header = findHeader(table, input.grid, input.columns, input.firstColumn ?? 1);
  if (!('columns' in header)) {
    errors.push(messages.missingColumn({ table, sheet: input.sheet, row: null }, header.missing.map((f) => FIELD_NAMES[f])));
    return null;
  }
  const { headerIndex, columns, headers } = header;
  let end = input.grid.length;
  while (end > headerIndex + 1 && (input.grid[end - 1] ?? []).every(isBlank)) end--;
  const report: TableReport = {
    table, sheet: input.sheet, rows: end - headerIndex - 1, used: 0, outOfPeriod: 0, skippedBlank: 0, rejected: 0,
    columns: headers as Record<string, string>, headerRow: firstRow + headerIndex,
  };
  function* rows(): Generator<RowReader> {
    const reader = new RowReader(table, input, columns, headers);
    const headerCells = input.grid[headerIndex] ?? [];
    const mapped = Object.values(columns);
    for (let i = headerIndex + 1; i < end; i++) {
      const cells = input.grid[i] ?? [];
      reader.cells = cells;
      reader.row = firstRow + i;
      if (cells.every(isBlank)) report.skippedBlank++;
      else if (isRepeatedHeader(cells, headerCells, mapped)) {
        report.rejected++;
        warnings.push(messages.repeatedHeader(reader.where()));
      } else yield reader;
    }
  }
  return { report, rows: rows() };
}

/** Reads one numeric cell; a bad one is warned and rejects the row. */
function numberOf(r: RowReader, field: Field, problems: Problem[], read = parseNumber): number | null | undefined {
  const value = read(r.cell(field));
  if (value !== null && Number.isNaN(value)) {
    problems.push(messages.badNumber(r.where(field), cleanText(r.cell(field))));
    return undefined;
  }
  return value;
}

function dayOf(r: RowReader, field: Field, date1904: boolean, problems: Problem[]): Day | null {
  const day = parseDay(r.cell(field), date1904);
  if (day === null) problems.push(messages.badDate(r.where(field), cleanText(r.cell(field))));
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
  const seen = new Map<string, number[]>();
  for (const r of s.rows) {
    const id = r.text('id');
    if (id === '') {
      s.report.rejected++;
      warnings.push(messages.missingId(r.where('id')));
      continue;
    }
    const missing = (['name', 'department'] as const).find((f) => r.text(f) === '');
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
    const rows = seen.get(key);
    if (rows) rows.push(r.row);
    else seen.set(key, [r.row]);
    members.push({
      id, key, name: r.text('name'), department: r.text('department'), post: r.text('post'),
      active: isActive(r.cell('active')), windowSince, sheet: input.sheet, row: r.row,
    });
    s.report.used++;
  }
  for (const [, rows] of seen) {
    if (rows.length < 2) continue;
    const first = members.find((m) => m.row === rows[0]) as StaffMember;
    errors.push(messages.duplicateId({ table: 'staff', sheet: input.sheet, row: rows[1] as number, column: s.report.columns.id ?? null }, first.id, rows));
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
    const day = dayOf(r, 'date', date1904, warnings);
    const points = day === null ? undefined : numberOf(r, 'points', warnings);
    if (day === null || points === undefined) {
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
    if (!isViolation(r.cell('result'), points)) continue;
    const violation: Violation = {
      subject, day, points: points ?? parameters.violationPoints, kind: inspectionKind(r.cell('kind')),
      item: r.text('item'), source: r.ref(day),
    };
    out.yearToDate.push(violation);
    if (current) out.violations.push(violation);
  }
  return out;
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
    const day = dayOf(r, 'date', input.date1904 ?? false, warnings);
    const amount = day === null ? undefined : numberOf(r, 'amount', warnings);
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
    const day = dayOf(r, 'date', input.date1904 ?? false, warnings);
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
