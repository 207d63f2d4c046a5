import type { Bilingual, TableKey } from './types';

/**
 * Every code the engine can report. Errors stop the run; warnings go with it.
 * Codes of §1/§10 come first; the rest are this project's own.
 */
export type ProblemCode =
  | 'BAD_DATE' | 'BAD_NUMBER' | 'AMBIGUOUS_NAME' | 'UNKNOWN_PERSON' | 'NAME_MISMATCH'
  | 'DUPLICATE_ID' | 'MISSING_COLUMN' | 'UNKNOWN_TYPE' | 'AMOUNT_OUT_OF_RANGE'
  | 'MISSING_ID' | 'NO_PERSON' | 'UNKNOWN_DEPARTMENT'
  | 'REPEATED_HEADER' | 'MISSING_FIELD' | 'TENURE_UNKNOWN' | 'BAD_PERIOD' | 'UNKNOWN_SCHEME'
  | 'BAD_PARAMETER' | 'MISSING_TABLE' | 'ASSIGNED_PERSON'
  | 'BAD_DECISION' | 'DECISION_REPLACED' | 'DECISION_NOT_TIED' | 'DECISION_INELIGIBLE';

/** One message about the input: where it is (table, sheet, Excel row, column) and what is wrong. */
export interface Problem {
  code: ProblemCode;
  table: TableKey | null;
  sheet: string | null;
  /** The row number the user sees in Excel; null when the problem is about a whole table. */
  row: number | null;
  /** The header text of the column, when one column is at fault. */
  column: string | null;
  message: Bilingual;
}

export const TABLE_NAMES: Record<TableKey, Bilingual> = {
  staff: { zh: '人员名单', en: 'staff' },
  inspections: { zh: '督导检查记录', en: 'inspections' },
  fines: { zh: '投诉及处罚记录', en: 'fines and complaints' },
  praise: { zh: '表扬记录', en: 'praise' },
  satisfaction: { zh: '满意度', en: 'satisfaction' },
  recommendations: { zh: '推荐名单', en: 'recommendations' },
  decisions: { zh: '评选小组裁定', en: 'committee decisions' },
  history: { zh: '获奖记录', en: 'history of winners' },
};

type Where = { table: TableKey | null; sheet: string | null; row: number | null; column?: string | null };

function problem(code: ProblemCode, where: Where, zh: string, en: string): Problem {
  const at = where.sheet === null ? { zh: '', en: '' } : {
    zh: `${where.sheet}${where.row === null ? '' : ` 第${where.row}行`}${where.column ? ` 列「${where.column}」` : ''}：`,
    en: `${where.sheet}${where.row === null ? '' : ` row ${where.row}`}${where.column ? ` column "${where.column}"` : ''}: `,
  };
  return {
    code, table: where.table, sheet: where.sheet, row: where.row, column: where.column ?? null,
    message: { zh: at.zh + zh, en: at.en + en },
  };
}

