import type { Lang, TableKey } from '../engine/types';

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
  tables: Partial<Record<TableKey, TableSpec>>;
  out: string | null;
  json: string | null;
  lang: Lang;
  print: boolean;
  quiet: boolean;
}

export type Parsed =
  | { command: 'help'; lang: Lang }
  | { command: 'version' }
  | { command: 'select'; args: SelectArgs }
  | { command: 'error'; message: string };

const TABLE_OPTIONS: Record<string, TableKey> = {
  '--staff': 'staff', '--inspections': 'inspections', '--fines': 'fines', '--praise': 'praise',
  '--satisfaction': 'satisfaction', '--recommendations': 'recommendations', '--decisions': 'decisions', '--history': 'history',
};
const VALUE_OPTIONS = new Set(['--period', '--scheme', '--rules', '--out', '--json', '--lang', ...Object.keys(TABLE_OPTIONS)]);

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
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return { command: 'error', message: `${name} 需要一个值 / ${name} needs a value` };
      if (options.has(name)) return { command: 'error', message: `${name} 重复 / ${name} given twice` };
      options.set(name, value);
    } else if (['--help', '-h', '--print', '--quiet', '-q', '--version', '-v'].includes(arg)) flags.add(arg);
    else if (arg.startsWith('-') && arg !== '-') return { command: 'error', message: `未知选项 ${arg} / unknown option ${arg}` };
    else positional.push(arg);
  }
  const langOption = options.get('--lang');
  if (langOption !== undefined && !['zh', 'en'].includes(langOption)) {
    return { command: 'error', message: `--lang 只能是 zh 或 en / --lang must be zh or en` };
  }
  const lang: Lang = (langOption as Lang | undefined) ?? envLang();
  if (flags.has('--version') || flags.has('-v')) return { command: 'version' };
  if (flags.has('--help') || flags.has('-h') || positional.length === 0) return { command: 'help', lang };
  const [command, ...rest] = positional;
  if (command !== 'select') return { command: 'error', message: `未知命令 ${command} / unknown command ${command}` };
  if (rest.length > 1) return { command: 'error', message: `多余的参数 ${rest.slice(1).join(' ')} / unexpected ${rest.slice(1).join(' ')}` };
  const period = options.get('--period');
  if (!period) return { command: 'error', message: '缺少 --period（例如 --period 2026Q3） / --period is required (e.g. --period 2026Q3)' };
  const tables: Partial<Record<TableKey, TableSpec>> = {};
  for (const [option, table] of Object.entries(TABLE_OPTIONS)) {
    const value = options.get(option);
    if (value) tables[table] = tableSpec(value);
  }
  const book = rest[0] ?? null;
  if (!book && !tables.staff) return { command: 'error', message: '请给出工作簿或 --staff 文件 / give a workbook or --staff FILE' };
  return {
    command: 'select',
    args: {
      book, period, scheme: options.get('--scheme') ?? null, rules: options.get('--rules') ?? null, tables,
      out: options.get('--out') ?? null, json: options.get('--json') ?? null, lang,
      print: flags.has('--print'), quiet: flags.has('--quiet') || flags.has('-q'),
    },
  };
}

export const HELP: Record<Lang, string> = {
  zh: `服务之星评选（命令行）

用法:
  npx service-star select 工作簿.xlsx --period 2026Q3 [选项]

选项:
  --period 期间           评选期间：2026-07、2026Q3、2026H2、2026、2026年第三季度 …（必填）
  --scheme 方案           smile-star-quarterly（默认）、service-star-monthly、credit-union-100、
                          hospital-quality-year、gov-center-annual
  --rules rules.json      覆盖方案参数（JSON，例如 {"winnersPerDepartment": 2}）
  --staff 文件[#工作表]   人员名单（.xlsx 或 .csv）；不给时按工作表名称和表头在工作簿中查找
  --inspections 文件[#工作表]     督导检查记录
  --fines 文件[#工作表]           投诉及处罚记录
  --praise 文件[#工作表]          表扬记录
  --satisfaction 文件[#工作表]    满意度
  --recommendations 文件[#工作表] 推荐名单
  --decisions 文件[#工作表]       评选小组裁定（获奖·不予表彰）
  --history 文件[#工作表]         获奖记录（年度累计）
  --out 结果.xlsx         写出结果工作簿（六张结果表 + 获奖记录；不会改动输入文件）
  --json 结果.json        写出 JSON 结果；"-" 表示标准输出
  --lang zh|en            结果表和提示的语言（默认中文）
  --print                 在终端打印表彰名单
  --quiet, -q             不显示进度和警告摘要
  --help, -h              显示本帮助

退出状态: 0 完成（可有警告）；1 输入无法使用（工号重复、缺少列、文件无法读取、期间或方案未知）；2 用法错误。
CSV 文件可为 UTF-8（带或不带 BOM）或 GB18030 编码。`,
  en: `Service Star selection (command line)

Usage:
  npx service-star select BOOK.xlsx --period 2026Q3 [options]

Options:
  --period PERIOD         the period: 2026-07, 2026Q3, 2026H2, 2026, 2026年第三季度 … (required)
  --scheme ID             smile-star-quarterly (default), service-star-monthly, credit-union-100,
                          hospital-quality-year, gov-center-annual
  --rules rules.json      override scheme parameters (JSON, e.g. {"winnersPerDepartment": 2})
  --staff FILE[#SHEET]    staff roster (.xlsx or .csv); otherwise found in BOOK by sheet name and headers
  --inspections FILE[#SHEET]      supervision inspections
  --fines FILE[#SHEET]            fines and complaints
  --praise FILE[#SHEET]           praise
  --satisfaction FILE[#SHEET]     satisfaction
  --recommendations FILE[#SHEET]  recommendations
  --decisions FILE[#SHEET]        committee decisions (award, exclude)
  --history FILE[#SHEET]          history of winners (for the year roll-up)
  --out results.xlsx      write the result workbook (six result sheets + history; inputs are never changed)
  --json results.json     write the JSON result; "-" means standard output
  --lang zh|en            language of the sheets and messages (default Chinese)
  --print                 print the award table on the terminal
  --quiet, -q             no progress bar or warning summary
  --help, -h              show this help

Exit status: 0 done (warnings allowed); 1 the input cannot be used (duplicate ids, a missing column,
an unreadable file, an unknown period or scheme); 2 wrong usage.
CSV files may be UTF-8 (with or without BOM) or GB18030.`,
};
