/**
 * Performance figures of the rules engine and the command line (no assertions: it only prints).
 *
 *   npm run bench               5,000 staff · 200,000 inspections · 10,000 fines; CLI on a 60,000-row .xlsx
 *   npm run bench -- --quick    500 staff · 20,000 inspections · 1,000 fines; CLI on a 6,000-row .xlsx
 *
 * (a) runSelection on the synthetic office: median of 5 runs after a warm-up, and memory
 *     (heap and RSS growth over a gc()'d baseline while the result is held; the process's peak RSS);
 * (b) a bare linear pass over the same arrays, reading the cells the rules read (date, id and name
 *     against the roster, points, result, kind, item; each violation kept with its row, points
 *     summed by person and month) for comparison, and the ratio engine / bare;
 * (c) the CLI end to end: `node bin/service-star.js select <file> --period 2026Q3 --json … --out …`;
 * (d) the cell function STAR.SCORE called once for each of 2,000 staff (--quick: 200) over a
 *     20,000-row inspections range (--quick: 5,000), every call given its own fresh copy of the
 *     ranges as Excel does: total time and the selection cache's hits and misses;
 * (e) STAR.RESULTS over the engine's inspections (200,000 rows; --quick: 20,000) with fresh copies:
 *     a cold call (empty cache, median of 5) and a cached one, and what the spill guard says;
 *     and how many RESULTS rows fit in MAX_SPILL_BYTES (the ~5 MB payload limit of Excel on the web).
 *
 * (f) the task pane inside Excel, on the strict fake Excel of test/helpers/fake-excel.ts: read every
 *     sheet of the example workbook and of the 60,000-row office (ExcelSource), select, write the
 *     result sheets (ExcelSink): context.sync() calls and the largest request of each half.
 *
 * (g) reading workbooks, on the CLI's office (60,000 rows; --quick: 6,000): the floor — inflate and one
 *     scan of every part's XML doing nothing — beside our reader alone (every sheet into grids), both
 *     warm in this process; then the floor as a process of its own and the CLI `--json` on the same
 *     file, each a cold process timed from outside (medians of 5 paired runs), with the ratio
 *     CLI / floor that the target is on; then the CLI at 1×, 3× and 10×
 *     that office (--quick: 1× only), `--json` alone and with `--out`: time and peak memory
 *     (maximum resident set of the child, by /usr/bin/time); and the CLI on a city's office (100,000
 *     staff, 200,000 inspections; --quick: a tenth), `--json` and `--out`, time and peak memory.
 *
 * (h) the task pane's bundle (dist/addin: the first load before office.js, the chunks loaded later) and the
 *     one-file page (dist/service-star.html), gzip, after `npm run build`.
 *
 * Targets: engine < 1 s and within 3× the bare pass; CLI < 10 s; (d) < 2 s in total; (e) < 1.5 s;
 * (g) CLI --json within 3× the floor (each a process), at 10× with --out under 15 s and 1.5 GB, and at least 30× faster
 * than LibreOffice recalculating the clerk's workbook.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { runSelection } from '../src/engine/select';
import { historySheet } from '../src/engine/history';
import { locateTables } from '../src/engine/layout';
import { resultBlock, resultSheets } from '../src/engine/sheets';
import { ExcelSink, ExcelSource } from '../src/io/office';
import { openFile } from '../src/io/files';
import { inflateNode } from '../src/io/inflateNode';
import { chooseTables, loadSheets, tableOf } from '../src/io/tables';
import { scanXml } from '../src/io/xml';
import { entryChunks, zipEntries } from '../src/io/zip';
import { bookCells } from '../test/helpers/book-cells';
import { createFakeExcel, installExcelEnums, type FakeInputCell } from '../test/helpers/fake-excel';
import type * as CellFunctions from '../src/functions/functions';
import { benchLibreOffice } from './clerk';
import { SHEET_NAMES, syntheticOffice, syntheticTables, writeSyntheticXlsx, type SyntheticGrid, type SyntheticSizes } from './synthetic';

const quick = process.argv.includes('--quick');
const ENGINE_SIZES: SyntheticSizes = quick
  ? { staff: 500, inspections: 20_000, fines: 1_000 }
  : { staff: 5_000, inspections: 200_000, fines: 10_000 };
const CLI_SIZES: SyntheticSizes = quick
  ? { staff: 500, inspections: 5_000, fines: 500 }
  : { staff: 5_000, inspections: 50_000, fines: 5_000 };
const RUNS = 5;
/** (d): one STAR.SCORE call per person on the roster, over this many inspection rows. */
const SCORE_SIZES: SyntheticSizes = quick
  ? { staff: 200, inspections: 5_000, fines: 0 }
  : { staff: 2_000, inspections: 20_000, fines: 0 };
/** Staff on the roster when measuring how many RESULTS rows fit under MAX_SPILL_BYTES (more than fit). */
const SPILL_PROBE_STAFF = 60_000;
const PERIOD = '2026Q3';
const ROOT = path.resolve(__dirname, '..');

