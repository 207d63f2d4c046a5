import type { Change } from './changes';
import { formatDay, partsOf } from './dates';
import type { DecisionKind } from './decisions';
import { FIELD_NAMES } from './headers';
import { STATUS_WORDS, VETO_WORDS, YES_NO } from './labels';
import { messages, type Problem, TABLE_NAMES } from './messages';
import { periodLabel } from './period';
import type { RowRef } from './records';
import type { SelectionResult } from './select';
import type { Bilingual, Cell, Lang } from './types';
import type { Veto } from './vetoes';

/** How a column's values are shown: Excel number formats are chosen by the writer from this. */
export type ColumnFormat = 'text' | 'integer' | 'number' | 'score' | 'money' | 'percent' | 'date';

/** Excel number formats of the result sheets (§8: scores 0.00, money ¥#,##0), for every writer. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  integer: '0',
  number: 'General',
  score: '0.00',
  money: '¥#,##0',
  percent: '0.00%',
  date: 'yyyy-mm-dd',
};

/**
 * A result cell as plain text, for the terminal and the task pane: two decimals for fractions,
 * dates as `2026-07-05`.
 *
 * @example displayText(98.2) // => '98.20'
 */
export function displayText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : cell.toFixed(2);
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
  format: ColumnFormat;
}

/** A table on a result sheet: a caption above it, a header row, rows, and an optional total row. */
export interface SheetBlock {
  caption: string | null;
  columns: SheetColumn[];
  rows: Cell[][];
  total: Cell[] | null;
}

export type ResultSheetKind = 'results' | 'vetoes' | 'deductions' | 'winners' | 'awards' | 'log' | 'notice' | 'history' | 'decisions';

/** One result sheet of §8, ready for any writer (the .xlsx file adapter or the Excel add-in). */
export interface ResultSheet {
  kind: ResultSheetKind;
  name: string;
  /** A title row above everything (the award table's). */
  title: string | null;
  blocks: SheetBlock[];
  /** Print-ready: borders, fit to one page wide, header repeated. */
  printable: boolean;
  /** A paragraph under the title, across the blocks' width (the notice's text, §13). */
  paragraph?: string;
  /** Lines under the last block, to the right (the notice's sign-off: organizer, date). */
  signOff?: string[];
  /** Printed on one page, tall as well as wide (a notice for the board). */
  onePage?: boolean;
  /** A small table to the right of the blocks, charted where the writer can draw charts (Excel). */
  side?: SideTable;
}

/**
 * A table beside a sheet's main blocks, from the first header row, one blank column apart; the
 * bar chart shows `valueColumn` against the first column (the categories).
 */
export interface SideTable {
  block: SheetBlock;
  chart: { title: string; valueColumn: number };
}

const SHEET_NAMES: Record<ResultSheetKind, Bilingual> = {
  results: { zh: '评选结果', en: 'Results' },
  vetoes: { zh: '一票否决', en: 'Vetoes' },
  deductions: { zh: '奖金扣罚', en: 'Deductions' },
  winners: { zh: '获奖名单', en: 'Winners' },
  awards: { zh: '表彰名单', en: 'Award table' },
  log: { zh: '运行记录', en: 'Run log' },
  notice: { zh: '公示名单', en: 'Public notice' },
  // Excel reserves the sheet name "History".
  history: { zh: '获奖记录', en: 'Winners history' },
  // The committee's table (§12) keeps its Chinese name in either language: it is found by that name.
  decisions: { zh: '评选小组裁定', en: '评选小组裁定' },
};

/** The decisions sheet the task pane makes when the workbook has none (§12). */
export const DECISIONS_SHEET = SHEET_NAMES.decisions.zh;

/** The sheets kept across periods (one of each, no period in the name). */
const UNDATED: readonly ResultSheetKind[] = ['history', 'decisions'];

/**
 * A result sheet's name for a period, e.g. `评选结果 2026Q3`; the history and decisions sheets have no period.
 *
 * @example resultSheetName('results', '2026Q3', 'zh') // => '评选结果 2026Q3'
 */
