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
  if (typeof value === 'number') {
    const asYear = parsePeriod(value);
    if (asYear) return asYear.id;
    const day = parseDay(value);
    if (day !== null) return periodOfDay(day, 'month').id;
  }
  return String(value ?? '').trim();
}

/**
 * Runs (or finds cached) the selection for these ranges. Every table is labelled with its usual
 * sheet name and rows are counted from the range's first row (the header is row 1).
 */
function select(tables: Partial<Record<TableKey, any>>, period: any, scheme: any): SelectionResult {
  const grids: Partial<Record<TableKey, Grid>> = {};
  for (const [key, value] of Object.entries(tables) as [TableKey, any][]) {
    const grid = asGrid(value, key);
    if (grid) grids[key] = grid;
  }
  if (!grids.staff) throw invalid(problemText(messages.missingTable('staff')));
  const s = schemeOf(scheme);
  const p = periodText(period);
  const keys = Object.keys(grids).sort() as TableKey[];
  const outcome = selections.get(`${lang()}|${p}|${s.key}|${keys.join(',')}`, keys.map((k) => grids[k] ?? null), () => {
    const inputs: Partial<Record<TableKey, TableInput>> = {};
    for (const k of keys) inputs[k] = { sheet: TABLE_NAMES[k][lang()], grid: grids[k] as Grid };
    return runSelection({ period: p, scheme: s.id, overrides: s.overrides, tables: inputs });
  });
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

/** A result table with its header row, and its total row when it has one (deductions). */
function table(kind: 'results' | 'winners' | 'deductions', result: SelectionResult): any[][] {
  const block = resultBlock(kind, result, lang());
  return spill([block.columns.map((c) => c.header), ...block.rows, ...(block.total ? [block.total] : [])]);
}

/**
 * The selection period that holds a date: 2026Q3, 2026-07, 2026H2 or 2026.
 * @customfunction PERIOD
 * @param date A date (or text such as 2026-07-05).
 * @param [granularity] Q (quarter, default), M (month), H (half year) or Y (year).
 * @returns The period in its canonical form.
 */
export function period(date: any, granularity?: any): string {
  const day = parseDay(date);
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
 * @returns The score, rounded to 0.01.
 */
export function score(person: any, staff: any[][], inspections: any[][], period: any, praise?: any[][], scheme?: any[][]): number {
  return personIn(select({ staff, inspections, praise }, period, scheme), person).score;
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
 * @returns The veto reasons in words, joined; empty text when eligible.
 */
export function veto(person: any, staff: any[][], fines: any[][], period: any, inspections?: any[][], satisfaction?: any[][], scheme?: any[][]): string {
  const p = personIn(select({ staff, fines, inspections, satisfaction }, period, scheme), person);
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
 * @returns Yuan deducted in that month.
 */
export function deduction(person: any, staff: any[][], inspections: any[][], fines: any[][], month: any, scheme?: any[][]): number {
  const result = select({ staff, inspections, fines }, month, scheme);
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
 * @returns A short explanation naming the rows behind each number.
 */
export function explain(person: any, staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][]): string {
  const result = select({ staff, inspections, fines, praise }, period, scheme);
  return explainPerson(personIn(result, person), result, lang());
}

function notAmong(): CustomFunctions.Error {
  return notAvailable(both('该得分不在得分区域中', 'the score is not among the scores'));
}

/**
 * Dense rank (中国式排名: 1, 2, 2, 3) of a score among scores, highest first.
 * @customfunction RANK
 * @param score The score to rank.
 * @param scores The scores to rank among.
 * @param [groups] The group (department) of each score, to rank within the group.
 * @param [group] The group of this score; needed with groups when the same score is in several groups.
 * @returns The rank.
 */
export function rank(score: number, scores: any[][], groups?: any[][], group?: any): number {
  const value = parseNumber(score);
  if (value === null || Number.isNaN(value)) throw invalid(both('得分应为数字', 'the score must be a number'));
  const values = scores.flat().map((v) => parseNumber(v));
  const labels = isOmitted(groups) ? undefined : (groups as any[][]).flat();
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
 * @returns The results table.
 */
export function results(staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][], satisfaction?: any[][], recommendations?: any[][], decisions?: any[][]): any[][] {
  return table('results', select({ staff, inspections, fines, praise, satisfaction, recommendations, decisions }, period, scheme));
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
 * @returns The winners table.
 */
export function winners(staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][], satisfaction?: any[][], recommendations?: any[][], decisions?: any[][]): any[][] {
  return table('winners', select({ staff, inspections, fines, praise, satisfaction, recommendations, decisions }, period, scheme));
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
 * @returns The deductions table.
 */
export function deductions(staff: any[][], inspections: any[][], fines: any[][], period: any, scheme?: any[][], praise?: any[][], satisfaction?: any[][], recommendations?: any[][]): any[][] {
  return table('deductions', select({ staff, inspections, fines, praise, satisfaction, recommendations }, period, scheme));
}

/** The functions by their metadata ids, for registration in the shared runtime. */
export const FUNCTIONS = {
  PERIOD: period, SCORE: score, VETO: veto, DEDUCTION: deduction, EXPLAIN: explain, RANK: rank,
  RESULTS: results, WINNERS: winners, DEDUCTIONS: deductions,
};

if (typeof CustomFunctions !== 'undefined') {
  for (const [id, fn] of Object.entries(FUNCTIONS)) CustomFunctions.associate(id, fn);
}
