/**
 * The task pane end to end in a real browser (Debian's chromium through playwright-core):
 * - standalone (no Office): pick examples/hospital-2026Q3.xlsx, compute, read the tables, switch the
 *   language, download the result workbook and open it with exceljs; names are shown as text, never HTML;
 * - inside Excel: Office and Excel are the strict fake of test/helpers/fake-excel.ts
 *   (test/e2e/fake-office-page.ts, bundled here for the browser and injected before the page's
 *   scripts); the pane reads this workbook's sheets, writes the result sheets and asks once before
 *   replacing them.
 *
 * The add-in is built once (`webpack --mode development`) when dist/addin is missing or older than
 * the sources, and served from a tiny http server on a random localhost port; every request that
 * leaves that server (office.js from appsforoffice.microsoft.com) is aborted. Screenshots of each step
 * go to test-output/e2e/. Skipped when /usr/bin/chromium is missing.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { FakeInputCell } from '../helpers/fake-excel';
import type { FakeSheets } from './fake-office-page';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const ADDIN = path.join(ROOT, 'dist/addin');
const EXAMPLE = path.join(ROOT, 'examples/hospital-2026Q3.xlsx');
const SHOTS = path.join(ROOT, 'test-output/e2e');
const HOOK_TIMEOUT = 180_000;
const MS_PER_DAY = 86_400_000;

/** What the build reads: when any of it is newer than dist/addin/taskpane.html, the test builds again. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/functions-metadata.js', 'tsconfig.json', 'package.json'];

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
const RESULT_SHEETS_ZH = ['评选结果 2026Q3', '一票否决 2026Q3', '奖金扣罚 2026Q3', '获奖名单 2026Q3', '表彰名单 2026Q3', '运行记录 2026Q3', '获奖记录'];
const RESULT_SHEETS_EN = ['Results 2026Q3', 'Vetoes 2026Q3', 'Deductions 2026Q3', 'Winners 2026Q3', 'Award table 2026Q3', 'Run log 2026Q3', 'Winners history'];
/** Rows of each input sheet of the example, and rows used for 2026Q3 (as the command line reports them). */
const INPUT_ROWS: [string, number, number][] = [
  ['人员名单', 60, 60], ['督导检查记录', 352, 304], ['投诉及处罚记录', 26, 24], ['表扬记录', 41, 39],
  ['满意度', 174, 174], ['推荐名单', 18, 18], ['获奖记录', 12, 12],
];
const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_BOLD = '<b>粗体</b>';

// -------------------------------------------------------------------------------------------------
// Helpers (node side)

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((m, name) => Math.max(m, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** Builds dist/addin unless it is newer than every input of the build. */
function ensureBuilt(): void {
  const page = path.join(ADDIN, 'taskpane.html');
  const built = fs.existsSync(page) ? fs.statSync(page).mtimeMs : 0;
  const sources = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  if (built > sources) return;
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const out = spawnSync(npx, ['webpack', '--mode', 'development'], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });
  assert.equal(out.status, 0, `webpack --mode development failed:\n${out.stdout}\n${out.stderr}`);
  assert.ok(fs.existsSync(page), 'the build wrote dist/addin/taskpane.html');
  // webpack leaves a file whose content did not change untouched (compareBeforeEmit): mark the build done.
  const now = new Date();
  fs.utimesSync(page, now, now);
}

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
  const book: Required<FakeSheets> = { sheets: {}, numberFormats: {} };
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

// -------------------------------------------------------------------------------------------------
// Helpers (page side)

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
  aborted: string[];
}

