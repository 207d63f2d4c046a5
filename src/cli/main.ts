import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runSheets } from '../engine/history';
import { locateTables } from '../engine/layout';
import { resultJson } from '../engine/json';
import { columnMappings, type ColumnMappings } from '../engine/mapping';
import { messages, type Problem } from '../engine/messages';
import { groupLine, groupProblems, summaryLine } from '../engine/summary';
import { runSelection } from '../engine/select';
import { awardTable, changeText } from '../engine/sheets';
import { fingerprint } from '../engine/fingerprint';
import type { Lang, TableKey } from '../engine/types';
import { isSameFile, openFile, saveFile } from '../io/files';
import { collectTables, type TablePick } from '../io/tables';
import type { TableSource } from '../io/types';
import { SourceError } from '../io/xlsx';
import { HELP, parseArgs, type SelectArgs } from './args';
import { Progress, type ProgressMode } from './progress';
import { sheetAsText } from './text-table';

const VERSION = '0.1.0';
/** Warning lines shown at most (each a group of identical warnings); --all-warnings shows all. */
const MAX_WARNING_GROUPS = 20;
/** Inputs above this size show their progress. */
const LARGE_INPUT_BYTES = 1_000_000;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** A bar on a terminal, a line per stage elsewhere; 'off' in tests. */
  progress: ProgressMode;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: process.stderr.isTTY ? 'bar' : 'lines',
};

/** Wrong usage found after parsing: exit status 2. */
class UsageError extends Error {}

/** A result cannot be written (disk full, no permission …): exit status 1, one line. */
class OutputError extends Error {}

