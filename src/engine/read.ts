import { type Day, parseDay, partsOf, yearlessDay } from './dates';
import { type ColumnMap, type Field, FIELD_NAMES, isRepeatedHeader, type KindColumn, lookalikeHeaders } from './headers';
import { isDitto, isLocated, type LocatedPart, type LocatedTable } from './layout';
import { Memo } from './memo';
import { columnLetters } from './mapping';
import { messages, notCountedConsequence, ROW_NOT_COUNTED, type Problem, type Where } from './messages';
import { parseCount, parseDeduction, parseFigure, parseRate } from './numbers';
import { buildRoster, isActive, matchPerson, type PersonMatch, type Roster, type StaffMember } from './people';
import { inPeriod, parseMonth, parsePeriodCell, periodWithin, type Period } from './period';
import type {
  FineRecord, HistoryEntry, InspectionKind, PastWin, PraiseRecord, Recommendation, RowRef, SatisfactionRecord, Subject, TableReport, Violation,
} from './records';
import type { SchemeParameters, Severity } from './scheme';
import { cleanText, idText, isBlank, normalizeKey, recordText } from './text';
import type { Bilingual, Cell, PersonAssignment, TableInput, TableKey, TableSheet } from './types';

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

/**
 * What became of one data row (§1): every row between a sheet's header and its last data row
 * gets exactly one, so the accounting is a count of verdicts.
 */
export type Verdict = 'used' | 'outOfPeriod' | 'skippedBlank' | 'rejected';

/** A table's row reader: the verdict on the row the reader is at (its warnings pushed as it goes). */
export type ReadRow = (r: RowReader) => Verdict;

/** The row accounting of §1 from a table's verdicts: the one place the identity is made. */
export function accounting(verdicts: readonly Verdict[]): Pick<TableReport, 'rows' | 'used' | 'outOfPeriod' | 'skippedBlank' | 'rejected'> {
  let used = 0;
  let outOfPeriod = 0;
  let skippedBlank = 0;
  let rejected = 0;
  // Named counters, not `count[v]++`: a property chosen by a string on every row is a keyed access.
  for (const v of verdicts) {
    if (v === 'used') used++;
    else if (v === 'outOfPeriod') outOfPeriod++;
    else if (v === 'skippedBlank') skippedBlank++;
    else rejected++;
  }
  return { rows: verdicts.length, used, outOfPeriod, skippedBlank, rejected };
}

export interface Scan {
  report: TableReport;
  /** One verdict per data row, in sheet and row order. */
  verdicts: Verdict[];
}

/**
 * A column map with every field, in one order: every sheet's map then has the same shape, so the
 * reader's per-row `columns[field]` is a plain property load, not a dictionary lookup.
 */
function denseColumns(columns: ColumnMap): ColumnMap {
  const dense: ColumnMap = {};
  for (const field of ALL_FIELDS) dense[field] = columns[field];
  return dense;
}
const ALL_FIELDS = Object.keys(FIELD_NAMES) as Field[];

/** A column's header text on its sheet, or its letter when it has none. */
function columnName(part: TableSheet, header: readonly Cell[], index: number): string {
  const text = cleanText(header[index]);
  return text === '' ? columnLetters((part.firstColumn ?? 1) + index) : text;
}

/**
 * Walks the data rows of a located table in sheet order and gives each its verdict (§1, §10,
 * §11): blank rows and lines are skippedBlank, repeated headers and formulas without a value
 * rejected, the rest the table's own `read`; ditto cells (同上) take the value above. Null when a
 * sheet lacks a required column (MISSING_COLUMN in `errors`).
 */
/** The person a row names, as written: its name, else its id ('' when it names neither). */
function writtenPerson(r: RowReader): string {
  const name = r.has('name') ? r.text('name') : '';
  return name !== '' ? name : r.has('id') ? r.text('id') : '';
}

/** What leaving a row out means for the person it names (Problem.notCounted); a table may say it more precisely. */
export type LeftOut = (r: RowReader) => Bilingual;