let shotNumber = 0;
async function shot(page: Page, name: string): Promise<void> {
  shotNumber++;
  await page.screenshot({ path: path.join(SHOTS, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** The text of every row of a table (header row first). */
const tableText = (page: Page, selector: string): Promise<string[][]> =>
  page.$eval(selector, (table) => [...(table as HTMLTableElement).rows].map((tr) => [...tr.cells].map((c) => c.textContent ?? '')));

const textOf = (page: Page, selector: string): Promise<string> => page.$eval(selector, (e) => e.textContent ?? '');

async function compute(page: Page): Promise<void> {
  await page.fill('#period', '2026Q3');
  await page.click('#run');
  await page.waitForSelector('#results:not([hidden])');
  await page.waitForFunction(() => !(document.getElementById('run') as HTMLButtonElement).disabled);
  assert.equal(await page.isVisible('#error'), false, await textOf(page, '#error'));
}

/**
 * Clicks Write and waits until the pane has written: three more Excel.run batches on the fake (sheet
 * names, the sheets, activate) and the button enabled again; fails with the pane's error if one shows.
 */
async function writeAndWait(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.__FAKE__?.runCount ?? 0);
  await page.click('#write');
  await page.waitForFunction((runs) => !(document.getElementById('error') as HTMLElement).hidden
    || ((window.__FAKE__?.runCount ?? 0) >= runs && !(document.getElementById('write') as HTMLButtonElement).disabled), before + 3);
  assert.equal(await page.isVisible('#error'), false, `writing failed: ${await textOf(page, '#error')}`);
}

/** Every text #status was given, in order (a MutationObserver sees each text node put there). */
const STATUS_LOG = `window.__STATUS_LOG__ = [];
document.addEventListener('readystatechange', () => {
  const status = document.getElementById('status');
  if (!status || window.__STATUS_OBSERVED__) return;
  window.__STATUS_OBSERVED__ = true;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) window.__STATUS_LOG__.push(n.textContent);
  }).observe(status, { childList: true, subtree: true, characterData: true });
});`;

const statusLog = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __STATUS_LOG__: string[] }).__STATUS_LOG__);

// -------------------------------------------------------------------------------------------------

