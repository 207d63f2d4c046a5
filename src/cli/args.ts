import type { Bilingual, Lang, TableKey } from '../engine/types';

/** A table given on the command line: a file and, for workbooks, a sheet (`FILE#SHEET`). */
export interface TableSpec {
  file: string;
  sheet: string | null;
}

export interface SelectArgs {
  book: string | null;
  period: string;
  scheme: string | null;
  rules: string | null;
  /** A column mapping file (field → header text, letter or number, per table). */
  columns: string | null;
  tables: Partial<Record<TableKey, TableSpec>>;
  out: string | null;
  json: string | null;
  lang: Lang;
  print: boolean;
  quiet: boolean;
  allWarnings: boolean;
}

export type Parsed =
  | { command: 'help'; lang: Lang }
  | { command: 'version' }
  | { command: 'select'; args: SelectArgs }
  | { command: 'error'; message: string };

/**
 * One option of the command line: its names, its value (if it takes one), the table it names and
 * its help line. Parsing, `--help` and "did you mean" are all derived from this list.
 */
interface OptionSpec {
  names: readonly string[];
  /** The value's placeholder in the help; absent for a flag. */
  value?: Bilingual;
  table?: TableKey;
  help: Bilingual;
}

const FILE_SHEET: Bilingual = { zh: '文件[#工作表]', en: 'FILE[#SHEET]' };
const table = (key: TableKey, zh: string, en: string): OptionSpec => ({ names: [`--${key}`], value: FILE_SHEET, table: key, help: { zh, en } });

export const OPTIONS: readonly OptionSpec[] = [
  { names: ['--period'], value: { zh: '期间', en: 'PERIOD' }, help: { zh: '评选期间：2026-07、2026Q3、2026H2、2026、2026年第三季度 …（必填）', en: 'the period: 2026-07, 2026Q3, 2026H2, 2026, 2026年第三季度 … (required)' } },
  { names: ['--scheme'], value: { zh: '方案', en: 'ID' }, help: { zh: 'smile-star-quarterly（默认）、service-star-monthly、credit-union-100、hospital-quality-year、gov-center-annual', en: 'smile-star-quarterly (default), service-star-monthly, credit-union-100, hospital-quality-year, gov-center-annual' } },
  { names: ['--rules'], value: { zh: 'rules.json', en: 'rules.json' }, help: { zh: '覆盖方案参数（JSON，例如 {"winnersPerDepartment": 2}）', en: 'override scheme parameters (JSON, e.g. {"winnersPerDepartment": 2})' } },
  { names: ['--columns'], value: { zh: 'mapping.json', en: 'mapping.json' }, help: { zh: '指定列对应（JSON，每表 字段 → 表头文字、列字母或列号，例如 {"staff": {"department": "C"}}；与任务窗格保存的列对应格式相同）', en: 'the column mapping (JSON, per table field → header text, column letter or number, e.g. {"staff": {"department": "C"}}; the task pane\'s saved format)' } },
  table('staff', '人员名单（工作簿或 .csv）；不给时按工作表名称和表头在工作簿中查找', 'staff roster (a workbook or .csv); otherwise found in BOOK by sheet name and headers'),
  table('inspections', '督导检查记录', 'supervision inspections'),
  table('fines', '投诉及处罚记录', 'fines and complaints'),
  table('praise', '表扬记录', 'praise'),
  table('satisfaction', '满意度', 'satisfaction'),
  table('recommendations', '推荐名单', 'recommendations'),
  table('decisions', '评选小组裁定（获奖·不予表彰）', 'committee decisions (award, exclude)'),
  table('history', '获奖记录（年度累计）', 'history of winners (for the year roll-up)'),
  { names: ['--out'], value: { zh: '结果.xlsx', en: 'results.xlsx' }, help: { zh: '写出结果工作簿（六张结果表、公示名单和获奖记录；不会改动输入文件）', en: 'write the result workbook (six result sheets, the public notice and the history; inputs are never changed)' } },
  { names: ['--json'], value: { zh: '结果.json', en: 'results.json' }, help: { zh: '写出 JSON 结果；"-" 表示标准输出', en: 'write the JSON result; "-" means standard output' } },
  { names: ['--lang'], value: { zh: 'zh|en', en: 'zh|en' }, help: { zh: '结果表和提示的语言（默认中文）', en: 'language of the sheets and messages (default Chinese)' } },
  { names: ['--print'], help: { zh: '在终端打印表彰名单', en: 'print the award table on the terminal' } },
  { names: ['--all-warnings'], help: { zh: '逐条列出全部警告（默认按类型合并）', en: 'list every warning (by default identical ones are grouped)' } },
  { names: ['--quiet', '-q'], help: { zh: '不显示进度和警告摘要', en: 'no progress or warning summary' } },
  { names: ['--version', '-v'], help: { zh: '显示版本', en: 'show the version' } },
  { names: ['--help', '-h'], help: { zh: '显示本帮助', en: 'show this help' } },
];