export function scan(
  located: LocatedTable, warnings: Problem[], errors: Problem[], read: ReadRow,
  leftOut: LeftOut = (r) => notCountedConsequence(located.table, writtenPerson(r)),
): Scan | null {
  const { table, input } = located;
  const parts: LocatedPart[] = [];
  for (const p of located.sheets) {
    if (isLocated(p)) parts.push(p);
    // Named at the row that came closest to a header, so the wizard can select it.
    else errors.push(messages.missingColumn({ table, sheet: p.part.sheet, row: p.nearest ? (p.part.firstRow ?? 1) + p.nearest.headerIndex : null }, p.missing.map((f) => FIELD_NAMES[f])));
  }
  const first = parts[0];
  if (!first || parts.length < located.sheets.length) return null;
  const names = parts.map((l) => l.part.sheet);
  for (const sheet of input.passedOver ?? []) warnings.push(messages.moreSheets({ table, sheet, row: null }, names));
  for (const { part, at } of parts) {
    const headerCells = at.grid[at.header.headerIndex] ?? [];
    const skip = new Set(at.kinds.map((k) => k.index));
    for (const look of lookalikeHeaders(table, headerCells, at.header.columns, skip)) {
      warnings.push(messages.lookalikeHeader(
        { table, sheet: part.sheet, row: (part.firstRow ?? 1) + at.header.headerIndex, column: look.header }, FIELD_NAMES[look.field]));
    }
  }
  // One slot a data row, made at its size: a large table's list is not grown and copied as it fills.
  const verdicts = new Array<Verdict>(parts.reduce((n, p) => n + Math.max(0, p.end - p.at.header.headerIndex - 1), 0));
  const reader = new RowReader(table, input);
  let next = 0;
  for (const p of parts) next = walk(p, reader, verdicts, next, warnings, read, leftOut);
  if (reader.yearless) warnings.push(messages.yearlessDate(reader.yearless.where, reader.yearless.text, reader.yearless.count));
  const report: TableReport = {
    table, sheet: located.sheets.map((p) => p.part.sheet).join('、'), ...accounting(verdicts),
    columns: first.at.header.headers as Record<string, string>, headerRow: (input.firstRow ?? 1) + first.at.header.headerIndex,
  };
  return { report, verdicts };
}

/**
 * The rows of one sheet, each given its verdict from slot `next` on; returns the slot after its
 * last. Its own function, everything it touches taken into locals first: the hot loop stays
 * optimised whatever the shapes of the table objects around it.
 */
function walk(
  { part, at, end }: LocatedPart, reader: RowReader, verdicts: Verdict[], next: number, warnings: Problem[], read: ReadRow, leftOut: LeftOut,
): number {
  let slot = next;
  const firstRow = part.firstRow ?? 1;
  const { headerIndex, columns, headers } = at.header;
  const { grid, lines, headings } = at;
  const stored = part.grid;
  reader.sheet = part.sheet;
  reader.columns = denseColumns(columns);
  reader.headers = headers;
  reader.kinds = at.kinds;
  const headerCells = grid[headerIndex] ?? [];
  const mapped = Object.values(columns);
  const noValue = new Map<number, number>();
  for (const f of part.formulasWithoutValue ?? []) if (!noValue.has(f.row)) noValue.set(f.row, f.column);
  const above: Cell[] = [];
  for (let i = headerIndex + 1; i < end; i++) {
    let cells = grid[i] ?? [];
    reader.row = firstRow + i;
    reader.heading = headings.size === 0 ? null : headings.get(i) ?? null;
    const formula = noValue.size === 0 ? undefined : noValue.get(i);
    if (formula !== undefined) {
      reader.cells = grid[i] ?? [];
      warnings.push(messages.formulaNoValue({ ...reader.where(), column: columnName(part, headerCells, formula) }));
      verdicts[slot++] = reject(reader, warnings, warnings.length - 1, leftOut);
      continue;
    }
    if (lines.size > 0 && lines.has(i)) {
      verdicts[slot++] = 'skippedBlank';
      continue;
    }
    // One pass over the cells: blank or not, ditto marks, and the last value of each column (for 同上).
    let blank = true;
    let ditto = false;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (isBlank(c)) continue;
      blank = false;
      if (isDitto(c)) ditto = true;
      else above[k] = c;
    }
    if (blank) {
      verdicts[slot++] = 'skippedBlank';
      continue;
    }
    if (ditto) {
      cells = cells.map((c, k) => (isDitto(c) ? above[k] ?? c : c));
      for (let k = 0; k < cells.length; k++) if (!isBlank(cells[k])) above[k] = cells[k];
    }
    reader.cells = cells;
    reader.stored = stored[i] ?? [];
    if (isRepeatedHeader(cells, headerCells, mapped)) {
      // A header again is not a person's row: left out, with nothing to say about a person.
      warnings.push({ ...messages.repeatedHeader(reader.where()), notCounted: ROW_NOT_COUNTED });
      verdicts[slot++] = 'rejected';
      continue;
    }
    const before = warnings.length;
    const verdict = read(reader);
    verdicts[slot++] = verdict === 'rejected' ? reject(reader, warnings, before, leftOut) : verdict;
  }
  return slot;
}

