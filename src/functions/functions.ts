/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as any[][] and the metadata generator reads these types */
import { explainPerson, findPerson } from '../engine/explain';
import { messages, TABLE_NAMES, type Problem } from '../engine/messages';
import { parseNumber } from '../engine/numbers';
import { parseDay } from '../engine/dates';
import { parsePeriod, periodKindOf, periodOfDay } from '../engine/period';
import { rankAmong } from '../engine/places';
import { DEFAULT_SCHEME, schemeFromPairs } from '../engine/scheme';
import { runSelection, type PersonResult, type SelectionOutcome, type SelectionResult } from '../engine/select';
import { resultBlock } from '../engine/sheets';
import type { Cell, Grid, Lang, TableInput, TableKey } from '../engine/types';
import { readRanges } from '../io/office';
import type { SheetData } from '../io/types';
import { GridCache } from './cache';

/**
 * Excel on the web refuses a custom function result above about 5 MB; past this estimate the
 * spilling functions answer with an error that points to the task pane instead of hanging.
 */
export const MAX_SPILL_BYTES = 4_500_000;

/** Parsed selections, shared by every cell that passes the same ranges (see GridCache). */
export const selections = new GridCache<SelectionOutcome>(32);

function lang(): Lang {
  const display = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  return display && /^en/iu.test(display) ? 'en' : 'zh';
}