const COMMANDS = ['select'] as const;

const optionByName = new Map(OPTIONS.flatMap((o) => o.names.map((n) => [n, o] as const)));

/** Edit distance with adjacent swaps (Damerau–Levenshtein, optimal string alignment). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const up = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The known word closest to a mistyped one, when it is close enough to be a typo (or the typed word
 * is a start of it).
 *
 * @example didYouMean('--perod', ['--period', '--print']) // => '--period'
 */
export function didYouMean(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.startsWith(word) && word.length >= 4 ? 0.5 : distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(word.replace(/^-+/u, '').length / 3));
  return bestDistance <= allowed ? best : null;
}

function unknownOption(arg: string): string {
  const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
  const guess = didYouMean(name, [...optionByName.keys()].filter((n) => n.startsWith('--')));
  return guess
    ? `未知选项 ${name}，是不是 ${guess}？ / unknown option ${name}: did you mean ${guess}?`
    : `未知选项 ${name} / unknown option ${name}`;
}

function unknownCommand(command: string): string {
  if (/\.(xlsx|xlsm|xls|et|ods|csv)$/iu.test(command)) {
    return `缺少命令 select：service-star select ${command} … / the command is missing: service-star select ${command} …`;
  }
  const guess = didYouMean(command, COMMANDS);
  return guess
    ? `未知命令 ${command}，是不是 ${guess}？ / unknown command ${command}: did you mean ${guess}?`
    : `未知命令 ${command}（可用：${COMMANDS.join('、')}） / unknown command ${command} (known: ${COMMANDS.join(', ')})`;
}

/**
 * `FILE#SHEET` → file and sheet; a `#` inside the file name is kept when nothing follows it.
 *
 * @example tableSpec('book.xlsx#人员名单') // => { file: 'book.xlsx', sheet: '人员名单' }
 */
export function tableSpec(text: string): TableSpec {
  const at = text.lastIndexOf('#');
  if (at <= 0 || at === text.length - 1) return { file: text, sheet: null };
  return { file: text.slice(0, at), sheet: text.slice(at + 1) };
}

function envLang(): Lang {
  const env = `${process.env.LC_ALL ?? ''}${process.env.LANG ?? ''}`;
  return /^en/iu.test(env) ? 'en' : 'zh';
}

