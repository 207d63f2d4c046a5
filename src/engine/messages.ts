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
  | 'BAD_PARAMETER' | 'MISSING_TABLE' | 'ASSIGNED_PERSON' | 'BAD_CSV' | 'BAD_ENCODING'
  | 'YEARLESS_DATE' | 'DEPARTMENT_FILLED' | 'MORE_SHEETS' | 'FORMULA_NO_VALUE' | 'LOOKALIKE_HEADER' | 'CELL_TOO_LONG'
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
  /** The full message: where, then what is wrong. */
  message: Bilingual;
  /** What is wrong, without the where: identical problems on many rows share it (see groupProblems). */
  detail: Bilingual;
  /** Set when the problem's row is not counted: what that means for the row's person (notCountedConsequence). */
  notCounted?: Bilingual;
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

export type Where = { table: TableKey | null; sheet: string | null; row: number | null; column?: string | null };

function problem(code: ProblemCode, where: Where, zh: string, en: string): Problem {
  const at = where.sheet === null ? { zh: '', en: '' } : {
    zh: `${where.sheet}${where.row === null ? '' : ` 第${where.row}行`}${where.column ? ` 列「${where.column}」` : ''}：`,
    en: `${where.sheet}${where.row === null ? '' : ` row ${where.row}`}${where.column ? ` column "${where.column}"` : ''}: `,
  };
  return {
    code, table: where.table, sheet: where.sheet, row: where.row, column: where.column ?? null,
    message: { zh: at.zh + zh, en: at.en + en }, detail: { zh, en },
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
  negativeNumber: (w: Where, text: string) => problem('BAD_NUMBER', w,
    `「${text}」不能为负数，请改正后重新运行`, `"${text}" cannot be negative; correct it and run again`),
  rateOver100: (w: Where, text: string) => problem('BAD_NUMBER', w,
    `满意率「${text}」超过 100%，请改正（0.97、97% 或 97）`, `the rate "${text}" is above 100 %; correct it (0.97, 97% or 97)`),
  satisfiedOverEvaluations: (w: Where, satisfied: number, evaluations: number) => problem('BAD_NUMBER', w,
    `满意数 ${satisfied} 大于评价数 ${evaluations}，请核对`, `satisfied ${satisfied} is more than evaluations ${evaluations}; check the row`),
  yearlessDate: (w: Where, text: string, count: number) => problem('YEARLESS_DATE', w,
    `日期「${text}」未写年份，按评选期间的年份计（本表共 ${count} 行）；如不对请写明年份`,
    `the date "${text}" has no year and is taken in the selection period's year (${count} rows in this table); write the year if that is wrong`),
  departmentFilled: (w: Where, department: string, count: number) => problem('DEPARTMENT_FILLED', w,
    `科室空白，按上一行计为「${department}」（本表共 ${count} 行）；如不对请填写科室`,
    `the department is blank and taken from the row above: "${department}" (${count} rows in this table); fill it in if that is wrong`),
  moreSheets: (w: Where, used: string[]) => problem('MORE_SHEETS', w,
    `此表也像${w.table ? TABLE_NAMES[w.table].zh : ''}，但未读取（已读取：${used.join('、')}）；如需使用请指定工作表`,
    `this sheet also looks like the ${w.table ? TABLE_NAMES[w.table].en : ''} table but was not read (read: ${used.join(', ')}); name the sheet to use it`),
  formulaNoValue: (w: Where) => problem('FORMULA_NO_VALUE', w,
    '公式没有计算结果，此行未计入；请在 Excel 中重新计算后保存',
    'a formula without a calculated value, row not counted; recalculate in Excel and save'),
  lookalikeHeader: (w: Where, field: Bilingual) => problem('LOOKALIKE_HEADER', w,
    `此列像是「${field.zh}」但未使用；如是，请把表头改为「${field.zh}」或在列对应中指定`,
    `this column looks like "${field.en}" but is not used; if it is, rename the header or map the column`),
  cellTooLong: (sheet: string, entry: number, column: string, length: number) => problem('CELL_TOO_LONG', { table: null, sheet, row: null, column },
    `第${entry}条的内容有 ${length} 个字符，超过 Excel 单元格上限 32767，已截断；完整内容见输入表`,
    `entry ${entry} holds ${length} characters, over Excel's 32,767 per cell, and was cut; the input table has it whole`),
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
  badCsv: (file: string, line: number) => problem('BAD_CSV', { table: null, sheet: file, row: line },
    '此行开始的引号没有闭合，文件未读取（请检查该行的双引号）',
    'a quote opened on this line is never closed; the file was not read (check the double quotes on that line)'),
  badEncoding: (file: string, line: number, count: number) => problem('BAD_ENCODING', { table: null, sheet: file, row: line },
    `文件按 UTF-8 读取，但有 ${count} 处字节不是 UTF-8，已显示为 �（从此行起）；请检查这些单元格`,
    `read as UTF-8, but ${count} byte sequence(s) are not UTF-8 and show as � (first on this line); check those cells`),
};

/** The consequence of a row left out that names no one (a repeated header). */
export const ROW_NOT_COUNTED: Bilingual = { zh: '此行未计入', en: 'the row is not counted' };

/**
 * What leaving a row out means for the person it names, in words (step 2 of the wizard): the
 * clerk sees the consequence, not only the fault. `person` is the name (else the id) written in
 * the row, '' when it names none; `veto` tells a complaint (一票否决) from a fine.
 *
 * @example notCountedConsequence('fines', '闫强', true).zh // => '此投诉未计入，闫强不会被一票否决'
 */
export function notCountedConsequence(table: TableKey, person: string, veto = false): Bilingual {
  const zhWho = person === '' ? '此行所写人员' : person;
  const enWho = person === '' ? 'the person it names' : person;
  switch (table) {
    case 'staff': return { zh: `${zhWho}未列入人员名单，不参加评选`, en: `${enWho} is left off the roster and not considered` };
    case 'inspections': return { zh: `此检查记录未计入，${zhWho}不会因此扣分`, en: `this inspection is not counted: ${enWho} loses no points for it` };
    case 'fines': return veto
      ? { zh: `此投诉未计入，${zhWho}不会被一票否决`, en: `this complaint is not counted: ${enWho} will not be vetoed for it` }
      : { zh: `此罚款未计入，${zhWho}的奖金不会因此扣减`, en: `this fine is not counted: ${enWho}'s bonus is not reduced for it` };
    case 'praise': return { zh: `此表扬未计入，${zhWho}不会因此加分`, en: `this praise is not counted: ${enWho} gains no points for it` };
    case 'satisfaction': return { zh: `此满意度记录未计入，${zhWho}的满意度不含此行`, en: `this satisfaction row is not counted: ${enWho}'s rate leaves it out` };
    case 'recommendations': return { zh: `此推荐未计入，${zhWho}不会因此获得推荐`, en: `this recommendation is not counted: ${enWho} is not recommended by it` };
    case 'decisions': return { zh: `此裁定未执行，${zhWho}按评选规则计`, en: `this decision is not applied: ${enWho} is placed by the rules` };
    case 'history': return { zh: `此获奖记录未计入，${zhWho}的获奖次数不含此条`, en: `this past award is not counted: ${enWho}'s wins leave it out` };
  }
}

/** Why a file cannot be read (SourceError), in the words the user sees. */
export type UnreadableReason = 'missing' | 'io' | 'damaged' | 'encrypted' | 'too-large' | 'doctype' | 'not-workbook' | 'format';

/** The formats read (§11), and how to get one of them. */
const FORMATS_HINT: Bilingual = {
  zh: '可读取的格式：.xlsx、.xlsm、.xls、.et、.ods、.csv。请在 Excel 或 WPS 中另存为 .xlsx 后再试',
  en: 'formats read: .xlsx, .xlsm, .xls, .et, .ods, .csv. Save it as .xlsx in Excel or WPS and try again',
};

/** Messages about a file as a whole: one line, Chinese then English. */
export const fileMessages = {
  noSheet: (file: string, sheet: string): Bilingual => ({ zh: `${file}：没有工作表「${sheet}」`, en: `${file}: no sheet named "${sheet}"` }),
  unreadable(file: string, reason: UnreadableReason, detail = ''): Bilingual {
    const what: Record<UnreadableReason, Bilingual> = {
      missing: { zh: '文件不存在', en: 'no such file' },
      io: { zh: `无法打开（${detail}）`, en: `cannot be opened (${detail})` },
      damaged: { zh: '文件已损坏或不完整', en: 'the file is damaged or incomplete' },
      encrypted: { zh: '工作簿设有打开密码（已加密），请先在 Excel 或 WPS 中取消密码', en: 'the workbook is encrypted (it has a password to open); remove the password in Excel or WPS first' },
      'too-large': { zh: `解压后超过 ${detail}，不像是正常的工作簿（压缩炸弹？）`, en: `it expands to more than ${detail}, unlike a real workbook (a zip bomb?)` },
      doctype: { zh: '含有 DOCTYPE 声明（可能展开成巨大的内容），为安全起见不予读取', en: 'it holds a DOCTYPE declaration (which can expand without bound), refused for safety' },
      'not-workbook': { zh: `这是一个压缩包，但不是工作簿${detail ? `（${detail}）` : '（例如 Word 文档）'}`, en: `it is a zip package but not a workbook${detail ? ` (${detail})` : ' (a Word document, say)'}` },
      format: { zh: `不是 Excel 工作簿${detail ? `（${detail} 文件）` : ''}`, en: `it is not an Excel workbook${detail ? ` (a ${detail} file)` : ''}` },
    };
    const hint = reason === 'missing' || reason === 'io' ? null : FORMATS_HINT;
    return {
      zh: `${file}：无法读取：${what[reason].zh}${hint ? `。${hint.zh}` : ''}`,
      en: `${file}: cannot be read: ${what[reason].en}${hint ? `; ${hint.en}` : ''}`,
    };
  },
};