/**
 * A rejected row's problems (those pushed for it from `from` on) say the row is not counted and
 * what that means (Problem.notCounted): step 2 of the wizard lists them apart from the rows counted.
 */
function reject(reader: RowReader, warnings: Problem[], from: number, leftOut: LeftOut): 'rejected' {
  let consequence: Bilingual | null = null;
  for (let k = from; k < warnings.length; k++) {
    const w = warnings[k];
    if (w && w.row === reader.row && w.sheet === reader.sheet) w.notCounted = consequence ??= leftOut(reader);
  }
  return 'rejected';
}

/** Reads one numeric cell; a bad one is warned and rejects the row. */
function numberOf(r: RowReader, field: Field, problems: Problem[], read: (v: unknown) => number | null = parseCount): number | null | undefined {
  const cell = r.cell(field);
  const value = read(cell);
  // Where it is, only for a bad one: the good cell of every row allocates nothing.
  return value !== null && Number.isNaN(value) ? badNumber(cell, r.where(field), problems, read) : value;
}

function numberIn(cell: Cell, where: Where, problems: Problem[], read: (v: unknown) => number | null): number | null | undefined {
  const value = read(cell);
  return value !== null && Number.isNaN(value) ? badNumber(cell, where, problems, read) : value;
}

/** Says why a number cannot be read (§11a): a figure that is negative, a rate over 100 %, or no number at all. */
function badNumber(cell: Cell, where: Where, problems: Problem[], read: (v: unknown) => number | null): undefined {
  const text = cleanText(cell);
  const figure = parseFigure(typeof cell === 'string' ? cell.replace(/%$/u, '') : cell);
  const readable = figure !== null && !Number.isNaN(figure);
  problems.push(read === parseRate && readable ? messages.rateOver100(where, text)
    : readable && figure < 0 ? messages.negativeNumber(where, text) : messages.badNumber(where, text));
  return undefined;
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
  verdicts: Verdict[];
  errors: Problem[];
}

