/**
 * The task pane's five-step wizard (React + Fluent UI, src/taskpane/pane) end to end, driven by clicks in a real browser (Debian's chromium
 * through playwright-core):
 * - standalone (no Office): the whole wizard on examples/hospital-2026Q3.xlsx (sources found, row check
 *   and problems, rules, the award table, ties and explanations, the downloaded workbook read back with
 *   exceljs); column mapping on a small workbook made here (the error box and the status follow each
 *   change); parameters checked and applied (Tab after a change goes on to the next box); the language
 *   switched mid-wizard (the status and the error re-worded too); names shown as text, never HTML;
 *   every step in a pane 320 px wide (wide tables scroll in their own box); the wizard by keyboard
 *   alone (each step change focuses the step's heading);
 * - inside Excel: Office and Excel are the strict fake of test/helpers/fake-excel.ts
 *   (test/e2e/fake-office-page.ts, bundled here for the browser and injected before the page's
 *   scripts); the pane reads this workbook's sheets when it opens, selects a problem's cell, writes the
 *   result sheets (never an input sheet), asks in a dialog before replacing them, undoes a run, keeps a run, and
 *   starts from the choices kept in the workbook's settings;
 * - 人员指认 (scenario 12, a workbook made here with two 张伟): step 2 names the person of a same-name
 *   or unknown row from a drop-down (standalone: choose, undo, English); inside Excel the choice is
 *   kept in the settings for its period only, applies when the pane opens again, and reaches the run log;
 * - accessibility (scenario 13): axe-core on every step and the download dialog, standalone and in Excel,
 *   at 340 and 500 px, in Chinese and English, finds no violation;
 * - a 3,000-person office (scenario 14): the longest main-thread task (PerformanceObserver 'longtask')
 *   from picking the file to the preview, printed as a figure;
 * - standalone, next quarter (scenario 15): the choices kept in the browser offered as 沿用上季度设置;
 * - a webview without ES2020 (scenario 16, Internet Explorer 11): the page's ES5 script shows which
 *   Office to update instead of a blank pane;
 * - inside Excel, hidden (scenario 17): the page loaded hidden for a cell function reads the workbook
 *   only once the pane is shown;
 * - inside Excel, the result workbook (scenario 18) opens as a new workbook (Excel.createWorkbook), no download.
 *
 * The add-in is built once (`webpack --mode development`) when dist/addin is missing or older than
 * the sources, and served from a tiny http server on a random localhost port; every request that
 * leaves that server (office.js from appsforoffice.microsoft.com) is aborted. The page's clock is fixed
 * at 2026-10-15, so the period defaults to 2026Q3 (the last finished quarter). Screenshots of each step
 * go to test-output/e2e/, named by scenario and step. Skipped when /usr/bin/chromium is missing.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';
import { writeSyntheticXlsx } from '../../scripts/synthetic';
import { ADDIN, ensureBuilt, ROOT } from '../helpers/build';
import type { FakeExcel, FakeInputCell } from '../helpers/fake-excel';
import { axe } from './axe';
import type { FakeOffice, FakeSheets } from './fake-office-page';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = path.join(ROOT, 'examples/hospital-2026Q3.xlsx');
const SHOTS = path.join(ROOT, 'test-output/e2e');
const HOOK_TIMEOUT = 180_000;
/** The task pane's page. */
const PAGE = 'taskpane.html';
const MS_PER_DAY = 86_400_000;
/** The page's clock: 2026Q3 is the last finished quarter, so it is the period's default. */
const TODAY = new Date('2026-10-15T09:30:00+08:00');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// The award table of examples/hospital-2026Q3.xlsx for 2026Q3 (examples/README.md), as the page shows it.
const AWARDS_ZH = [
  ['序号', '科室', '姓名', '得分', '奖励（元）', '备注'],
  ['1', '导医台', '陈静', '102', '100', ''],
  ['2', '门诊收费室', '孙佳琪', '101', '', '并列，待评选小组裁定'],
  ['3', '门诊收费室', '林晓红', '101', '', '并列，待评选小组裁定'],
  ['4', '住院收费室', '韩梅', '101', '100', ''],
  ['5', '中西药房', '彭涛', '100', '100', ''],
  ['6', '检验科', '薛莉', '102', '100', '年度优先推荐（本年度第2次）'],
  ['7', '挂号室', '钟丽萍', '101', '100', '年度优先推荐（本年度第2次）'],
  ['合计', '', '', '', '500', ''],
];
const TITLE_ZH = '2026年第三季度“微笑服务之星”表彰名单';
const RESULT_SHEETS_ZH = ['评选结果 2026Q3', '一票否决 2026Q3', '奖金扣罚 2026Q3', '获奖名单 2026Q3', '表彰名单 2026Q3', '运行记录 2026Q3', '公示名单 2026Q3', '获奖记录'];
const RESULT_SHEETS_EN = ['Results 2026Q3', 'Vetoes 2026Q3', 'Deductions 2026Q3', 'Winners 2026Q3', 'Award table 2026Q3', 'Run log 2026Q3', 'Public notice 2026Q3', 'Winners history'];
/** Rows of each input sheet of the example, and rows used for 2026Q3 (as the command line reports them). */
const INPUT_ROWS: [string, number, number][] = [
  ['人员名单', 60, 60], ['督导检查记录', 352, 304], ['投诉及处罚记录', 26, 24], ['表扬记录', 41, 39],
  ['满意度', 174, 174], ['推荐名单', 18, 18], ['获奖记录', 12, 12],
];
const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_BOLD = '<b>粗体</b>';

// -------------------------------------------------------------------------------------------------
// Helpers (node side)

/** Serves a directory on 127.0.0.1 at a random port. */
async function serve(dir: string): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(dir, `.${pathname === '/' ? '/taskpane.html' : pathname}`);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Bundles test/e2e/fake-office-page.ts for the browser into `out`; returns the bundle's path. */
async function bundleFake(out: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    context: ROOT,
    target: 'web',
    devtool: false,
    entry: path.join(__dirname, 'fake-office-page.ts'),
    output: { path: out, filename: 'fake-office.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json') } },
      }],
    },
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    compiler.run((error, result) => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)));
  });
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  return path.join(out, 'fake-office.js');
}

/** A cell as Excel holds it: text, number, boolean or empty; a date is a serial with a date format. */
function excelCell(cell: ExcelJS.Cell): { value: FakeInputCell; format: string | null } {
  if (cell.isMerged && cell.master !== cell) return { value: null, format: null };
  const v = cell.value;
  if (v === null || v === undefined) return { value: null, format: null };
  if (v instanceof Date) {
    const serial = v.getTime() / MS_PER_DAY + 25_569;
    return { value: serial, format: cell.numFmt && /[ymd]/iu.test(cell.numFmt) ? cell.numFmt : serial % 1 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' };
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return { value: v, format: cell.numFmt ?? null };
  }
  if (typeof v === 'object' && 'richText' in v) return { value: v.richText.map((t) => t.text).join(''), format: null };
  if (typeof v === 'object' && 'result' in v) {
    const r = v.result;
    if (r instanceof Date) return { value: r.getTime() / MS_PER_DAY + 25_569, format: 'yyyy-mm-dd' };
    return { value: typeof r === 'object' || r === undefined ? null : r, format: cell.numFmt ?? null };
  }
  if (typeof v === 'object' && 'text' in v) return { value: String(v.text), format: null };
  throw new Error(`unexpected cell ${cell.address}: ${JSON.stringify(v)}`);
}

/** A workbook's sheets as Excel holds them, for window.__FAKE_SHEETS__. */
async function bookCells(file: string): Promise<FakeSheets> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const book: Required<Pick<FakeSheets, 'sheets' | 'numberFormats'>> = { sheets: {}, numberFormats: {} };
  for (const ws of wb.worksheets) {
    const values: FakeInputCell[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells = Array.from({ length: ws.columnCount }, (_, c) => excelCell(row.getCell(c + 1)));
      values.push(cells.map((x) => x.value));
      formats.push(cells.map((x) => x.format));
    }
    book.sheets[ws.name] = values;
    book.numberFormats[ws.name] = formats;
  }
  return book;
}

async function sheetsOf(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * Scenario 12's workbook: two staff named 张伟 (K01 收费处, K02 药房) among five; the inspections of
 * 2026Q3 with a 张伟 row without id or department (row 3, 2 points), an unknown 赵六 of 药房 (row 4),
 * a row whose name differs from its id's (row 5), normal rows, and a 张伟 row of 2026Q2 (row 7).
 */
async function writeAssignBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('人员名单').addRows([
    ['工号', '姓名', '科室', '岗位', '在岗状态'],
    ['K01', '张伟', '收费处', '收费员', '在岗'],
    ['K02', '张伟', '药房', '药剂员', '在岗'],
    ['K03', '李娜', '药房', '药剂员', '在岗'],
    ['K04', '王强', '收费处', '收费员', '在岗'],
    ['K05', '陈红', '药房', '药剂员', '在岗'],
  ]);
  const inspections = wb.addWorksheet('督导检查记录');
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  inspections.addRows([
    ['检查日期', '工号', '姓名', '科室', '检查项目', '扣分', '结果'],
    [day('2026-07-08'), 'K03', '李娜', '药房', '着装不规范', 1, '违规'],
    [day('2026-07-15'), null, '张伟', null, '未使用服务用语', 2, '违规'],
    [day('2026-08-03'), null, '赵六', '药房', '迟到', 1, '违规'],
    [day('2026-08-20'), 'K04', '王刚', '收费处', '窗口秩序', null, '合格'],
    [day('2026-09-02'), 'K01', '张伟', '收费处', '玩手机', 1, '违规'],
    [day('2026-05-10'), null, '张伟', null, '迟到', 3, '违规'],
  ]);
  inspections.getColumn(1).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(file);
}

// -------------------------------------------------------------------------------------------------
// Helpers (page side)

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
  aborted: string[];
}

type Step = 'sources' | 'columns' | 'rules' | 'preview' | 'write';
const STEPS: readonly Step[] = ['sources', 'columns', 'rules', 'preview', 'write'];
/** The sheet the wizard finds for each table of the example (step 1); it has no committee decisions. */
const EXAMPLE_TABLES: Record<string, string> = {
  staff: '人员名单', inspections: '督导检查记录', fines: '投诉及处罚记录', praise: '表扬记录',
  satisfaction: '满意度', recommendations: '推荐名单', decisions: '', history: '获奖记录',
};
const WRITTEN_ZH = '结果表已写入，已打开「表彰名单 2026Q3」。';
const BACKUP = /^ServiceStar\.undo\.\d+$/u;

/** A screenshot named by scenario and step: `<scenario>-step<n>-<what>.png`. */
async function shot(page: Page, scenario: string, step: number, what: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${scenario}-step${step}-${what}.png`), fullPage: true, timeout: 60_000, animations: 'disabled' });
  // A full-page screenshot resizes the page and back; headless Chromium can then keep the scroll offset
  // of before the screenshot for input, so the next scroll made by focus is undone by the next mouse
  // press and a click lands beside its button. Resizing once more puts the two in step again.
  const viewport = page.viewportSize() as { width: number; height: number };
  await page.setViewportSize({ ...viewport, height: viewport.height + 1 });
  await page.setViewportSize(viewport);
}

/** The text of every row of a table (header row first). */
const tableText = (page: Page, selector: string): Promise<string[][]> =>
  page.$eval(selector, (table) => [...(table as HTMLTableElement).rows].map((tr) => [...tr.cells].map((c) => c.textContent ?? '')));

const textOf = (page: Page, selector: string): Promise<string> => page.$eval(selector, (e) => e.textContent ?? '');
/** The text of an element that may not be there ('' then): the error bar exists only while there is an error. */
const textIfAny = (page: Page, selector: string): Promise<string> => page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
const textsOf = (page: Page, selector: string): Promise<string[]> => page.$$eval(selector, (es) => es.map((e) => e.textContent ?? ''));
/** The labels of the steps (a Fluent tab keeps a hidden copy of its label, to reserve the width of bold text). */
const stepLabels = (page: Page): Promise<string[]> => page.$$eval('#steps button', (bs) => bs.map((b) => b.querySelector('.fui-Tab__content')?.textContent ?? ''));

async function noError(page: Page): Promise<void> {
  assert.equal(await page.isVisible('#error'), false, `the pane shows an error: ${await textIfAny(page, '#error')}`);
}

/** Waits until `step` is the current step: its section alone visible, its nav button current, "n of 5" said. */
async function onStep(page: Page, step: Step): Promise<void> {
  await page.waitForSelector(`#step-${step}`, { timeout: 10_000 }).catch(async (error: unknown) => {
    const at = await page.evaluate(() => document.querySelector('#steps button[aria-current=step]')?.textContent ?? '');
    throw new Error(`step ${step} not shown (at "${at}", error "${await textIfAny(page, '#error')}", status "${await textIfAny(page, '#status')}"): ${String(error)}`);
  });
  const seen = await page.evaluate(() => ({
    current: [...document.querySelectorAll<HTMLElement>('#steps button[aria-current=step]')].map((b) => b.dataset['step']),
    visible: [...document.querySelectorAll<HTMLElement>('section.step')].map((x) => x.id),
    stepOf: document.getElementById('step-of')?.textContent ?? '',
    back: document.getElementById('back') !== null,
    next: document.getElementById('next') !== null,
  }));
  const n = STEPS.indexOf(step) + 1;
  assert.deepEqual(seen.current, [step]);
  assert.deepEqual(seen.visible, [`step-${step}`], 'only the current step is shown');
  assert.ok(seen.stepOf === `第 ${n} 步，共 5 步` || seen.stepOf === `Step ${n} of 5`, seen.stepOf);
  assert.equal(seen.back, n > 1, 'Back from step 2 on');
  assert.equal(seen.next, n < 5, 'Next up to step 4');
}

/** Clicks Next and waits for the next step; no error may show. */
async function next(page: Page, to: Step): Promise<void> {
  await page.click('#next');
  await onStep(page, to);
  await noError(page);
}

/** Which steps of the nav can be clicked. */
const reachable = (page: Page): Promise<Record<string, boolean>> =>
  page.$$eval('#steps button', (bs) => Object.fromEntries(bs.map((b) => [(b as HTMLElement).dataset['step'], !(b as HTMLButtonElement).disabled])));

/** Picks files in step 1 and waits until they are read and the tables shown. */
async function pickFiles(page: Page, ...files: string[]): Promise<void> {
  await page.setInputFiles('#files', files);
  await page.waitForSelector('#tables-box:not([hidden]) #pick-staff');
  await noError(page);
}

/** The sheet chosen for each table in step 1. */
const pickedTables = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('#tables select', (ss) => Object.fromEntries(ss.map((x) => [(x as HTMLSelectElement).dataset['table'], (x as HTMLSelectElement).value])));

/** Types a value into a text box of step 3 and leaves it (the change event). */
async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Tab');
}

const param = (key: string) => `#params [data-param=${key}]`;

/** The element with the keyboard focus, for messages: `tag#id[data-param=…]` and the start of its text. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e) return '(nothing)';
    const key = e.dataset['param'] ?? e.dataset['step'];
    return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${key ? `[${key}]` : ''} "${(e.textContent ?? '').trim().slice(0, 20)}"`;
  });

/** Whether the element with the keyboard focus matches a selector. */
const hasFocus = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** The focus is on the heading of `step`'s section (where a step change puts it, for screen readers). */
async function headingHasFocus(page: Page, step: Step): Promise<void> {
  assert.equal(await hasFocus(page, `#step-${step} > h2`), true, `the heading of step ${step} has the focus, not ${await focused(page)}`);
}

