import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { historySheet } from '../engine/history';
import { resultJson } from '../engine/json';
import { messages, type Problem } from '../engine/messages';
import { runSelection } from '../engine/select';
import { awardTable, noticeSheet, resultSheets } from '../engine/sheets';
import { fingerprint } from '../engine/fingerprint';
import type { Lang, TableKey } from '../engine/types';
import { isSameFile, openFile, saveFile } from '../io/files';
import { collectTables, type TablePick } from '../io/tables';
import type { TableSource } from '../io/types';
import { SourceError } from '../io/xlsx';
import { XlsxResultWriter } from '../io/xlsxWriter';
import { HELP, parseArgs, type SelectArgs } from './args';
import { Progress } from './progress';
import { sheetAsText } from './text-table';

const VERSION = '0.1.0';
/** Inputs above this size get a progress bar. */
const LARGE_INPUT_BYTES = 1_000_000;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  progress: boolean;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: Boolean(process.stderr.isTTY),
};

/** Wrong usage found after parsing: exit status 2. */
class UsageError extends Error {}

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

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function select(args: SelectArgs, io: Io): Promise<number> {
  const lang = args.lang;
  const paths = [args.book, ...Object.values(args.tables).map((t) => t.file)].filter((p): p is string => p !== null);
  for (const [option, target] of [['--out', args.out], ['--json', args.json]] as const) {
    if (target === null || target === '-') continue;
    const clash = await Promise.all(paths.map(async (p) => resolve(p) === resolve(target) || isSameFile(p, target)));
    if (clash.includes(true)) {
      throw new UsageError(`${option} ${target} 是输入文件，结果不会写入输入文件 / ${option} ${target} is an input file: results never overwrite an input`);
    }
  }
  const sizes = await Promise.all([...new Set(paths)].map(fileSize));
  const progress = new Progress(io.progress && !args.quiet && sizes.reduce((a, b) => a + b, 0) > LARGE_INPUT_BYTES);
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
  progress.update(0.65, lang === 'zh' ? '计算评选结果' : 'computing');
  const outcome = runSelection({
    period: args.period, scheme: args.scheme ?? rules.scheme, overrides: rules.overrides, tables: collected.tables,
  });
  if (!outcome.ok) {
    progress.done();
    throw new InputError(outcome.errors.map((p) => problemLine(p, lang, collected.files)));
  }
  const result = outcome.result;
  const json = `${JSON.stringify(resultJson(result, lang), null, 2)}\n`;
  if (args.json === '-') io.stdout(json);
  else if (args.json) await saveFile(args.json, json);
  const awards = awardTable(result, lang);
  if (args.out) {
    progress.update(0.8, lang === 'zh' ? `写出 ${args.out}` : `writing ${args.out}`);
    const writer = new XlsxResultWriter();
    const run = { when: new Date().toISOString(), tool: `service-star ${VERSION}`, fingerprint: fingerprint(collected.tables) };
    await writer.writeSheets([...resultSheets(result, run, lang), noticeSheet(result, lang), historySheet(collected.tables.history ?? null, result, lang)]);
    await saveFile(args.out, await writer.toBuffer());
  }
  progress.done();
  if (args.print || (!args.out && !args.json)) io.stdout(`${sheetAsText(awards)}\n`);
  if (!args.quiet) {
    const counts = result.inputs.map((i) => `${i.sheet} ${i.used}/${i.rows}`).join(lang === 'zh' ? '，' : ', ');
    io.stderr(lang === 'zh'
      ? `评选期间 ${result.period.id}，方案 ${result.scheme.id}；使用行数 ${counts}；警告 ${result.warnings.length} 条${args.out ? `；结果已写入 ${args.out}` : ''}\n`
      : `period ${result.period.id}, scheme ${result.scheme.id}; rows used ${counts}; ${result.warnings.length} warnings${args.out ? `; results written to ${args.out}` : ''}\n`);
    for (const w of result.warnings.slice(0, 10)) io.stderr(`  ${problemLine(w, lang, collected.files)}\n`);
    if (result.warnings.length > 10) {
      io.stderr(lang === 'zh' ? `  ……另有 ${result.warnings.length - 10} 条，见运行记录表或 --json\n` : `  … ${result.warnings.length - 10} more in the run log sheet or --json\n`);
    }
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