export function resultSheetName(kind: ResultSheetKind, periodId: string, lang: Lang): string {
  return UNDATED.includes(kind) ? SHEET_NAMES[kind][lang] : `${SHEET_NAMES[kind][lang]} ${periodId}`;
}

/** Whether a sheet name is one of our result sheets (of any period, either language). */
export function isResultSheetName(name: string): boolean {
  return (Object.keys(SHEET_NAMES) as ResultSheetKind[]).some((kind) => !UNDATED.includes(kind)
    && (['zh', 'en'] as const).some((lang) => new RegExp(`^${SHEET_NAMES[kind][lang]} \\d{4}`, 'u').test(name)));
}

function col(zh: string, en: string, width: number, format: ColumnFormat, lang: Lang): SheetColumn {
  return { header: lang === 'zh' ? zh : en, width, format };
}

/**
 * Where a row came from, in words: `督导检查记录 第14行 2026-07-05`.
 *
 * @example evidenceText({ table: 'fines', sheet: '投诉', row: 12, day: null }, 'en') // => '投诉 row 12'
 */
export function evidenceText(ref: RowRef, lang: Lang): string {
  const date = ref.day === null ? '' : ` ${formatDay(ref.day)}`;
  return lang === 'zh' ? `${ref.sheet} 第${ref.row}行${date}` : `${ref.sheet} row ${ref.row}${date}`;
}

const MAX_EVIDENCE = 20;

function evidenceList(refs: readonly RowRef[], lang: Lang): string {
  const shown = refs.slice(0, MAX_EVIDENCE).map((r) => evidenceText(r, lang));
  const more = refs.length - shown.length;
  if (more > 0) shown.push(lang === 'zh' ? `等共 ${refs.length} 行` : `and ${more} more rows`);
  return shown.join(lang === 'zh' ? '；' : '; ');
}

/** 工号, 姓名, 科室: the first columns of every list about people. */
function personColumns(lang: Lang): SheetColumn[] {
  return [col('工号', 'Id', 10, 'text', lang), col('姓名', 'Name', 10, 'text', lang), col('科室', 'Department', 14, 'text', lang)];
}

function resultsSheet(r: SelectionResult, lang: Lang): SheetBlock {
  return {
    caption: null,
    columns: [
      ...personColumns(lang),
      col('违规次数', 'Violations', 9, 'integer', lang), col('现场扣分', 'On-site points', 9, 'number', lang),
      col('非现场扣分', 'Off-site points', 10, 'number', lang), col('表扬', 'Praise', 7, 'integer', lang),
      col('满意度', 'Satisfaction', 9, 'percent', lang), col('得分', 'Score', 9, 'score', lang),
      col('科室排名', 'Rank in department', 9, 'integer', lang), col('有资格', 'Eligible', 8, 'text', lang),
      col('否决原因', 'Vetoes', 24, 'text', lang), col('状态', 'Status', 18, 'text', lang),
    ],
    rows: r.people.map((p) => [
      p.member.id, p.member.name, p.member.department, p.violations.length, p.onsitePoints, p.offsitePoints, p.praise.length,
      p.satisfaction, p.score, p.rankInDepartment, (p.vetoes.length === 0 ? YES_NO.yes : YES_NO.no)[lang],
      p.vetoes.map((v) => VETO_WORDS[v.code][lang]).join(lang === 'zh' ? '、' : ', '), STATUS_WORDS[p.status][lang],
    ]),
    total: null,
  };
}

/** 科室得分: every department's score, status and award, charted beside the results. */
function departmentScores(r: SelectionResult, lang: Lang): SideTable {
  const departments = [...r.departments].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.department.localeCompare(b.department, 'zh-CN'));
  return {
    block: {
      caption: null,
      columns: [
        col('科室', 'Department', 14, 'text', lang), col('在岗人数', 'Active staff', 9, 'integer', lang),
        col('科室得分', 'Department score', 10, 'score', lang), col('科室状态', 'Department status', 20, 'text', lang),
        col('科室奖励（元）', 'Department award (yuan)', 12, 'money', lang),
      ],
      rows: departments.map((d) => [d.department, d.activeMembers, d.score, STATUS_WORDS[d.status][lang], d.awardYuan]),
      total: null,
    },
    chart: { title: lang === 'zh' ? '科室得分' : 'Department scores', valueColumn: 2 },
  };
}