/**
 * Presses `key` (Tab or Shift+Tab) until the focus is on an element matching `selector`; fails with
 * the elements the focus went through when it does not get there in `max` presses.
 */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60): Promise<void> {
  const went: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await hasFocus(page, selector)) return;
    went.push(await focused(page));
  }
  throw new Error(`${key} never reached ${selector}; the focus went through:\n${went.join('\n')}`);
}

/**
 * How wide the page is: the root's scroll width, and every shown element whose right edge is past
 * the viewport and that is not inside a box scrolling its own content (a `.scroll` box), with its right edge.
 */
const widthOfPage = (page: Page): Promise<{ viewport: number; scrollWidth: number; wider: string[] }> =>
  page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const clipped = (e: HTMLElement): boolean => {
      for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const past = new Set([...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > viewport + 0.5 && !clipped(e)));
    // The outermost of them only (a table, not each of its cells), named with the nearest id.
    const wider = [...past].filter((e) => !past.has(e.parentElement as HTMLElement)).map((e) => {
      const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}`;
      const within = e.id ? '' : ` in #${e.parentElement?.closest('[id]')?.id ?? 'body'}`;
      return `${name}${within} (right edge ${Math.round(e.getBoundingClientRect().right)})`;
    });
    return { viewport, scrollWidth: document.documentElement.scrollWidth, wider };
  });

/** Downloads the result workbook and opens it with exceljs. */
async function download(page: Page, file: string): Promise<{ name: string; wb: ExcelJS.Workbook }> {
  await page.click('#download');
  await page.waitForSelector('[role=alertdialog] #confirm-ok');
  const [event] = await Promise.all([page.waitForEvent('download'), page.click('#confirm-ok')]);
  await event.saveAs(file);
  return { name: event.suggestedFilename(), wb: await sheetsOf(file) };
}

/** The first row of a sheet holding `text`, as exceljs gives it (`values[1]` is column A). */
function rowWith(ws: ExcelJS.Worksheet, text: string): unknown[] | null {
  let found: unknown[] | null = null;
  ws.eachRow((row) => {
    if (found === null && (row.values as unknown[]).includes(text)) found = row.values as unknown[];
  });
  return found;
}

const fake = <T>(page: Page, read: string): Promise<T> =>
  page.evaluate((expr) => new Function('fake', `return ${expr};`)(window.__FAKE__) as T, read);

/** The document settings the fake Office saved (what the workbook keeps). */
const savedSettings = (page: Page): Promise<Record<string, unknown>> =>
  page.evaluate(() => (window.__FAKE_OFFICE__ as FakeOffice).context.document.settings.saved);

/** The fake workbook as a file would keep it (values, number formats, visibility), to open again in a new pane. */
const savedWorkbook = (page: Page): Promise<FakeSheets> =>
  page.evaluate(() => {
    const f = window.__FAKE__ as NonNullable<typeof window.__FAKE__>;
    const names = f.sheetNames();
    return {
      sheets: Object.fromEntries(names.map((n) => [n, f.grid(n).map((r) => r.map((c) => (c === '' || typeof c === 'object' ? null : c)))])),
      numberFormats: Object.fromEntries(names.map((n) => [n, f.grid(n).map((r, i) => r.map((_, j) => f.numberFormat(n, i, j)))])),
      visibility: Object.fromEntries(names.map((n) => [n, f.visibility(n)])),
    };
  });

/** Every sheet of the fake workbook with its visibility, in the workbook's order. */
const sheetsWithVisibility = (page: Page): Promise<[string, string][]> =>
  page.evaluate(() => {
    const f = window.__FAKE__ as NonNullable<typeof window.__FAKE__>;
    return f.sheetNames().map((n): [string, string] => [n, f.visibility(n)]);
  });

/** Each sheet's cells (A1 to the last used cell) and charts. */
const snapshot = (page: Page, names: readonly string[]): Promise<Record<string, { grid: unknown[][]; charts: unknown[] }>> =>
  page.evaluate((list) => {
    const f = window.__FAKE__ as NonNullable<typeof window.__FAKE__>;
    return Object.fromEntries(list.map((n) => [n, { grid: f.grid(n), charts: f.charts(n) }]));
  }, [...names]);

/**
 * Clicks Write (or the replace dialog's button) and waits until the pane has written: the "written" message, the button
 * enabled again and the progress bar hidden; fails with the pane's error if one shows.
 */
async function writeAndWait(page: Page, button = '#write'): Promise<void> {
  const runs = await fake<number>(page, 'fake.runCount');
  await page.click(button);
  // Write asks for the sheet names first; the dialog's button writes and activates only.
  await page.waitForFunction(([before, written, confirmed]) => {
    const status = document.getElementById('status')?.textContent ?? '';
    return document.getElementById('error') !== null
      || (status === written && (window.__FAKE__?.runCount ?? 0) >= before + (confirmed ? 2 : 3)
        && !(document.getElementById('write') as HTMLButtonElement).disabled && document.getElementById('progress') === null);
  }, [runs, WRITTEN_ZH, button !== '#write'] as const);
  await noError(page);
}

/** Clicks a button that runs on the workbook (undo, keep) and waits for its message or an error. */
async function clickAndWait(page: Page, selector: string, message: string): Promise<void> {
  await page.click(selector);
  await page.waitForFunction((m) => document.getElementById('error') !== null
    || document.getElementById('status')?.textContent === m, message);
  await noError(page);
}

/** Every value the progress bar showed while it existed (it is drawn only while writing; an init script). */
const PROGRESS_LOG = `window.__PROGRESS_LOG__ = [];
new MutationObserver((records) => {
  for (const r of records) {
    const t = r.target;
    if (t.id === 'progress' && r.attributeName === 'aria-valuenow') window.__PROGRESS_LOG__.push({ attribute: 'value', old: t.getAttribute('aria-valuenow') });
  }
}).observe(document, { attributes: true, attributeFilter: ['aria-valuenow'], subtree: true });`;

const progressLog = (page: Page): Promise<{ attribute: string; old: string | null }[]> =>
  page.evaluate(() => (window as unknown as { __PROGRESS_LOG__: { attribute: string; old: string | null }[] }).__PROGRESS_LOG__);

/** A problem about people in step 2: its message, and the drop-down that names the row's person, if any. */
interface PeopleItem {
  text: string;
  select: { id: string; label: string | null; value: string; options: [string, string][] } | null;
}

/** Every item of the list of problems about people (#people), in order. */
const peopleItems = (page: Page): Promise<PeopleItem[]> =>
  page.$$eval('#people li', (items) => items.map((li) => {
    const select = li.querySelector('select');
    return {
      text: li.firstElementChild?.textContent ?? '',
      select: select ? {
        id: select.id, label: select.getAttribute('aria-label'), value: select.value,
        options: [...select.options].map((o): [string, string] => [o.value, o.text]),
      } : null,
    };
  }));

/** Chooses a person for a row in step 2 (人员指认) and waits until the list of problems about people says `expect`. */
async function assignRow(page: Page, select: string, id: string, expect: string): Promise<void> {
  await page.focus(select);
  await page.selectOption(select, id);
  await page.waitForFunction((m) => [...document.querySelectorAll('#people li')].some((li) => li.firstElementChild?.textContent === m), expect)
    .catch(async (error: unknown) => {
      throw new Error(`after choosing "${id}" in ${select}, #people is ${JSON.stringify(await peopleItems(page))}: ${String(error)}`);
    });
  await noError(page);
}

/** The explanation of step 4 for the person with this id, chosen in the list (#person), line by line. */
async function explainId(page: Page, id: string): Promise<string[]> {
  const value = await page.$eval('#person', (x, wanted) => [...(x as HTMLSelectElement).options].find((o) => o.text.endsWith(`(${wanted})`))?.value ?? '', id);
  assert.notEqual(value, '', `${id} in the list of people`);
  await page.selectOption('#person', value);
  return (await textOf(page, '#explanation')).split('\n');
}

/** The row of the row check (step 2) for one sheet: [sheet, rows, used, out of period, blank, rejected]. */
async function rowCheck(page: Page, sheet: string): Promise<string[] | undefined> {
  return (await tableText(page, '#inputs table')).find((r) => r[0] === sheet);
}

// -------------------------------------------------------------------------------------------------