function both(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** #VALUE! with a message in both languages. */
function invalid(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** #N/A with a message in both languages. */
function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

function problemText(p: Problem): string {
  return both(p.message.zh, p.message.en);
}

function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function asGrid(value: any, table: TableKey): Grid | null {
  if (isOmitted(value)) return null;
  // Excel passes rectangular arrays; checking the first row keeps a cache hit at one pass over the cells.
  if (!Array.isArray(value) || !Array.isArray(value[0])) {
    throw invalid(both(`${TABLE_NAMES[table].zh}应为一个区域（含表头）`, `${TABLE_NAMES[table].en} must be a range with its header row`));
  }
  return value as Grid;
}

// -------------------------------------------------------------------------------------------------
// Ranges as the sheet holds them
//
// Excel hands a function a blank cell of a range as 0 on Windows and Mac and as null on the web
// (OfficeDev/office-js#4702, #5262, #1951), and a date as a bare serial without its format or the
// workbook's date system: a blank points cell (1 point, rules §1) would count 0, and a 1904 workbook's
// dates would be four years off. So each function asks for its parameters' addresses
// (@requiresParameterAddresses, CustomFunctionsRuntime 1.3, which the manifest requires) and reads
// its ranges again through Excel.run in the shared runtime, as the task pane reads a sheet
// (learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function): blanks
// blank, dates as dates, and messages with the sheet's own name and row numbers. An argument with no
// range behind it (an array worked out in the formula, or a call outside Excel) is used as passed.

/** An argument as Excel passed it, with the address of the range it came from when there is one. */
interface Given {
  value: any;
  address?: string;
}

/** The arguments of a call with their addresses: given(i, value) for the i-th parameter (0-based). */
function addressesOf(invocation: CustomFunctions.Invocation | undefined): (index: number, value: any) => Given {
  const addresses = invocation?.parameterAddresses;
  return (index, value) => {
    const address = addresses?.[index];
    // A literal or an omitted argument has no sheet address; only a reference names a sheet. One into
    // another workbook ([Book2]Sheet1!A1) cannot be read from this one: its values are used as passed.
    return address && address.includes('!') && !address.includes('[') && !isOmitted(value) ? { value, address } : { value };
  };
}

const excelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);

interface Waiting {
  address: string;
  resolve: (data: SheetData) => void;
  reject: (error: unknown) => void;
}

/** Reads asked for and not yet sent: the calls of one recalculation share one Excel.run. */
let waiting: Waiting[] = [];
const queued = new Map<string, Promise<SheetData>>();

/**
 * The cells of one range. Calls that ask before the read is sent share it; a call after that waits
 * for a read of its own, so what it gets is never older than the call (the cache below stays exact).
 */
function readRange(address: string): Promise<SheetData> {
  const known = queued.get(address);
  if (known) return known;
  const read = new Promise<SheetData>((resolve, reject) => {
    if (waiting.length === 0) setTimeout(sendReads, 0);
    waiting.push({ address, resolve, reject });
  });
  queued.set(address, read);
  return read;
}

function sendReads(): void {
  const batch = waiting;
  waiting = [];
  queued.clear();
  const each = (w: Waiting) => readRanges(excelRun, [w.address]).then((data) => w.resolve(data[0] as SheetData), w.reject);
  readRanges(excelRun, batch.map((w) => w.address)).then(
    (data) => batch.forEach((w, i) => w.resolve(data[i] as SheetData)),
    // One range that cannot be read (its sheet renamed meanwhile) fails the whole request: then each
    // range is read on its own, so that only the calls that need it fail.
    (error: unknown) => (batch.length === 1 ? batch[0]?.reject(error) : batch.forEach((w) => void each(w))),
  );
}

/** The cells behind an argument: read from its range, or as passed. */
async function cellsOf(arg: Given): Promise<any> {
  return arg.address ? (await readRange(arg.address)).grid : arg.value;
}

/** A single-value argument (a date, a period): its cell read as a date when formatted as one. */
async function valueOf(arg: Given): Promise<any> {
  return arg.address ? (await readRange(arg.address)).grid[0]?.[0] ?? null : arg.value;
}

/** A table argument as the engine takes it; read from its sheet, or as passed (rows counted from the range's first). */
async function tableOf(key: TableKey, arg: Given): Promise<TableInput | null> {
  const passed = asGrid(arg.value, key);
  if (!passed) return null;
  if (!arg.address) return { sheet: TABLE_NAMES[key][lang()], grid: passed };
  const data = await readRange(arg.address);
  return { sheet: data.name, grid: data.grid, date1904: data.date1904, firstRow: data.firstRow, firstColumn: data.firstColumn };
}

// -------------------------------------------------------------------------------------------------

/** The scheme argument: a preset id, or a two-column range of parameter names and values. */
function schemeOf(value: any): { id: string; overrides: Record<string, unknown>; key: string } {
  if (isOmitted(value) || value === '') return { id: DEFAULT_SCHEME, overrides: {}, key: DEFAULT_SCHEME };
  if (Array.isArray(value)) {
    const rows = value as unknown[][];
    if (rows.length === 1 && rows[0]?.length === 1) return schemeOf(rows[0][0]);
    const { scheme, overrides } = schemeFromPairs(rows);
    return { id: scheme ?? DEFAULT_SCHEME, overrides, key: JSON.stringify(rows) };
  }
  return { id: String(value).trim(), overrides: {}, key: String(value).trim() };
}

function periodText(value: any): string {
  if (typeof value === 'number' || value instanceof Date) {
    const asYear = typeof value === 'number' ? parsePeriod(value) : null;
    if (asYear) return asYear.id;
    const day = parseDay(value);
    if (day !== null) return periodOfDay(day, 'month').id;
  }
  return String(value ?? '').trim();
}

/**
 * Runs (or finds cached) the selection for these ranges. Every table is labelled with its sheet and
 * its rows numbered as the sheet numbers them (or, for an array not read from a sheet, with its usual
 * sheet name and rows counted from the range's first row, the header being row 1).
 */
async function select(tables: Partial<Record<TableKey, Given>>, period: Given, scheme: Given): Promise<SelectionResult> {
  // Every range is asked for at once, so that all of them go in one read.
  const entries = Object.entries(tables) as [TableKey, Given][];
  const [read, schemeCells, periodCell] = await Promise.all([Promise.all(entries.map(([key, arg]) => tableOf(key, arg))), cellsOf(scheme), valueOf(period)]);
  const inputs: Partial<Record<TableKey, TableInput>> = {};
  entries.forEach(([key], i) => {
    const input = read[i];
    if (input) inputs[key] = input;
  });
  if (!inputs.staff) throw invalid(problemText(messages.missingTable('staff')));
  const s = schemeOf(schemeCells);
  const p = periodText(periodCell);
  const keys = Object.keys(inputs).sort() as TableKey[];
  const where = keys.map((k) => {
    const t = inputs[k] as TableInput;
    return `${k}=${t.sheet}@${t.firstRow ?? 1},${t.firstColumn ?? 1}${t.date1904 ? ',1904' : ''}`;
  });
  const outcome = selections.get(`${lang()}|${p}|${s.key}|${where.join('|')}`, keys.map((k) => inputs[k]?.grid ?? null),
    () => runSelection({ period: p, scheme: s.id, overrides: s.overrides, tables: inputs }));
  if (!outcome.ok) throw invalid(outcome.errors.map(problemText).join('；'));
  return outcome.result;
}

function personIn(result: SelectionResult, who: any): PersonResult {
  const found = findPerson(result, Array.isArray(who) ? who[0]?.[0] : who);
  if (found.kind === 'found') return found.person;
  const text = String(who ?? '').trim();
  if (found.kind === 'ambiguous') {
    throw notAvailable(both(`同名人员「${text}」（工号 ${found.ids.join('、')}），请用工号`, `several staff are named "${text}" (ids ${found.ids.join(', ')}); use the id`));
  }
  throw notAvailable(both(`人员名单中没有「${text}」`, `"${text}" is not on the staff roster`));
}

function spill(rows: Cell[][]): any[][] {
  const out = rows.map((row) => row.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : c)));
  const bytes = JSON.stringify(out).length * 2;
  if (bytes > MAX_SPILL_BYTES) {
    throw invalid(both(
      `结果约 ${(bytes / 1e6).toFixed(1)} MB，超过 Excel 自定义函数的上限（约 5 MB），请用任务窗格写出结果表`,
      `the result is about ${(bytes / 1e6).toFixed(1)} MB, over Excel's limit for a function (about 5 MB); use the task pane to write result sheets`,
    ));
  }
  return out;
}