function vetoRows(r: SelectionResult, lang: Lang): Cell[][] {
  const row = (id: string, name: string, department: string, v: Veto): Cell[] => [
    id, name, department, v.code, VETO_WORDS[v.code][lang], v.reason[lang], evidenceList(v.evidence, lang),
  ];
  return [
    ...r.people.flatMap((p) => p.vetoes.map((v) => row(p.member.id, p.member.name, p.member.department, v))),
    ...r.departments.flatMap((d) => d.vetoes.map((v) => row('', lang === 'zh' ? '（科室）' : '(department)', d.department, v))),
  ];
}

function vetoesSheet(r: SelectionResult, lang: Lang): SheetBlock {
  return {
    caption: null,
    columns: [
      ...personColumns(lang),
      col('代码', 'Code', 14, 'text', lang), col('否决项', 'Veto', 14, 'text', lang), col('原因', 'Reason', 40, 'text', lang),
      col('依据（工作表、行、日期）', 'Evidence (sheet, row, date)', 60, 'text', lang),
    ],
    rows: vetoRows(r, lang),
    total: null,
  };
}

function deductionsSheet(r: SelectionResult, lang: Lang): SheetBlock {
  const rows = r.deductions.map((d) => [
    d.member?.id ?? '', d.member?.name ?? (lang === 'zh' ? '（科室）' : '(department)'), d.department, d.month,
    d.violations, d.points, d.violationYuan, d.complaints, d.complaintYuan, d.totalYuan,
  ]);
  const sum = (pick: (d: SelectionResult['deductions'][number]) => number) => r.deductions.reduce((s, d) => s + pick(d), 0);
  return {
    caption: null,
    columns: [
      ...personColumns(lang),
      col('月份', 'Month', 9, 'text', lang), col('违规次数', 'Violations', 9, 'integer', lang), col('扣分', 'Points', 7, 'number', lang),
      col('违规扣款（元）', 'Violation yuan', 12, 'money', lang), col('投诉/罚款次数', 'Fines', 11, 'integer', lang),
      col('投诉罚款（元）', 'Complaint yuan', 12, 'money', lang), col('合计（元）', 'Total yuan', 11, 'money', lang),
    ],
    rows,
    total: [lang === 'zh' ? '合计' : 'Total', null, null, null, sum((d) => d.violations), sum((d) => d.points),
      sum((d) => d.violationYuan), sum((d) => d.complaints), sum((d) => d.complaintYuan), sum((d) => d.totalYuan)],
  };
}

function winnersSheet(r: SelectionResult, lang: Lang): SheetBlock {
  return {
    caption: null,
    columns: [
      col('科室', 'Department', 14, 'text', lang), col('工号', 'Id', 10, 'text', lang), col('姓名', 'Name', 10, 'text', lang),
      col('得分', 'Score', 9, 'score', lang), col('状态', 'Status', 20, 'text', lang), col('奖励（元）', 'Award (yuan)', 11, 'money', lang),
    ],
    rows: r.winners.map((w) => [
      w.department, w.person?.member.id ?? null, w.person?.member.name ?? null, w.person?.score ?? null, STATUS_WORDS[w.status][lang], w.awardYuan,
    ]),
    total: null,
  };
}

const DECIDED: Bilingual = { zh: '评选小组裁定', en: 'committee decision' };

/** The award title of §8: `2026年第三季度“微笑服务之星”表彰名单`. */
export function awardTitle(r: SelectionResult, lang: Lang): string {
  const period = periodLabel(r.period)[lang];
  const award = r.scheme.parameters.starTitle[lang];
  return lang === 'zh' ? `${period}“${award}”表彰名单` : `${award} awards, ${period}`;
}