describe('task pane in a browser (e2e: chromium + playwright-core)', function () {
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let base = '';
  let tmp = '';
  let fakeBundle = '';

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
    fakeBundle = await bundleFake(tmp);
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

  /** A fresh browser context and page: no network beyond the local server, dialogs and errors recorded. */
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
    await watched.page.goto(`${base}/taskpane.html`);
    return watched;
  }

  const newContext = () => (browser as Browser).newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 480, height: 900 } });

  // -----------------------------------------------------------------------------------------------

  describe('standalone (no Office): files picked from disk, result workbook downloaded', () => {
    let context: BrowserContext;
    let w: Watched;

    before(async function () {
      this.timeout(HOOK_TIMEOUT);
      context = await newContext();
      w = await open(context);
      await w.page.waitForFunction(() => (document.getElementById('run')?.textContent ?? '') !== '');
    });
    after(async function () {
      this.timeout(HOOK_TIMEOUT);
      await context?.close();
    });

    it('shows the file picker, no workbook choice and no write button; office.js was not loaded', async () => {
      const { page } = w;
      await shot(page, 'standalone-files');
      assert.equal(await page.evaluate(() => typeof Office), 'undefined');
      assert.equal(await page.evaluate(() => (window as unknown as { __noOffice?: boolean }).__noOffice), true, 'office.js onerror fired');
      assert.ok(w.aborted.some((u) => u.startsWith('https://appsforoffice.microsoft.com/')), w.aborted.join('\n'));
      assert.equal(await page.isVisible('#files'), true);
      assert.equal(await page.isVisible('#source'), false);
      assert.equal(await page.isVisible('#write'), false);
      assert.equal(await page.isVisible('#download'), false);
      assert.equal(await textOf(page, '#title'), '服务之星评选');
      assert.equal(await textOf(page, '#run'), '计算');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    });

    it('computes 2026Q3 on examples/hospital-2026Q3.xlsx: the award table, row check and warnings', async () => {
      const { page } = w;
      await page.setInputFiles('#files', EXAMPLE);
      await compute(page);
      await shot(page, 'standalone-results');
      assert.equal(await textOf(page, '#award-title'), TITLE_ZH);
      assert.deepEqual(await tableText(page, '#awards table'), AWARDS_ZH);
      assert.equal(await page.isVisible('#download'), true);
      assert.equal(await page.isVisible('#write'), false, 'no workbook to write into outside Excel');

      const inputs = await tableText(page, '#inputs table');
      assert.deepEqual(inputs[0], ['工作表', '总行数', '使用', '期外', '空行', '拒绝']);
      assert.equal(inputs.length - 1, INPUT_ROWS.length, JSON.stringify(inputs));
      for (const [sheet, rows, used] of INPUT_ROWS) {
        const row = inputs.find((r) => r[0]?.includes(sheet));
        assert.ok(row, `row check of ${sheet}: ${JSON.stringify(inputs)}`);
        assert.equal(row[1], String(rows), `${sheet} rows`);
        assert.equal(row[2], String(used), `${sheet} used`);
        assert.equal(row.slice(2).reduce((s, x) => s + Number(x), 0), rows, `${sheet}: rows = used + out of period + blank + rejected`);
      }

      const warnings = await page.$$eval('#warnings li', (lis) => lis.map((li) => li.textContent ?? ''));
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0] ?? '', /投诉及处罚记录 第26行/u);
      assert.match(warnings[0] ?? '', /服务纪律/u);
      assert.match(await textOf(page, '#status'), /^已完成：\d+ 名人员，1 条警告。$/u);
    });

    it('downloads the result workbook in Chinese: six result sheets of 2026Q3, the history, the award title', async () => {
      const { page } = w;
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      assert.equal(download.suggestedFilename(), '评选结果-2026Q3.xlsx');
      const file = path.join(tmp, 'download-zh.xlsx');
      await download.saveAs(file);
      const wb = await sheetsOf(file);
      assert.deepEqual(wb.worksheets.map((s) => s.name), RESULT_SHEETS_ZH);
      const awards = wb.getWorksheet('表彰名单 2026Q3');
      assert.ok(awards);
      assert.equal(awards.getCell('A1').value, TITLE_ZH);
      const names = [4, 5, 6, 7, 8, 9, 10].map((r) => awards.getCell(r, 3).value);
      assert.deepEqual(names, AWARDS_ZH.slice(1, 8).map((r) => r[2]));
    });

    it('switches to English: labels, table headers, notes and the title', async () => {
      const { page } = w;
      await page.click('#lang');
      await shot(page, 'standalone-english');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await textOf(page, '#lang'), '中文');
      assert.equal(await textOf(page, '#title'), 'Service Star selection');
      assert.equal(await textOf(page, '#run'), 'Compute');
      assert.equal(await textOf(page, '#download'), 'Download result workbook');
      assert.equal(await textOf(page, '#files-label'), 'Data files (.xlsx / .csv)');
      assert.equal(await textOf(page, '#warnings-title'), 'Warnings');
      assert.match(await textOf(page, '#inputs-title'), /^Row check/u);
      const awards = await tableText(page, '#awards table');
      assert.deepEqual(awards[0], ['No.', 'Department', 'Name', 'Score', 'Award (yuan)', 'Notes']);
      assert.deepEqual(awards.slice(1).map((r) => r[2]), AWARDS_ZH.slice(1).map((r) => r[2]), 'names stay as written');
      assert.equal(awards[2]?.[5], 'tie: for the committee');
      assert.match(awards[6]?.[5] ?? '', /^priority for the year/u);
      assert.equal(awards[8]?.[0], 'Total');
      assert.match(await textOf(page, '#award-title'), /awards, .*2026/u);
      assert.deepEqual((await tableText(page, '#inputs table'))[0], ['Sheet', 'Rows', 'Used', 'Out of period', 'Blank', 'Rejected']);
      assert.match((await page.$$eval('#warnings li', (lis) => lis.map((li) => li.textContent ?? ''))).join('\n'), /投诉及处罚记录 row 26/u);
    });

    it('downloads the result workbook in English: English sheet names and title', async () => {
      const { page } = w;
      const title = await textOf(page, '#award-title');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      assert.equal(download.suggestedFilename(), 'results-2026Q3.xlsx');
      const file = path.join(tmp, 'download-en.xlsx');
      await download.saveAs(file);
      const wb = await sheetsOf(file);
      assert.deepEqual(wb.worksheets.map((s) => s.name), RESULT_SHEETS_EN);
      assert.equal(wb.getWorksheet('Award table 2026Q3')?.getCell('A1').value, title);
      assert.deepEqual(w.errors, [], 'no script errors on the page');
      assert.deepEqual(w.dialogs, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('standalone: names are shown as text, never parsed as HTML', () => {
    let context: BrowserContext;
    let w: Watched;
    let file: string;

    before(async function () {
      this.timeout(HOOK_TIMEOUT);
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
      context = await newContext();
      w = await open(context);
    });
    after(async function () {
      this.timeout(HOOK_TIMEOUT);
      await context?.close();
    });

    it('an <img onerror> name and a <b> name appear literally; no element is made, no dialog opens', async () => {
      const { page } = w;
      await page.setInputFiles('#files', file);
      await compute(page);
      await page.waitForTimeout(300); // an injected <img src=x> would have failed to load and fired onerror by now
      await shot(page, 'standalone-html-names');
      const awards = await tableText(page, '#awards table');
      assert.equal(awards[1]?.[2], XSS_IMG);
      assert.equal(awards[2]?.[2], XSS_BOLD);
      const results = await textOf(page, '#results');
      assert.ok(results.includes(XSS_IMG) && results.includes(XSS_BOLD), results);
      assert.equal(await page.locator('#results img').count(), 0);
      assert.equal(await page.locator('#results b').count(), 0);
      assert.equal(await page.locator('img').count(), 0);
      assert.deepEqual(w.dialogs, [], 'no alert');
      assert.deepEqual(w.errors, []);
    });
  });

  // -----------------------------------------------------------------------------------------------

  describe('inside Excel (fake Office.js): this workbook\'s sheets in, result sheets written, replace asked once', () => {
    let context: BrowserContext;
    let w: Watched;
    let book: FakeSheets;
    let firstAwards: string[][] = [];

    const fake = <T>(page: Page, read: string): Promise<T> =>
      page.evaluate((expr) => new Function('fake', `return ${expr};`)((window as unknown as { __FAKE__: unknown }).__FAKE__) as T, read);

    before(async function () {
      this.timeout(HOOK_TIMEOUT);
      book = await bookCells(EXAMPLE);
      context = await newContext();
      await context.addInitScript({ content: `window.__FAKE_SHEETS__ = ${JSON.stringify(book)};` });
      await context.addInitScript({ path: fakeBundle });
      await context.addInitScript({ content: STATUS_LOG });
      w = await open(context);
      await w.page.waitForFunction(() => (document.getElementById('run')?.textContent ?? '') !== '');
    });
    after(async function () {
      this.timeout(HOOK_TIMEOUT);
      await context?.close();
    });

    it('the task pane ran on the fake Office (office.js failed to load and did not replace it)', async () => {
      const { page } = w;
      const seen = await page.evaluate(() => {
        const win = window as unknown as { Office: { fake?: boolean }; __FAKE_OFFICE__: { onReadyCalls: number }; __noOffice?: boolean };
        return { fake: win.Office.fake === true && win.Office === win.__FAKE_OFFICE__, onReady: win.__FAKE_OFFICE__.onReadyCalls, noOffice: win.__noOffice };
      });
      assert.deepEqual(seen, { fake: true, onReady: 1, noOffice: true }, 'index.ts called the fake Office.onReady once');
      assert.ok(w.aborted.some((u) => u.startsWith('https://appsforoffice.microsoft.com/')));
    });

    it('offers this workbook\'s sheets as the source, chosen, and hides the file picker', async () => {
      const { page } = w;
      await shot(page, 'excel-source');
      assert.equal(await page.isVisible('#source'), true);
      assert.equal(await textOf(page, '#source-workbook'), '本工作簿中的工作表');
      assert.equal(await page.isChecked('input[name=source][value=workbook]'), true);
      assert.equal(await page.isVisible('#files'), false);
      assert.equal(await page.isVisible('#write'), false, 'nothing to write before a run');
      await page.click('input[name=source][value=files]');
      assert.equal(await page.isVisible('#files'), true, 'files from disk remain possible');
      await page.click('input[name=source][value=workbook]');
      assert.equal(await page.isVisible('#files'), false);
    });

    it('computes on the workbook\'s sheets: the same award table as from the file', async () => {
      const { page } = w;
      await compute(page);
      await shot(page, 'excel-results');
      firstAwards = await tableText(page, '#awards table');
      assert.deepEqual(firstAwards, AWARDS_ZH);
      assert.equal(await textOf(page, '#award-title'), TITLE_ZH);
      const warnings = await page.$$eval('#warnings li', (lis) => lis.map((li) => li.textContent ?? ''));
      assert.match(warnings.join('\n'), /投诉及处罚记录 第26行/u);
      assert.equal(await page.isVisible('#write'), true);
      assert.equal(await textOf(page, '#write'), '写入本工作簿');
      assert.deepEqual(await fake(page, 'fake.writes'), [], 'reading writes nothing');
    });

    it('writes the six result sheets and the history into the workbook, never an input sheet, and opens the award table', async () => {
      const { page } = w;
      await writeAndWait(page);
      await shot(page, 'excel-written');
      const inputs = Object.keys(book.sheets);
      const names = await fake<string[]>(page, 'fake.sheetNames()');
      assert.deepEqual([...names].sort(), [...new Set([...inputs, ...RESULT_SHEETS_ZH])].sort());
      for (const sheet of inputs.filter((s) => s !== '获奖记录')) {
        assert.deepEqual(await fake(page, `fake.writesTo(${JSON.stringify(sheet)})`), [], `${sheet} is an input sheet`);
      }
      assert.equal(await fake(page, 'fake.activeSheet()'), '表彰名单 2026Q3');
      assert.equal(await fake(page, 'fake.cell("表彰名单 2026Q3", 0, 0)'), TITLE_ZH);
      const grid = await fake<unknown[][]>(page, 'fake.grid("表彰名单 2026Q3")');
      assert.deepEqual(grid.slice(3, 10).map((r) => r[2]), AWARDS_ZH.slice(1, 8).map((r) => r[2]));
      // The history keeps 2026Q1 and 2026Q2 and adds this quarter's winners and ties.
      const history = await fake<unknown[][]>(page, 'fake.grid("获奖记录")');
      const periods = history.map((r) => String(r[0]));
      assert.equal(periods.filter((p) => p === '2026Q3').length, 7, JSON.stringify(history));
      assert.equal(periods.filter((p) => p === '2026Q1' || p === '2026Q2').length, 12, JSON.stringify(history));
      assert.equal(await textOf(page, '#write'), '写入本工作簿');
      // The pane tells the user where the results are, and that message stays.
      const written = '结果表已写入，已打开「表彰名单 2026Q3」。';
      assert.ok((await statusLog(page)).includes(written), `the pane set "${written}": ${JSON.stringify(await statusLog(page))}`);
      assert.equal(await textOf(page, '#status'), written, 'the "written" message stays in #status (not replaced by the run summary)');
    });

    it('asks before replacing this period\'s sheets, then replaces them: one sheet per name, the same awards', async () => {
      const { page } = w;
      await compute(page);
      assert.deepEqual(await tableText(page, '#awards table'), firstAwards, 'this quarter\'s own history rows do not count again');
      const writesBefore = await fake<number>(page, 'fake.writes.length');
      await page.click('#write');
      await page.waitForFunction(() => document.getElementById('write')?.textContent === '确认替换');
      await shot(page, 'excel-confirm-replace');
      const asked = await textOf(page, '#status');
      const log = await statusLog(page);
      const question = log.find((t) => t.includes('本期结果表已存在')) ?? '';
      assert.equal(await fake<number>(page, 'fake.writes.length'), writesBefore, 'nothing written before the confirmation');

      await writeAndWait(page);
      await shot(page, 'excel-replaced');
      assert.equal(await textOf(page, '#write'), '写入本工作簿');
      const names = await fake<string[]>(page, 'fake.sheetNames()');
      assert.equal(new Set(names).size, names.length, `one sheet per name: ${names.join(', ')}`);
      assert.deepEqual([...names].sort(), [...new Set([...Object.keys(book.sheets), ...RESULT_SHEETS_ZH])].sort());
      assert.equal(await fake(page, 'fake.activeSheet()'), '表彰名单 2026Q3');
      const history = await fake<unknown[][]>(page, 'fake.grid("获奖记录")');
      assert.equal(history.filter((r) => r[0] === '2026Q3').length, 7, 'this quarter\'s block replaced, not added twice');
      for (const sheet of Object.keys(book.sheets).filter((s) => s !== '获奖记录')) {
        assert.deepEqual(await fake(page, `fake.writesTo(${JSON.stringify(sheet)})`), [], `${sheet} is an input sheet`);
      }
      assert.deepEqual(w.errors, [], 'no script errors on the page');
      assert.deepEqual(w.dialogs, []);

      // The question names the sheets to be replaced, and stays on screen while the button asks 确认替换.
      for (const name of RESULT_SHEETS_ZH.filter((n) => n !== '获奖记录')) assert.ok(question.includes(name), `${name} in the question: ${JSON.stringify(log)}`);
      assert.equal(asked, question, 'the question stays in #status (not replaced by the run summary) while the button says 确认替换');
    });

    it('remembers the scheme and the source in the workbook\'s settings after a run', async () => {
      const { page } = w;
      const saved = await page.evaluate(() => (window as unknown as {
        __FAKE_OFFICE__: { context: { document: { settings: { saved: Record<string, unknown> } } } };
      }).__FAKE_OFFICE__.context.document.settings.saved['serviceStar.choices']);
      assert.deepEqual(saved, { scheme: 'smile-star-quarterly', source: 'workbook' });
    });
  });

  describe('inside Excel: the next run starts from the choices kept in the workbook', () => {
    let context: BrowserContext;
    let w: Watched;

    before(async function () {
      this.timeout(HOOK_TIMEOUT);
      context = await newContext();
      const settings = { 'serviceStar.choices': { scheme: 'credit-union-100', source: 'files' } };
      await context.addInitScript({ content: `window.__FAKE_SHEETS__ = ${JSON.stringify(await bookCells(EXAMPLE))}; window.__SETTINGS__ = ${JSON.stringify(settings)};` });
      await context.addInitScript({ path: fakeBundle });
      w = await open(context);
      await w.page.waitForFunction(() => (document.getElementById('run')?.textContent ?? '') !== '');
    });
    after(async function () {
      this.timeout(HOOK_TIMEOUT);
      await context?.close();
    });

    it('selects the kept scheme and source; the period still defaults to the last finished quarter', async () => {
      const { page } = w;
      assert.equal(await page.inputValue('#scheme'), 'credit-union-100');
      assert.equal(await page.isChecked('input[name=source][value=files]'), true);
      assert.equal(await page.isVisible('#files'), true);
      assert.match(await page.inputValue('#period'), /^\d{4}Q[1-4]$/u);
    });
  });
});