/**
 * The table of STAR.RESULTS, STAR.WINNERS or STAR.DEDUCTIONS (which share their parameters), with its
 * header row, and its total row when it has one (deductions).
 */
async function spilled(kind: 'results' | 'winners' | 'deductions', invocation: CustomFunctions.Invocation | undefined, args: readonly any[]): Promise<any[][]> {
  const at = addressesOf(invocation);
  // STAR.DEDUCTIONS takes no decisions: a table it does not take is an omitted one.
  const [staff, inspections, fines, period, scheme, praise, satisfaction, recommendations, decisions] = Array.from({ length: 9 }, (_, i) => at(i, args[i] ?? null));
  const result = await select({ staff, inspections, fines, praise, satisfaction, recommendations, decisions } as Partial<Record<TableKey, Given>>, period as Given, scheme as Given);
  const block = resultBlock(kind, result, lang());
  return spill([block.columns.map((c) => c.header), ...block.rows, ...(block.total ? [block.total] : [])]);
}

/**
 * The selection period that holds a date: 2026Q3, 2026-07, 2026H2 or 2026.
 * @customfunction PERIOD
 * @param date A date (or text such as 2026-07-05).
 * @param [granularity] Q (quarter, default), M (month), H (half year) or Y (year).
 * @param invocation The call's parameter addresses, to read a date cell in the workbook's date system.
 * @returns The period in its canonical form.
 * @requiresParameterAddresses
 */
export async function period(date: any, granularity?: any, invocation?: CustomFunctions.Invocation): Promise<string> {
  const at = addressesOf(invocation);
  const day = parseDay(await valueOf(at(0, date)));
  if (day === null) throw invalid(both(`无法识别的日期「${String(date ?? '')}」`, `cannot read the date "${String(date ?? '')}"`));
  const kind = periodKindOf(granularity);
  if (!kind) throw invalid(both(`期间粒度应为 Q、M、H 或 Y，而不是「${String(granularity)}」`, `granularity must be Q, M, H or Y, not "${String(granularity)}"`));
  return periodOfDay(day, kind).id;
}

/**
 * A person's score (百分制) in a period: the base score less the points of violations, plus praise.
 * @customfunction SCORE
 * @param person The person's id or name.
 * @param staff The staff roster, header row included.
 * @param inspections The supervision inspections, header row included.
 * @param period The period: 2026Q3, 2026-07, 2026H2, 2026, 2026年第三季度 …
 * @param [praise] The praise records, header row included.
 * @param [scheme] A scheme id, or a two-column range of parameter names and values.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns The score, rounded to 0.01.
 * @requiresParameterAddresses
 */
export async function score(person: any, staff: any[][], inspections: any[][], period: any, praise?: any[][], scheme?: any[][],
  invocation?: CustomFunctions.Invocation): Promise<number> {
  const at = addressesOf(invocation);
  const result = await select({ staff: at(1, staff), inspections: at(2, inspections), praise: at(4, praise) }, at(3, period), at(5, scheme));
  return personIn(result, person).score;
}