/** The print-ready award table (表彰名单): winners, ties for the committee, vacancies, department awards. */
export function awardTable(r: SelectionResult, lang: Lang): ResultSheet {
  const priority = lang === 'zh' ? '年度优先推荐' : 'priority for the year';
  const people: Cell[][] = r.winners.map((w, i) => {
    const notes: string[] = [];
    if (w.status === 'tie') notes.push(STATUS_WORDS.tie[lang]);
    if (w.status === 'vacant') notes.push(STATUS_WORDS.vacant[lang]);
    if (w.decided) notes.push(DECIDED[lang]);
    if (w.person?.priority) {
      notes.push(lang === 'zh' ? `${priority}（本年度第${w.person.starsThisYear}次）` : `${priority} (${w.person.starsThisYear} stars this year)`);
    }
    return [i + 1, w.department, w.person?.member.name ?? STATUS_WORDS.vacant[lang], w.person?.score ?? null,
      w.status === 'winner' ? w.awardYuan : null, notes.join('；')];
  });
  const money = r.winners.reduce((s, w) => s + w.awardYuan, 0);
  const blocks: SheetBlock[] = [{
    caption: null,
    columns: [
      col('序号', 'No.', 6, 'integer', lang), col('科室', 'Department', 16, 'text', lang), col('姓名', 'Name', 12, 'text', lang),
      col('得分', 'Score', 9, 'score', lang), col('奖励（元）', 'Award (yuan)', 11, 'money', lang), col('备注', 'Notes', 34, 'text', lang),
    ],
    rows: people,
    total: [lang === 'zh' ? '合计' : 'Total', null, null, null, money, null],
  }];
  if (r.departmentAwardsGiven) {
    const title = r.scheme.parameters.windowTitle[lang];
    const awarded = r.departments.filter((d) => d.status === 'winner' || d.status === 'tie')
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    blocks.push({
      caption: lang === 'zh' ? `“${title}”` : title,
      columns: [
        col('序号', 'No.', 6, 'integer', lang), col('科室', 'Department', 16, 'text', lang), col('得分', 'Score', 9, 'score', lang),
        col('奖励（元）', 'Award (yuan)', 11, 'money', lang), col('备注', 'Notes', 34, 'text', lang),
      ],
      rows: awarded.map((d, i) => [i + 1, d.department, d.score, d.status === 'winner' ? d.awardYuan : null,
        d.status === 'tie' ? STATUS_WORDS.tie[lang] : '']),
      total: [lang === 'zh' ? '合计' : 'Total', null, null, awarded.reduce((s, d) => s + d.awardYuan, 0), null],
    });
  }
  return { kind: 'awards', name: resultSheetName('awards', r.period.id, lang), title: awardTitle(r, lang), blocks, printable: true };
}

/** The table of one result sheet (header and rows), as the cell functions spill it. */
export function resultBlock(kind: 'results' | 'winners' | 'deductions', r: SelectionResult, lang: Lang): SheetBlock {
  const block = kind === 'results' ? resultsSheet(r, lang) : kind === 'winners' ? winnersSheet(r, lang) : deductionsSheet(r, lang);
  return safeBlock(block, resultSheetName(kind, r.period.id, lang), []);
}

/** Facts of a run the engine cannot know itself. */
export interface RunInfo {
  /** When the run happened, as the user's clock says (ISO text). */
  when: string;
  /** The tool and version that ran it. */
  tool: string;
  fingerprint: string;
}

const DECISION_WORDS: Record<DecisionKind, Bilingual> = { award: { zh: '获奖', en: 'award' }, exclude: { zh: '不予表彰', en: 'exclude' } };

/**
 * A change in words for the run log and the preview (§13): `门诊收费室：孙佳琪 并列 → 获奖`.
 *
 * @example changeText({ department: '门诊收费室', id: 'Y1', name: '孙佳琪', before: 'tie', after: 'winner' }, 'zh') // => '门诊收费室：孙佳琪 并列 → 获奖'
 */
