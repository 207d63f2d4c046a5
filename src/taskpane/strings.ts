import type { Lang } from '../engine/types';

export type StepId = 'sources' | 'columns' | 'rules' | 'preview' | 'write';
export const STEPS: readonly StepId[] = ['sources', 'columns', 'rules', 'preview', 'write'];

/** Every word of the task pane, in Chinese first and English. */
export const STRINGS = {
  zh: {
    title: '服务之星评选', other: 'English',
    intro: '在本机读取人员名单、督导检查记录、投诉及处罚记录等工作簿或 CSV 文件（可多选），五步完成评选并下载结果工作簿。文件不会上传。',
    introExcel: '用本工作簿中的人员名单、督导检查记录、投诉及处罚记录等工作表（或磁盘上的文件），五步完成评选并把结果表写入本工作簿。输入表不会被改动。',
    steps: { sources: '数据来源', columns: '列与数据核对', rules: '评选规则', preview: '预览', write: '写入' } as Record<StepId, string>,
    stepsLabel: '评选步骤', stepOf: (n: number, total: number) => `第 ${n} 步，共 ${total} 步`,
    back: '上一步', next: '下一步', compute: '计算并预览', toWrite: '去写入',
    source: '数据来源', sourceWorkbook: '本工作簿中的工作表', sourceFiles: '从磁盘选择的文件',
    files: '数据文件（.xlsx / .csv，可多选）', reload: '重新读取', reading: '正在读取……',
    readSheets: (n: number) => `已读取 ${n} 张表。`, noFiles: '请先选择数据文件。', noSheets: '没有读到任何表。',
    tablesTitle: '各类数据所在的表', tableHeaders: ['数据', '来自'], notUsed: '（不使用）', required: '必需',
    needStaff: '必须有人员名单。',
    mappingTitle: (table: string, sheet: string, row: number | null) => `${table}：${sheet}${row === null ? '（未找到表头）' : `，表头在第 ${row} 行`}`,
    mappingHead: '各表的列对应（可修改）', none: '（无）', needRequired: '必需', needPerson: '工号/姓名/科室至少一项', missing: (fields: string) => `缺少列：${fields}`,
    checkedFor: (period: string) => `按评选期间 ${period} 核对（可在第 3 步修改）。`,
    inputs: '行数核对（总行数 = 使用 + 期外 + 空行 + 拒绝）',
    inputHeaders: ['表', '总行数', '使用', '期外', '空行', '拒绝'],
    rejectedTitle: '被拒绝的行', peopleTitle: '需要核实的人员（同名、不在名单、姓名不符）', otherTitle: '其他提示',
    noProblems: '没有问题。', selectHint: '点击一条可在工作表中选中该单元格。',
    more: (n: number) => `……另有 ${n} 条，见结果中的运行记录表。`,
    errorsTitle: '无法计算，请先处理：',
    period: '评选期间（如 2026Q3、2026-07、2026H2、2026）', scheme: '评选方案',
    periodHint: (kind: string) => `本方案通常按${kind}评选。`, kinds: { month: '月', quarter: '季度', half: '半年', year: '年' } as Record<string, string>,
    paramsTitle: '主要参数（留空为方案默认值）', defaultIs: (v: string) => `默认：${v === '' ? '不设' : v}`,
    resetParams: '全部恢复默认', candidates: { auto: '有推荐名单时只评推荐人员', recommended: '只评推荐人员', all: '全部人员' } as Record<string, string>,
    running: '正在计算……', done: (n: number, w: number) => `已完成：${n} 名人员，${w} 条警告。`,
    winnersTitle: '各科室获奖人选', tieNote: '并列者请评选小组裁定。', vetoesTitle: '一票否决', deductionsTitle: '奖金扣罚（按月）',
    departmentsTitle: '科室得分与科室奖', explainTitle: '个人得分说明', explainPick: '选择人员', explainHint: '也可点击上面表格中的人员。',
    warnings: '警告', noWarnings: '没有警告。', nothing: '无。',
    write: '写入本工作簿', replace: '确认替换', download: '下载结果工作簿',
    confirmReplace: (names: string) => `本期结果表已存在（${names}），再点一次“确认替换”只替换这些表。`,
    writing: '正在写入结果表……', written: (name: string) => `结果表已写入，已打开「${name}」。`,
    writeIntro: '结果表写入前不会改动工作簿。写入会清空 Excel 的撤销记录，可以用下面的“撤销本次写入”恢复。',
    downloadIntro: '结果工作簿包含评选结果、一票否决、奖金扣罚、获奖名单、表彰名单、运行记录和获奖记录。',
    undo: '撤销本次写入', keep: '保留结果', undone: '已撤销：本次写入的表已删除，被替换的表已恢复。', kept: '已保留本次结果。',
    undoing: '正在撤销……', undoNote: (n: number, first: string) => `上次写入了 ${n} 张表（「${first}」等），可以撤销或保留。`, progress: '写入进度', notComputed: '请先完成前面的步骤。',
  },
  en: {
    title: 'Service Star selection', other: '中文',
    intro: 'Read the staff roster, inspections, fines and complaints workbooks or CSV files (several at once) on this computer, run the selection in five steps and download the result workbook. Files are not uploaded.',
    introExcel: "Use this workbook's staff roster, inspections, fines and complaints sheets (or files from disk), run the selection in five steps and write the result sheets into this workbook. Input sheets are never changed.",
    steps: { sources: 'Sources', columns: 'Columns and checks', rules: 'Rules', preview: 'Preview', write: 'Write' } as Record<StepId, string>,
    stepsLabel: 'Selection steps', stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    back: 'Back', next: 'Next', compute: 'Compute and preview', toWrite: 'Go to write',
    source: 'Data from', sourceWorkbook: 'the sheets of this workbook', sourceFiles: 'files picked from disk',
    files: 'Data files (.xlsx / .csv, several at once)', reload: 'Read again', reading: 'Reading…',
    readSheets: (n: number) => `${n} sheets read.`, noFiles: 'Pick the data files first.', noSheets: 'No sheet was read.',
    tablesTitle: 'Where each table is', tableHeaders: ['Table', 'From'], notUsed: '(not used)', required: 'required',
    needStaff: 'A staff roster is required.',
    mappingTitle: (table: string, sheet: string, row: number | null) => `${table}: ${sheet}${row === null ? ' (no header row found)' : `, header in row ${row}`}`,
    mappingHead: 'Columns of each table (editable)', none: '(none)', needRequired: 'required', needPerson: 'id, name or department', missing: (fields: string) => `Missing columns: ${fields}`,
    checkedFor: (period: string) => `Checked for the period ${period} (change it in step 3).`,
    inputs: 'Row check (rows = used + out of period + blank + rejected)',
    inputHeaders: ['Table', 'Rows', 'Used', 'Out of period', 'Blank', 'Rejected'],
    rejectedTitle: 'Rejected rows', peopleTitle: 'People to check (same names, not on the roster, names that differ)', otherTitle: 'Other notes',
    noProblems: 'No problems.', selectHint: 'Click one to select its cell in the sheet.',
    more: (n: number) => `… ${n} more in the run log sheet of the results.`,
    errorsTitle: 'Cannot compute; please fix first:',
    period: 'Period (e.g. 2026Q3, 2026-07, 2026H2, 2026)', scheme: 'Scheme',
    periodHint: (kind: string) => `This scheme usually runs by ${kind}.`, kinds: { month: 'month', quarter: 'quarter', half: 'half year', year: 'year' } as Record<string, string>,
    paramsTitle: 'Key parameters (empty = the scheme\'s default)', defaultIs: (v: string) => `Default: ${v === '' ? 'none' : v}`,
    resetParams: 'Reset all to defaults', candidates: { auto: 'only recommended people when there is a list', recommended: 'only recommended people', all: 'everyone' } as Record<string, string>,
    running: 'Computing…', done: (n: number, w: number) => `Done: ${n} people, ${w} warnings.`,
    winnersTitle: 'Winners per department', tieNote: 'Ties are for the committee to decide.', vetoesTitle: 'Vetoes', deductionsTitle: 'Bonus deductions (per month)',
    departmentsTitle: 'Department scores and awards', explainTitle: 'Explain a score', explainPick: 'Person', explainHint: 'Or click a person in the tables above.',
    warnings: 'Warnings', noWarnings: 'No warnings.', nothing: 'None.',
    write: 'Write into this workbook', replace: 'Replace', download: 'Download result workbook',
    confirmReplace: (names: string) => `This period's result sheets exist (${names}); click "Replace" again to replace only those.`,
    writing: 'Writing the result sheets…', written: (name: string) => `Result sheets written; "${name}" is open.`,
    writeIntro: "Nothing in the workbook changes before you write. Writing clears Excel's undo list; use \"Undo this run\" below to go back.",
    downloadIntro: 'The result workbook holds the results, vetoes, deductions, winners, award table, run log and history of winners.',
    undo: 'Undo this run', keep: 'Keep the results', undone: 'Undone: the sheets of this run are gone and the replaced sheets are back.', kept: 'Results kept.',
    undoing: 'Undoing…', undoNote: (n: number, first: string) => `The last run wrote ${n} sheets ("${first}" …); undo it or keep it.`, progress: 'Writing progress', notComputed: 'Finish the steps before this one first.',
  },
} satisfies Record<Lang, unknown>;

export type Words = (typeof STRINGS)['zh'];

/** The UI language: Office's display language inside Office, else the browser's. */
export function uiLanguage(officeLanguage: string | undefined, browserLanguage: string): Lang {
  return /^en/iu.test(officeLanguage ?? browserLanguage) ? 'en' : 'zh';
}