describe('task pane wizard in a browser (e2e: chromium + playwright-core)', function () {
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let base = '';
  let tmp = '';
  let fakeBundle = '';
  let book: FakeSheets = { sheets: {} };
  /** The workbook and its settings just after a first write (scenario 8), for the pane opened again. */
  let written: { workbook: FakeSheets; settings: Record<string, unknown> } = { workbook: { sheets: {} }, settings: {} };

  before(async function () {
    this.timeout(HOOK_TIMEOUT);
    if (!fs.existsSync(CHROMIUM)) {
      console.warn(`    e2e skipped: ${CHROMIUM} not found (apt-get install chromium; CI installs it)`);
      this.skip();
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'service-star-e2e-'));
    ensureBuilt();
    [fakeBundle, book] = await Promise.all([bundleFake(tmp), bookCells(EXAMPLE)]);
    ({ server, base } = await serve(ADDIN));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  after(async function () {
    this.timeout(HOOK_TIMEOUT);
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A fresh browser context (Chinese, the clock at TODAY): no network beyond the local server. */
  async function newContext(): Promise<BrowserContext> {
    const context = await (browser as Browser).newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 480, height: 900 } });
    await context.clock.setFixedTime(TODAY);
    return context;
  }

  /** A page of the task pane: dialogs, script errors and aborted requests recorded; waits until it is drawn. */
  async function open(context: BrowserContext): Promise<Watched> {
    const watched: Watched = { page: await context.newPage(), dialogs: [], errors: [], aborted: [] };
    await context.route((url) => !url.href.startsWith(base), async (route) => {
      watched.aborted.push(route.request().url());
      await route.abort();
    });
    watched.page.on('dialog', (d) => {
      watched.dialogs.push(d.message());
      void d.dismiss();
    });
    watched.page.on('pageerror', (e) => watched.errors.push(e.message));
    await watched.page.goto(`${base}/${PAGE}`);
    await watched.page.waitForFunction(() => (document.getElementById('next')?.textContent ?? '') !== '');
    return watched;
  }

  /** The task pane inside Excel (fake Office.js) on a workbook, with document settings already kept. */
  async function openInExcel(context: BrowserContext, settings: Record<string, unknown> = {}, workbook: FakeSheets = book): Promise<Watched> {
    await context.addInitScript({ content: `window.__FAKE_SHEETS__ = ${JSON.stringify(workbook)}; window.__SETTINGS__ = ${JSON.stringify(settings)};` });
    await context.addInitScript({ path: fakeBundle });
    await context.addInitScript({ content: PROGRESS_LOG });
    const w = await open(context);
    // The workbook is read when the pane opens: no click.
    await w.page.waitForSelector('#tables-box:not([hidden]) #pick-staff');
    return w;
  }

  /** The pane of one describe block: a fresh browser context before its tests, opened by `start`, closed after them. */
  function usePane(start: (context: BrowserContext) => Promise<Watched>): { readonly w: Watched } {
    let context: BrowserContext | undefined;
    const pane = {} as { w: Watched };
    before(async function () {
      this.timeout(HOOK_TIMEOUT);
      context = await newContext();
      pane.w = await start(context);
    });
    after(async function () {
      this.timeout(HOOK_TIMEOUT);
      await context?.close();
    });
    return pane;
  }

  /** From step 1 (tables found) to the preview with the period 2026Q3. */
  async function toPreview(page: Page): Promise<void> {
    await typeInto(page, '#period', '2026Q3');
    await next(page, 'columns');
    await next(page, 'rules');
    await next(page, 'preview');
    await page.waitForSelector('#results:not([hidden]) #awards table');
  }

  /** The names of the input sheets of the example, in the workbook's order. */
  const inputSheets = () => Object.keys(book.sheets);

  // -----------------------------------------------------------------------------------------------

  describe('1 standalone: the whole wizard on examples/hospital-2026Q3.xlsx', () => {
    const S = '1-standalone';
    const pane = usePane((context) => open(context));

    it('step 1 (sources): the file picker only; office.js not loaded; Next needs a staff table; the tables are found', async () => {
      const { page } = pane.w;
      await onStep(page, 'sources');
      await shot(page, S, 1, 'empty');
      assert.equal(await page.evaluate(() => typeof Office), 'undefined');
      assert.equal(await page.evaluate(() => window.__noOffice), true, 'office.js onerror fired');
      assert.ok(pane.w.aborted.some((u) => u.startsWith('https://appsforoffice.microsoft.com/')), pane.w.aborted.join('\n'));
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await textOf(page, '#title'), '服务之星评选');
      assert.equal(await textOf(page, '#step-sources h2'), '数据来源');
      assert.deepEqual(await stepLabels(page), ['1 数据来源', '2 列与数据核对', '3 评选规则', '4 预览', '5 下载']);
      assert.deepEqual(await reachable(page), { sources: true, columns: false, rules: false, preview: false, write: false });
      assert.equal(await page.isVisible('#files'), true);
      for (const hidden of ['#source', '#reload', '#tables-box', '#back']) assert.equal(await page.isVisible(hidden), false, hidden);
      assert.equal(await textOf(page, '#next'), '下一步');

      await page.click('#next');
      await onStep(page, 'sources');
      assert.equal(await page.isVisible('#error'), true);
      assert.equal(await textOf(page, '#error'), '请先选择数据文件。');

      await pickFiles(page, EXAMPLE);
      await shot(page, S, 1, 'sources');
      assert.deepEqual(await pickedTables(page), EXAMPLE_TABLES);
      // The tables are read, then checked at once for the period of step 1.
      await page.waitForFunction(() => document.getElementById('status')?.textContent === '已完成：60 名人员，1 条警告。');
      assert.deepEqual(await page.$$eval('#pick-staff option', (os) => os.map((o) => (o as HTMLOptionElement).value)), ['', ...Object.values(EXAMPLE_TABLES).filter((sheet) => sheet !== '')]);
      // Checked at once for the period and scheme of step 1: the preview can be entered.
      assert.deepEqual(await reachable(page), { sources: true, columns: true, rules: true, preview: true, write: true });
      assert.equal(await page.inputValue('#scheme'), 'smile-star-quarterly');
      assert.equal(await page.inputValue('#period'), '2026Q3', 'the last finished quarter');

      // The staff roster is required: "not used" keeps the wizard on step 1.
      await page.selectOption('#pick-staff', '');
      assert.deepEqual(await reachable(page), { sources: true, columns: false, rules: false, preview: false, write: false });
      await page.click('#next');
      await onStep(page, 'sources');
      assert.equal(await textOf(page, '#error'), '必须有人员名单。');
      await page.selectOption('#pick-staff', '人员名单');
      assert.deepEqual(await pickedTables(page), EXAMPLE_TABLES);
    });

    it('step 2 (columns and checks): the row check of 2026Q3, the one rejected row, every column found', async () => {
      const { page } = pane.w;
      await next(page, 'columns');
      await shot(page, S, 2, 'columns');
      assert.equal(await textOf(page, '#checked-for'), '按评选期间 2026Q3 核对（可在第 1 步修改）。');
      assert.match(await textOf(page, '#status'), /^已完成：60 名人员，1 条警告。$/u);
      const inputs = await tableText(page, '#inputs table');
      assert.deepEqual(inputs[0], ['表', '总行数', '使用', '期外', '空行', '拒绝']);
      assert.equal(inputs.length - 1, INPUT_ROWS.length, JSON.stringify(inputs));
      for (const [sheet, rows, used] of INPUT_ROWS) {
        const row = inputs.find((r) => r[0] === sheet);
        assert.ok(row, `row check of ${sheet}: ${JSON.stringify(inputs)}`);
        assert.equal(row[1], String(rows), `${sheet} rows`);
        assert.equal(row[2], String(used), `${sheet} used`);
        assert.equal(row.slice(2).reduce((sum, x) => sum + Number(x), 0), rows, `${sheet}: rows = used + out of period + blank + rejected`);
      }
      // The unknown type is counted (as a fine): a row to check, not a row left out.
      assert.deepEqual(await textsOf(page, '#rejected li'), ['没有问题。']);
      const counted = await textsOf(page, '#counted li');
      assert.equal(counted.length, 1, counted.join('\n'));
      assert.match(counted[0] ?? '', /^投诉及处罚记录 第26行 列「类型」：未知类型「服务纪律」/u);
      assert.equal(await page.locator('#counted li button').count(), 0, 'outside Excel there is no cell to select');
      assert.equal(await page.isVisible('#select-hint'), false);
      assert.deepEqual(await textsOf(page, '#people li'), ['没有问题。']);
      assert.deepEqual(await textsOf(page, '#other li'), ['没有问题。']);
      // Every table's columns were found: the sections stay folded, no column is missing.
      const sections = await page.$$eval('#mapping details', (ds) => ds.map((d) => [(d as HTMLElement).dataset['table'], (d as HTMLDetailsElement).open]));
      assert.deepEqual(sections, Object.entries(EXAMPLE_TABLES).filter(([, sheet]) => sheet !== '').map(([t]) => [t, false]));
      assert.equal(await page.locator('#mapping tr.missing').count(), 0);
      assert.equal(await page.inputValue('#map-staff-name'), 'B');
      assert.equal(await page.inputValue('#map-fines-type'), 'E');
      assert.equal(await page.inputValue('#map-satisfaction-rate'), '', 'no such column');
    });

    it('step 3 (rules): the default scheme, the period 2026Q3, the key parameters with their defaults', async () => {
      const { page } = pane.w;
      await next(page, 'rules');
      assert.equal(await textOf(page, '#next'), '计算并预览');
      await noError(page);
      assert.equal(await page.locator('#params [data-param]').count(), 16);
      assert.equal(await page.$eval(param('starAwardYuan'), (x) => x.closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent ?? null), '默认：100');
      assert.equal(await page.inputValue(param('starAwardYuan')), '', 'empty = the default');
      assert.equal(await page.inputValue(param('candidates')), 'auto');
      // The default of a choice reads as the choice's label, not its key ("auto").
      assert.equal(await page.$eval('select[data-param=candidates]', (x) => x.closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent ?? null), '默认：有推荐名单时只评推荐人员');
      assert.equal(await page.$eval('select[data-param=candidates]', (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), '有推荐名单时只评推荐人员');
      assert.equal(await page.locator('#params .invalid').count(), 0);
      await shot(page, S, 3, 'rules');
    });

    it('step 4 (preview): the award table, ties flagged, explanations of a click and of the list, vetoes, departments', async () => {
      const { page } = pane.w;
      await next(page, 'preview');
      await page.waitForSelector('#results:not([hidden])');
      assert.equal(await textOf(page, '#next'), '去下载');
      assert.equal(await textOf(page, '#award-title'), TITLE_ZH);
      assert.deepEqual(await tableText(page, '#awards table'), AWARDS_ZH);
      const awardClasses = await page.$$eval('#awards table:first-of-type tbody tr', (rs) => rs.map((r) => r.classList.contains('tie')));
      assert.deepEqual(awardClasses, AWARDS_ZH.slice(1).map((r) => r[5] === '并列，待评选小组裁定'));
      const winners = await tableText(page, '#winners table');
      const ties = await page.$$eval('#winners tbody tr.tie', (rs) => rs.map((r) => r.textContent ?? ''));
      assert.equal(ties.length, 2, JSON.stringify(winners));
      assert.ok(ties[0]?.includes('孙佳琪') && ties[1]?.includes('林晓红'), ties.join('\n'));
      assert.equal(await page.isVisible('#tie-note'), true);
      assert.equal(await textOf(page, '#tie-note'), '并列者请评选小组裁定。');

      await page.click('#awards tbody tr:has-text("孙佳琪")');
      const explained = (await textOf(page, '#explanation')).split('\n');
      assert.match(explained[0] ?? '', /^得分 101/u, explained.join('\n'));
      assert.match(explained.join('\n'), /督导检查记录 第\d+行/u, 'every fact names its sheet and row');
      assert.match(await page.$eval('#person', (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), /孙佳琪/u);

      // Any person from the list: 沈静怡 has the best score of 中西药房 but a valid complaint.
      const shen = await page.$eval('#person', (x) => [...(x as HTMLSelectElement).options].find((o) => o.text.includes('沈静怡'))?.value ?? '');
      await page.selectOption('#person', shen);
      const shenLines = await textOf(page, '#explanation');
      assert.match(shenLines.split('\n')[0] ?? '', /^得分 103/u, shenLines);
      assert.match(shenLines, /投诉及处罚记录 第\d+行/u, shenLines);
      assert.match(await textOf(page, '#vetoes'), /沈静怡/u);
      const departments = await tableText(page, '#departments table');
      assert.deepEqual(departments[0], ['科室', '在岗人数', '科室得分', '科室状态', '科室奖励（元）']);
      assert.equal(departments.length - 1, 6, JSON.stringify(departments));
      const warnings = await textsOf(page, '#warnings li');
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0] ?? '', /投诉及处罚记录 第26行/u);
      await page.evaluate(() => document.querySelectorAll('#results details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
      await shot(page, S, 4, 'preview');
      assert.deepEqual(await reachable(page), { sources: true, columns: true, rules: true, preview: true, write: true });
    });

    it('step 5 (write): download only; the workbook has the eight sheets, the title and the department scores', async () => {
      const { page } = pane.w;
      await next(page, 'write');
      await shot(page, S, 5, 'write');
      assert.equal(await page.isVisible('#write'), false, 'no workbook to write into outside Excel');
      assert.equal(await page.isVisible('#undo'), false);
      assert.equal(await textOf(page, '#download'), '下载结果工作簿');
      const { name, wb } = await download(page, path.join(tmp, 'download-zh.xlsx'));
      assert.equal(name, '评选结果-2026Q3.xlsx');
      assert.deepEqual(wb.worksheets.map((x) => x.name), RESULT_SHEETS_ZH);
      const awards = wb.getWorksheet('表彰名单 2026Q3');
      assert.ok(awards);
      assert.equal(awards.getCell('A1').value, TITLE_ZH);
      assert.deepEqual([4, 5, 6, 7, 8, 9, 10].map((r) => awards.getCell(r, 3).value), AWARDS_ZH.slice(1, 8).map((r) => r[2]));
      const results = wb.getWorksheet('评选结果 2026Q3');
      assert.ok(results);
      const header = rowWith(results, '科室得分');
      assert.ok(header, 'the results sheet has the department scores beside the people');
      const at = header.indexOf('科室得分');
      assert.deepEqual(header.slice(at - 2, at + 3), ['科室', '在岗人数', '科室得分', '科室状态', '科室奖励（元）']);

      // Back goes to the preview, which is as it was.
      await page.click('#back');
      await onStep(page, 'preview');
      assert.deepEqual(await tableText(page, '#awards table'), AWARDS_ZH);
      assert.deepEqual(pane.w.errors, [], 'no script errors on the page');
      assert.deepEqual(pane.w.dialogs, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('2 standalone: the column mapping of step 2 changes the result', () => {
    const S = '2-mapping';
    const pane = usePane(async (context) => {
      // Four people in two departments; the roster says 所属部门, which is not a department header.
      const wb = new ExcelJS.Workbook();
      const staff = wb.addWorksheet('人员名单');
      staff.addRows([
        ['工号', '姓名', '所属部门', '岗位', '在岗状态'],
        ['F001', '张三', '甲科', '收费员', '在岗'],
        ['F002', '李四', '甲科', '收费员', '在岗'],
        ['F003', '王五', '乙科', '药剂员', '在岗'],
        ['F004', '赵六', '乙科', '药剂员', '在岗'],
      ]);
      const inspections = wb.addWorksheet('督导检查记录');
      const day = (d: string) => new Date(`${d}T00:00:00Z`);
      inspections.addRows([
        ['检查日期', '工号', '姓名', '检查项目', '扣分', '结果'],
        [day('2026-07-10'), 'F001', '张三', '着装不规范', 3, '违规'],
        [day('2026-08-10'), 'F002', '李四', '迟到', 2, '违规'],
        [day('2026-08-12'), 'F003', '王五', '玩手机', 1, '违规'],
        [day('2026-09-01'), 'F004', '赵六', '窗口秩序', null, '合格'],
      ]);
      inspections.getColumn(1).numFmt = 'yyyy-mm-dd';
      const file = path.join(tmp, 'mapping.xlsx');
      await wb.xlsx.writeFile(file);
      const w = await open(context);
      await pickFiles(w.page, file);
      return w;
    });

    it('shows the missing department column, and choosing it in the drop-down lets the run complete', async () => {
      const { page } = pane.w;
      assert.deepEqual(await pickedTables(page), { staff: '人员名单', inspections: '督导检查记录', fines: '', praise: '', satisfaction: '', recommendations: '', decisions: '', history: '' });
      await page.click('#next');
      await onStep(page, 'columns');
      await shot(page, S, 2, 'missing');
      assert.equal(await page.isVisible('#error'), true, 'cannot compute without the department');
      assert.match(await textOf(page, '#error'), /^无法计算，请先处理：/u);
      const staff = page.locator('#mapping details[data-table=staff]');
      assert.equal(await staff.evaluate((d) => (d as HTMLDetailsElement).open), true, 'a table with a missing column is unfolded');
      assert.equal(await staff.locator('.message').textContent(), '缺少列：科室');
      assert.deepEqual(await staff.locator('tr.missing label').allTextContents(), ['科室']);
      assert.equal(await page.inputValue('#map-staff-department'), '');
      assert.deepEqual(await page.$$eval('#map-staff-department option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent])),
        [['', '（无）'], ['A', 'A · 工号'], ['B', 'B · 姓名'], ['C', 'C · 所属部门'], ['D', 'D · 岗位'], ['E', 'E · 在岗状态']]);
      assert.equal((await reachable(page))['preview'], false);
      assert.equal(await page.locator('#mapping details[data-table=inspections]').evaluate((d) => (d as HTMLDetailsElement).open), false);

      await page.focus('#map-staff-department');
      await page.selectOption('#map-staff-department', 'C');
      await page.waitForFunction(() => document.querySelector('#mapping details[data-table=staff] .message') === null);
      await shot(page, S, 2, 'mapped');
      assert.equal(await page.inputValue('#map-staff-department'), 'C');
      assert.equal(await page.locator('#mapping tr.missing').count(), 0);
      const inputs = await tableText(page, '#inputs table');
      assert.deepEqual(inputs.slice(1), [['人员名单', '4', '4', '0', '0', '0'], ['督导检查记录', '4', '4', '0', '0', '0']]);
      assert.equal((await reachable(page))['preview'], true, 'the run completes at once');
      // The error box and the status follow the new outcome at once.
      assert.equal(await page.isVisible('#error'), false, `the error of before is gone: ${await textIfAny(page, '#error')}`);
      assert.match(await textOf(page, '#status'), /^已完成：4 名人员，\d+ 条警告。$/u);

      // The table being edited stays open, with the focus on the drop-down just changed.
      assert.equal(await staff.evaluate((d) => (d as HTMLDetailsElement).open), true, 'the staff mapping stays open');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'map-staff-department');

      // Back to （无）: the run cannot complete again, and says so; the summary of the run before is gone.
      await page.selectOption('#map-staff-department', '');
      await page.waitForSelector('#mapping details[data-table=staff] .message');
      assert.equal(await page.isVisible('#error'), true, 'cannot compute without the department');
      assert.match(await textOf(page, '#error'), /^无法计算，请先处理：/u);
      assert.equal(await textOf(page, '#status'), '');
      assert.equal((await reachable(page))['preview'], false);
      await page.selectOption('#map-staff-department', 'C');
      await page.waitForFunction(() => document.querySelector('#mapping details[data-table=staff] .message') === null);
      await noError(page);
      assert.match(await textOf(page, '#status'), /^已完成：4 名人员，\d+ 条警告。$/u);

      await next(page, 'rules');
      await next(page, 'preview');
      await shot(page, S, 4, 'preview');
      assert.deepEqual(await tableText(page, '#awards table'), [
        ['序号', '科室', '姓名', '得分', '奖励（元）', '备注'],
        ['1', '甲科', '李四', '98', '100', ''],
        ['2', '乙科', '赵六', '100', '100', ''],
        ['合计', '', '', '', '200', ''],
      ]);
    });

    it('unmapping the points column counts every violation as 1 point: 张三 and 李四 tie at 99', async () => {
      const { page } = pane.w;
      await page.click('#steps button[data-step=columns]');
      await onStep(page, 'columns');
      assert.equal(await page.inputValue('#map-inspections-points'), 'E');
      await page.click('#mapping details[data-table=inspections] summary');
      await page.selectOption('#map-inspections-points', '');
      await page.waitForFunction(() => (document.getElementById('map-inspections-points') as HTMLSelectElement | null)?.value === '');
      await shot(page, S, 2, 'no-points');
      await noError(page);
      await page.click('#steps button[data-step=preview]');
      await onStep(page, 'preview');
      await shot(page, S, 4, 'no-points');
      assert.deepEqual(await tableText(page, '#awards table'), [
        ['序号', '科室', '姓名', '得分', '奖励（元）', '备注'],
        ['1', '甲科', '张三', '99', '', '并列，待评选小组裁定'],
        ['2', '甲科', '李四', '99', '', '并列，待评选小组裁定'],
        ['3', '乙科', '赵六', '100', '100', ''],
        ['合计', '', '', '', '100', ''],
      ]);
      await page.click('#awards tbody tr:has-text("张三")');
      assert.match((await textOf(page, '#explanation')).split('\n')[0] ?? '', /^得分 99 = 100 − 1/u);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('3 standalone: the parameters of step 3 are checked and applied', () => {
    const S = '3-rules';
    const pane = usePane(async (context) => {
      const w = await open(context);
      await pickFiles(w.page, EXAMPLE);
      await next(w.page, 'columns');
      await next(w.page, 'rules');
      return w;
    });

    it('flags winnersPerDepartment = 1.5 beside the box and will not preview, with an error', async () => {
      const { page } = pane.w;
      await typeInto(page, param('winnersPerDepartment'), '1.5');
      const box = page.locator(param('winnersPerDepartment'));
      await page.waitForSelector(`${param('winnersPerDepartment')}.invalid`);
      assert.equal(await box.getAttribute('aria-invalid'), 'true');
      assert.equal(await box.inputValue(), '1.5', 'shown as typed');
      const beside = await box.evaluate((x) => x.closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent ?? null);
      assert.ok(beside, 'a message beside the box');
      assert.equal(await page.locator('#params .invalid').count(), 1, 'only that box');
      await shot(page, S, 3, 'invalid');

      await page.click('#next');
      await onStep(page, 'rules');
      assert.equal(await page.isVisible('#error'), true);
      const error = await textOf(page, '#error');
      assert.match(error, /^无法计算，请先处理：/u);
      assert.ok(error.includes(beside), `${error} / ${beside}`);
      assert.equal((await reachable(page))['preview'], false);
      await shot(page, S, 3, 'blocked');

      // The error is re-worded by a switch of the language, and back.
      await page.click('#lang');
      const besideEn = await box.evaluate((x) => x.closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent ?? '');
      assert.notEqual(besideEn, beside, 'the message beside the box in English');
      assert.equal(await textOf(page, '#error'), `Cannot compute; please fix first:\nWinners per department: ${besideEn}`);
      assert.equal(await box.inputValue(), '1.5', 'still as typed');
      await page.click('#lang');
      assert.equal(await textOf(page, '#error'), error);
    });

    it('an empty box is the default again, and the error goes; a change keeps the focus where Tab put it', async () => {
      const { page } = pane.w;
      await typeInto(page, param('winnersPerDepartment'), '');
      assert.equal(await page.locator('#params .invalid').count(), 0);
      await noError(page);
      assert.equal(await textIfAny(page, '#error'), '');
    });

    it('starAwardYuan 200 (Tab goes on to the next box) doubles the award total; reset brings back 100', async () => {
      const { page } = pane.w;
      await typeInto(page, param('starAwardYuan'), '200');
      assert.equal(await hasFocus(page, 'input[data-param=windowAwardYuan]'), true, `after starAwardYuan: ${await focused(page)}`);
      assert.equal(await page.inputValue(param('starAwardYuan')), '200');
      await next(page, 'preview');
      await shot(page, S, 4, 'award-200');
      const awards = await tableText(page, '#awards table');
      assert.deepEqual(awards.map((r) => r[4]), ['奖励（元）', '200', '', '', '200', '200', '200', '200', '1000']);
      assert.deepEqual(awards.map((r) => r[2]), AWARDS_ZH.map((r) => r[2]), 'the same people');

      await page.click('#back');
      await onStep(page, 'rules');
      await page.click('#reset-params');
      assert.equal(await page.inputValue(param('starAwardYuan')), '');
      await next(page, 'preview');
      assert.deepEqual(await tableText(page, '#awards table'), AWARDS_ZH);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('4 standalone: English mid-wizard', () => {
    const S = '4-english';
    const pane = usePane(async (context) => {
      const w = await open(context);
      await pickFiles(w.page, EXAMPLE);
      await next(w.page, 'columns');
      return w;
    });

    it('re-labels step 2 at once: steps, buttons, headings, the status, the row check and the problems', async () => {
      const { page } = pane.w;
      assert.equal(await textOf(page, '#status'), '已完成：60 名人员，1 条警告。');
      await page.click('#lang');
      await onStep(page, 'columns');
      await shot(page, S, 2, 'columns');
      assert.equal(await textOf(page, '#status'), 'Done: 60 people, 1 warnings.', 'the status of the run re-worded');
      await noError(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await textOf(page, '#lang'), '中文');
      assert.equal(await textOf(page, '#title'), 'Service Star selection');
      assert.deepEqual(await stepLabels(page), ['1 Sources', '2 Columns and checks', '3 Rules', '4 Preview', '5 Download']);
      assert.equal(await textOf(page, '#step-of'), 'Step 2 of 5');
      assert.equal(await textOf(page, '#step-columns h2'), 'Columns and checks');
      assert.equal(await textOf(page, '#back'), 'Back');
      assert.equal(await textOf(page, '#next'), 'Next');
      assert.equal(await textOf(page, '#checked-for'), 'Checked for the period 2026Q3 (change it in step 1).');
      assert.match(await textOf(page, '#inputs-title'), /^Row check/u);
      assert.deepEqual((await tableText(page, '#inputs table'))[0], ['Table', 'Rows', 'Used', 'Out of period', 'Blank', 'Rejected']);
      assert.equal(await textOf(page, '#rejected-title'), 'Rows not counted');
      assert.equal(await textOf(page, '#counted-title'), 'Counted — please check');
      assert.match((await textsOf(page, '#counted li')).join('\n'), /^投诉及处罚记录 row 26/u);
      assert.deepEqual(await textsOf(page, '#people li'), ['No problems.']);
      assert.match(await textOf(page, '#mapping details[data-table=staff] summary'), /header in row 3$/u);
      assert.equal(await textOf(page, '#mapping label[for=map-staff-name]'), 'name');
      assert.equal(await page.$eval('#map-satisfaction-rate option', (o) => o.textContent), '(none)');
    });

    it('steps 3 to 5 in English: the rules, the award table and its notes, the explanation, the English workbook', async () => {
      const { page } = pane.w;
      await next(page, 'rules');
      assert.equal(await textOf(page, '#next'), 'Compute and preview');
      assert.equal(await textOf(page, '#step-rules h2'), 'Rules');
      assert.equal(await textOf(page, '#reset-params'), 'Reset all to defaults');
      assert.match(await textOf(page, '#params .fui-Field__validationMessage'), /^Default: /u);
      assert.equal(await page.$eval('select[data-param=candidates]', (x) => x.closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent ?? null), 'Default: only recommended people when there is a list');
      await shot(page, S, 3, 'rules');
      await next(page, 'preview');
      await shot(page, S, 4, 'preview');
      assert.equal(await textOf(page, '#next'), 'Go to download');
      const awards = await tableText(page, '#awards table');
      assert.deepEqual(awards[0], ['No.', 'Department', 'Name', 'Score', 'Award (yuan)', 'Notes']);
      assert.deepEqual(awards.slice(1).map((r) => r[2]), AWARDS_ZH.slice(1).map((r) => r[2]), 'names stay as written');
      assert.equal(awards[2]?.[5], 'tie: for the committee');
      assert.match(awards[6]?.[5] ?? '', /^priority for the year/u);
      assert.equal(awards[8]?.[0], 'Total');
      assert.match(await textOf(page, '#award-title'), /awards, .*2026/u);
      assert.equal(await textOf(page, '#tie-note'), 'Ties are for the committee to decide.');
      assert.equal(await textOf(page, '#warnings-title'), 'Warnings');
      await page.click('#awards tbody tr:has-text("孙佳琪")');
      assert.match((await textOf(page, '#explanation')).split('\n')[0] ?? '', /^score 101 = /u);

      // The preview's title, read before step 5 takes its place.
      const title = await textOf(page, '#award-title');
      await next(page, 'write');
      assert.equal(await textOf(page, '#download'), 'Download result workbook');
      const { name, wb } = await download(page, path.join(tmp, 'download-en.xlsx'));
      assert.equal(name, 'results-2026Q3.xlsx');
      assert.deepEqual(wb.worksheets.map((x) => x.name), RESULT_SHEETS_EN);
      assert.equal(wb.getWorksheet('Award table 2026Q3')?.getCell('A1').value, title);
      await shot(page, S, 5, 'write');
    });

    it('back to step 1 in English, then Chinese again everywhere', async () => {
      const { page } = pane.w;
      await page.click('#steps button[data-step=sources]');
      await onStep(page, 'sources');
      assert.equal(await textOf(page, '#tables-title'), 'Where each table is');
      assert.deepEqual((await tableText(page, '#tables table'))[0], ['Table', 'From']);
      assert.equal(await page.$eval('#pick-fines option', (o) => o.textContent), '(not used)');
      assert.equal(await textOf(page, '#files-label'), 'Data files (.xlsx / .xls / .et / .ods / .csv, several at once)');
      await shot(page, S, 1, 'sources');
      assert.equal(await textOf(page, '#status'), 'Done: 60 people, 1 warnings.');
      await page.click('#lang');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await textOf(page, '#status'), '已完成：60 名人员，1 条警告。', 'the status in Chinese again');
      assert.deepEqual(await stepLabels(page), ['1 数据来源', '2 列与数据核对', '3 评选规则', '4 预览', '5 下载']);
      assert.equal(await textOf(page, '#step-of'), '第 1 步，共 5 步');
      assert.equal(await textOf(page, '#tables-title'), '各类数据所在的表');
      assert.equal(await textOf(page, '#next'), '下一步');
      await page.click('#steps button[data-step=preview]');
      await onStep(page, 'preview');
      assert.deepEqual(await tableText(page, '#awards table'), AWARDS_ZH);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('5 standalone: names are shown as text, never parsed as HTML', () => {
    const S = '5-html-names';
    let file: string;

    const pane = usePane(async (context) => {
      // The example with two staff renamed everywhere: 陈静 (the winner of 导医台) and 孙佳琪 (a tie).
      const wb = await sheetsOf(EXAMPLE);
      const renamed: Record<string, string> = { 陈静: XSS_IMG, 孙佳琪: XSS_BOLD };
      for (const ws of wb.worksheets) {
        ws.eachRow((row) => row.eachCell((cell) => {
          if (typeof cell.value === 'string' && renamed[cell.value] !== undefined) cell.value = renamed[cell.value] as string;
        }));
      }
      file = path.join(tmp, 'html-names.xlsx');
      await wb.xlsx.writeFile(file);
      return open(context);
    });

    it('an <img onerror> name and a <b> name appear literally in the award table and the explanation; no element, no dialog', async () => {
      const { page } = pane.w;
      await pickFiles(page, file);
      await toPreview(page);
      const awards = await tableText(page, '#awards table');
      assert.equal(awards[1]?.[2], XSS_IMG);
      assert.equal(awards[2]?.[2], XSS_BOLD);
      await page.click(`#awards tbody tr:nth-child(1)`);
      assert.ok((await page.$eval('#person', (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? '')).includes(XSS_IMG));
      assert.match((await textOf(page, '#explanation')).split('\n')[0] ?? '', /^得分 102/u);
      await page.click(`#awards tbody tr:nth-child(2)`);
      const chosen = await page.$eval('#person', (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      assert.ok(chosen.includes(XSS_BOLD), chosen);
      const results = await textOf(page, '#results');
      assert.ok(results.includes(XSS_IMG) && results.includes(XSS_BOLD), results);
      await page.waitForTimeout(300); // an injected <img src=x> would have failed to load and fired onerror by now
      await shot(page, S, 4, 'preview');
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('b').count(), 0);
      assert.deepEqual(pane.w.dialogs, [], 'no alert');
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('6-8 inside Excel (fake Office.js): read, select a problem, write, replace, undo', () => {
    let original: Record<string, { grid: unknown[][]; charts: unknown[] }> = {};
    /** The workbook after the first write: every sheet in order, and the result sheets' cells and charts. */
    let firstWrite: { sheets: [string, string][]; results: Record<string, { grid: unknown[][]; charts: unknown[] }> } = { sheets: [], results: {} };

    const pane = usePane(async (context) => {
      const w = await openInExcel(context);
      original = await snapshot(w.page, inputSheets());
      return w;
    });

    it('6 opens on step 1 with this workbook chosen and its tables found, without a click', async () => {
      const { page } = pane.w;
      await onStep(page, 'sources');
      await shot(page, '6-excel', 1, 'sources');
      const seen = await page.evaluate(() => ({
        fake: (window.Office as unknown as { fake?: boolean }).fake === true && (window.Office as unknown) === window.__FAKE_OFFICE__,
        onReady: window.__FAKE_OFFICE__?.onReadyCalls, noOffice: window.__noOffice,
      }));
      assert.deepEqual(seen, { fake: true, onReady: 1, noOffice: true }, 'the pane ran on the fake Office (office.js failed to load)');
      assert.ok(pane.w.aborted.some((u) => u.startsWith('https://appsforoffice.microsoft.com/')));
      assert.equal(await page.isVisible('#source'), true);
      assert.equal(await textOf(page, '#source-workbook'), '本工作簿中的工作表');
      assert.equal(await page.isChecked('input[name=source][value=workbook]'), true);
      assert.equal(await page.isVisible('#files-box'), false);
      assert.equal(await page.isVisible('#reload'), true);
      assert.equal(await textOf(page, '#reload'), '重新读取');
      assert.match(await textOf(page, '#intro'), /写入本工作簿/u);
      assert.deepEqual(await pickedTables(page), EXAMPLE_TABLES);
      // The tables are read, then checked at once for the period of step 1.
      await page.waitForFunction(() => document.getElementById('status')?.textContent === '已完成：60 名人员，1 条警告。');
      assert.deepEqual(await fake(page, 'fake.writes'), [], 'reading writes nothing');

      // Files from disk remain possible; back to this workbook reads it again.
      await page.check('input[name=source][value=files]');
      assert.equal(await page.isVisible('#files'), true);
      assert.equal(await page.isVisible('#tables-box'), false);
      await page.check('input[name=source][value=workbook]');
      await page.waitForSelector('#tables-box:not([hidden]) #pick-staff');
      assert.equal(await page.isVisible('#files-box'), false);
      assert.deepEqual(await pickedTables(page), EXAMPLE_TABLES);
    });

    it('6 step 2: a click on the row to check selects its cell in the sheet (投诉及处罚记录!E26)', async () => {
      const { page } = pane.w;
      await next(page, 'columns');
      assert.equal(await page.isVisible('#select-hint'), true);
      assert.equal(await textOf(page, '#select-hint'), '点击一条可在工作表中选中该单元格；改正后点“重新读取并核对”。');
      const problem = page.locator('#counted li button');
      assert.equal(await problem.count(), 1);
      assert.match(await problem.textContent() ?? '', /^投诉及处罚记录 第26行 列「类型」/u);
      assert.equal(await fake(page, 'fake.selection()'), null);
      await problem.click();
      await page.waitForFunction(() => window.__FAKE__?.selection() !== null);
      await shot(page, '6-excel', 2, 'columns');
      // The 类型 column of the example's fines is E (A 日期, B 工号, C 姓名, D 科室, E 类型).
      assert.equal(book.sheets['投诉及处罚记录']?.[0]?.[4], '类型');
      assert.deepEqual(await fake(page, 'fake.selection()'), { sheet: '投诉及处罚记录', address: 'E26' });
      assert.equal(await fake(page, 'fake.activeSheet()'), '投诉及处罚记录');
      assert.deepEqual(await fake(page, 'fake.writes'), [], 'selecting writes nothing');
      await noError(page);
    });

    it('6 step 2: after the office fixes that cell, "read again and check" shows the row settled; undoing the fix brings it back', async () => {
      const { page } = pane.w;
      const setType = (value: string) => page.evaluate(async (v) => {
        await window.__FAKE__?.run(async (context) => {
          context.workbook.worksheets.getItem('投诉及处罚记录').getRange('E26').values = [[v]];
          await context.sync();
        });
      }, value);
      const original = book.sheets['投诉及处罚记录']?.[25]?.[4];
      assert.equal(original, '服务纪律');
      await setType('罚款');
      assert.equal(await textOf(page, '#reread'), '重新读取并核对');
      await page.click('#reread');
      await page.waitForFunction(() => document.querySelector('#counted li')?.textContent === '没有问题。');
      assert.match(await textOf(page, '#status'), /^已完成：60 名人员，0 条警告。$/u);
      await setType(original as string);
      await page.click('#reread');
      await page.waitForFunction(() => document.querySelectorAll('#counted li button').length === 1);
      assert.match(await textOf(page, '#status'), /^已完成：60 名人员，1 条警告。$/u);
      await noError(page);
      // Those were the office's own edits, not the add-in's: the later checks of writes start from here.
      await page.evaluate(() => window.__FAKE__?.resetCounters());
    });

    it('6 steps 3 and 4: the same award table as from the file', async () => {
      const { page } = pane.w;
      await next(page, 'rules');
      await shot(page, '6-excel', 3, 'rules');
      await next(page, 'preview');
      await shot(page, '6-excel', 4, 'preview');
      assert.equal(await textOf(page, '#award-title'), TITLE_ZH);
      assert.deepEqual(await tableText(page, '#awards table'), AWARDS_ZH);
      assert.match((await textsOf(page, '#warnings li')).join('\n'), /投诉及处罚记录 第26行/u);
    });

    it('7 step 5: writes the result sheets, never an input sheet, opens the award table, draws the chart, keeps the choices and the undo', async () => {
      const { page } = pane.w;
      await next(page, 'write');
      assert.equal(await page.isVisible('#write'), true);
      assert.equal(await textOf(page, '#write'), '写入本工作簿');
      assert.equal(await page.isVisible('#download'), true);
      assert.equal(await page.isVisible('#undo'), false, 'nothing to undo before a write');
      assert.equal(await page.isVisible('#progress'), false);
      await shot(page, '6-excel', 5, 'write');

      await writeAndWait(page);
      await shot(page, '7-write', 5, 'written');
      assert.equal(await textOf(page, '#status'), WRITTEN_ZH);
      const sheets = await sheetsWithVisibility(page);
      const visible = sheets.filter(([, v]) => v === 'Visible').map(([n]) => n);
      assert.deepEqual([...visible].sort(), [...new Set([...inputSheets(), ...RESULT_SHEETS_ZH])].sort());
      assert.equal(visible.length, new Set(visible).size, 'one sheet per name');
      // The history sheet the run read is set aside as it was (for undo); every other input is untouched.
      assert.deepEqual(sheets.filter(([n]) => BACKUP.test(n)), [['ServiceStar.undo.0', 'VeryHidden']]);
      assert.deepEqual((await snapshot(page, ['ServiceStar.undo.0']))['ServiceStar.undo.0']?.grid, original['获奖记录']?.grid);
      for (const sheet of inputSheets().filter((x) => x !== '获奖记录')) {
        assert.deepEqual(await fake(page, `fake.writesTo(${JSON.stringify(sheet)})`), [], `${sheet} is an input sheet`);
      }
      assert.deepEqual(await snapshot(page, inputSheets().filter((x) => x !== '获奖记录')),
        Object.fromEntries(Object.entries(original).filter(([n]) => n !== '获奖记录')), 'the input sheets are as they were');

      assert.equal(await fake(page, 'fake.activeSheet()'), '表彰名单 2026Q3');
      assert.equal(await fake(page, 'fake.cell("表彰名单 2026Q3", 0, 0)'), TITLE_ZH);
      const grid = await fake<unknown[][]>(page, 'fake.grid("表彰名单 2026Q3")');
      assert.deepEqual(grid.slice(3, 10).map((r) => r[2]), AWARDS_ZH.slice(1, 8).map((r) => r[2]));
      const history = await fake<unknown[][]>(page, 'fake.grid("获奖记录")');
      const periods = history.map((r) => String(r[0]));
      assert.equal(periods.filter((p) => p === '2026Q3').length, 7, JSON.stringify(history));
      assert.equal(periods.filter((p) => p === '2026Q1' || p === '2026Q2').length, 12, JSON.stringify(history));

      // The results sheet: the department scores beside the people, and their bar chart.
      const results = await fake<unknown[][]>(page, 'fake.grid("评选结果 2026Q3")');
      const header = results.find((r) => r.includes('科室得分'));
      assert.ok(header, 'the department scores side table');
      const charts = await fake<{ title: string | null; type: string }[]>(page, 'fake.charts("评选结果 2026Q3")');
      assert.equal(charts.length, 1, JSON.stringify(charts));
      assert.equal(charts[0]?.title, '科室得分');

      // The progress bar was shown and moved while writing, and is hidden again.
      const log = await progressLog(page);
      assert.ok(log.filter((r) => r.attribute === 'value').length >= 8, `moved once per request: ${JSON.stringify(log)}`);
      assert.equal(log.at(-1)?.old, '1', 'full before it goes');
      assert.equal(await page.isVisible('#progress'), false);

      // The choices and the undo are kept in the workbook.
      const saved = await savedSettings(page);
      assert.deepEqual(saved['serviceStar.choices'], { scheme: 'smile-star-quarterly', source: 'workbook' });
      assert.deepEqual(saved['serviceStar.undo'], { created: RESULT_SHEETS_ZH, replaced: [{ name: '获奖记录', backup: 'ServiceStar.undo.0' }] });
      assert.equal(await page.isVisible('#undo'), true);
      assert.equal(await page.isVisible('#keep'), true);
      assert.equal(await textOf(page, '#undo'), '撤销本次写入');
      assert.equal(await textOf(page, '#write'), '写入本工作簿');

      firstWrite = { sheets, results: await snapshot(page, RESULT_SHEETS_ZH) };
      assert.deepEqual(pane.w.errors, []);
    });

    it('8 a second write (award 200 yuan) asks first, then replaces: each name once, the replaced sheets very hidden', async () => {
      const { page } = pane.w;
      await page.click('#steps button[data-step=rules]');
      await onStep(page, 'rules');
      await typeInto(page, param('starAwardYuan'), '200');
      await next(page, 'preview');
      assert.equal((await tableText(page, '#awards table'))[8]?.[4], '1000');
      await next(page, 'write');
      const writes = await fake<number>(page, 'fake.writes.length');
      await page.click('#write');
      await page.waitForSelector('[role=alertdialog] #confirm-ok');
      await shot(page, '8-replace', 5, 'ask');
      assert.equal(await textOf(page, '#confirm-ok'), '替换这些表');
      const question = await textOf(page, '#confirm-body');
      assert.match(question, /^本期结果表已存在：.*。替换后可以用“撤销本次写入”恢复。$/u);
      for (const name of RESULT_SHEETS_ZH.filter((n) => n !== '获奖记录')) assert.ok(question.includes(name), `${name} in the question: ${question}`);
      assert.equal(await fake<number>(page, 'fake.writes.length'), writes, 'nothing written before the confirmation');

      await writeAndWait(page, '#confirm-ok');
      await shot(page, '8-replace', 5, 'replaced');
      assert.equal(await textOf(page, '#write'), '写入本工作簿');
      const sheets = await sheetsWithVisibility(page);
      const visible = sheets.filter(([, v]) => v === 'Visible').map(([n]) => n);
      assert.equal(visible.length, new Set(visible).size, `one sheet per name: ${visible.join(', ')}`);
      assert.deepEqual([...visible].sort(), [...new Set([...inputSheets(), ...RESULT_SHEETS_ZH])].sort());
      const backups = sheets.filter(([n]) => BACKUP.test(n));
      assert.equal(backups.length, RESULT_SHEETS_ZH.length, `the eight replaced sheets set aside: ${JSON.stringify(backups)}`);
      assert.ok(backups.every(([, v]) => v === 'VeryHidden'), JSON.stringify(backups));
      assert.equal(await fake(page, 'fake.activeSheet()'), '表彰名单 2026Q3');
      const awards = await fake<unknown[][]>(page, 'fake.grid("表彰名单 2026Q3")');
      assert.ok(awards.some((r) => r[0] === '合计' && r.includes(1000)), JSON.stringify(awards));
      const history = await fake<unknown[][]>(page, 'fake.grid("获奖记录")');
      assert.equal(history.filter((r) => r[0] === '2026Q3').length, 7, 'this quarter\'s block replaced, not added twice');
      for (const sheet of inputSheets().filter((x) => x !== '获奖记录')) {
        assert.deepEqual(await fake(page, `fake.writesTo(${JSON.stringify(sheet)})`), [], `${sheet} is an input sheet`);
      }
      const undo = (await savedSettings(page))['serviceStar.undo'] as { created: string[]; replaced: { name: string; backup: string }[] };
      assert.deepEqual(undo.created, RESULT_SHEETS_ZH);
      assert.deepEqual(undo.replaced.map((r) => r.name), RESULT_SHEETS_ZH);
      assert.deepEqual(undo.replaced.map((r) => r.backup).sort(), backups.map(([n]) => n).sort());
    });

    it('8 Undo puts the workbook back as the first write left it, and forgets the undo', async () => {
      const { page } = pane.w;
      await clickAndWait(page, '#undo', '已撤销：本次写入的表已删除，被替换的表已恢复。');
      await shot(page, '8-replace', 5, 'undone');
      // Only the last run can be undone: the first run's own backup went with the second write.
      assert.deepEqual(await sheetsWithVisibility(page), firstWrite.sheets.filter(([n]) => !BACKUP.test(n)));
      assert.deepEqual(await snapshot(page, RESULT_SHEETS_ZH), firstWrite.results, 'cells and charts as after the first write');
      assert.equal(await page.isVisible('#undo'), false);
      assert.equal(await page.isVisible('#keep'), false);
      const saved = await savedSettings(page);
      assert.equal('serviceStar.undo' in saved, false, JSON.stringify(saved));
      assert.deepEqual(pane.w.errors, [], 'no script errors on the page');
      assert.deepEqual(pane.w.dialogs, []);
    });
  });

  describe('8 inside Excel: undo and keep after a first-ever write', () => {
    let original: Record<string, { grid: unknown[][]; charts: unknown[] }> = {};

    const pane = usePane(async (context) => {
      const w = await openInExcel(context);
      original = await snapshot(w.page, inputSheets());
      await toPreview(w.page);
      await next(w.page, 'write');
      return w;
    });

    it('Undo leaves only the input sheets, as they were', async () => {
      const { page } = pane.w;
      await writeAndWait(page);
      written = {
        workbook: await page.evaluate(() => {
          const f = window.__FAKE__ as NonNullable<typeof window.__FAKE__>;
          const names = f.sheetNames();
          return {
            sheets: Object.fromEntries(names.map((n) => [n, f.grid(n).map((r) => r.map((c) => (c === '' || typeof c === 'object' ? null : c)))])),
            visibility: Object.fromEntries(names.map((n) => [n, f.visibility(n)])),
          };
        }),
        settings: await savedSettings(page),
      };
      await clickAndWait(page, '#undo', '已撤销：本次写入的表已删除，被替换的表已恢复。');
      await shot(page, '8-first-undo', 5, 'undone');
      assert.deepEqual(await sheetsWithVisibility(page), inputSheets().map((n) => [n, 'Visible']));
      assert.deepEqual(await snapshot(page, inputSheets()), original);
      assert.equal('serviceStar.undo' in await savedSettings(page), false);
      assert.equal(await page.isVisible('#undo'), false);
    });

    it('Keep drops the set-aside sheets and the undo; the results stay', async () => {
      const { page } = pane.w;
      await writeAndWait(page);
      assert.equal(await fake(page, 'fake.sheetNames().filter((n) => n.startsWith("ServiceStar.undo.")).length'), 1);
      await clickAndWait(page, '#keep', '已保留本次结果。');
      await shot(page, '8-first-keep', 5, 'kept');
      const sheets = await sheetsWithVisibility(page);
      assert.deepEqual(sheets.filter(([n]) => BACKUP.test(n)), []);
      assert.deepEqual(sheets.map(([n]) => n).sort(), [...new Set([...inputSheets(), ...RESULT_SHEETS_ZH])].sort());
      assert.equal('serviceStar.undo' in await savedSettings(page), false);
      assert.equal(await page.isVisible('#undo'), false);
      assert.equal(await page.isVisible('#keep'), false);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  describe('8 inside Excel: Undo still works after the task pane was closed and opened again', () => {
    const pane = usePane(async (context) => {
      assert.ok(Object.keys(written.workbook.sheets).includes('ServiceStar.undo.0'), 'the write before left a set-aside sheet');
      const w = await openInExcel(context, written.settings, written.workbook);
      return w;
    });

    it('offers Undo on step 1 from the record in the settings, and undoes the earlier run', async () => {
      const { page } = pane.w;
      await onStep(page, 'sources');
      assert.equal(await page.isVisible('#undo'), true, 'the undo is kept in the workbook');
      await shot(page, '8-reopened', 1, 'undo');
      await clickAndWait(page, '#undo', '已撤销：本次写入的表已删除，被替换的表已恢复。');
      assert.deepEqual(await sheetsWithVisibility(page), inputSheets().map((n) => [n, 'Visible']));
      assert.deepEqual((await snapshot(page, ['获奖记录']))['获奖记录']?.grid,
        (written.workbook.sheets['ServiceStar.undo.0'] ?? []).map((r) => r.map((c) => c ?? '')), 'the history as it was before the run');
      assert.equal('serviceStar.undo' in await savedSettings(page), false);
      assert.equal(await page.isVisible('#undo'), false);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('9 inside Excel: the next run starts from the choices kept in the workbook', () => {
    const S = '9-remembered';
    const pane = usePane(async (context) => {
      const w = await openInExcel(context, {
        'serviceStar.choices': {
          scheme: 'credit-union-100',
          source: 'workbook',
          // 推荐名单 not used; a staff sheet no longer there falls back to the one found.
          sheets: { recommendations: null, staff: '旧人员名单' },
          columns: { inspections: { points: '' } },
          overrides: { starAwardYuan: 200 },
        },
      });
      return w;
    });

    it('step 1: the kept sheets (one not used, a gone one found again)', async () => {
      const { page } = pane.w;
      await onStep(page, 'sources');
      await shot(page, S, 1, 'sources');
      assert.equal(await page.isChecked('input[name=source][value=workbook]'), true);
      assert.deepEqual(await pickedTables(page), { ...EXAMPLE_TABLES, recommendations: '' });
    });

    it('step 2: the kept column override (no points column)', async () => {
      const { page } = pane.w;
      await next(page, 'columns');
      await shot(page, S, 2, 'columns');
      assert.equal(await page.inputValue('#map-inspections-points'), '');
      assert.equal(await page.inputValue('#map-inspections-date'), 'A');
      const inputs = await tableText(page, '#inputs table');
      assert.equal(inputs.some((r) => r[0] === '推荐名单'), false, JSON.stringify(inputs));
    });

    it('step 3: the kept scheme and parameter; the period is not kept (the last finished quarter)', async () => {
      const { page } = pane.w;
      await next(page, 'rules');
      await shot(page, S, 3, 'rules');
      assert.equal(await page.inputValue(param('starAwardYuan')), '200');
      await page.click('#steps button[data-step=sources]');
      await onStep(page, 'sources');
      assert.equal(await page.inputValue('#scheme'), 'credit-union-100');
      assert.equal(await page.inputValue('#period'), '2026Q3');
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('10 standalone: a pane 320 px wide: no step is wider than the pane', () => {
    const S = '10-narrow';
    const pane = usePane(async (context) => {
      const w = await open(context);
      await w.page.setViewportSize({ width: 320, height: 900 });
      return w;
    });

    /** The page is no wider than 320 px (wide tables scroll inside their `.scroll` box); then a screenshot. */
    async function fits(page: Page, step: number, what: string): Promise<void> {
      const seen = await widthOfPage(page);
      assert.equal(seen.viewport, 320);
      assert.ok(seen.scrollWidth <= 320, `step ${step} (${what}) is ${seen.scrollWidth} px wide; past the right edge: ${seen.wider.join(', ')}`);
      assert.deepEqual(seen.wider, [], `step ${step} (${what}): past the right edge`);
      await shot(page, S, step, what);
    }

    /** Every folded section of the current step opened, so that all of its content is measured. */
    const unfold = (page: Page): Promise<void> =>
      page.evaluate(() => document.querySelectorAll('section.step:not([hidden]) details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));

    it('steps 1 to 5 of the example, in Chinese and in English', async () => {
      const { page } = pane.w;
      await onStep(page, 'sources');
      await fits(page, 1, 'empty');
      await pickFiles(page, EXAMPLE);
      await fits(page, 1, 'sources');
      await next(page, 'columns');
      await unfold(page);
      await fits(page, 2, 'columns');
      await next(page, 'rules');
      await typeInto(page, param('winnersPerDepartment'), '1.5');
      await page.waitForSelector(`${param('winnersPerDepartment')}.invalid`);
      await fits(page, 3, 'invalid');
      await typeInto(page, param('winnersPerDepartment'), '');
      await fits(page, 3, 'rules');
      await next(page, 'preview');
      await page.click('#awards tbody tr:has-text("孙佳琪")');
      await unfold(page);
      await fits(page, 4, 'preview');
      // The award table and the others keep to the pane's width: each row a card, nothing scrolls sideways.
      const boxes = await page.$$eval('#results table', (xs) => xs.map((x) => x.getBoundingClientRect().right));
      assert.ok(boxes.length >= 5 && boxes.every((r) => r <= 320), JSON.stringify(boxes));
      await next(page, 'write');
      await fits(page, 5, 'write');

      await page.click('#lang');
      await fits(page, 5, 'write-en');
      for (const [n, step] of [[4, 'preview'], [3, 'rules'], [2, 'columns'], [1, 'sources']] as const) {
        await page.click(`#steps button[data-step=${step}]`);
        await onStep(page, step);
        await unfold(page);
        await fits(page, n, `${step}-en`);
      }
      await noError(page);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('11 standalone: the wizard by keyboard alone', () => {
    const S = '11-keyboard';
    const pane = usePane((context) => open(context));

    it('Tab, Shift+Tab, Enter, Space and arrows from Next to an explanation; each step change puts the focus on its heading', async () => {
      const { page } = pane.w;
      await pickFiles(page, EXAMPLE);
      // From here on, the keyboard only.
      await tabTo(page, '#next');
      await page.keyboard.press('Enter');
      await onStep(page, 'columns');
      await noError(page);
      await headingHasFocus(page, 'columns');

      // A folded table opens with Space on its summary; its drop-downs are then next in the Tab order.
      await tabTo(page, '#mapping details[data-table=staff] > summary');
      await page.keyboard.press('Space');
      assert.equal(await page.$eval('#mapping details[data-table=staff]', (d) => (d as HTMLDetailsElement).open), true);
      await page.keyboard.press('Tab');
      assert.equal(await hasFocus(page, '#mapping details[data-table=staff] select'), true, await focused(page));
      await shot(page, S, 2, 'columns');
      await tabTo(page, '#next');
      await page.keyboard.press('Enter');
      await onStep(page, 'rules');
      await noError(page);
      await headingHasFocus(page, 'rules');
      await shot(page, S, 3, 'rules');

      await tabTo(page, '#next');
      assert.equal(await textOf(page, '#next'), '计算并预览');
      await page.keyboard.press('Enter');
      await onStep(page, 'preview');
      await noError(page);
      await headingHasFocus(page, 'preview');
      assert.equal(await textOf(page, '#explanation'), '');

      // The committee's tie card comes first: its first checkbox is the first focusable thing of the preview.
      await page.keyboard.press('Tab');
      assert.equal(await hasFocus(page, '#committee .tie-card input[type=checkbox]'), true, await focused(page));
      // On through the card to the award table's first row; Enter explains it.
      await tabTo(page, '#awards table tbody tr:first-child');
      await page.keyboard.press('Enter');
      const first = await textOf(page, '#explanation');
      assert.match(first.split('\n')[0] ?? '', /^得分 102/u, first);
      assert.match(await page.$eval('#person', (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), /陈静/u);
      assert.equal(await hasFocus(page, '#person'), true, `the person list has the focus: ${await focused(page)}`);
      // An arrow key on the list explains the next person.
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((before) => (document.getElementById('explanation')?.textContent ?? '') !== before, first);
      assert.doesNotMatch(await page.$eval('#person', (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), /陈静/u);
      // Back up to the second row (孙佳琪, a tie) with Shift+Tab; Space explains it.
      await tabTo(page, '#awards table tbody tr:nth-child(2)', 'Shift+Tab');
      await page.keyboard.press('Space');
      assert.match((await textOf(page, '#explanation')).split('\n')[0] ?? '', /^得分 101/u);
      assert.match(await page.$eval('#person', (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), /孙佳琪/u);
      await shot(page, S, 4, 'explained');

      await tabTo(page, '#next');
      await page.keyboard.press('Enter');
      await onStep(page, 'write');
      await headingHasFocus(page, 'write');
      await shot(page, S, 5, 'write');

      // Shift+Tab up to the steps, and Space on the first: step 1 again, its heading focused.
      // The steps are one tab stop (a tab list): the arrows move along it.
      await tabTo(page, '#steps button[aria-selected=true]', 'Shift+Tab');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
      assert.equal(await hasFocus(page, '#steps button[data-step=sources]'), true, await focused(page));
      await page.keyboard.press('Space');
      await onStep(page, 'sources');
      await headingHasFocus(page, 'sources');
      await shot(page, S, 1, 'back');
      // Enter on a step of the list goes there too.
      await tabTo(page, '#steps button[aria-selected=true]', 'Shift+Tab');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      assert.equal(await hasFocus(page, '#steps button[data-step=preview]'), true, await focused(page));
      await page.keyboard.press('Enter');
      await onStep(page, 'preview');
      await headingHasFocus(page, 'preview');
      assert.deepEqual(await tableText(page, '#awards table'), AWARDS_ZH);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('12 人员指认: naming the person of a same-name or unknown row in step 2', () => {
    /** The inspections' rows as the workbook of writeAssignBook has them. */
    const SHEET = '督导检查记录';
    const AMBIGUOUS = `${SHEET} 第3行 列「姓名」：同名人员「张伟」无法区分（工号 K01、K02），请填写工号或科室`;
    const ASSIGNED = `${SHEET} 第3行 列「姓名」：「张伟」按指认计为 K02 张伟（药房）`;
    const ASSIGNED_EN = `${SHEET} row 3 column "姓名": "张伟" counted as K02 张伟 (药房), as assigned`;
    const UNKNOWN = `${SHEET} 第4行 列「姓名」：人员名单中没有「赵六」`;
    const UNKNOWN_EN = `${SHEET} row 4 column "姓名": "赵六" is not on the staff roster`;
    const MISMATCH = `${SHEET} 第5行 列「姓名」：工号 K04 在人员名单中是「王强」，此处写的是「王刚」，按工号计`;
    const AMBIGUOUS_Q2 = `${SHEET} 第7行 列「姓名」：同名人员「张伟」无法区分（工号 K01、K02），请填写工号或科室`;
    const NOT_ASSIGNED = '（不指认，此行不计）';
    /** The drop-down of row 3 (张伟): the two 张伟, by department; of row 4 (赵六 of 药房): the staff of 药房, by name. */
    const ROW3 = '#assign-inspections-3';
    const ZHANG_WEI: [string, string][] = [['', NOT_ASSIGNED], ['K01', 'K01 张伟 · 收费处'], ['K02', 'K02 张伟 · 药房']];
    const PHARMACY: [string, string][] = [['', NOT_ASSIGNED], ['K05', 'K05 陈红 · 药房'], ['K03', 'K03 李娜 · 药房'], ['K02', 'K02 张伟 · 药房']];
    const row3 = (text: string, value: string): PeopleItem =>
      ({ text, select: { id: 'assign-inspections-3', label: '「张伟」指认为', value, options: ZHANG_WEI } });
    const ROW4: PeopleItem = { text: UNKNOWN, select: { id: 'assign-inspections-4', label: '「赵六」指认为', value: '', options: PHARMACY } };
    const ROW5: PeopleItem = { text: MISMATCH, select: null };
    /** The row check of the inspections for 2026Q3: rows, used, out of period (row 7), blank, rejected (rows 3 and 4, then 4). */
    const CHECK_UNASSIGNED = [SHEET, '6', '3', '1', '0', '2'];
    const CHECK_ASSIGNED = [SHEET, '6', '4', '1', '0', '1'];
    const K02_VIOLATION = `扣2分：${SHEET} 第3行 2026-07-15 未使用服务用语（现场）`;
    /** The assignment as the workbook keeps it: with its record (row 3's cells as text), for any period. */
    const KEPT = { inspections: [{ row: 3, written: '张伟', record: '2026-07-15||张伟||未使用服务用语|2|违规', id: 'K02' }] };
    let file = '';
    let assignBook: FakeSheets = { sheets: {} };
    /** The workbook and its settings after the write of the Excel scenario, for the pane opened again. */
    let afterWrite: { workbook: FakeSheets; settings: Record<string, unknown> } = { workbook: { sheets: {} }, settings: {} };

    before(async function () {
      this.timeout(HOOK_TIMEOUT);
      file = path.join(tmp, 'assign.xlsx');
      await writeAssignBook(file);
      assignBook = await bookCells(file);
    });

    /** The 人员指认 kept in the workbook's settings (saved by the fake Office). */
    const keptAssignments = async (page: Page): Promise<unknown> =>
      ((await savedSettings(page))['serviceStar.choices'] as { assignments?: unknown } | undefined)?.assignments;

    describe('12 standalone: choose, undo, and in English', () => {
      const S = '12-assign';
      const pane = usePane(async (context) => {
        const w = await open(context);
        await pickFiles(w.page, file);
        return w;
      });

      it('step 2 lists the 同名 row and the unknown row, each with a drop-down of whom it can be (the two 张伟; the staff of 药房)', async () => {
        const { page } = pane.w;
        assert.deepEqual(await pickedTables(page), { staff: '人员名单', inspections: SHEET, fines: '', praise: '', satisfaction: '', recommendations: '', decisions: '', history: '' });
        await next(page, 'columns');
        await shot(page, S, 2, 'problems');
        assert.equal(await textOf(page, '#checked-for'), '按评选期间 2026Q3 核对（可在第 1 步修改）。');
        assert.deepEqual(await peopleItems(page), [row3(AMBIGUOUS, ''), ROW4, ROW5], 'NAME_MISMATCH is counted by the id: no drop-down');
        assert.deepEqual(await rowCheck(page, SHEET), CHECK_UNASSIGNED);
        assert.equal(await page.$eval(ROW3, (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), NOT_ASSIGNED);
      });

      it('choosing K02 counts the row for K02 at once: ASSIGNED_PERSON, K02 still chosen and focused, the row used; step 4 explains the 2 points', async () => {
        const { page } = pane.w;
        // K02 before: nothing against him.
        await next(page, 'rules');
        await next(page, 'preview');
        const before = await explainId(page, 'K02');
        assert.equal(before[0], '得分 100 = 100', before.join('\n'));
        assert.ok(!before.some((l) => l.includes(`${SHEET} 第3行`)), before.join('\n'));
        await page.click('#steps button[data-step=columns]');
        await onStep(page, 'columns');

        await assignRow(page, ROW3, 'K02', ASSIGNED);
        await shot(page, S, 2, 'assigned');
        assert.deepEqual(await peopleItems(page), [row3(ASSIGNED, 'K02'), ROW4, ROW5]);
        assert.equal(await page.$eval(ROW3, (x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''), 'K02 张伟 · 药房');
        assert.equal(await hasFocus(page, ROW3), true, `the drop-down keeps the focus, not ${await focused(page)}`);
        assert.deepEqual(await rowCheck(page, SHEET), CHECK_ASSIGNED, 'row 3 is used, no longer rejected');

        await next(page, 'rules');
        await next(page, 'preview');
        const k02 = await explainId(page, 'K02');
        assert.equal(k02[0], '得分 98 = 100 − 2', k02.join('\n'));
        assert.ok(k02.includes(K02_VIOLATION), k02.join('\n'));
        assert.ok((await textsOf(page, '#warnings li')).includes(ASSIGNED), 'the warnings of the preview say so');
        await page.evaluate(() => document.querySelectorAll('#results details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
        await shot(page, S, 4, 'assigned');
      });

      it('（不指认） undoes it: AMBIGUOUS_NAME again, the row rejected again, K02 back to 100', async () => {
        const { page } = pane.w;
        await page.click('#steps button[data-step=columns]');
        await onStep(page, 'columns');
        assert.equal(await page.inputValue(ROW3), 'K02', 'the choice is still there');
        await assignRow(page, ROW3, '', AMBIGUOUS);
        await shot(page, S, 2, 'unassigned');
        assert.deepEqual(await peopleItems(page), [row3(AMBIGUOUS, ''), ROW4, ROW5]);
        assert.equal(await hasFocus(page, ROW3), true, `the drop-down keeps the focus, not ${await focused(page)}`);
        assert.deepEqual(await rowCheck(page, SHEET), CHECK_UNASSIGNED);
        await page.click('#steps button[data-step=preview]');
        await onStep(page, 'preview');
        const k02 = await explainId(page, 'K02');
        assert.equal(k02[0], '得分 100 = 100', k02.join('\n'));
        assert.ok(!k02.some((l) => l.includes(`${SHEET} 第3行`)), k02.join('\n'));
        assert.ok(!(await textsOf(page, '#warnings li')).includes(ASSIGNED));
      });

      it('in English the ASSIGNED_PERSON message, the drop-down\'s label and its "not assigned" option are English', async () => {
        const { page } = pane.w;
        await page.click('#steps button[data-step=columns]');
        await onStep(page, 'columns');
        await assignRow(page, ROW3, 'K02', ASSIGNED);
        await page.click('#lang');
        await onStep(page, 'columns');
        await shot(page, S, 2, 'english');
        const items = await peopleItems(page);
        assert.deepEqual(items.map((x) => x.text), [ASSIGNED_EN, UNKNOWN_EN, `${SHEET} row 5 column "姓名": id K04 is "王强" on the roster but "王刚" here; the id wins`]);
        assert.deepEqual(items[0]?.select, {
          id: 'assign-inspections-3', label: '"张伟" is', value: 'K02',
          options: [['', '(not assigned: the row is not counted)'], ...ZHANG_WEI.slice(1)],
        });
        assert.equal(items[1]?.select?.label, '"赵六" is');
        assert.deepEqual(items[1]?.select?.options[0], ['', '(not assigned: the row is not counted)']);
        await page.click('#steps button[data-step=preview]');
        await onStep(page, 'preview');
        assert.ok((await textsOf(page, '#warnings li')).includes(ASSIGNED_EN), (await textsOf(page, '#warnings li')).join('\n'));
        assert.equal((await explainId(page, 'K02'))[0], 'score 98 = 100 − 2');
        await page.click('#lang');
        assert.deepEqual(pane.w.errors, []);
        assert.deepEqual(pane.w.dialogs, []);
      });
    });

    describe('12 inside Excel: the assignment is kept in the workbook\'s settings and written to the run log', () => {
      const S = '12-assign-excel';
      const pane = usePane((context) => openInExcel(context, {}, assignBook));

      it('choosing K02 for row 3 saves assignments.inspections = [{ row: 3, written: 张伟, record: row 3 as text, id: K02 }]', async () => {
        const { page } = pane.w;
        await next(page, 'columns');
        assert.deepEqual(await peopleItems(page), [row3(AMBIGUOUS, ''), ROW4, ROW5]);
        assert.equal(await keptAssignments(page), undefined, 'nothing assigned yet');
        // The message still selects its cell (the name of row 3).
        await page.click('#people li:first-child button');
        await page.waitForFunction(() => window.__FAKE__?.selection() !== null);
        assert.deepEqual(await fake(page, 'fake.selection()'), { sheet: SHEET, address: 'C3' });

        await assignRow(page, ROW3, 'K02', ASSIGNED);
        await shot(page, S, 2, 'assigned');
        assert.deepEqual(await peopleItems(page), [row3(ASSIGNED, 'K02'), ROW4, ROW5]);
        assert.equal(await hasFocus(page, ROW3), true, `the drop-down keeps the focus, not ${await focused(page)}`);
        assert.deepEqual(await keptAssignments(page), KEPT);
        assert.deepEqual(await fake(page, 'fake.writes'), [], 'an assignment writes nothing into the sheets');
      });

      it('writes the result: K02 scores 98, and the run log (运行记录 2026Q3) lists the ASSIGNED_PERSON warning', async () => {
        const { page } = pane.w;
        await next(page, 'rules');
        await next(page, 'preview');
        assert.equal((await explainId(page, 'K02'))[0], '得分 98 = 100 − 2');
        await next(page, 'write');
        await writeAndWait(page);
        await shot(page, S, 5, 'written');
        const log = await fake<unknown[][]>(page, 'fake.grid("运行记录 2026Q3")');
        const warnings = log.filter((r) => r[0] === 'ASSIGNED_PERSON').map((r) => r.slice(0, 5));
        assert.deepEqual(warnings, [['ASSIGNED_PERSON', SHEET, 3, '姓名', ASSIGNED]], JSON.stringify(log));
        assert.ok(log.some((r) => r[0] === 'UNKNOWN_PERSON' && r[2] === 4), 'the unknown 赵六 is still listed');
        assert.ok(!log.some((r) => r[0] === 'AMBIGUOUS_NAME'), 'row 3 is no longer a 同名 problem');
        const results = await fake<unknown[][]>(page, 'fake.grid("评选结果 2026Q3")');
        const k02 = results.find((r) => r.includes('K02'));
        assert.ok(k02?.includes(98), JSON.stringify(k02));
        assert.deepEqual(await fake(page, `fake.writesTo(${JSON.stringify(SHEET)})`), [], 'the input sheet is untouched');
        assert.deepEqual(await keptAssignments(page), KEPT);
        afterWrite = {
          workbook: await savedWorkbook(page),
          settings: await savedSettings(page),
        };
        assert.deepEqual(pane.w.errors, []);
      });
    });

    describe('12 inside Excel: the pane opened again starts with the assignment; another period does not take it', () => {
      const S = '12-assign-reopened';
      const pane = usePane(async (context) => {
        assert.deepEqual((afterWrite.settings['serviceStar.choices'] as { assignments?: unknown } | undefined)?.assignments, KEPT, 'the write before kept the assignment');
        const w = await openInExcel(context, afterWrite.settings, afterWrite.workbook);
        return w;
      });

      it('step 2 shows row 3 counted for K02 (chosen in its drop-down) without a click; step 4: K02 scores 98', async () => {
        const { page } = pane.w;
        assert.equal((await pickedTables(page))['inspections'], SHEET);
        await next(page, 'columns');
        await shot(page, S, 2, 'assigned');
        assert.deepEqual(await peopleItems(page), [row3(ASSIGNED, 'K02'), ROW4, ROW5]);
        assert.deepEqual(await rowCheck(page, SHEET), CHECK_ASSIGNED);
        await next(page, 'rules');
        await next(page, 'preview');
        const k02 = await explainId(page, 'K02');
        assert.equal(k02[0], '得分 98 = 100 − 2', k02.join('\n'));
        assert.ok(k02.includes(K02_VIOLATION), k02.join('\n'));
      });

      it('2026Q2 (step 1): row 3 is out of the period, row 7 unassigned; 2026H2 reads row 3 and its assignment; 2026Q3 again', async () => {
        const { page } = pane.w;
        await page.click('#steps button[data-step=sources]');
        await onStep(page, 'sources');
        await typeInto(page, '#period', '2026Q2');
        await page.click('#steps button[data-step=columns]');
        await onStep(page, 'columns');
        await noError(page);
        await shot(page, S, 2, '2026Q2');
        assert.equal(await textOf(page, '#checked-for'), '按评选期间 2026Q2 核对（可在第 1 步修改）。');
        // Row 7 (of 2026Q2) is a 同名 row not assigned; rows 3 to 6 are out of this period.
        const q2 = await peopleItems(page);
        assert.deepEqual(q2.map((x) => x.text), [AMBIGUOUS_Q2], JSON.stringify(q2));
        assert.deepEqual(q2[0]?.select, { id: 'assign-inspections-7', label: '「张伟」指认为', value: '', options: ZHANG_WEI });
        assert.equal(await page.locator(ROW3).count(), 0);
        assert.deepEqual(await rowCheck(page, SHEET), [SHEET, '6', '0', '5', '0', '1']);
        await page.click('#steps button[data-step=preview]');
        await onStep(page, 'preview');
        assert.equal((await explainId(page, 'K02'))[0], '得分 100 = 100');
        assert.ok(!(await textsOf(page, '#warnings li')).some((x) => x.includes('按指认')));

        // 2026H2 holds row 3 too: the assignment stays with that record, whatever the period.
        await page.click('#steps button[data-step=sources]');
        await onStep(page, 'sources');
        await typeInto(page, '#period', '2026H2');
        await page.click('#steps button[data-step=columns]');
        await onStep(page, 'columns');
        await noError(page);
        await shot(page, S, 2, '2026H2');
        const h2 = await peopleItems(page);
        assert.deepEqual(h2.slice(0, 3), [row3(ASSIGNED, 'K02'), ROW4, ROW5]);
        await page.click('#steps button[data-step=preview]');
        await onStep(page, 'preview');
        assert.equal((await explainId(page, 'K02'))[0], '得分 98 = 100 − 2');
        assert.deepEqual(await keptAssignments(page), KEPT, 'other periods leave the assignment as it was');

        await page.click('#steps button[data-step=sources]');
        await onStep(page, 'sources');
        await typeInto(page, '#period', '2026Q3');
        await page.click('#steps button[data-step=columns]');
        await onStep(page, 'columns');
        assert.deepEqual(await peopleItems(page), [row3(ASSIGNED, 'K02'), ROW4, ROW5]);
        assert.deepEqual(pane.w.errors, []);
      });
    });

    describe('12 inside Excel: an assignment whose record changed (the sheet was edited) is neither applied nor shown as chosen', () => {
      const pane = usePane(async (context) => {
        const stale = { inspections: [{ ...KEPT.inspections[0], record: KEPT.inspections[0]?.record.replace('|2|', '|3|') }] };
        const w = await openInExcel(context, { 'serviceStar.choices': { assignments: stale } }, assignBook);
        return w;
      });

      it('row 3 reads 同名 again, its drop-down shows no one, and choosing K02 assigns it afresh', async () => {
        const { page } = pane.w;
        await next(page, 'columns');
        assert.deepEqual(await peopleItems(page), [row3(AMBIGUOUS, ''), ROW4, ROW5]);
        assert.deepEqual(await rowCheck(page, SHEET), CHECK_UNASSIGNED);
        await assignRow(page, ROW3, 'K02', ASSIGNED);
        assert.deepEqual(await keptAssignments(page), KEPT);
        assert.deepEqual(pane.w.errors, []);
      });
    });
  });
  // -----------------------------------------------------------------------------------------------

  describe('13 accessibility: axe-core finds no violation on any step, standalone and in Excel, 340 and 500 px, zh and en', () => {
    /** Every step of the example at one width and language, with axe on each (the details of the preview opened). */
    async function walk(page: Page, where: string, excel: boolean): Promise<void> {
      if (!excel) await pickFiles(page, EXAMPLE);
      await axe(page, `${where} step 1`);
      for (const step of STEPS.slice(1)) {
        await next(page, step);
        if (step === 'preview') {
          await page.waitForSelector('#awards table');
          await page.evaluate(() => document.querySelectorAll('#results details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
        }
        await axe(page, `${where} step ${STEPS.indexOf(step) + 1}`);
      }
      if (!excel) {
        await page.click('#download');
        await page.waitForSelector('[role=alertdialog] #confirm-ok');
        // The dialog fades in: its colours are measured once it is there.
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        await axe(page, `${where} download dialog`);
        await page.click('#confirm-cancel');
      }
    }

    for (const excel of [false, true]) {
      for (const width of [340, 500]) {
        for (const lang of ['zh', 'en'] as const) {
          it(`${excel ? 'in Excel' : 'standalone'}, ${width} px, ${lang}`, async function () {
            this.timeout(HOOK_TIMEOUT);
            const context = await newContext();
            try {
              if (lang === 'en') await context.addInitScript({ content: 'window.__LANG__ = "en-US";' });
              const w = excel ? await openInExcel(context) : await open(context);
              await w.page.setViewportSize({ width, height: 900 });
              if (lang === 'en' && !excel) await w.page.click('#lang');
              await walk(w.page, `${excel ? 'excel' : 'standalone'} ${width}px ${lang}`, excel);
              assert.deepEqual(w.errors, []);
            } finally {
              await context.close();
            }
          });
        }
      }
    }
  });

  // -----------------------------------------------------------------------------------------------

  describe('14 a 3,000-person office: the page stays responsive (the longest main-thread task, printed)', () => {
    it('picks the office, checks it and computes the preview; prints the longest task', async function () {
      this.timeout(HOOK_TIMEOUT * 2);
      const file = path.join(tmp, 'office-3000.xlsx');
      await writeSyntheticXlsx(file, { staff: 3000, inspections: 12_000, fines: 600 });
      const context = await newContext();
      try {
        await context.addInitScript({ content: `window.__LONG_TASKS__ = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__LONG_TASKS__.push(e.duration); }).observe({ type: 'longtask', buffered: true });` });
        const w = await open(context);
        const { page } = w;
        const before = await page.evaluate(() => (window as unknown as { __LONG_TASKS__: number[] }).__LONG_TASKS__.length);
        await page.setInputFiles('#files', file);
        await page.waitForSelector('#pick-staff', { timeout: 120_000 });
        await page.waitForFunction(() => /^已完成：3000 名人员/u.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 120_000 });
        const afterRead = await page.evaluate(() => [...(window as unknown as { __LONG_TASKS__: number[] }).__LONG_TASKS__]);
        await next(page, 'columns');
        await next(page, 'rules');
        await next(page, 'preview');
        await page.waitForSelector('#awards table', { timeout: 120_000 });
        const tasks = await page.evaluate(() => [...(window as unknown as { __LONG_TASKS__: number[] }).__LONG_TASKS__]);
        const elements = await page.evaluate(() => document.querySelectorAll('*').length);
        const longest = (xs: number[]) => (xs.length === 0 ? 0 : Math.max(...xs));
        console.log(`      3,000 staff: longest main-thread task ${Math.round(longest(tasks.slice(before)))} ms `
          + `(reading the file: ${Math.round(longest(afterRead.slice(before)))} ms; after it, to the preview: ${Math.round(longest(tasks.slice(afterRead.length)))} ms); `
          + `${tasks.length - before} long tasks; ${elements} elements on the preview`);
        assert.deepEqual(w.errors, []);
      } finally {
        await context.close();
      }
    });
  });
  // -----------------------------------------------------------------------------------------------

  describe('15 standalone: next quarter starts from the choices kept in the browser (沿用上季度设置)', () => {
    it('a second page of the same browser offers them, checked; unchecked it starts afresh, checked again they are back', async function () {
      this.timeout(HOOK_TIMEOUT);
      const context = await newContext();
      try {
        const first = await open(context);
        await pickFiles(first.page, EXAMPLE);
        assert.equal(await first.page.isVisible('#reuse'), false, 'nothing kept yet');
        await first.page.selectOption('#scheme', 'credit-union-100');
        await first.page.waitForFunction(() => /^已完成/u.test(document.getElementById('status')?.textContent ?? ''));
        await first.page.close();

        const { page, errors } = await open(context);
        assert.equal(await page.isChecked('#reuse'), true);
        assert.equal(await page.inputValue('#scheme'), 'credit-union-100');
        await shot(page, '15-remembered', 1, 'reuse');
        await page.uncheck('#reuse');
        assert.equal(await page.inputValue('#scheme'), 'smile-star-quarterly');
        await page.check('#reuse');
        assert.equal(await page.inputValue('#scheme'), 'credit-union-100');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('16 a webview without ES2020 (Internet Explorer 11): a message instead of a blank pane', () => {
    let context: BrowserContext | undefined;
    after(async () => { await context?.close(); });

    it('shows which Office to update, in Chinese and English, and nothing of the wizard', async () => {
      context = await newContext();
      // What the page's first (ES5) script tests for: BigInt, missing in IE11.
      await context.addInitScript({ content: 'delete window.BigInt;' });
      const page = await context.newPage();
      await page.route((url) => !url.href.startsWith(base), (route) => route.abort());
      await page.goto(`${base}/taskpane.html`);
      const message = page.locator('#old-webview');
      assert.equal(await message.isVisible(), true);
      assert.match(await message.innerText(), /Microsoft 365 或 Office 2021[\s\S]*Microsoft 365 or Office 2021/u);
      for (const id of ['#title', '#steps', '#step-sources', '#next']) assert.equal(await page.locator(id).isVisible(), false, id);
      await shot(page, '16-old-webview', 1, 'message');
    });

    it('a webview with ES2020 never shows it', async () => {
      const c = await newContext();
      try {
        const w = await open(c);
        assert.equal(await w.page.locator('#old-webview').isVisible(), false);
      } finally {
        await c.close();
      }
    });
  });

  describe('17 inside Excel: the page loaded hidden for a cell function reads nothing until the pane is shown', () => {
    let context: BrowserContext | undefined;
    after(async () => { await context?.close(); });

    it('no request to Excel while hidden; shown, the workbook is read and its tables found', async () => {
      context = await newContext();
      await context.addInitScript({ content: `window.__FAKE_SHEETS__ = ${JSON.stringify(book)}; window.__SETTINGS__ = {}; window.__HIDDEN__ = true;` });
      await context.addInitScript({ path: fakeBundle });
      const page = await context.newPage();
      await page.route((url) => !url.href.startsWith(base), (route) => route.abort());
      await page.goto(`${base}/taskpane.html`);
      await page.waitForFunction(() => (document.getElementById('next')?.textContent ?? '') !== '');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => (window.__FAKE__ as FakeExcel).runCount), 0, 'hidden: no Excel.run');
      await page.evaluate(() => window.__FAKE_OFFICE__?.show());
      await page.waitForSelector('#tables-box:not([hidden]) #pick-staff');
      assert.ok(await page.evaluate(() => (window.__FAKE__ as FakeExcel).runCount) > 0);
    });
  });

  describe('18 inside Excel: the result workbook opens as a new workbook (a download does nothing in the Mac webview)', () => {
    const pane = usePane((context) => openInExcel(context));

    it('step 5 offers "open as a new workbook" (asked in the dialog); Excel.createWorkbook gets the eight sheets, no download starts', async () => {
      const { page } = pane.w;
      await toPreview(page);
      await next(page, 'write');
      assert.equal(await page.textContent('#download'), '在新工作簿中打开结果');
      let downloads = 0;
      page.on('download', () => { downloads++; });
      await page.click('#download');
      await page.click('[role=alertdialog] #confirm-ok');
      await page.waitForFunction(() => (window.__CREATED__ ?? []).length === 1);
      const base64 = await page.evaluate(() => (window.__CREATED__ as string[])[0] as string);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
      assert.equal(wb.worksheets.length, 8);
      assert.ok(wb.worksheets.some((w) => w.name === '公示名单 2026Q3'), wb.worksheets.map((w) => w.name).join(', '));
      assert.ok(wb.worksheets.some((w) => w.name === '表彰名单 2026Q3'), wb.worksheets.map((w) => w.name).join(', '));
      assert.equal(downloads, 0);
      assert.deepEqual(pane.w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('19 the committee (评选小组裁定): a tie settled in the preview, a candidate struck, what changed', () => {
    const TIE = '门诊收费室：2 人并列';
    const S2 = '19-committee-excel';
    const REASON = '实地考察，服务规范';

    /** The tie cards: title, each person's name, id and keys (dt → dd), whether each has a checkbox, the settled line. */
    const cards = (page: Page) => page.$$eval('#committee .tie-card', (cs) => cs.map((c) => ({
      title: c.querySelector('h4')?.textContent ?? '',
      people: [...c.querySelectorAll('li.tied-person')].map((li) => ({
        id: (li as HTMLElement).dataset['id'] ?? '',
        who: li.querySelector('.who')?.textContent ?? '',
        keys: Object.fromEntries([...li.querySelectorAll('dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])),
        box: li.querySelector('input[type=checkbox]') !== null,
      })),
      settled: c.querySelector('.settled')?.textContent ?? null,
    })));

    /** The award table's rows of a person: [name, award, note]. */
    const awardOf = async (page: Page, name: string) => (await tableText(page, '#awards table')).filter((r) => r[2] === name).map((r) => [r[2], r[4], r[5]]);

    /** Ticks a tied person (by keyboard: Tab to the checkbox, Space), gives the reason and who decided, and records it. */
    async function award(page: Page, name: string, reason: string): Promise<void> {
      const id = await page.$$eval('#committee li.tied-person', (ls, n) => (ls as HTMLElement[]).find((l) => l.textContent?.startsWith(n))?.dataset['id'] ?? '', name);
      const box = `#committee .tie-card li.tied-person[data-id="${id}"] input[type=checkbox]`;
      await page.focus('#committee .tie-card input[type=checkbox]');
      if (!(await hasFocus(page, box))) await tabTo(page, box);
      await page.keyboard.press('Space');
      assert.equal(await page.isChecked(box), true);
      await page.fill('#committee .tie-card [data-field=reason]', reason);
      await page.fill('#committee .tie-card [data-field=decidedBy]', '王主任');
      await page.click('#committee .tie-card button.record');
      await page.waitForFunction(() => document.querySelectorAll('#pending li').length > 0);
      await noError(page);
    }

    describe('19 standalone, 340 px: the tie card, award, remove, exclude; the download has the decisions', () => {
      const S = '19-committee';
      const pane = usePane(async (context) => {
        const w = await open(context);
        await w.page.setViewportSize({ width: 340, height: 900 });
        await pickFiles(w.page, EXAMPLE);
        await toPreview(w.page);
        return w;
      });

      it('the tie of 门诊收费室 as a card: the two side by side with every tie-break key and their wins this year', async () => {
        const { page } = pane.w;
        await shot(page, S, 4, 'tie-card');
        const [card, ...others] = await cards(page);
        assert.deepEqual(others, []);
        assert.equal(card?.title, TIE);
        assert.deepEqual(card?.people.map((p) => p.who.split(' ')[0]), ['孙佳琪', '林晓红']);
        for (const p of card?.people ?? []) {
          assert.deepEqual(Object.keys(p.keys), ['得分', '违规次数', '表扬次数', '满意度', '本年度已获奖'], JSON.stringify(p));
          assert.equal(p.keys['得分'], '101');
          assert.match(p.keys['本年度已获奖'] ?? '', /^\d+ 次$/u);
          assert.equal(p.box, true);
        }
        // Side by side: the two people's boxes share a row, inside the pane.
        const boxes = await page.$$eval('#committee li.tied-person', (ls) => ls.map((l) => l.getBoundingClientRect()).map((b) => [Math.round(b.top), Math.round(b.right)]));
        assert.equal(boxes[0]?.[0], boxes[1]?.[0], JSON.stringify(boxes));
        const seen = await widthOfPage(page);
        assert.deepEqual(seen.wider, [], 'nothing past the pane\'s right edge');
        // Recording with no one ticked says so, and records nothing.
        await page.click('#committee .tie-card button.record');
        assert.equal(await textOf(page, '#committee [role=alert]'), '请至少勾选一人。');
        assert.equal(await page.locator('#pending').count(), 0);
      });

      it('awarding 孙佳琪 settles the tie at once: a winner by the committee, 林晓红 out, the decision pending; removed, the tie is back', async () => {
        const { page } = pane.w;
        assert.deepEqual(await awardOf(page, '孙佳琪'), [['孙佳琪', '', '并列，待评选小组裁定']]);
        await award(page, '孙佳琪', REASON);
        assert.deepEqual(await awardOf(page, '孙佳琪'), [['孙佳琪', '100', '评选小组裁定']]);
        assert.deepEqual(await awardOf(page, '林晓红'), []);
        assert.equal((await cards(page))[0]?.settled, '已裁定：孙佳琪 获奖');
        assert.equal(await hasFocus(page, '#pending-title'), true, `the focus is on the decisions to write: ${await focused(page)}`);
        assert.equal(await textOf(page, '#pending-title'), '待写入的裁定（1 条）');
        assert.match((await textsOf(page, '#pending li span'))[0] ?? '', new RegExp(`^门诊收费室 孙佳琪（H\\d+）：获奖，${REASON}$`, 'u'));
        assert.doesNotMatch(await textOf(page, '#summary'), /并列/u);
        await shot(page, S, 4, 'awarded');

        await page.click('#pending li button');
        await page.waitForFunction(() => document.getElementById('pending') === null);
        // The preview is drawn again once the run without the decision is computed (a transition).
        await page.waitForSelector('#awards table');
        assert.deepEqual(await awardOf(page, '孙佳琪'), [['孙佳琪', '', '并列，待评选小组裁定']]);
        assert.equal((await cards(page))[0]?.settled, null);
        await award(page, '孙佳琪', REASON);
      });

      it('a candidate struck from the explanation needs a reason; 不予表彰 then vetoes them (COMMITTEE) with it', async () => {
        const { page } = pane.w;
        const lines = await explainId(page, (await page.$eval('#person', (x) => [...(x as HTMLSelectElement).options].find((o) => o.text.includes('陈静'))?.text ?? '')).replace(/^.*\((.*)\)$/u, '$1'));
        assert.ok(lines.length > 0);
        await page.click('#exclude-button');
        assert.equal(await textOf(page, '#exclude .fui-Field__validationMessage'), '不予表彰须写明理由。');
        assert.equal(await page.locator('#pending li').count(), 1);
        await page.fill('#exclude [data-field=reason]', '公示期间群众反映属实');
        await page.click('#exclude-button');
        await page.waitForFunction(() => document.querySelectorAll('#pending li').length === 2);
        assert.deepEqual(await awardOf(page, '陈静'), []);
        assert.match(await textOf(page, '#explanation'), /公示期间群众反映属实/u);
        assert.equal(await textOf(page, '#excluded'), '已由评选小组决定不予表彰（公示期间群众反映属实）。');
        await shot(page, S, 4, 'excluded');
      });

      it('the download has the 评选小组裁定 sheet with both decisions, and the award table follows them', async () => {
        const { page } = pane.w;
        await next(page, 'write');
        const { wb } = await download(page, path.join(tmp, 'download-committee.xlsx'));
        assert.deepEqual(wb.worksheets.map((x) => x.name), [...RESULT_SHEETS_ZH, '评选小组裁定']);
        const sheet = wb.getWorksheet('评选小组裁定') as ExcelJS.Worksheet;
        const rows = [1, 2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 9).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ?? null)));
        assert.deepEqual(rows[0], ['期间', '科室', '工号', '姓名', '裁定', '理由', '日期', '裁定人']);
        assert.deepEqual([rows[1]?.[0], rows[1]?.[1], rows[1]?.[3], rows[1]?.[4], rows[1]?.[5], rows[1]?.[6], rows[1]?.[7]],
          ['2026Q3', '门诊收费室', '孙佳琪', '获奖', REASON, '2026-10-15', '王主任']);
        assert.deepEqual([rows[2]?.[3], rows[2]?.[4], rows[2]?.[5]], ['陈静', '不予表彰', '公示期间群众反映属实']);
        const awards = wb.getWorksheet('表彰名单 2026Q3') as ExcelJS.Worksheet;
        assert.ok(rowWith(awards, '孙佳琪')?.includes('评选小组裁定'));
        assert.equal(rowWith(awards, '陈静'), null);
        assert.deepEqual(pane.w.errors, []);
      });
    });

    describe('19 standalone: two departments tied for the department award', () => {
      const pane = usePane(async (context) => {
        const file = path.join(tmp, 'department-tie.xlsx');
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('人员名单').addRows([['工号', '姓名', '科室'], ['A1', '甲一', '甲科'], ['A2', '甲二', '甲科'], ['B1', '乙一', '乙科'], ['B2', '乙二', '乙科']]);
        // One point each for A2 and B2: A1 and B1 win their departments, and both departments score 99.5.
        wb.addWorksheet('督导检查记录').addRows([['检查日期', '工号', '扣分'], ['2026-07-08', 'A2', 1], ['2026-08-08', 'B2', 1]]);
        await wb.xlsx.writeFile(file);
        const w = await open(context);
        await w.page.setViewportSize({ width: 340, height: 900 });
        await pickFiles(w.page, file);
        await next(w.page, 'columns');
        await next(w.page, 'rules');
        await typeInto(w.page, param('departmentAwards'), '1');
        await next(w.page, 'preview');
        return w;
      });

      it('a card of the two departments with their scores; awarding 乙科 makes it the winner, and the download keeps the decision without a person', async () => {
        const { page } = pane.w;
        const [card, ...others] = await cards(page);
        assert.deepEqual(others, []);
        assert.match(card?.title ?? '', /：2 个科室并列$/u);
        assert.deepEqual(card?.people.map((p) => [p.who, p.keys['科室得分'], p.box]), [['甲科', '99.50', true], ['乙科', '99.50', true]]);
        await page.check('#committee li.tied-person:nth-child(2) input[type=checkbox]');
        await page.fill('#committee .tie-card [data-field=reason]', '群众满意度调查居首');
        await page.click('#committee .tie-card button.record');
        await page.waitForSelector('#committee .settled');
        assert.equal((await cards(page))[0]?.settled, '已裁定：乙科 获奖');
        assert.match((await textsOf(page, '#pending li span'))[0] ?? '', /^乙科：获奖，群众满意度调查居首$/u);
        await next(page, 'write');
        const { wb } = await download(page, path.join(tmp, 'download-department.xlsx'));
        const sheet = wb.getWorksheet('评选小组裁定') as ExcelJS.Worksheet;
        assert.deepEqual([1, 2, 3, 4, 5, 6].map((c) => sheet.getCell(2, c).value), ['2026Q3', '乙科', null, null, '获奖', '群众满意度调查居首']);
        assert.deepEqual(pane.w.errors, []);
      });
    });

    describe('19 inside Excel: resolve the tie, write, reopen: the decision holds; undo removes it', () => {
      let decided: { workbook: FakeSheets; settings: Record<string, unknown> } = { workbook: { sheets: {} }, settings: {} };
      const pane = usePane(async (context) => {
        const w = await openInExcel(context);
        await toPreview(w.page);
        return w;
      });

      it('writes the result sheets and a new 评选小组裁定 sheet with the decision, never touching an input sheet', async () => {
        const { page } = pane.w;
        await award(page, '孙佳琪', REASON);
        assert.equal(await textOf(page, '#pending .note'), '写入本工作簿时，这些裁定追加到「评选小组裁定」表的末尾（已有的行不会改动）；“撤销本次写入”会删除追加的行。');
        await next(page, 'write');
        await writeAndWait(page);
        const grid = await fake<unknown[][]>(page, 'fake.grid("评选小组裁定")');
        assert.deepEqual(grid[0], ['期间', '科室', '工号', '姓名', '裁定', '理由', '日期', '裁定人']);
        assert.equal(grid.length, 2);
        assert.deepEqual([grid[1]?.[0], grid[1]?.[3], grid[1]?.[4], grid[1]?.[5], grid[1]?.[7]], ['2026Q3', '孙佳琪', '获奖', REASON, '王主任']);
        assert.equal(await fake(page, 'fake.numberFormat("评选小组裁定", 1, 6)'), 'yyyy-mm-dd');
        for (const sheet of inputSheets().filter((x) => x !== '获奖记录')) {
          assert.deepEqual(await fake(page, `fake.writesTo(${JSON.stringify(sheet)})`), [], `${sheet} is an input sheet`);
        }
        const undo = (await savedSettings(page))['serviceStar.undo'] as { created: string[] };
        assert.deepEqual(undo.created, [...RESULT_SHEETS_ZH, '评选小组裁定']);
        const awards = await fake<unknown[][]>(page, 'fake.grid("表彰名单 2026Q3")');
        assert.ok(awards.some((r) => r.includes('孙佳琪') && r.includes('评选小组裁定')), JSON.stringify(awards));
        // Written, the decision is no longer pending; the preview still shows the tie settled.
        await page.click('#steps button[data-step=preview]');
        await onStep(page, 'preview');
        assert.equal(await page.locator('#pending').count(), 0);
        assert.equal((await cards(page))[0]?.settled, '已裁定：孙佳琪 获奖');
        decided = {
          workbook: await savedWorkbook(page),
          settings: await savedSettings(page),
        };
      });

      it('Undo removes the decisions sheet with the run; the tie is open again', async () => {
        const { page } = pane.w;
        await clickAndWait(page, '#undo', '已撤销：本次写入的表已删除，被替换的表已恢复。');
        assert.equal((await fake<string[]>(page, 'fake.sheetNames()')).includes('评选小组裁定'), false);
        await page.waitForFunction(() => document.querySelector('#committee .tie-card input[type=checkbox]') !== null);
        assert.equal((await cards(page))[0]?.settled, null);
        assert.deepEqual(await awardOf(page, '孙佳琪'), [['孙佳琪', '', '并列，待评选小组裁定']]);
        assert.equal(await textOf(page, '#status'), '已撤销：本次写入的表已删除，被替换的表已恢复。');
        assert.deepEqual(pane.w.errors, []);
      });

      describe('19 the pane opened again on the workbook as written', () => {
        let found: Record<string, string> = {};
        const again = usePane(async (context) => {
          const w = await openInExcel(context, decided.settings, decided.workbook);
          found = await pickedTables(w.page);
          await toPreview(w.page);
          return w;
        });

        it('the decision holds: read from 评选小组裁定, the tie settled, 孙佳琪 a winner by the committee', async () => {
          const { page } = again.w;
          assert.equal(found['decisions'], '评选小组裁定', 'found on step 1 by its name');
          assert.equal((await cards(page))[0]?.settled, '已裁定：孙佳琪 获奖');
          assert.deepEqual(await awardOf(page, '孙佳琪'), [['孙佳琪', '100', '评选小组裁定']]);
          assert.equal(await page.locator('#pending').count(), 0);
          await shot(page, S2, 4, 'reopened');
        });

        it('a second decision is appended below the first row, which is never written; what changed is listed; undo removes only the appended row', async () => {
          const { page } = again.w;
          await explainId(page, (await page.$eval('#person', (x) => [...(x as HTMLSelectElement).options].find((o) => o.text.includes('陈静'))?.text ?? '')).replace(/^.*\((.*)\)$/u, '$1'));
          await page.fill('#exclude [data-field=reason]', '公示期间群众反映属实');
          await page.click('#exclude-button');
          await page.waitForFunction(() => document.querySelectorAll('#pending li').length === 1);
          // Against the list this period's last run wrote to 获奖记录: 陈静 is no longer among the winners.
          assert.ok((await textsOf(page, '#changes li')).some((t) => /^导医台：陈静 获奖 → /u.test(t)), (await textsOf(page, '#changes li')).join('\n'));
          const before = await fake<unknown[][]>(page, 'fake.grid("评选小组裁定")');
          await page.evaluate(() => window.__FAKE__?.resetCounters());
          await next(page, 'write');
          // This period's result sheets are there: Write asks first.
          await page.click('#write');
          await page.waitForSelector('[role=alertdialog] #confirm-ok');
          await writeAndWait(page, '#confirm-ok');
          const grid = await fake<unknown[][]>(page, 'fake.grid("评选小组裁定")');
          assert.deepEqual(grid.slice(0, 2), before, 'the rows already there, as they were');
          assert.deepEqual([grid[2]?.[3], grid[2]?.[4], grid[2]?.[5]], ['陈静', '不予表彰', '公示期间群众反映属实']);
          const writes = await fake<{ address: string }[]>(page, 'fake.writesTo("评选小组裁定")');
          assert.ok(writes.length > 0 && writes.every((w) => /^[A-H]3(:[A-H]3)?$/u.test(w.address)), JSON.stringify(writes));
          const undo = (await savedSettings(page))['serviceStar.undo'] as { appended: { sheet: string; row: number }[] };
          assert.deepEqual(undo.appended.map((a) => [a.sheet, a.row]), [['评选小组裁定', 2]]);

          await clickAndWait(page, '#undo', '已撤销：本次写入的表已删除，被替换的表已恢复。');
          assert.deepEqual(await fake<unknown[][]>(page, 'fake.grid("评选小组裁定")'), before);
          await page.click('#steps button[data-step=preview]');
          await onStep(page, 'preview');
          assert.ok((await tableText(page, '#awards table')).some((r) => r[2] === '陈静'), 'the exclusion went with the undo');
          assert.equal((await cards(page))[0]?.settled, '已裁定：孙佳琪 获奖', 'the first decision stays');
          assert.deepEqual(again.w.errors, []);
        });
      });
    });
  });
});
