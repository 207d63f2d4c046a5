import type { Lang } from '../engine/types';

/** Every word of the task pane, in Chinese first and English. */
export const STRINGS = {
  zh: {
    title: '服务之星评选', other: 'English',
    intro: '选择人员名单、督导检查记录、投诉及处罚记录等工作簿或 CSV 文件（可多选），选定评选期间和方案，计算后下载结果工作簿。文件只在本机读取，不会上传。',
    introExcel: '用本工作簿中的人员名单、督导检查记录、投诉及处罚记录等工作表（或从磁盘选择文件），选定评选期间和方案，计算后把结果表写入本工作簿。输入表不会被改动。',
    files: '数据文件（.xlsx / .csv）', period: '评选期间（如 2026Q3、2026-07、2026H2）', scheme: '评选方案',
    run: '计算', download: '下载结果工作簿', running: '正在计算……', noFiles: '请先选择数据文件。',
    done: (n: number, w: number) => `已完成：${n} 名人员，${w} 条警告。`, inputs: '数据核对（总行数 = 使用 + 期外 + 空行 + 拒绝）',
    warnings: '警告', more: (n: number) => `……另有 ${n} 条，见结果工作簿中的运行记录表。`,
    inputHeaders: ['工作表', '总行数', '使用', '期外', '空行', '拒绝'], noWarnings: '没有警告。',
    source: '数据来源', sourceWorkbook: '本工作簿中的工作表', sourceFiles: '从磁盘选择的文件',
    write: '写入本工作簿', confirmReplace: (names: string) => `本期结果表已存在（${names}），再点一次“确认替换”只替换这些表。`,
    replace: '确认替换', writing: '正在写入结果表……', written: (name: string) => `结果表已写入，已打开「${name}」。`,
  },
  en: {
    title: 'Service Star selection', other: '中文',
    intro: 'Pick the staff roster, inspections, fines and complaints workbooks or CSV files (several at once), choose the period and scheme, compute, then download the result workbook. Files are read on this computer only.',
    introExcel: "Use this workbook's staff roster, inspections, fines and complaints sheets (or files picked from disk), choose the period and scheme, compute, then write the result sheets into this workbook. Input sheets are never changed.",
    files: 'Data files (.xlsx / .csv)', period: 'Period (e.g. 2026Q3, 2026-07, 2026H2)', scheme: 'Scheme',
    run: 'Compute', download: 'Download result workbook', running: 'Computing…', noFiles: 'Pick the data files first.',
    done: (n: number, w: number) => `Done: ${n} people, ${w} warnings.`, inputs: 'Row check (rows = used + out of period + blank + rejected)',
    warnings: 'Warnings', more: (n: number) => `… ${n} more in the run log sheet of the result workbook.`,
    inputHeaders: ['Sheet', 'Rows', 'Used', 'Out of period', 'Blank', 'Rejected'], noWarnings: 'No warnings.',
    source: 'Data from', sourceWorkbook: 'the sheets of this workbook', sourceFiles: 'files picked from disk',
    write: 'Write into this workbook', confirmReplace: (names: string) => `This period's result sheets exist (${names}); click "Replace" again to replace only those.`,
    replace: 'Replace', writing: 'Writing the result sheets…', written: (name: string) => `Result sheets written; "${name}" is open.`,
  },
} satisfies Record<Lang, unknown>;

/** The UI language: Office's display language inside Office, else the browser's. */
export function uiLanguage(officeLanguage: string | undefined, browserLanguage: string): Lang {
  return /^en/iu.test(officeLanguage ?? browserLanguage) ? 'en' : 'zh';
}