const gc: () => void = typeof global.gc === 'function' ? global.gc : () => undefined;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function timeMedian(fn: () => unknown): { median: number; runs: number[] } {
  fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t0 = now();
    fn();
    runs.push(now() - t0);
  }
  return { median: median(runs), runs };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

// ---------------------------------------------------------------------------------------------
// (b) the bare pass: what any reader of these arrays has to do at least

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569;
const Q3_FIRST = Date.UTC(2026, 6, 1) / MS_PER_DAY;
const Q3_LAST = Date.UTC(2026, 8, 30) / MS_PER_DAY;
const YEAR_FIRST = Date.UTC(2026, 0, 1) / MS_PER_DAY;

function dayOf(cell: unknown): number | null {
  if (typeof cell === 'number') return Math.floor(cell) - EXCEL_EPOCH_OFFSET;
  if (cell instanceof Date) return Math.floor(cell.getTime() / MS_PER_DAY);
  return null;
}

function numberOf(cell: unknown): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string' && cell.trim() !== '') return Number(cell);
  return null;
}

/** A violation as any reader that keeps the rules has to keep it: the person, the day, and the row it came from. */
interface BareRecord {
  id: string;
  day: number;
  points: number;
  kind: string;
  item: string;
  row: number;
}

/**
 * One pass over each grid, reading the cells the rules read: the roster's ids and names into a
 * Map; per inspection the date, the id checked against the roster and the name against its
 * spelling, points, result, kind and item, each violation kept as a record with its row (every
 * score, deduction and veto names its rows, §8) and its points summed by person and by person and
 * month; per fine the same for the yuan. No messages, no layouts, no ranking: the floor under any
 * reader of these tables that keeps the rules.
 */
function barePass(staff: SyntheticGrid, inspections: SyntheticGrid, fines: SyntheticGrid): number {
  const known = new Map<string, string>();
  for (let i = 1; i < staff.length; i++) {
    const row = staff[i] as SyntheticGrid[number];
    known.set(String(row[0]).trim().toLowerCase(), String(row[1]).trim());
  }
  const records: BareRecord[] = [];
  const points = new Map<string, number>();
  const ytd = new Map<string, number>();
  const monthly = new Map<string, number>();
  for (let i = 1; i < inspections.length; i++) {
    const row = inspections[i] as SyntheticGrid[number];
    const day = dayOf(row[0]);
    if (day === null || day < YEAR_FIRST || day > Q3_LAST) continue;
    const id = String(row[1]).trim().toLowerCase();
    const name = known.get(id);
    if (name === undefined || (row[2] !== null && String(row[2]).trim() !== name)) continue;
    const p = numberOf(row[5]) ?? 1;
    if (row[6] === '合格' || p === 0) continue;
    records.push({ id, day, points: p, kind: String(row[4]), item: String(row[3]), row: i + 1 });
    ytd.set(id, (ytd.get(id) ?? 0) + p);
    if (day < Q3_FIRST) continue;
    points.set(id, (points.get(id) ?? 0) + p);
    const month = `${id}|${Math.floor(day / 30)}`;
    monthly.set(month, (monthly.get(month) ?? 0) + p);
  }
  const yuan = new Map<string, number>();
  for (let i = 1; i < fines.length; i++) {
    const row = fines[i] as SyntheticGrid[number];
    const day = dayOf(row[0]);
    if (day === null || day < Q3_FIRST || day > Q3_LAST || row[6] === '无效') continue;
    const id = String(row[1]).trim().toLowerCase();
    if (!known.has(id)) continue;
    yuan.set(id, (yuan.get(id) ?? 0) + (numberOf(row[5]) ?? 50));
  }
  return records.length + points.size + ytd.size + monthly.size + yuan.size;
}

// ---------------------------------------------------------------------------------------------
// (c) the command line

interface CliFigure {
  ms: number | null;
  note: string;
}