/** Why a file cannot be written, in the clerk's words; the system's code when it is another. */
const WRITE_FAILURES: Record<string, { zh: string; en: string }> = {
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EDQUOT: { zh: '磁盘配额已满', en: 'the disk quota is full' },
  EACCES: { zh: '没有写入权限', en: 'no permission to write there' },
  EPERM: { zh: '没有写入权限', en: 'no permission to write there' },
  EROFS: { zh: '磁盘只读', en: 'the disk is read-only' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  ENOTEMPTY: { zh: '这是一个文件夹', en: 'it is a folder' },
  EEXIST: { zh: '这是一个文件夹', en: 'it is a folder' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EBUSY: { zh: '文件正被其他程序使用（是否已在 Excel 或 WPS 中打开？）', en: 'the file is in use (open in Excel or WPS?)' },
};

async function writeOutput(option: string, path: string, data: Uint8Array | string): Promise<void> {
  try {
    await saveFile(path, data);
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code ?? '');
    const why = WRITE_FAILURES[code] ?? { zh: code || String(error), en: code || String(error) };
    throw new OutputError(`${option} ${path}：无法写入（${why.zh}），原有文件未改动 / ${option} ${path}: cannot be written (${why.en}); any earlier file there is unchanged`);
  }
}

/** The input cannot be used: exit status 1 with one line per problem. */
class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

function problemLine(p: Problem, lang: Lang, files: Partial<Record<TableKey, string>>): string {
  const file = p.table ? files[p.table] : undefined;
  return `${p.code}: ${file ? `${file} ` : ''}${p.message[lang]}`;
}

async function readRules(path: string): Promise<{ scheme?: string; overrides: Record<string, unknown> }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError([`${path}：无法读取规则文件 / cannot read the rules file (${error instanceof Error ? error.message : String(error)})`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError([`${path}：规则文件应为 JSON 对象 / the rules file must be a JSON object`]);
  }
  const { scheme, parameters, ...rest } = parsed as Record<string, unknown>;
  const overrides = (typeof parameters === 'object' && parameters !== null ? parameters : rest) as Record<string, unknown>;
  return { scheme: typeof scheme === 'string' ? scheme : undefined, overrides };
}

async function readColumns(path: string): Promise<ColumnMappings> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError([`${path}：无法读取列对应文件 / cannot read the column mapping (${error instanceof Error ? error.message : String(error)})`]);
  }
  const read = columnMappings(parsed);
  if ('error' in read) throw new InputError([`${path}：${read.error.zh} / ${read.error.en}`]);
  return read.mappings;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function select(args: SelectArgs, io: Io): Promise<number> {
  const lang = args.lang;
  const tablePaths = [args.book, ...Object.values(args.tables).map((t) => t.file)].filter((p): p is string => p !== null);
  // Every file the run reads is protected from being an output, the rules and mapping files included.
  const inputs = [...tablePaths, ...[args.rules, args.columns].filter((p): p is string => p !== null)];
  const outputs: [option: string, path: string][] = [];
  if (args.out !== null) outputs.push(['--out', args.out]);
  if (args.json !== null && args.json !== '-') outputs.push(['--json', args.json]);
  for (const [option, target] of outputs) {
    const clash = await Promise.all(inputs.map(async (p) => resolve(p) === resolve(target) || isSameFile(p, target)));
    if (clash.includes(true)) {
      throw new UsageError(`${option} ${target} 是输入文件，结果不会写入输入文件 / ${option} ${target} is an input file: results never overwrite an input`);
    }
  }
  if (args.out !== null && args.json !== null && (resolve(args.out) === resolve(args.json) || await isSameFile(args.out, args.json))) {
    throw new UsageError(`--out 和 --json 指向同一个文件 ${args.out}，一个会覆盖另一个 / --out and --json name the same file ${args.out}: one would replace the other`);
  }
  const paths = tablePaths;
  const sizes = await Promise.all([...new Set(paths)].map(fileSize));
  const large = sizes.reduce((a, b) => a + b, 0) > LARGE_INPUT_BYTES;
  const progress = new Progress(!args.quiet && large ? io.progress : 'off', io.stderr);
  const opened = new Map<string, Promise<TableSource>>();
  const open = (path: string) => {
    let source = opened.get(path);
    if (!source) {
      progress.update(0.05, lang === 'zh' ? `读取 ${path}` : `reading ${path}`);
      source = openFile(path);
      opened.set(path, source);
    }
    return source;
  };
  const rules = args.rules ? await readRules(args.rules) : { overrides: {} };
  const columns = args.columns ? await readColumns(args.columns) : {};
  const book = args.book ? await open(args.book) : null;
  const picks: Partial<Record<TableKey, TablePick>> = {};
  for (const [table, spec] of Object.entries(args.tables) as [TableKey, { file: string; sheet: string | null }][]) {
    picks[table] = { source: await open(spec.file), sheet: spec.sheet };
  }
  let read = 0;
  const collected = await collectTables(book ? [book] : [], picks, (label) => {
    read++;
    progress.update(Math.min(0.6, 0.3 + read * 0.04), lang === 'zh' ? `读取 ${label}` : `reading ${label}`);
  });
  if (!args.quiet) {
    for (const table of ['inspections', 'fines'] as const) {
      if (collected.tables.staff && !collected.tables[table]) io.stderr(`service-star: ${messages.missingTable(table).message[lang]}\n`);
    }
  }
  for (const [table, mapping] of Object.entries(columns) as [TableKey, Record<string, string | number>][]) {
    const input = collected.tables[table];
    if (input) collected.tables[table] = { ...input, columns: mapping };
  }
  progress.update(0.65, lang === 'zh' ? '计算评选结果' : 'computing');
  // Located once: the run reads them, the history sheet keeps the earlier blocks of its history.
  const located = locateTables(collected.tables);
  const outcome = runSelection({
    period: args.period, scheme: args.scheme ?? rules.scheme, overrides: rules.overrides, tables: collected.tables,
  }, located);
  if (!outcome.ok) {
    progress.done();
    throw new InputError(outcome.errors.map((p) => problemLine(p, lang, collected.files)));
  }
  const result = outcome.result;
  const json = `${JSON.stringify(resultJson(result, lang), null, 2)}\n`;
  if (args.json === '-') io.stdout(json);
  else if (args.json) await writeOutput('--json', args.json, json);
  const awards = awardTable(result, lang);
  if (args.out) {
    progress.update(0.8, lang === 'zh' ? `写出 ${args.out}` : `writing ${args.out}`);
    // exceljs is loaded only to write: reading and --json never pay for it.
    const [{ XlsxResultWriter }, { streamingBook }] = await Promise.all([import('../io/xlsxWriter'), import('../io/xlsxStream')]);
    const writer = new XlsxResultWriter(streamingBook());
    const run = { when: new Date().toISOString(), tool: `service-star ${VERSION}`, fingerprint: fingerprint(collected.tables) };
    await writer.writeSheets(runSheets(located.history ?? null, result, run, lang));
    await writeOutput('--out', args.out, await writer.toBuffer());
  }
  progress.done();
  if (args.print || (!args.out && !args.json)) io.stdout(`${sheetAsText(awards)}\n`);
  if (!args.quiet) {
    const counts = result.inputs.map((i) => `${i.sheet} ${i.used}/${i.rows}`).join(lang === 'zh' ? '，' : ', ');
    io.stderr(lang === 'zh'
      ? `评选期间 ${result.period.id}，方案 ${result.scheme.id}；使用行数 ${counts}；警告 ${result.warnings.length} 条\n`
      : `period ${result.period.id}, scheme ${result.scheme.id}; rows used ${counts}; ${result.warnings.length} warnings\n`);
    if (args.allWarnings) {
      for (const w of result.warnings) io.stderr(`  ${problemLine(w, lang, collected.files)}\n`);
    } else {
      const groups = groupProblems(result.warnings);
      for (const g of groups.slice(0, MAX_WARNING_GROUPS)) {
        const file = g.table ? collected.files[g.table] ?? '' : '';
        // A CSV's sheet is its file name: say it once.
        io.stderr(`  ${groupLine(g, lang, { file: g.sheet && file.endsWith(g.sheet) ? '' : file })}\n`);
      }
      const hidden = groups.length > MAX_WARNING_GROUPS || groups.length < result.warnings.length;
      if (hidden) {
        io.stderr(lang === 'zh' ? '  （相同的警告已合并；--all-warnings 逐条列出，或见运行记录表、--json）\n' : '  (identical warnings grouped; --all-warnings lists each, as do the run log sheet and --json)\n');
      }
    }
    if (result.changes.length > 0) {
      // After an upheld objection the office reruns: what moved since the list it posted (§13).
      io.stderr(lang === 'zh' ? `与上次本期结果相比（${result.changes.length} 处变化）：\n` : `Changed since the last list of this period (${result.changes.length}):\n`);
      for (const change of result.changes) io.stderr(`  ${changeText(change, lang)}\n`);
    }
    const summary = summaryLine(result)[lang];
    const written = [args.out, args.json && args.json !== '-' ? args.json : null].filter(Boolean).join(lang === 'zh' ? '、' : ', ');
    io.stderr(lang === 'zh'
      ? `${summary}。${written ? `结果已写入 ${written}` : '未写出结果表：加 --out 结果.xlsx 写出结果工作簿'}\n`
      : `${summary}. ${written ? `Results written to ${written}` : 'No result sheets written: add --out results.xlsx to write the result workbook'}\n`);
  }
  return 0;
}

/** The command line: `service-star select …` (§9). Resolves to the exit status. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.command) {
    case 'help':
      io.stdout(`${HELP[parsed.lang]}\n`);
      return 0;
    case 'version':
      io.stdout(`${VERSION}\n`);
      return 0;
    case 'error':
      io.stderr(`service-star: ${parsed.message}\n${'请用 --help 查看用法 / see --help'}\n`);
      return 2;
    case 'select':
      try {
        return await select(parsed.args, io);
      } catch (error) {
        if (error instanceof UsageError) {
          io.stderr(`service-star: ${error.message}\n`);
          return 2;
        }
        if (error instanceof OutputError) {
          io.stderr(`service-star: ${error.message}\n`);
          return 1;
        }
        if (error instanceof InputError) {
          for (const line of error.lines) io.stderr(`service-star: ${line}\n`);
          return 1;
        }
        if (error instanceof SourceError) {
          io.stderr(`service-star: ${error.message}\n`);
          return 1;
        }
        throw error;
      }
  }
}