export function readStaff(located: LocatedTable, warnings: Problem[]): StaffRead {
  const errors: Problem[] = [];
  const date1904 = located.input.date1904 ?? false;
  const members: StaffMember[] = [];
  const seen = new Map<string, StaffMember[]>();
  // A blank department under a filled one is the one above (§11: written once per group).
  let department = '';
  let group: string | null = null;
  let filled: { where: Where; department: string; count: number } | null = null;
  const s = scan(located, warnings, errors, (r) => {
    const id = r.text('id');
    if (id === '') {
      warnings.push(messages.missingId(r.where('id')));
      return 'rejected';
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
    const name = r.text('name');
    const missing = name === '' ? 'name' : own === '' ? 'department' : null;
    if (missing) {
      warnings.push(messages.missingField(r.where(missing), FIELD_NAMES[missing]));
      return 'rejected';
    }
    let windowSince: Day | null = null;
    if (r.has('windowSince') && !isBlank(r.cell('windowSince'))) {
      windowSince = parseDay(r.cell('windowSince'), date1904);
      if (windowSince === null) warnings.push(messages.badDate(r.where('windowSince'), cleanText(r.cell('windowSince'))));
    }
    const key = normalizeKey(id);
    const member: StaffMember = {
      id, key, name, department: own, post: r.text('post'),
      active: isActive(r.cell('active')), windowSince, sheet: r.sheet, row: r.row, index: members.length,
    };
    const same = seen.get(key);
    if (same) same.push(member);
    else seen.set(key, [member]);
    members.push(member);
    return 'used';
  });
  if (!s) return { roster: buildRoster([]), report: null, verdicts: [], errors };
  if (filled) {
    const f = filled as { where: Where; department: string; count: number };
    warnings.push(messages.departmentFilled(f.where, f.department, f.count));
  }
  for (const [, same] of seen) {
    const [first, second] = same;
    if (!first || !second) continue;
    errors.push(messages.duplicateId(
      { table: 'staff', sheet: second.sheet, row: second.row, column: s.report.columns.id ?? null }, first.id, same.map((m) => m.row)));
  }
  return { roster: buildRoster(members), report: s.report, verdicts: s.verdicts, errors };
}

// ---------------------------------------------------------------------------------------------
// Person columns shared by every record table

/**
 * The person columns of one table's rows, resolved against the roster. The common row — an id on
 * the roster, and no name or the roster's own spelling — is looked up once per distinct id cell
 * as written, so a large table normalises each id once and checks one equality a row.
 */
export class People {
  private readonly byIdCell = new Map<Cell, { subject: Subject; member: StaffMember; name: Cell } | null>();
  /**
   * One subject per staff member, shared by all the member's records (a large table repeats
   * them), in the member's slot: a module-wide weak map of members that die with every run grew
   * slow to search (~1 µs a lookup on 200,000 inspections).
   */
  private readonly subjects: (Subject | undefined)[];

  constructor(readonly roster: Roster) {
    this.subjects = new Array<Subject | undefined>(roster.members.length);
  }

  subject(member: StaffMember): Subject {
    return (this.subjects[member.index] ??= { member, department: member.department });
  }

  /** Resolves the row's person; rejects (returns null) with a warning when it cannot. */
  subjectOf(r: RowReader, allowDepartment: boolean, problems: Problem[] | null): Subject | null {
    const idCell = r.cell('id');
    if (idCell !== null && idCell !== undefined) {
      let known = this.byIdCell.get(idCell);
      if (known === undefined) {
        const member = this.roster.byId.get(normalizeKey(idCell));
        known = member ? { subject: this.subject(member), member, name: member.name } : null;
        this.byIdCell.set(idCell, known);
      }
      if (known) {
        const nameCell = r.cell('name');
        if (nameCell === null || nameCell === undefined || nameCell === known.name) return known.subject;
        // The roster's spelling written anew: kept, so the person's next row compares one reference.
        if (nameCell === known.member.name) {
          known.name = nameCell;
          return known.subject;
        }
      }
    }
    return matchRow(r, this, allowDepartment, problems);
  }
}

/**
 * A reader and a person lookup kept for the life of the module. V8 keeps an object layout (hidden
 * class) only while some object has it, and discards the code optimised for that layout when it
 * goes: between runs (a rerun in the task pane, a benchmark's gc()) every reader is collected, and
 * each run would recompile its hot loops and run slow until then (--trace-deopt: "weak objects";
 * 200,000 inspections read ~30 % slower after a full collection).
 */
export const KEPT_LAYOUTS: readonly object[] = [new RowReader('staff', { sheet: '', grid: [] }), new People(buildRoster([]))];

/** Any other row: matched as §1 says, with the office's assignment and the warnings. */
function matchRow(r: RowReader, people: People, allowDepartment: boolean, problems: Problem[] | null): Subject | null {
  const roster = people.roster;
  const ref = { id: r.text('id'), name: r.text('name'), department: r.text('department') };
  const match: PersonMatch = matchPerson(roster, ref);
  const warn = (p: Problem) => problems?.push(p);
  switch (match.kind) {
    case 'person':
      if (match.mismatch) warn(messages.nameMismatch(r.where('name'), ref.id, ref.name, match.member.name));
      return people.subject(match.member);
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
        return people.subject(assigned);
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
  return kinds.get(value);
}
const kinds = words((key): InspectionKind => (OFFSITE.has(key) || OFFSITE_HINTS.some((h) => key.includes(h)) ? 'offsite' : 'onsite'));

/**
 * Whether an inspection row is a violation (§3): its result says so; a blank or unknown result
 * (or no result column) falls back to the points rule, where blank points mean the default.
 */
export function isViolation(result: unknown, points: number | null): boolean {
  return resultWords.get(result) ?? (points === null || points !== 0);
}
/** What a result word says: a violation, not one, or nothing (the points decide). */
const resultWords = words((key) => (VIOLATION.has(key) ? true : NOT_VIOLATION.has(key) ? false : null));

/**
 * What word cells mean, looked up by the cell as written: a large table repeats a few words, so
 * each is normalised and classified once, and a row costs one lookup, not three.
 */
function words<T>(meaning: (key: string) => T): Memo<unknown, T> {
  return new Memo(10_000, (value: unknown) => meaning(normalizeKey(value)));
}

export interface InspectionsRead {
  report: TableReport | null;
  verdicts: Verdict[];
  /** Violations in the period. */
  violations: Violation[];
  /** Violations from 1 January through the period's last day, for the annual limits. */
  yearToDate: Violation[];
}

export function readInspections(
  located: LocatedTable, roster: Roster, period: Period, ytdFirst: Day, parameters: SchemeParameters, warnings: Problem[], errors: Problem[],
): InspectionsRead {
  const violations: Violation[] = [];
  const yearToDate: Violation[] = [];
  const date1904 = located.input.date1904 ?? false;
  const people = new People(roster);
  const add = (r: RowReader, subject: Subject, day: Day, current: boolean, points: number | null, kind: InspectionKind | null) => {
    if (!isViolation(r.cell('result'), points)) return;
    const violation: Violation = {
      table: 'inspections', sheet: r.sheet, row: r.row, day,
      subject, points: points ?? parameters.violationPoints, kind: kind ?? inspectionKind(r.cell('kind')), item: r.text('item'),
    };
    yearToDate.push(violation);
    if (current) violations.push(violation);
  };
  const s = scan(located, warnings, errors, (r) => {
    const day = dayOf(r, 'date', date1904, warnings, period.year);
    if (day === null) return 'rejected';
    // One points column (the common table) is read without building a list per row.
    const single = r.kinds.length === 0;
    const points = single ? numberOf(r, 'points', warnings, parseDeduction) : null;
    const byKind = single ? null : kindPoints(r, warnings);
    if (points === undefined || byKind === undefined) return 'rejected';
    const current = inPeriod(period, day);
    // A row before the period still counts toward the year's limits (§4): its person is read, unwarned.
    if (!current && (day < ytdFirst || day > period.last)) return 'outOfPeriod';
    const subject = people.subjectOf(r, true, current ? warnings : null);
    if (!subject) return current ? 'rejected' : 'outOfPeriod';
    if (byKind === null) add(r, subject, day, current, points, null);
    else for (const k of byKind) add(r, subject, day, current, k.points, k.kind);
    return current ? 'used' : 'outOfPeriod';
  });
  return { report: s?.report ?? null, verdicts: s?.verdicts ?? [], violations, yearToDate };
}

/**
 * The points of an inspection row with points in one column per kind (§11): each filled kind
 * column is a violation of its own; a row with none filled is one record with blank points (the
 * default rule of §3). Signs and words are read as deductions. Undefined: a bad number, row rejected.
 */
function kindPoints(r: RowReader, warnings: Problem[]): { points: number | null; kind: InspectionKind | null }[] | undefined {
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
  return typeof value === 'boolean' ? value : validWords.get(value);
}
const validWords = words((key) => !INVALID_WORDS.has(key));

export function severityOf(value: unknown): Severity | null {
  return severities.get(value);
}
const severities = words((key): Severity | null => SEVERITY[key] ?? null);

export interface FinesRead {
  report: TableReport | null;
  verdicts: Verdict[];
  fines: FineRecord[];
}

export function readFines(
  located: LocatedTable, roster: Roster, period: Period, parameters: SchemeParameters, warnings: Problem[], errors: Problem[],
): FinesRead {
  const fines: FineRecord[] = [];
  const date1904 = located.input.date1904 ?? false;
  const vetoTypes = new Set(parameters.vetoTypes.map(normalizeKey));
  const fineTypes = new Set(parameters.fineTypes.map(normalizeKey));
  const people = new People(roster);
  // A blank type is a complaint (§2): the one test of a veto type, for the row and for what leaving it out means.
  const vetoType = (type: string) => {
    const key = normalizeKey(type);
    return key === '' || vetoTypes.has(key);
  };
  // Each type as written is judged once: a veto type, a fines type, or neither (warned on each of its rows).
  const types = new Map<string, { isVeto: boolean; known: boolean }>();
  const typeOf = (type: string) => {
    let judged = types.get(type);
    if (!judged) {
      const isVeto = vetoType(type);
      judged = { isVeto, known: isVeto || fineTypes.has(normalizeKey(type)) };
      types.set(type, judged);
    }
    return judged;
  };
  const s = scan(located, warnings, errors, (r) => {
    const day = dayOf(r, 'date', date1904, warnings, period.year);
    const amount = day === null ? undefined : numberOf(r, 'amount', warnings, parseDeduction);
    if (day === null || amount === undefined) return 'rejected';
    if (!inPeriod(period, day)) return 'outOfPeriod';
    const subject = people.subjectOf(r, true, warnings);
    if (!subject) return 'rejected';
    const type = r.text('type');
    const { isVeto, known } = typeOf(type);
    if (!known) warnings.push(messages.unknownType(r.where('type'), type));
    const valid = isValid(r.cell('valid'));
    const severity = severityOf(r.cell('severity'));
    if (valid && isVeto && amount !== null && (amount < parameters.complaintYuanMin || amount > parameters.complaintYuanMax)) {
      warnings.push(messages.amountOutOfRange(r.where('amount'), amount, parameters.complaintYuanMin, parameters.complaintYuanMax));
    }
    const yuan = !valid ? 0 : amount ?? (severity ? parameters.complaintYuan[severity] : parameters.defaultComplaintYuan);
    fines.push({ table: 'fines', sheet: r.sheet, row: r.row, day, subject, type, isVeto, valid, severity, yuan, reason: r.text('reason') });
    return 'used';
  }, (r) => notCountedConsequence('fines', writtenPerson(r), vetoType(r.text('type')) && isValid(r.cell('valid'))));
  return { report: s?.report ?? null, verdicts: s?.verdicts ?? [], fines };
}

// ---------------------------------------------------------------------------------------------
// Praise (表扬记录)

export function readPraise(
  located: LocatedTable, roster: Roster, period: Period, parameters: SchemeParameters, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; verdicts: Verdict[]; praise: PraiseRecord[] } {
  const praise: PraiseRecord[] = [];
  const date1904 = located.input.date1904 ?? false;
  const people = new People(roster);
  const s = scan(located, warnings, errors, (r) => {
    const day = dayOf(r, 'date', date1904, warnings, period.year);
    const points = day === null ? undefined : numberOf(r, 'points', warnings);
    if (day === null || points === undefined) return 'rejected';
    if (!inPeriod(period, day)) return 'outOfPeriod';
    const subject = people.subjectOf(r, false, warnings);
    if (!subject?.member) return 'rejected';
    praise.push({ member: subject.member, day, points: points ?? parameters.praisePoints, sourceText: r.text('source'), source: r.ref(day) });
    return 'used';
  });
  return { report: s?.report ?? null, verdicts: s?.verdicts ?? [], praise };
}

// ---------------------------------------------------------------------------------------------
// Satisfaction (满意度)

export function readSatisfaction(
  located: LocatedTable, roster: Roster, period: Period, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; verdicts: Verdict[]; satisfaction: SatisfactionRecord[] } {
  const satisfaction: SatisfactionRecord[] = [];
  const date1904 = located.input.date1904 ?? false;
  const people = new People(roster);
  const s = scan(located, warnings, errors, (r) => {
    const month = parseMonth(r.cell('month'), period.year, date1904);
    if (!month) {
      warnings.push(messages.badDate(r.where('month'), cleanText(r.cell('month'))));
      return 'rejected';
    }
    const evaluations = numberOf(r, 'evaluations', warnings);
    const satisfied = numberOf(r, 'satisfied', warnings);
    const rate = numberOf(r, 'rate', warnings, parseRate);
    const served = numberOf(r, 'served', warnings);
    if (evaluations === undefined || satisfied === undefined || rate === undefined || served === undefined) return 'rejected';
    if (evaluations !== null && satisfied !== null && satisfied > evaluations) {
      warnings.push(messages.satisfiedOverEvaluations(r.where('satisfied'), satisfied, evaluations));
      return 'rejected';
    }
    if (!periodWithin(month, period)) return 'outOfPeriod';
    const subject = people.subjectOf(r, false, warnings);
    if (!subject?.member) return 'rejected';
    satisfaction.push({ member: subject.member, month: month.id, evaluations, satisfied, rate, served, source: r.ref(month.first) });
    return 'used';
  });
  return { report: s?.report ?? null, verdicts: s?.verdicts ?? [], satisfaction };
}

// ---------------------------------------------------------------------------------------------
// Recommendations (推荐名单)

export function readRecommendations(
  located: LocatedTable, roster: Roster, period: Period, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; verdicts: Verdict[]; recommendations: Recommendation[] } {
  const recommendations: Recommendation[] = [];
  const date1904 = located.input.date1904 ?? false;
  const people = new People(roster);
  const s = scan(located, warnings, errors, (r) => {
    const span = parsePeriodCell(r.cell('period'), date1904);
    if (!span) {
      warnings.push(messages.badPeriodCell(r.where('period'), cleanText(r.cell('period'))));
      return 'rejected';
    }
    if (!periodWithin(span, period)) return 'outOfPeriod';
    const subject = people.subjectOf(r, false, warnings);
    if (!subject?.member) return 'rejected';
    recommendations.push({ member: subject.member, source: r.ref(span.first) });
    return 'used';
  });
  return { report: s?.report ?? null, verdicts: s?.verdicts ?? [], recommendations };
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
  located: LocatedTable, period: Period, warnings: Problem[], errors: Problem[],
): { report: TableReport | null; verdicts: Verdict[]; wins: PastWin[]; block: HistoryEntry[] } {
  const wins: PastWin[] = [];
  const block: HistoryEntry[] = [];
  const date1904 = located.input.date1904 ?? false;
  const s = scan(located, warnings, errors, (r) => {
    const span = parsePeriodCell(r.cell('period'), date1904);
    if (!span) {
      warnings.push(messages.badPeriodCell(r.where('period'), cleanText(r.cell('period'))));
      return 'rejected';
    }
    const inYear = partsOf(span.first).year === period.year;
    if (!inYear || span.id === period.id) {
      const status = span.id === period.id ? historyStatus(r.cell('status')) : null;
      if (status) block.push({ id: r.text('id'), name: r.text('name'), department: r.text('department'), status });
      return 'outOfPeriod';
    }
    const personKey = normalizeKey(r.text('id')) || normalizeKey(r.text('name'));
    if (personKey === '') {
      warnings.push(messages.noPerson(r.where()));
      return 'rejected';
    }
    if (historyStatus(r.cell('status')) === 'winner') wins.push({ periodId: span.id, personKey, source: r.ref(span.first) });
    return 'used';
  });
  return { report: s?.report ?? null, verdicts: s?.verdicts ?? [], wins, block };
}