/**
 * Why a person is not eligible (一票否决) in a period; empty when the person is eligible.
 * @customfunction VETO
 * @param person The person's id or name.
 * @param staff The staff roster, header row included.
 * @param fines The fines and complaints, header row included.
 * @param period The period: 2026Q3, 2026-07, 2026H2, 2026 …
 * @param [inspections] The inspections, for the annual points limit.
 * @param [satisfaction] The satisfaction survey, for the satisfaction minimums.
 * @param [scheme] A scheme id, or a two-column range of parameter names and values.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns The veto reasons in words, joined; empty text when eligible.
 * @requiresParameterAddresses
 */
export async function veto(person: any, staff: any[][], fines: any[][], period: any, inspections?: any[][], satisfaction?: any[][], scheme?: any[][],
  invocation?: CustomFunctions.Invocation): Promise<string> {
  const at = addressesOf(invocation);
  const result = await select({ staff: at(1, staff), fines: at(2, fines), inspections: at(4, inspections), satisfaction: at(5, satisfaction) },
    at(3, period), at(6, scheme));
  const p = personIn(result, person);
  const l = lang();
  return p.vetoes.map((v) => v.reason[l]).join(l === 'zh' ? '；' : '; ');
}

/**
 * A person's bonus deduction (奖金扣罚) in yuan for one month.
 * @customfunction DEDUCTION
 * @param person The person's id or name.
 * @param staff The staff roster, header row included.
 * @param inspections The supervision inspections, header row included.
 * @param fines The fines and complaints, header row included.
 * @param month The month: 2026-07, 2026年7月, or a date in it.
 * @param [scheme] A scheme id, or a two-column range of parameter names and values.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns Yuan deducted in that month.
 * @requiresParameterAddresses
 */
export async function deduction(person: any, staff: any[][], inspections: any[][], fines: any[][], month: any, scheme?: any[][],
  invocation?: CustomFunctions.Invocation): Promise<number> {
  const at = addressesOf(invocation);
  const result = await select({ staff: at(1, staff), inspections: at(2, inspections), fines: at(3, fines) }, at(4, month), at(5, scheme));
  if (result.period.kind !== 'month') throw invalid(both(`「${String(month)}」不是月份（例如 2026-07）`, `"${String(month)}" is not a month (e.g. 2026-07)`));
  const p = personIn(result, person);
  return result.deductions.filter((d) => d.member === p.member).reduce((sum, d) => sum + d.totalYuan, 0);
}

/**
 * Traces a person's score, vetoes and yuan to their source rows.
 * @customfunction EXPLAIN
 * @param person The person's id or name.
 * @param staff The staff roster, header row included.
 * @param inspections The supervision inspections, header row included.
 * @param fines The fines and complaints, header row included.
 * @param period The period: 2026Q3, 2026-07, 2026H2, 2026 …
 * @param [scheme] A scheme id, or a two-column range of parameter names and values.
 * @param [praise] The praise records, so the explained score includes praise as STAR.SCORE does.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns A short explanation naming the rows behind each number.
 * @requiresParameterAddresses
 */
export async function explain(person: any, staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][],
  invocation?: CustomFunctions.Invocation): Promise<string> {
  const at = addressesOf(invocation);
  const result = await select({ staff: at(1, staff), inspections: at(2, inspections), fines: at(3, fines), praise: at(6, praise) }, at(4, period), at(5, scheme));
  return explainPerson(personIn(result, person), result, lang());
}

function notAmong(): CustomFunctions.Error {
  return notAvailable(both('该得分不在得分区域中', 'the score is not among the scores'));
}

// DENSERANK, not RANK: Excel's own RANK ranks 1, 2, 2, 4, and a name should say what the function does
// (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming).
/**
 * Dense rank (中国式排名: 1, 2, 2, 3) of a score among scores, highest first.
 * @customfunction DENSERANK
 * @param score The score to rank.
 * @param scores The scores to rank among.
 * @param [groups] The group (department) of each score, to rank within the group.
 * @param [group] The group of this score; needed with groups when the same score is in several groups.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns The rank.
 * @requiresParameterAddresses
 */
