/**
 * The standalone wizard as one file (dist/service-star.html, for offices without the add-in) opened
 * from disk in Chromium with no server and no network: it fetches nothing, starts the engine's worker
 * from a blob: URL, reads examples/hospital-2026Q3.xlsx, walks the five steps (axe-core on each) and
 * downloads a result workbook whose award table is the command line's for the same file, read back
 * with the project's own reader. Built once with the add-in (test/helpers/build.ts). Skipped when
 * /usr/bin/chromium is missing.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { openFile } from '../../src/io/files';
import { ensureBuilt, ROOT, SINGLE } from '../helpers/build';
import { axe } from './axe';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = path.join(ROOT, 'examples/hospital-2026Q3.xlsx');
const AWARDS = '表彰名单 2026Q3';

/** Every sheet of a workbook as our reader gives it, by name. */
async function sheets(file: string): Promise<Map<string, unknown[][]>> {
  const book = await openFile(file);
  const out = new Map<string, unknown[][]>();
  for (const name of await book.sheetNames()) out.set(name, (await book.readSheet(name)).grid.map((row) => [...row]));
  return out;
}

describe('the one-file wizard opened from disk (e2e: dist/service-star.html in chromium, no server)', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let tmp = '';

  before(function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.warn(`    e2e skipped: ${CHROMIUM} not found`);
      this.skip();
    }
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'service-star-single-'));
  });

  after(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is one file: no script, style or image fetched from beside it or from the network', () => {
    const html = fs.readFileSync(SINGLE, 'utf8');
    assert.deepEqual([...html.matchAll(/<(?:script|link|img)\b[^>]*\s(?:src|href)=/giu)].map((m) => m[0]), []);
    // The production build's page is minified (attribute quotes dropped).
    assert.match(html, /<script type="?text\/plain"? id="?engine-worker-source"?>/u);
    assert.doesNotMatch(html, /appsforoffice/u, 'no office.js');
  });

  it('runs the example from file:// in a blob: worker, axe finds nothing on any step, and downloads the award table the command line gives', async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 480, height: 900 } });
    // The last finished quarter, the period's default, is 2026Q3.
    await context.clock.setFixedTime(new Date('2026-10-15T09:30:00+08:00'));
    const requests: string[] = [];
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(pathToFileURL(SINGLE).href);
    await page.waitForFunction(() => (document.getElementById('next')?.textContent ?? '') !== '');
    await axe(page, 'step 1');
    await page.setInputFiles('#files', EXAMPLE);
    await page.waitForSelector('#tables-box #pick-staff');
    await page.waitForFunction(() => /^已完成/u.test(document.getElementById('status')?.textContent ?? ''));
    assert.equal(await page.inputValue('#pick-staff'), '人员名单');
    await axe(page, 'step 1, file read');
    for (const step of ['columns', 'rules', 'preview', 'write']) {
      await page.click('#next');
      await page.waitForSelector(`#step-${step}`);
      if (step === 'preview') await page.waitForSelector('#awards table');
      await axe(page, `step ${step}`);
    }
    await page.click('#download');
    await page.waitForSelector('[role=alertdialog] #confirm-ok');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#confirm-ok')]);
    const downloaded = path.join(tmp, download.suggestedFilename());
    await download.saveAs(downloaded);
    assert.equal(download.suggestedFilename(), '评选结果-2026Q3.xlsx');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/u.test(u)), [], 'nothing fetched from the network');
    assert.equal(workers.length, 1, 'the engine worker started');
    assert.match(workers[0] ?? '', /^blob:/u);
    await context.close();

    const cliOut = path.join(tmp, 'cli.xlsx');
    const cli = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e',
      'require("./src/cli/main.ts").main(process.argv.slice(1)).then((s) => { process.exitCode = s; })',
      'select', EXAMPLE, '--period', '2026Q3', '--out', cliOut, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const [page1, line] = await Promise.all([sheets(downloaded), sheets(cliOut)]);
    const awards = page1.get(AWARDS);
    assert.ok(awards, [...page1.keys()].join(', '));
    assert.deepEqual(awards, line.get(AWARDS));
    const names = awards.map((row) => row[2]);
    for (const winner of ['陈静', '孙佳琪', '林晓红', '韩梅', '彭涛', '薛莉', '钟丽萍']) assert.ok(names.includes(winner), `${winner} in ${names.join(' ')}`);
  });
});
