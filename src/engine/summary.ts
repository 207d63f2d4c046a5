import type { Problem, ProblemCode } from './messages';
import type { SelectionResult } from './select';
import type { Bilingual, Lang, TableKey } from './types';

/** Problems that differ only by their row: one line for the clerk instead of one per row. */
export interface ProblemGroup {
  code: ProblemCode;
  table: TableKey | null;
  sheet: string | null;
  column: string | null;
  detail: Bilingual;
  /** Excel rows, in the order met; empty for problems about a whole table. */
  rows: number[];
  count: number;
}

/**
 * Groups problems by code, sheet, column and wording, keeping the order of first appearance.
 *
 * @example groupProblems([unknownType(row 4, '服务态度'), unknownType(row 9, '服务态度')])
 * // => [{ code: 'UNKNOWN_TYPE', rows: [4, 9], count: 2, … }]
 */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = JSON.stringify([p.code, p.sheet, p.column, p.detail.zh]);
    let group = groups.get(key);
    if (!group) {
      group = { code: p.code, table: p.table, sheet: p.sheet, column: p.column, detail: p.detail, rows: [], count: 0 };
      groups.set(key, group);
    }
    group.count++;
    if (p.row !== null) group.rows.push(p.row);
  }
  return [...groups.values()];
}

/**
 * One line for a group: code, how many, where (the first rows), what. `file` goes before the sheet
 * where tables come from several files (the command line).
 *
 * @example groupLine(group, 'zh') // => 'UNKNOWN_TYPE ×23: 投诉及处罚记录 第4、9、15…行 列「类型」：未知类型「服务态度」，按罚款计（不否决）'
 */
export function groupLine(group: ProblemGroup, lang: Lang, { shownRows = 8, file = '' } = {}): string {
  const rows = group.rows.slice(0, shownRows);
  const more = group.rows.length > shownRows;
  const head = `${group.code}${group.count > 1 ? ` ×${group.count}` : ''}: `;
  const sheet = [file, group.sheet ?? ''].filter(Boolean).join(' ');
  if (lang === 'zh') {
    const where = `${sheet}${rows.length ? ` 第${rows.join('、')}${more ? '…' : ''}行` : ''}${group.column ? ` 列「${group.column}」` : ''}`.trim();
    return `${head}${where ? `${where}：` : ''}${group.detail.zh}`;
  }
  const where = `${sheet}${rows.length ? ` ${rows.length > 1 ? 'rows' : 'row'} ${rows.join(', ')}${more ? ', …' : ''}` : ''}${group.column ? ` column "${group.column}"` : ''}`.trim();
  return `${head}${where ? `${where}: ` : ''}${group.detail.en}`;
}

/** What a run came to, in numbers: the basis of the one-line summary. */
export interface SelectionCounts {
  winners: number;
  /** Places the committee has to settle (tie groups). */
  ties: number;
  tiedPeople: number;
  vetoed: number;
  rejectedRows: number;
  outOfPeriodRows: number;
}

export function selectionCounts(result: SelectionResult): SelectionCounts {
  const winners = result.winners.filter((w) => w.status === 'winner').length;
  const tied = result.winners.filter((w) => w.status === 'tie');
  const tieGroups = new Set(tied.map((w) => `${w.department}\u0000${w.person?.score ?? ''}`));
  return {
    winners,
    ties: tieGroups.size,
    tiedPeople: tied.length,
    vetoed: result.people.filter((p) => p.status === 'vetoed').length,
    rejectedRows: result.inputs.reduce((sum, i) => sum + i.rejected, 0),
    outOfPeriodRows: result.inputs.reduce((sum, i) => sum + i.outOfPeriod, 0),
  };
}

/**
 * The run in one line, for the end of the command line and the top of the preview.
 *
 * @example summaryLine(result).zh // => '2026Q3：获奖 5 人；并列 1 处（2 人）待评选小组裁定；一票否决 2 人；未计入 1 行（有误被拒绝）'
 */
export function summaryLine(result: SelectionResult): Bilingual {
  const c = selectionCounts(result);
  const zh = [`获奖 ${c.winners} 人`];
  const en = [`${c.winners} ${c.winners === 1 ? 'winner' : 'winners'}`];
  if (c.ties > 0) {
    zh.push(`并列 ${c.ties} 处（${c.tiedPeople} 人）待评选小组裁定`);
    en.push(`${c.ties} ${c.ties === 1 ? 'tie' : 'ties'} (${c.tiedPeople} people) for the committee`);
  }
  zh.push(`一票否决 ${c.vetoed} 人`);
  en.push(`${c.vetoed} vetoed`);
  zh.push(c.rejectedRows > 0 ? `未计入 ${c.rejectedRows} 行（有误被拒绝）` : '期间内的行均已计入');
  en.push(c.rejectedRows > 0 ? `${c.rejectedRows} ${c.rejectedRows === 1 ? 'row' : 'rows'} not counted (rejected)` : 'every row of the period counted');
  return { zh: `${result.period.id}：${zh.join('；')}`, en: `${result.period.id}: ${en.join('; ')}` };
}