export function changeText(c: Change, lang: Lang): string {
  const place = (s: Change['before']) => (s === null ? (lang === 'zh' ? '未获奖' : 'not placed') : s === 'tie' ? (lang === 'zh' ? '并列' : 'tie') : STATUS_WORDS.winner[lang]);
  return `${c.department}${lang === 'zh' ? '：' : ': '}${c.name} ${place(c.before)} → ${place(c.after)}`;
}

/** The run log's committee decisions and what changed since the history's block (§12, §13); none when there are none. */
function decisionBlocks(r: SelectionResult, lang: Lang): SheetBlock[] {
  const zh = lang === 'zh';
  const blocks: SheetBlock[] = [];
  if (r.decisions.length > 0) {
    blocks.push({
      caption: zh ? '评选小组裁定' : 'Committee decisions', total: null,
      columns: [
        col('科室', 'Department', 14, 'text', lang), col('工号', 'Id', 10, 'text', lang), col('姓名', 'Name', 10, 'text', lang),
        col('裁定', 'Decision', 10, 'text', lang), col('理由', 'Reason', 40, 'text', lang), col('已执行', 'Applied', 8, 'text', lang),
        col('来源', 'Source', 24, 'text', lang),
      ],
      rows: r.decisions.map((d) => [d.subject.department, d.subject.member?.id ?? null, d.subject.member?.name ?? null,
        DECISION_WORDS[d.decision][lang], d.reason, (d.applied ? YES_NO.yes : YES_NO.no)[lang], evidenceText(d.source, lang)]),
    });
  }
  if (r.changes.length > 0) {
    blocks.push({
      caption: zh ? '与获奖记录中本期名单相比的变化' : 'Changes since the history\'s list for this period', total: null,
      columns: [col('变化', 'Change', 60, 'text', lang)],
      rows: r.changes.map((c) => [changeText(c, lang)]),
    });
  }
  return blocks;
}

function logSheet(r: SelectionResult, run: RunInfo, lang: Lang): ResultSheet {
  const zh = lang === 'zh';
  const kv = (k: string, en: string, v: Cell): Cell[] => [zh ? k : en, v];
  const p = r.scheme.parameters as unknown as Record<string, unknown>;
  const parameterValue = (v: unknown): Cell => (v === null ? (zh ? '（无）' : '(none)') : typeof v === 'object' ? JSON.stringify(v) : v as Cell);
  return {
    kind: 'log', name: resultSheetName('log', r.period.id, lang), title: null, printable: false,
    blocks: [
      {
        caption: zh ? '运行信息' : 'Run', total: null,
        columns: [col('项目', 'Item', 18, 'text', lang), col('值', 'Value', 60, 'text', lang)],
        rows: [
          kv('运行时间', 'When', run.when), kv('程序', 'Tool', run.tool), kv('评选期间', 'Period', `${r.period.id}（${periodLabel(r.period)[lang]}）`),
          kv('评选方案', 'Scheme', `${r.scheme.id}（${r.scheme.preset.name[lang]}）`), kv('输入指纹', 'Input fingerprint', run.fingerprint),
          kv('推荐名单限定候选人', 'Recommendations apply', (r.recommendationsApply ? YES_NO.yes : YES_NO.no)[lang]),
          kv('警告条数', 'Warnings', r.warnings.length),
        ],
      },
      {
        caption: zh ? '输入（行数核对：总行数 = 使用 + 期外 + 空行 + 拒绝）' : 'Inputs (rows = used + out of period + blank + rejected)', total: null,
        columns: [
          col('表', 'Table', 14, 'text', lang), col('工作表', 'Sheet', 30, 'text', lang), col('表头行', 'Header row', 8, 'integer', lang),
          col('总行数', 'Rows', 8, 'integer', lang), col('使用', 'Used', 8, 'integer', lang), col('期外', 'Out of period', 8, 'integer', lang),
          col('空行', 'Blank', 8, 'integer', lang), col('拒绝', 'Rejected', 8, 'integer', lang),
          col('列对应', 'Columns', 60, 'text', lang),
        ],
        rows: r.inputs.map((i) => [TABLE_NAMES[i.table][lang], i.sheet, i.headerRow, i.rows, i.used, i.outOfPeriod, i.skippedBlank, i.rejected,
          Object.entries(i.columns).map(([f, h]) => `${FIELD_NAMES[f as keyof typeof FIELD_NAMES]?.[lang] ?? f}=${h}`).join(zh ? '，' : ', ')]),
      },
      {
        caption: zh ? '参数' : 'Parameters', total: null,
        columns: [col('参数', 'Parameter', 26, 'text', lang), col('值', 'Value', 60, 'text', lang)],
        rows: Object.keys(p).map((k) => [k, parameterValue(p[k])]),
      },
      ...decisionBlocks(r, lang),
      {
        caption: zh ? '警告' : 'Warnings', total: null,
        columns: [
          col('代码', 'Code', 20, 'text', lang), col('工作表', 'Sheet', 20, 'text', lang), col('行', 'Row', 7, 'integer', lang),
          col('列', 'Column', 12, 'text', lang), col('说明', 'Message', 80, 'text', lang),
        ],
        rows: r.warnings.map((w) => [w.code, w.sheet, w.row, w.column, w.message[lang]]),
      },
    ],
  };
}