/** Reads the command line of §9. Wrong usage gives a message (exit status 2). */
export function parseArgs(argv: readonly string[]): Parsed {
  const values = new Map<OptionSpec, string>();
  const flags = new Set<OptionSpec>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const option = optionByName.get(name);
    if (option?.value) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return { command: 'error', message: `${name} 需要一个值 / ${name} needs a value` };
      if (values.has(option)) return { command: 'error', message: `${name} 重复 / ${name} given twice` };
      values.set(option, value);
    } else if (option && eq < 0) flags.add(option);
    else if (arg.startsWith('-') && arg !== '-') return { command: 'error', message: unknownOption(arg) };
    else positional.push(arg);
  }
  const value = (name: string) => values.get(optionByName.get(name) as OptionSpec) ?? null;
  const flag = (name: string) => flags.has(optionByName.get(name) as OptionSpec);
  const langOption = value('--lang');
  if (langOption !== null && !['zh', 'en'].includes(langOption)) {
    return { command: 'error', message: `--lang 只能是 zh 或 en / --lang must be zh or en` };
  }
  const lang: Lang = (langOption as Lang | null) ?? envLang();
  if (flag('--version')) return { command: 'version' };
  if (flag('--help') || positional.length === 0) return { command: 'help', lang };
  const [command, ...rest] = positional as [string, ...string[]];
  if (command !== 'select') return { command: 'error', message: unknownCommand(command) };
  if (rest.length > 1) return { command: 'error', message: `多余的参数 ${rest.slice(1).join(' ')} / unexpected ${rest.slice(1).join(' ')}` };
  const period = value('--period');
  if (!period) return { command: 'error', message: '缺少 --period（例如 --period 2026Q3） / --period is required (e.g. --period 2026Q3)' };
  const tables: Partial<Record<TableKey, TableSpec>> = {};
  for (const option of OPTIONS) {
    const text = values.get(option);
    if (option.table && text) tables[option.table] = tableSpec(text);
  }
  const book = rest[0] ?? null;
  if (!book && !tables.staff) return { command: 'error', message: '请给出工作簿或 --staff 文件 / give a workbook or --staff FILE' };
  const out = value('--out');
  if (out === '-') {
    return { command: 'error', message: '--out 不能是 "-"：结果工作簿只能写入文件（"-" 只用于 --json） / --out cannot be "-": the result workbook goes to a file ("-" is for --json only)' };
  }
  return {
    command: 'select',
    args: {
      book, period, scheme: value('--scheme'), rules: value('--rules'), columns: value('--columns'), tables, out, json: value('--json'), lang,
      print: flag('--print'), quiet: flag('--quiet'), allWarnings: flag('--all-warnings'),
    },
  };
}

function optionLines(lang: Lang): string {
  const heads = OPTIONS.map((o) => `${o.names.join(', ')}${o.value ? ` ${o.value[lang]}` : ''}`);
  const width = Math.min(32, Math.max(...heads.map((h) => h.length)) + 2);
  return OPTIONS.map((o, i) => {
    const head = heads[i] as string;
    return `  ${head.length >= width ? `${head}\n  ${' '.repeat(width)}` : head.padEnd(width)}${o.help[lang]}`;
  }).join('\n');
}

export const HELP: Record<Lang, string> = {
  zh: `服务之星评选（命令行）

用法:
  npx service-star select 工作簿.xlsx --period 2026Q3 [选项]

选项:
${optionLines('zh')}

退出状态: 0 完成（可有警告）；1 输入无法使用（工号重复、缺少列、文件无法读取、期间或方案未知）或结果无法写出；2 用法错误。
读取 .xlsx、.xlsm、.xls、.et（WPS）、.ods 和 .csv 文件；CSV 文件可为 UTF-8（带或不带 BOM）或 GB18030 编码。
结果先写入同一文件夹中的临时文件，完成后才替换原文件：中断的运行不会留下写了一半的结果。`,
  en: `Service Star selection (command line)

Usage:
  npx service-star select BOOK.xlsx --period 2026Q3 [options]

Options:
${optionLines('en')}

Exit status: 0 done (warnings allowed); 1 the input cannot be used (duplicate ids, a missing column,
an unreadable file, an unknown period or scheme) or a result cannot be written; 2 wrong usage.
Reads .xlsx, .xlsm, .xls, .et (WPS), .ods and .csv files; CSV files may be UTF-8 (with or without BOM) or GB18030.
Results are written to a temporary file in the same folder and renamed into place when complete:
an interrupted run never leaves a half-written result.`,
};