export async function denseRank(score: number, scores: any[][], groups?: any[][], group?: any, invocation?: CustomFunctions.Invocation): Promise<number> {
  const at = addressesOf(invocation);
  const value = parseNumber(score);
  if (value === null || Number.isNaN(value)) throw invalid(both('得分应为数字', 'the score must be a number'));
  // Read from the sheet, a blank score is blank, not the 0 Excel passes for it on Windows and Mac.
  const values = ((await cellsOf(at(1, scores))) as any[][]).flat().map((v) => parseNumber(v));
  const labels = isOmitted(groups) ? undefined : ((await cellsOf(at(2, groups))) as any[][]).flat();
  if (labels && labels.length !== values.length) throw invalid(both('得分与科室区域大小应相同', 'scores and groups must be the same size'));
  let ownGroup = group;
  if (labels && isOmitted(group)) {
    const seen = new Set(labels.filter((_, i) => values[i] === value).map((g) => String(g)));
    if (seen.size === 0) throw notAmong();
    if (seen.size > 1) throw invalid(both('同一得分出现在多个科室，请给出 group 参数', 'this score is in several groups: give the group argument'));
    ownGroup = [...seen][0];
  }
  const numbers = values.map((v) => (v === null || Number.isNaN(v) ? Number.NaN : v));
  const kept = numbers.map((v, i) => [v, labels?.[i]] as const).filter(([v]) => !Number.isNaN(v));
  const r = rankAmong(value, kept.map(([v]) => v), labels ? kept.map(([, g]) => g) : undefined, ownGroup);
  if (r === null) throw notAmong();
  return r;
}

/**
 * The results table (评选结果): one row per staff member, spilled with a header row.
 * @customfunction RESULTS
 * @param staff The staff roster, header row included.
 * @param inspections The supervision inspections, header row included.
 * @param fines The fines and complaints, header row included.
 * @param period The period: 2026Q3, 2026-07, 2026H2, 2026 …
 * @param [scheme] A scheme id, or a two-column range of parameter names and values.
 * @param [praise] The praise records.
 * @param [satisfaction] The satisfaction survey.
 * @param [recommendations] The department heads' recommendations.
 * @param [decisions] The selection committee's decisions (评选小组裁定): awards that resolve ties, exclusions.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns The results table.
 * @requiresParameterAddresses
 */
export async function results(staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][], satisfaction?: any[][],
  recommendations?: any[][], decisions?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return spilled('results', invocation, [staff, inspections, fines, period, scheme, praise, satisfaction, recommendations, decisions]);
}

/**
 * The winners (获奖名单) of each department, ties and vacancies included, spilled with a header row.
 * @customfunction WINNERS
 * @param staff The staff roster, header row included.
 * @param inspections The supervision inspections, header row included.
 * @param fines The fines and complaints, header row included.
 * @param period The period: 2026Q3, 2026-07, 2026H2, 2026 …
 * @param [scheme] A scheme id, or a two-column range of parameter names and values.
 * @param [praise] The praise records.
 * @param [satisfaction] The satisfaction survey.
 * @param [recommendations] The department heads' recommendations.
 * @param [decisions] The selection committee's decisions (评选小组裁定): awards that resolve ties, exclusions.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns The winners table.
 * @requiresParameterAddresses
 */
export async function winners(staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][], satisfaction?: any[][],
  recommendations?: any[][], decisions?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return spilled('winners', invocation, [staff, inspections, fines, period, scheme, praise, satisfaction, recommendations, decisions]);
}

/**
 * Bonus deductions (奖金扣罚) per person and month, spilled with a header row and a total row.
 * @customfunction DEDUCTIONS
 * @param staff The staff roster, header row included.
 * @param inspections The supervision inspections, header row included.
 * @param fines The fines and complaints, header row included.
 * @param period The period: 2026Q3, 2026-07, 2026H2, 2026 …
 * @param [scheme] A scheme id, or a two-column range of parameter names and values.
 * @param [praise] The praise records.
 * @param [satisfaction] The satisfaction survey.
 * @param [recommendations] The department heads' recommendations.
 * @param invocation The call's parameter addresses, to read the ranges as the sheet holds them.
 * @returns The deductions table.
 * @requiresParameterAddresses
 */
export async function deductions(staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][], satisfaction?: any[][],
  recommendations?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  return spilled('deductions', invocation, [staff, inspections, fines, period, scheme, praise, satisfaction, recommendations]);
}

/** The functions by their metadata ids, for registration in the shared runtime. */
export const FUNCTIONS = {
  PERIOD: period, SCORE: score, VETO: veto, DEDUCTION: deduction, EXPLAIN: explain, DENSERANK: denseRank,
  RESULTS: results, WINNERS: winners, DEDUCTIONS: deductions,
};

if (typeof CustomFunctions !== 'undefined') {
  for (const [id, fn] of Object.entries(FUNCTIONS)) CustomFunctions.associate(id, fn);
}