/** The six result sheets of §8 for one run, in the UI language; cells safe for every writer (§11a). */
export function resultSheets(r: SelectionResult, run: RunInfo, lang: Lang): ResultSheet[] {
  const one = (kind: ResultSheetKind, block: SheetBlock): ResultSheet =>
    ({ kind, name: resultSheetName(kind, r.period.id, lang), title: null, blocks: [block], printable: false });
  const cut: Problem[] = [];
  const sheets = [
    { ...one('results', resultsSheet(r, lang)), side: departmentScores(r, lang) },
    one('vetoes', vetoesSheet(r, lang)),
    one('deductions', deductionsSheet(r, lang)),
    one('winners', winnersSheet(r, lang)),
    awardTable(r, lang),
  ].map((sheet) => safeSheet(sheet, cut));
  // Cells cut on the other sheets are listed in the run log's warnings.
  return [...sheets, safeSheet(logSheet({ ...r, warnings: [...r.warnings, ...cut] }, run, lang), cut)];
}

/** Excel's limit of characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
/**
 * Characters XML 1.0 forbids: C0 controls but tab and newline (and CR), lone surrogates, U+FFFE, U+FFFF.
 * With the u flag a surrogate pair is one code point, so the surrogate range matches lone halves only
 * (and no lookbehind is needed, which WebKit before Safari 16.4 cannot parse).
 */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * Text any writer can store (§11a): characters XML forbids dropped, and cut to Excel's 32,767
 * characters per cell; `onCut` is told the length before cutting.
 *
 * @example safeText('a\u0001b\uFFFF') // => 'ab'
 */
export function safeText(text: string, onCut: (length: number) => void = () => undefined): string {
  const clean = text.replace(XML_FORBIDDEN, '');
  if (clean.length <= MAX_CELL_CHARS) return clean;
  onCut(clean.length);
  return clean.slice(0, MAX_CELL_CHARS);
}

/** A block with every text made safe (§11a); each cut cell adds a CELL_TOO_LONG warning to `cut`. */
function safeBlock(b: SheetBlock, sheet: string, cut: Problem[]): SheetBlock {
  return {
    ...b, caption: b.caption === null ? null : safeText(b.caption), columns: b.columns.map((c) => ({ ...c, header: safeText(c.header) })),
    rows: b.rows.map((row, i) => row.map((cell, k) => (typeof cell === 'string'
      ? safeText(cell, (length) => cut.push(messages.cellTooLong(sheet, i + 1, b.columns[k]?.header ?? '', length))) : cell))),
    total: b.total?.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)) ?? null,
  };
}