/** The messages, one function per code, so wording lives in one place. */
export const messages = {
  badDate: (w: Where, text: string) => problem('BAD_DATE', w,
    text === '' ? '缺少日期' : `无法识别的日期「${text}」（请用 2026-07-05 这样的年月日格式）`,
    text === '' ? 'the date is missing' : `cannot read the date "${text}" (use a year-first form such as 2026-07-05)`),
  badPeriodCell: (w: Where, text: string) => problem('BAD_DATE', w,
    `无法识别的期间「${text}」`, `cannot read the period "${text}"`),
  badNumber: (w: Where, text: string) => problem('BAD_NUMBER', w,
    `「${text}」不是数字`, `"${text}" is not a number`),
  unknownPerson: (w: Where, who: string) => problem('UNKNOWN_PERSON', w,
    `人员名单中没有「${who}」`, `"${who}" is not on the staff roster`),
  ambiguousName: (w: Where, name: string, ids: string[]) => problem('AMBIGUOUS_NAME', w,
    `同名人员「${name}」无法区分（工号 ${ids.join('、')}），请填写工号或科室`,
    `several staff are named "${name}" (ids ${ids.join(', ')}); give an id or a department`),
  assignedPerson: (w: Where, written: string, id: string, name: string, department: string) => problem('ASSIGNED_PERSON', w,
    `「${written}」按指认计为 ${id} ${name}（${department}）`, `"${written}" counted as ${id} ${name} (${department}), as assigned`),
  nameMismatch: (w: Where, id: string, name: string, rosterName: string) => problem('NAME_MISMATCH', w,
    `工号 ${id} 在人员名单中是「${rosterName}」，此处写的是「${name}」，按工号计`,
    `id ${id} is "${rosterName}" on the roster but "${name}" here; the id wins`),
  duplicateId: (w: Where, id: string, rows: number[]) => problem('DUPLICATE_ID', w,
    `工号 ${id} 重复（第${rows.join('、')}行）`, `id ${id} appears more than once (rows ${rows.join(', ')})`),
  missingColumn: (w: Where, fields: Bilingual[]) => problem('MISSING_COLUMN', w,
    `缺少列：${fields.map((f) => f.zh).join('、')}`, `missing column: ${fields.map((f) => f.en).join(', ')}`),
  unknownType: (w: Where, type: string) => problem('UNKNOWN_TYPE', w,
    `未知类型「${type}」，按罚款计（不否决）`, `unknown type "${type}", counted as a fine (no veto)`),
  amountOutOfRange: (w: Where, amount: number, min: number, max: number) => problem('AMOUNT_OUT_OF_RANGE', w,
    `金额 ${amount} 元超出 ${min}–${max} 元，按所填金额计`, `amount ${amount} yuan is outside ${min}–${max}; used as written`),
  missingId: (w: Where) => problem('MISSING_ID', w, '缺少工号', 'the id is missing'),
  missingField: (w: Where, field: Bilingual) => problem('MISSING_FIELD', w,
    `缺少${field.zh}`, `the ${field.en} is missing`),
  noPerson: (w: Where) => problem('NO_PERSON', w,
    '未写明人员（工号或姓名）', 'the row names no person (id or name)'),
  noPersonOrDepartment: (w: Where) => problem('NO_PERSON', w,
    '未写明人员或科室', 'the row names neither a person nor a department'),
  unknownDepartment: (w: Where, department: string) => problem('UNKNOWN_DEPARTMENT', w,
    `人员名单中没有科室「${department}」`, `department "${department}" is not on the staff roster`),
  repeatedHeader: (w: Where) => problem('REPEATED_HEADER', w,
    '重复的表头行（粘贴的数据块？），已跳过', 'a repeated header row (a pasted block?), skipped'),
  tenureUnknown: (w: Where) => problem('TENURE_UNKNOWN', w,
    '缺少窗口工作起始日期，无法核对工作年限', 'no window start date: the tenure cannot be checked'),
  badPeriod: (text: string) => problem('BAD_PERIOD', { table: null, sheet: null, row: null },
    `无法识别的评选期间「${text}」（例如 2026Q3、2026-07、2026H2、2026）`,
    `unknown period "${text}" (for example 2026Q3, 2026-07, 2026H2, 2026)`),
  unknownScheme: (id: string, known: string[]) => problem('UNKNOWN_SCHEME', { table: null, sheet: null, row: null },
    `未知的评选方案「${id}」（可选：${known.join('、')}）`, `unknown scheme "${id}" (one of ${known.join(', ')})`),
  badParameter: (name: string, why: Bilingual) => problem('BAD_PARAMETER', { table: null, sheet: null, row: null },
    `参数 ${name}：${why.zh}`, `parameter ${name}: ${why.en}`),
  missingTable: (table: TableKey) => problem('MISSING_TABLE', { table, sheet: null, row: null },
    `找不到${TABLE_NAMES[table].zh}`, `the ${TABLE_NAMES[table].en} table was not found`),
  decisionPeriod: (w: Where, text: string) => problem('BAD_PERIOD', w,
    text === '' ? '缺少评选期间' : `无法识别的评选期间「${text}」（例如 2026Q3）`,
    text === '' ? 'the period is missing' : `cannot read the period "${text}" (for example 2026Q3)`),
  badDecision: (w: Where, text: string) => problem('BAD_DECISION', w,
    `${text === '' ? '缺少裁定结果' : `无法识别的裁定「${text}」`}（获奖·评为·当选·同意·确定，或 不予表彰·取消·取消资格·否决·不同意）`,
    `${text === '' ? 'the decision is missing' : `cannot read the decision "${text}"`} (award or exclude)`),
  decisionReplaced: (w: Where, who: string, row: number) => problem('DECISION_REPLACED', w,
    `对${who}的裁定被第${row}行的裁定取代`, `the decision on ${who} is replaced by the one in row ${row}`),
  decisionNotTied: (w: Where, who: string) => problem('DECISION_NOT_TIED', w,
    `${who} 不是并列，评为获奖的裁定未执行（评选小组可用“不予表彰”调整）`,
    `${who} is not tied: the award is not applied (the committee strikes with "exclude", it does not re-rank)`),
  decisionIneligible: (w: Where, who: string) => problem('DECISION_INELIGIBLE', w,
    `${who} 不具备评选资格（一票否决、离岗或未获推荐），评为获奖的裁定未执行`,
    `${who} is not eligible (veto, inactive or not recommended): the award is not applied`),
};