async function benchCli(): Promise<CliFigure> {
  const bin = path.join(ROOT, 'bin', 'service-star.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-star-bench-'));
  try {
    if (!fs.existsSync(bin)) return { ms: null, note: `not available (${path.relative(ROOT, bin)} is missing)` };
    const file = path.join(dir, 'office.xlsx');
    const tw = now();
    await writeSyntheticXlsx(file, CLI_SIZES);
    const rows = CLI_SIZES.staff + CLI_SIZES.inspections + CLI_SIZES.fines;
    console.log(`CLI input: ${file} (${rows.toLocaleString('en-US')} rows, ${mb(fs.statSync(file).size)}, written in ${ms(now() - tw)})`);
    const json = path.join(dir, 'r.json');
    const out = path.join(dir, 'r.xlsx');
    const args = [bin, 'select', file, '--period', PERIOD, '--json', json, '--out', out];
    const t0 = now();
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1048576 });
    const elapsed = now() - t0;
    if (run.error) return { ms: null, note: `not available (${run.error.message})` };
    if (run.status !== 0) {
      const reason = `${run.stderr}\n${run.stdout}`.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? `no output`;
      return { ms: null, note: `not available (exit status ${String(run.status ?? run.signal)}: ${reason.slice(0, 200)})` };
    }
    if (!fs.existsSync(json) || !fs.existsSync(out)) {
      return { ms: null, note: `not available (exit status 0 but ${fs.existsSync(json) ? 'r.xlsx' : 'r.json'} was not written)` };
    }
    let check = '';
    try {
      const result = JSON.parse(fs.readFileSync(json, 'utf8')) as { people?: unknown[]; inputs?: { table: string; rows: number }[] };
      check = `; r.json: ${result.people?.length ?? '?'} people, inputs ${(result.inputs ?? []).map((i) => `${i.table} ${i.rows}`).join(', ')}`;
    } catch (e) {
      check = `; r.json unreadable: ${(e as Error).message}`;
    }
    return { ms: elapsed, note: `r.xlsx ${mb(fs.statSync(out).size)}${check}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// (f) the task pane's Office.js requests

interface SyncFigure {
  label: string;
  rows: number;
  readSyncs: number;
  readLargest: number;
  writeSyncs: number;
  writeLargest: number;
}

type Book = Record<string, FakeInputCell[][]>;

// (g) reading workbooks ------------------------------------------------------------------------

/** scripts/floor.js: the floor's one definition, in plain JS so that it also runs as a process of its own. */
const { floor } = createRequire(__filename)('./floor.js') as {
  floor(data: Uint8Array, modules: { zipEntries: typeof zipEntries; entryChunks: typeof entryChunks; inflateNode: typeof inflateNode; scanXml: typeof scanXml }): Promise<void>;
};

/** The floor warm, in this process, on the modules imported here. */
async function readFloor(file: string): Promise<number> {
  const data = new Uint8Array(fs.readFileSync(file));
  const t0 = now();
  await floor(data, { zipEntries, entryChunks, inflateNode, scanXml });
  return now() - t0;
}

/** Our reader alone: open the file and read every sheet into grids. */
async function readAll(file: string): Promise<number> {
  const t0 = now();
  const source = await openFile(file);
  for (const name of await source.sheetNames()) await source.readSheet(name);
  return now() - t0;
}

async function medianOf(runs: number, fn: () => Promise<number>): Promise<number> {
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    xs.push(await fn());
  }
  return median(xs);
}

interface RunFigure {
  ms: number | null;
  peak: number | null;
}

/** A child of node, timed, with its peak memory when /usr/bin/time is there to tell it. */
function timedNode(args: readonly string[]): RunFigure {
  const timed = fs.existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const argv = [...(timed ? ['-f', 'maxrss %M', process.execPath] : []), ...args];
  const t0 = now();
  const run = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1048576 });
  const elapsed = now() - t0;
  if (run.error || run.status !== 0) return { ms: null, peak: null };
  const kb = /maxrss (\d+)/u.exec(run.stderr)?.[1];
  return { ms: elapsed, peak: kb === undefined ? null : Number(kb) * 1024 };
}

/** The CLI in a child (see timedNode). */
function cliRun(args: readonly string[]): RunFigure {
  return timedNode([path.join(ROOT, 'bin', 'service-star.js'), ...args]);
}

/**
 * The floor as a process of its own, timed from outside as the CLI is: the speed issue's "inflate +
 * decode + one scan of the sheet XML in Node", a wall time beside `node -e 0` and the CLI's own.
 */
function floorProcess(file: string): RunFigure {
  return timedNode([path.join(ROOT, 'scripts', 'floor.js'), file]);
}

/** Runs a and b alternately, `runs` times each after one warm-up of each: the medians, paired as the machine's load drifts. */
function pairedMedians(runs: number, a: () => RunFigure, b: () => RunFigure): [RunFigure, RunFigure] {
  a();
  b();
  const as: RunFigure[] = [];
  const bs: RunFigure[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  const mid = (fs: RunFigure[]): RunFigure => {
    if (fs.some((f) => f.ms === null)) return { ms: null, peak: null };
    const peaks = fs.map((f) => f.peak).filter((p): p is number => p !== null);
    return { ms: median(fs.map((f) => f.ms as number)), peak: peaks.length === 0 ? null : median(peaks) };
  };
  return [mid(as), mid(bs)];
}

interface ReadingFigure {
  rows: number;
  /** In this process, warm (median of 3). */
  floorMs: number;
  readerMs: number;
  /** Each a process, cold: medians of paired runs. */
  floorProcess: RunFigure;
  cliJson: RunFigure;
  scales: { scale: number; rows: number; size: number; json: RunFigure; out: RunFigure }[];
}

async function benchReading(): Promise<ReadingFigure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-star-read-'));
  try {
    const scales = quick ? [1] : [1, 3, 10];
    const figure: ReadingFigure = { rows: 0, floorMs: 0, readerMs: 0, floorProcess: { ms: null, peak: null }, cliJson: { ms: null, peak: null }, scales: [] };
    for (const scale of scales) {
      const sizes = { staff: CLI_SIZES.staff * scale, inspections: CLI_SIZES.inspections * scale, fines: CLI_SIZES.fines * scale };
      const file = path.join(dir, `office-${scale}x.xlsx`);
      await writeSyntheticXlsx(file, sizes);
      const rows = sizes.staff + sizes.inspections + sizes.fines;
      if (scale === 1) {
        figure.rows = rows;
        figure.floorMs = await medianOf(3, () => readFloor(file));
        figure.readerMs = await medianOf(3, () => readAll(file));
        [figure.floorProcess, figure.cliJson] = pairedMedians(5, () => floorProcess(file),
          () => cliRun(['select', file, '--period', PERIOD, '--json', path.join(dir, 'r.json'), '--quiet']));
      }
      // At 1× the paired runs above are the --json figure.
      const json = scale === 1 ? figure.cliJson : cliRun(['select', file, '--period', PERIOD, '--json', path.join(dir, 'r.json'), '--quiet']);
      const out = cliRun(['select', file, '--period', PERIOD, '--json', path.join(dir, 'r.json'), '--out', path.join(dir, 'r.xlsx'), '--quiet']);
      figure.scales.push({ scale, rows, size: fs.statSync(file).size, json, out });
      fs.rmSync(file);
    }
    return figure;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}


/** A city's office (100,000 staff, 200,000 inspections; --quick: a tenth): --json and --out in a child each. */
async function benchCity(): Promise<{ sizes: SyntheticSizes; json: RunFigure; out: RunFigure }> {
  const sizes: SyntheticSizes = quick ? { staff: 10_000, inspections: 20_000, fines: 1_000 } : { staff: 100_000, inspections: 200_000, fines: 10_000 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-star-city-'));
  try {
    const file = path.join(dir, 'city.xlsx');
    await writeSyntheticXlsx(file, sizes);
    const json = cliRun(['select', file, '--period', PERIOD, '--json', path.join(dir, 'r.json'), '--quiet']);
    const out = cliRun(['select', file, '--period', PERIOD, '--out', path.join(dir, 'r.xlsx'), '--quiet']);
    return { sizes, json, out };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSyncs(label: string, sheets: Book, formats: Record<string, (string | null)[][]>): Promise<SyncFigure> {
  const fake = createFakeExcel(sheets, { numberFormats: formats });
  const loaded = await loadSheets([new ExcelSource(fake.run)]);
  const readSyncs = fake.syncCount;
  const readLargest = fake.largestRequest;
  const picked = chooseTables(loaded);
  const tables = Object.fromEntries(Object.entries(picked).map(([k, v]) => [k, tableOf(v)]));
  const located = locateTables(tables);
  const out = runSelection({ period: PERIOD, tables }, located);
  if (!out.ok) throw new Error(`${label}: ${out.errors.map((e) => e.message.en).join('; ')}`);
  fake.resetCounters();
  const inputs = new Set(Object.entries(picked).filter(([k]) => k !== 'history').flatMap(([, v]) => v.sheets.map((sh) => sh.data.name)));
  await new ExcelSink(fake.run, inputs).writeSheets([
    ...resultSheets(out.result, { when: '', tool: 'bench', fingerprint: '' }, 'zh'), historySheet(located.history ?? null, out.result, 'zh'),
  ]);
  const rows = Object.values(sheets).reduce((n, g) => n + g.length, 0);
  return { label, rows, readSyncs, readLargest, writeSyncs: fake.syncCount, writeLargest: fake.largestRequest };
}

async function benchOfficeSyncs(): Promise<SyncFigure[]> {
  const restore = installExcelEnums();
  try {
    const example = await bookCells(path.join(ROOT, 'examples', 'hospital-2026Q3.xlsx'));
    const office = syntheticOffice(CLI_SIZES);
    const dateFormats = (grid: SyntheticGrid) => grid.map((row, i) => row.map((_, c) => (i > 0 && c === 0 ? 'yyyy-mm-dd' : null)));
    return [
      await benchSyncs('examples/hospital-2026Q3.xlsx', example.sheets, example.numberFormats),
      await benchSyncs(`synthetic office`, { [SHEET_NAMES.staff]: office.staff, [SHEET_NAMES.inspections]: office.inspections, [SHEET_NAMES.fines]: office.fines },
        { [SHEET_NAMES.inspections]: dateFormats(office.inspections), [SHEET_NAMES.fines]: dateFormats(office.fines) }),
    ];
  } finally {
    restore();
  }
}

// ---------------------------------------------------------------------------------------------
// (h) the task pane's bundle, as built in dist/addin, and the one-file page (npm run build)

/** What the task pane page loads before office.js answers: the page and its own scripts (gzip; a minified page leaves src unquoted). */
const FIRST_LOAD_BUDGET = 250 * 1024;
const PANE_PAGE = 'taskpane.html';

interface BundleFigure {
  production: boolean;
  firstLoad: number;
  files: { name: string; gzip: number }[];
  /** Chunks loaded later: the engine worker, the workbook reader and writer. */
  later: { name: string; gzip: number }[];
  /** dist/service-star.html, the standalone wizard in one file (everything inside). */
  single: { bytes: number; gzip: number } | null;
}

function benchBundle(): BundleFigure | null {
  const dir = path.join(ROOT, 'dist/addin');
  const page = path.join(dir, PANE_PAGE);
  if (!fs.existsSync(page)) return null;
  const html = fs.readFileSync(page, 'utf8');
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(dir, file))).length;
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/gu)].map((m) => (m[1] ?? m[2] ?? '').replace(/\?.*$/u, ''))
    .filter((src) => !/^https?:/u.test(src));
  const files = [{ name: PANE_PAGE, gzip: gzipSync(html).length }, ...scripts.map((name) => ({ name, gzip: gz(name) }))];
  const later = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && !scripts.includes(f)).map((name) => ({ name, gzip: gz(name) }));
  const singlePath = path.join(ROOT, 'dist/service-star.html');
  const single = fs.existsSync(singlePath) ? { bytes: fs.statSync(singlePath).size, gzip: gzipSync(fs.readFileSync(singlePath)).length } : null;
  return { production: scripts.some((s) => /\.[0-9a-f]{16,}\.js$/u.test(s)), firstLoad: files.reduce((n, f) => n + f.gzip, 0), files, later, single };
}

// ---------------------------------------------------------------------------------------------
// (d), (e) the cell functions

/**
 * Loads src/functions/functions.ts as Excel's runtime would see it: a CustomFunctions global with
 * Error and ErrorCode (and an associate that does nothing) must exist before the module runs.
 */
async function loadCellFunctions(): Promise<typeof CellFunctions> {
  class FunctionError extends Error {
    constructor(readonly code: string, message?: string) {
      super(message);
    }
  }
  (globalThis as unknown as Record<string, unknown>)['CustomFunctions'] = {
    Error: FunctionError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!', nullReference: '#NULL!' },
    associate: () => undefined,
  };
  return import('../src/functions/functions');
}

/**
 * Excel hands every call its own copy of each range. The copies are made before the clock starts:
 * that marshalling is Excel's cost, not the function's, and what it means for the function (no
 * two calls share an array, so the cache must compare contents) is kept.
 */
function fresh(grid: SyntheticGrid): SyntheticGrid {
  return grid.map((row) => row.slice());
}

function errorText(e: unknown): string {
  const error = e as { code?: string; message?: string };
  return `${error.code ?? 'error'} ${error.message ?? String(e)}`;
}

interface ScoreFigure {
  calls: number;
  rows: number;
  totalMs: number;
  firstMs: number;
  medianMs: number;
  copyMs: number;
  hits: number;
  misses: number;
  failures: number;
}

/** (d) one STAR.SCORE per person, each call with fresh copies of the roster and the inspections. */
async function benchScore(fns: typeof CellFunctions): Promise<ScoreFigure> {
  const office = syntheticTables(SCORE_SIZES);
  const ids = office.staff.grid.slice(1).map((row) => String(row[0]));
  fns.selections.clear();
  fns.selections.hits = 0;
  fns.selections.misses = 0;
  gc();
  const times: number[] = [];
  let copyMs = 0;
  let failures = 0;
  for (const id of ids) {
    const c0 = now();
    const staff = fresh(office.staff.grid);
    const inspections = fresh(office.inspections.grid);
    copyMs += now() - c0;
    const t0 = now();
    try {
      await fns.score(id, staff, inspections, PERIOD);
    } catch {
      failures++;
    }
    times.push(now() - t0);
  }
  return {
    calls: ids.length,
    rows: office.inspections.grid.length - 1,
    totalMs: times.reduce((a, b) => a + b, 0),
    firstMs: times[0] ?? 0,
    medianMs: median(times.slice(1)),
    copyMs,
    hits: fns.selections.hits,
    misses: fns.selections.misses,
    failures,
  };
}

interface ResultsFigure {
  rows: number;
  cold: number[];
  coldMedian: number;
  cachedMs: number;
  outcome: string;
}

/** (e) STAR.RESULTS over the engine's tables: cold (cache cleared) and cached, fresh copies every call. */
async function benchResults(fns: typeof CellFunctions, tables: ReturnType<typeof syntheticTables>): Promise<ResultsFigure> {
  let outcome = '';
  const call = async (): Promise<number> => {
    const staff = fresh(tables.staff.grid);
    const inspections = fresh(tables.inspections.grid);
    const fines = fresh(tables.fines.grid);
    gc();
    const t0 = now();
    try {
      const out = await fns.results(staff, inspections, fines, PERIOD);
      const bytes = JSON.stringify(out).length * 2;
      outcome = `spilled ${out.length - 1} rows × ${out[0]?.length ?? 0} columns, about ${mb(bytes)} (${((100 * bytes) / fns.MAX_SPILL_BYTES).toFixed(0)} % of MAX_SPILL_BYTES)`;
    } catch (e) {
      outcome = `refused: ${errorText(e)}`;
    }
    return now() - t0;
  };
  fns.selections.clear();
  await call(); // warm-up
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    fns.selections.clear();
    cold.push(await call());
  }
  const cachedMs = await call(); // the selection of the last cold call is in the cache
  return { rows: tables.inspections.grid.length - 1, cold, coldMedian: median(cold), cachedMs, outcome };
}

interface SpillFigure {
  bytesPerRow: number;
  maxRows: number;
  check: string;
}

/**
 * How many RESULTS rows fit in MAX_SPILL_BYTES, measured the way the spill guard measures (UTF-16
 * bytes of the JSON of the spilled cells, header included) on a synthetic roster larger than fits.
 * Then STAR.RESULTS itself on rosters of 98 % and 102 % of that many people, to see the guard agree.
 */
async function benchSpillLimit(fns: typeof CellFunctions): Promise<SpillFigure> {
  const sizes: SyntheticSizes = { staff: SPILL_PROBE_STAFF, inspections: SPILL_PROBE_STAFF * 4, fines: SPILL_PROBE_STAFF / 5 };
  const tables = syntheticTables(sizes);
  const outcome = runSelection({ period: PERIOD, tables });
  if (!outcome.ok) throw new Error(`the engine refused the spill probe: ${outcome.errors.map((e) => e.message.en).join('; ')}`);
  const block = resultBlock('results', outcome.result, 'zh');
  const cell = (c: unknown) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : c);
  // JSON.stringify(rows).length = 2 brackets + each row's JSON + a comma between rows.
  let chars = 2 + JSON.stringify(block.columns.map((c) => c.header)).length;
  let maxRows = 0;
  for (const row of block.rows) {
    const next = chars + 1 + JSON.stringify(row.map(cell)).length;
    if (next * 2 > fns.MAX_SPILL_BYTES) break;
    chars = next;
    maxRows++;
  }
  const perRow = (chars * 2) / Math.max(maxRows, 1);
  if (maxRows === block.rows.length) return { bytesPerRow: perRow, maxRows, check: `all ${maxRows} rows fit: raise SPILL_PROBE_STAFF` };
  if (quick) return { bytesPerRow: perRow, maxRows, check: 'not checked with STAR.RESULTS (--quick)' };
  const tryRows = async (staff: number): Promise<string> => {
    const t = syntheticTables({ staff, inspections: staff * 4, fines: Math.round(staff / 5) });
    fns.selections.clear();
    try {
      const out = await fns.results(fresh(t.staff.grid), fresh(t.inspections.grid), fresh(t.fines.grid), PERIOD);
      return `${staff.toLocaleString('en-US')} staff spilled (${mb(JSON.stringify(out).length * 2)})`;
    } catch (e) {
      return `${staff.toLocaleString('en-US')} staff refused (${(e as { code?: string }).code ?? 'error'})`;
    }
  };
  return { bytesPerRow: perRow, maxRows, check: `STAR.RESULTS: ${await tryRows(Math.floor(maxRows * 0.98))}; ${await tryRows(Math.ceil(maxRows * 1.02))}` };
}

// ---------------------------------------------------------------------------------------------

/** Terminal columns of a text: East Asian characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

async function main(): Promise<void> {
  if (typeof global.gc !== 'function') console.log('note: run with node --expose-gc for the memory figures (npm run bench does)');
  console.log(`Service Star bench${quick ? ' (--quick)' : ''} — node ${process.version}, ${os.cpus().length} CPU(s), ${os.platform()}`);

  const tg = now();
  const tables = syntheticTables(ENGINE_SIZES);
  console.log(`engine input: ${ENGINE_SIZES.staff.toLocaleString('en-US')} staff, ${ENGINE_SIZES.inspections.toLocaleString('en-US')} inspections, `
    + `${ENGINE_SIZES.fines.toLocaleString('en-US')} fines (generated in ${ms(now() - tg)})`);

  // (a) the engine
  const run = () => {
    const out = runSelection({ period: PERIOD, tables });
    if (!out.ok) throw new Error(`the engine refused the synthetic office: ${out.errors.map((e) => e.message.en).join('; ')}`);
    return out.result;
  };
  // Memory on the first run (a fresh heap, gc()'d): growth while the result is held, and the
  // process's peak RSS (resourceUsage().maxRSS) over the RSS before the run.
  gc();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  let held: ReturnType<typeof run> | null = run();
  const after = process.memoryUsage();
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  const summary = `${held.people.length} people, ${held.winners.filter((w) => w.status === 'winner').length} winners, ${held.deductions.length} deduction rows, ${held.warnings.length} warnings`;
  held = null;
  const engine = timeMedian(run);

  // (b) the bare pass
  const bare = timeMedian(() => barePass(tables.staff.grid, tables.inspections.grid, tables.fines.grid));
  const ratio = engine.median / Math.max(bare.median, 1e-6);

  console.log(`engine runs: ${engine.runs.map(ms).join(', ')} (${summary})`);
  console.log(`bare runs:   ${bare.runs.map(ms).join(', ')}`);

  // (c) the CLI
  const cli = await benchCli();

  // (g) reading workbooks
  const reading = await benchReading();
  const fig = (f: RunFigure) => `${f.ms === null ? 'n/a' : ms(f.ms)}${f.peak === null ? '' : `, peak ${mb(f.peak)}`}`;
  console.log(`reading ${reading.rows.toLocaleString('en-US')} rows, in this process (warm): floor (inflate + one scan) ${ms(reading.floorMs)}, `
    + `our reader ${ms(reading.readerMs)}; each a process (cold, medians of 5 paired runs): floor ${fig(reading.floorProcess)}, `
    + `CLI --json ${fig(reading.cliJson)}; node -e 0 ${fig(timedNode(['-e', '0']))}`);
  for (const f of reading.scales) {
    console.log(`CLI at ${f.scale}× (${f.rows.toLocaleString('en-US')} rows, ${mb(f.size)}): --json ${fig(f.json)}; --json --out ${fig(f.out)}`);
  }

  // The clerk's way: the same office as a COUNTIFS/SUMIFS workbook, recalculated by LibreOffice.
  const clerk = await benchLibreOffice(CLI_SIZES);
  const first = reading.scales[0];
  console.log(clerk.ms === null ? `the clerk's way: ${clerk.note}`
    : `the clerk's way, LibreOffice recalculating the same office (${clerk.note}): ${ms(clerk.ms)}; `
      + `CLI --json ${first?.json.ms ? `${ms(first.json.ms)}, ${(clerk.ms / first.json.ms).toFixed(0)}× faster` : 'n/a'}; `
      + `--json --out ${first?.out.ms ? `${ms(first.out.ms)}, ${(clerk.ms / first.out.ms).toFixed(0)}× faster` : 'n/a'}`);

  const city = await benchCity();
  console.log(`CLI on a city (${city.sizes.staff.toLocaleString('en-US')} staff, ${city.sizes.inspections.toLocaleString('en-US')} inspections): `
    + `--json ${fig(city.json)}; --out ${fig(city.out)}`);

  // (d), (e) the cell functions
  const fns = await loadCellFunctions();
  const scoreFig = await benchScore(fns);
  console.log(`STAR.SCORE: ${scoreFig.calls.toLocaleString('en-US')} calls over ${scoreFig.rows.toLocaleString('en-US')} inspection rows, `
    + `${ms(scoreFig.totalMs)} in total (first call ${ms(scoreFig.firstMs)}, then a median of ${scoreFig.medianMs.toFixed(2)} ms a call); `
    + `cache ${scoreFig.hits.toLocaleString('en-US')} hits, ${scoreFig.misses} misses; ${scoreFig.failures} failed calls; `
    + `fresh copies (not timed) ${ms(scoreFig.copyMs)}`);
  const resultsFig = await benchResults(fns, tables);
  console.log(`STAR.RESULTS over ${resultsFig.rows.toLocaleString('en-US')} inspection rows: cold runs ${resultsFig.cold.map(ms).join(', ')}; `
    + `cached ${ms(resultsFig.cachedMs)}; ${resultsFig.outcome}`);
  fns.selections.clear();
  const spillFig = await benchSpillLimit(fns);
  console.log(`MAX_SPILL_BYTES = ${fns.MAX_SPILL_BYTES.toLocaleString('en-US')}: about ${spillFig.bytesPerRow.toFixed(0)} bytes a RESULTS row, `
    + `so ${spillFig.maxRows.toLocaleString('en-US')} rows fit (plus the header); ${spillFig.check}`);
  fns.selections.clear();

  // (f) the task pane inside Excel
  const syncs = await benchOfficeSyncs();
  for (const f of syncs) {
    console.log(`task pane on ${f.label} (${f.rows.toLocaleString('en-US')} rows): read ${f.readSyncs} syncs, largest request ${mb(f.readLargest)}; `
      + `write ${f.writeSyncs} syncs, largest request ${mb(f.writeLargest)}`);
  }

  const cliFloor = reading.cliJson.ms === null || reading.floorProcess.ms === null ? null : reading.cliJson.ms / Math.max(reading.floorProcess.ms, 1e-6);
  const rows: [string, string, string, string][] = [
    ['figure', 'measured', 'target', 'met'],
    ['engine runSelection (median of 5)', ms(engine.median), '< 1 s', engine.median < 1000 ? 'yes' : 'NO'],
    ['bare linear pass (median of 5)', ms(bare.median), '—', ''],
    ['engine / bare', `${ratio.toFixed(1)}×`, '≤ 3×', ratio <= 3 ? 'yes' : 'NO'],
    ['heap growth, result held', mb(after.heapUsed - before.heapUsed), '—', ''],
    ['RSS growth, result held', mb(after.rss - before.rss), '—', ''],
    ['peak RSS over RSS before the run', peakAfter > peakBefore ? mb(peakAfter - before.rss) : 'n/a (peak was earlier)', '—', ''],
    ['peak RSS of the process', mb(peakAfter), '—', ''],
    ['CLI end to end', cli.ms === null ? 'n/a' : ms(cli.ms), '< 10 s', cli.ms === null ? '?' : cli.ms < 10_000 ? 'yes' : 'NO'],
    ['read floor: inflate + one scan, warm (median of 3)', ms(reading.floorMs), '—', ''],
    ['our .xlsx reader, every sheet, warm (median of 3)', ms(reading.readerMs), '—', ''],
    ['read floor as a process (median of 5, paired)', fig(reading.floorProcess), '—', ''],
    ['CLI --json as a process (median of 5, paired)', fig(reading.cliJson), '—', ''],
    ['CLI --json / read floor, each a process', cliFloor === null ? 'n/a' : `${cliFloor.toFixed(1)}×`, '≤ 3×', cliFloor === null ? '?' : cliFloor <= 3 ? 'yes' : 'NO'],
    ...reading.scales.map((f): [string, string, string, string] => {
      // The speed issue's bound is for the tenfold office written out: under 15 s and 1.5 GB.
      const bound = f.scale === 10 ? '--out < 15 s, < 1.5 GB' : '—';
      const met = f.scale !== 10 ? '' : f.out.ms === null ? '?' : f.out.ms < 15_000 && (f.out.peak === null || f.out.peak < 1.5 * 1024 ** 3) ? 'yes' : 'NO';
      return [`CLI ${f.scale}× --json / --json --out`, `${fig(f.json)} / ${fig(f.out)}`, bound, met];
    }),
    ...(clerk.ms === null || !first?.json.ms ? [] : [['the clerk\'s way (LibreOffice) / CLI --json', `${(clerk.ms / first.json.ms).toFixed(0)}×`, '≥ 30×',
      clerk.ms / first.json.ms >= 30 ? 'yes' : 'NO'] as [string, string, string, string]]),
    [`STAR.SCORE × ${scoreFig.calls.toLocaleString('en-US')}, ${scoreFig.rows.toLocaleString('en-US')} rows (total)`, ms(scoreFig.totalMs), '< 2 s', scoreFig.totalMs < 2000 ? 'yes' : 'NO'],
    [`STAR.RESULTS, ${resultsFig.rows.toLocaleString('en-US')} rows (cold, median of ${RUNS})`, ms(resultsFig.coldMedian), '< 1.5 s', resultsFig.coldMedian < 1500 ? 'yes' : 'NO'],
    ['STAR.RESULTS, same ranges again (cached)', ms(resultsFig.cachedMs), '—', ''],
    ['RESULTS rows within MAX_SPILL_BYTES', spillFig.maxRows.toLocaleString('en-US'), '—', ''],
    ...syncs.map((f): [string, string, string, string] => [`task pane syncs, ${f.rows.toLocaleString('en-US')} rows (read + write)`,
      `${f.readSyncs} + ${f.writeSyncs}`, '—', '']),
    ...syncs.map((f): [string, string, string, string] => [`largest request, ${f.rows.toLocaleString('en-US')} rows`,
      mb(Math.max(f.readLargest, f.writeLargest)), '< 5 MB', Math.max(f.readLargest, f.writeLargest) < 5 * 1048576 ? 'yes' : 'NO']),
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => displayWidth(r[c] as string))));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => pad(cell, widths[c] as number)).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('');
  console.log(`CLI: ${cli.note}`);
  const bundle = benchBundle();
  console.log('');
  if (!bundle) console.log(`task pane bundle: n/a (dist/addin/${PANE_PAGE} missing: run npm run build first)`);
  else {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`task pane bundle (${bundle.production ? 'production' : 'development build: run npm run build for the real figures'}), gzip:`);
    for (const f of bundle.files) console.log(`  ${f.name}  ${kb(f.gzip)}`);
    console.log(`  first load before office.js  ${kb(bundle.firstLoad)}  (budget ${kb(FIRST_LOAD_BUDGET)}: ${bundle.firstLoad <= FIRST_LOAD_BUDGET ? 'yes' : 'NO'})`);
    for (const f of bundle.later) console.log(`  later: ${f.name}  ${kb(f.gzip)}`);
    console.log(bundle.single ? `  one file: service-star.html  ${kb(bundle.single.gzip)} (${kb(bundle.single.bytes)} as opened from disk)` : '  one file: n/a (dist/service-star.html missing)');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