/** A result sheet with every text made safe (§11a); each cut cell adds a CELL_TOO_LONG warning to `cut`. */
export function safeSheet(sheet: ResultSheet, cut: Problem[]): ResultSheet {
  return {
    ...sheet, title: sheet.title === null ? null : safeText(sheet.title), blocks: sheet.blocks.map((b) => safeBlock(b, sheet.name, cut)),
    ...(sheet.side ? { side: { ...sheet.side, block: safeBlock(sheet.side.block, sheet.name, cut) } } : {}),
    ...(sheet.paragraph ? { paragraph: safeText(sheet.paragraph) } : {}),
    ...(sheet.signOff ? { signOff: sheet.signOff.map((line) => safeText(line)) } : {}),
  };
}

/** A date in a notice: `2026年10月15日`, or blanks to fill in by hand (§13). */
function noticeDate(day: number | null, lang: Lang): string {
  if (day === null) return lang === 'zh' ? '____年__月__日' : '____-__-__';
  const { year, month, day: d } = partsOf(day);
  return lang === 'zh' ? `${year}年${month}月${d}日` : formatDay(day);
}

/**
 * The public notice (公示名单, §13), print-ready on one page: title (`（草稿）` while a tie is
 * unresolved), the paragraph, the proposed winners and department awards, the sign-off.
 */
export function noticeSheet(r: SelectionResult, lang: Lang): ResultSheet {
  const zh = lang === 'zh';
  const p = r.scheme.parameters;
  const period = periodLabel(r.period)[lang];
  const award = p.starTitle[lang];
  const draft = r.winners.some((w) => w.status === 'tie') || r.departments.some((d) => d.status === 'tie');
  const { start, end, days } = r.publicity;
  const [from, to] = [noticeDate(start, lang), noticeDate(end, lang)];
  const contact = p.contact === '' ? '' : zh ? `（联系方式：${p.contact}）` : ` (${p.contact})`;
  const title = zh ? `关于${period}“${award}”拟表彰人员的公示${draft ? '（草稿）' : ''}`
    : `Public notice: proposed ${award} awards, ${period}${draft ? ' (draft)' : ''}`;
  const paragraph = zh
    ? `根据“${r.scheme.preset.name.zh}”评选办法，经评选小组评定，现将${period}“${award}”拟表彰人员名单予以公示。`
      + `公示期为${from}至${to}（${days}个工作日）。公示期间如有异议，请向${p.organizer}${contact}反映。`
    : `Under the scheme "${r.scheme.preset.name.en}", the selection committee proposes the people below for the ${award} award of ${period}. `
      + `The list is posted from ${from} to ${to} (${days} working days). Objections go to ${p.organizer}${contact} within that time.`;
  const listed = r.winners.filter((w) => w.person && (w.status === 'winner' || w.status === 'tie'));
  const note = (status: string) => (status === 'tie' ? STATUS_WORDS.tie[lang] : '');
  const blocks: SheetBlock[] = [{
    caption: null,
    columns: [
      col('序号', 'No.', 6, 'integer', lang), col('科室', 'Department', 18, 'text', lang), col('姓名', 'Name', 12, 'text', lang),
      col('得分', 'Score', 9, 'score', lang), col('备注', 'Notes', 24, 'text', lang),
    ],
    rows: listed.map((w, i) => [i + 1, w.department, w.person?.member.name ?? null, w.person?.score ?? null, note(w.status)]),
    total: null,
  }];
  if (r.departmentAwardsGiven) {
    const awarded = r.departments.filter((d) => d.status === 'winner' || d.status === 'tie').sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    blocks.push({
      caption: zh ? `“${p.windowTitle.zh}”` : p.windowTitle.en,
      columns: [col('序号', 'No.', 6, 'integer', lang), col('科室', 'Department', 18, 'text', lang), col('得分', 'Score', 9, 'score', lang),
        col('备注', 'Notes', 24, 'text', lang)],
      rows: awarded.map((d, i) => [i + 1, d.department, d.score, note(d.status)]),
      total: null,
    });
  }
  return safeSheet({
    kind: 'notice', name: resultSheetName('notice', r.period.id, lang), title, blocks, printable: true, onePage: true,
    paragraph, signOff: [p.organizer, noticeDate(start, lang)],
  }, []);
}

