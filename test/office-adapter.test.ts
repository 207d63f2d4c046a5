/**
 * The Office.js adapter (src/io/office.ts) against a strict fake of the Excel JavaScript API
 * (test/helpers/fake-excel.ts): ExcelSource reads used ranges in chunks and turns date-formatted
 * numbers into dates, and gives the engine what the .xlsx reader gives it; ExcelSink writes the
 * result sheets (values, number formats, frozen header, the print-ready award table), keeps text
 * that looks like a formula as text, never touches an input sheet, replaces only its own sheets,
 * and needs a number of syncs that grows with chunks only, each request under Excel on the web's 5 MB.
 */
import { strict as assert } from 'node:assert';
import { syntheticTables, SHEET_NAMES } from '../scripts/synthetic';
import { historySheet } from '../src/engine/history';
import { locateTable } from '../src/engine/layout';
import { resultJson } from '../src/engine/json';
import { columnLetters } from '../src/engine/mapping';
import { runSelection, type SelectionOutcome, type SelectionResult } from '../src/engine/select';
import { awardTitle, noticeSheet, NUMBER_FORMATS, resultSheets, type ResultSheet, type SheetBlock } from '../src/engine/sheets';
import type { Cell, Grid, TableInput, TableKey } from '../src/engine/types';
import { CHUNK_CELLS, ExcelSink, ExcelSource, isDateFormat, readRanges, splitAddress, writableValue } from '../src/io/office';
import { collectTables } from '../src/io/tables';
import { openFile } from '../src/io/files';
import { bookCells, serialOf, type FakeBook } from './helpers/book-cells';
import { fixture } from './helpers/cli';
import {
  a1, createFakeExcel, FakeExcelError, installExcelEnums, type FakeExcel, type FakeInputCell, type StoredCell,
} from './helpers/fake-excel';
import { selectBook } from './helpers/select';

const FIVE_MB = 5 * 1024 * 1024;
const RUN = { when: '2026-10-08T09:00:00.000Z', tool: 'service-star test', fingerprint: 'abc123' };

// -------------------------------------------------------------------------------------------------
// Helpers

/** A cell as Excel holds it after ExcelSink wrote it (text stays text, nothing is a formula). */
function stored(v: Cell): StoredCell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return serialOf(v);
  return v;
}

interface Layout {
  grid: StoredCell[][];
  /** 0-based header row of each block. */
  headers: number[];
}

/** Where a result sheet's cells go (the layout of the .xlsx writer): title, spacer, captions, blocks. */
function layout(sheet: ResultSheet): Layout {
  const grid: StoredCell[][] = [];
  const headers: number[] = [];
  if (sheet.title) grid.push([sheet.title], []);
  sheet.blocks.forEach((block, i) => {
    if (i > 0) grid.push([]);
    if (block.caption) grid.push([block.caption]);
    headers.push(grid.length);
    grid.push(block.columns.map((c) => c.header));
    for (const row of bodyOf(block)) grid.push(block.columns.map((_, c) => stored(row[c])));
  });
  if (sheet.side) {
    // The side table: from the first header row, one blank column right of the widest block.
    const column = Math.max(...sheet.blocks.map((b) => b.columns.length)) + 1;
    const side = sheet.side.block;
    [side.columns.map((c) => c.header as StoredCell), ...side.rows.map((row) => side.columns.map((_, c) => stored(row[c])))]
      .forEach((cells, r) => {
        const row = (grid[(headers[0] ?? 0) + r] ??= []);
        cells.forEach((v, c) => { row[column + c] = v; });
      });
  }
  return { grid: rectangle(grid), headers };
}

const bodyOf = (block: SheetBlock): Cell[][] => (block.total ? [...block.rows, block.total] : block.rows);

/** Rows padded with '' to one width, trailing empty rows and columns cut (as the fake's grid()). */
function rectangle(rows: StoredCell[][]): StoredCell[][] {
  const used = (v: StoredCell | undefined) => v !== undefined && v !== '';
  let height = 0;
  let width = 0;
  rows.forEach((row, r) => row.forEach((v, c) => {
    if (!used(v)) return;
    height = Math.max(height, r + 1);
    width = Math.max(width, c + 1);
  }));
  return rows.slice(0, height).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/**
 * The chunks of body rows a sink wrote, as the fake saw them: every values write to these sheets
 * but those of the frame (the title, each caption and each header row).
 */
function bodyWrites(fake: FakeExcel, sheets: readonly ResultSheet[]): number {
  return sheets.reduce((n, s) => {
    const side = s.side ? 1 + (s.side.block.rows.length > 0 ? 1 : 0) : 0;
    const frame = (s.title ? 1 : 0) + s.blocks.reduce((m, b) => m + 1 + (b.caption ? 1 : 0), 0) + side;
    return n + fake.writesTo(s.name).filter((w) => w.what === 'values').length - frame;
  }, 0);
}

/** The same by cells: Σ ceil(rows × columns / CHUNK_CELLS). */
function cellChunks(sheets: readonly ResultSheet[]): number {
  return sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + Math.ceil((bodyOf(b).length * b.columns.length) / CHUNK_CELLS), 0), 0);
}

/** The sheets one run of the add-in writes: the six of §8 and the history of winners. */
function allSheets(result: SelectionResult, lang: 'zh' | 'en' = 'zh', previous: TableInput | null = null): ResultSheet[] {
  return [...resultSheets(result, RUN, lang), historySheet(previous && locateTable('history', previous), result, lang)];
}

function select(tables: Partial<Record<TableKey, TableInput>>, period: string, scheme?: string, overrides?: Record<string, unknown>): SelectionResult {
  const outcome = runSelection({ period, scheme, overrides, tables });
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => `${e.code}: ${e.message.en}`).join('\n'));
  return outcome.result;
}

function checkRequests(fake: FakeExcel, what: string): void {
  for (const [i, r] of fake.requests.entries()) assert.ok(r.bytes < FIVE_MB, `${what}: request ${i + 1} is ${r.bytes} bytes`);
  assert.ok(fake.largestRequest < FIVE_MB, `${what}: largest request ${fake.largestRequest} bytes`);
}

/** Measured figures, printed once after the suite. */
const figures: string[] = [];

describe('office adapter (src/io/office.ts on a fake Excel)', () => {
  let restoreExcel: () => void = () => undefined;
  before(() => { restoreExcel = installExcelEnums(); });
  after(() => {
    restoreExcel();
    if (figures.length > 0) console.log(`\n  office adapter figures:\n${figures.map((f) => `    ${f}`).join('\n')}`);
  });

  // -------------------------------------------------------------------------------------------------

  describe('the fake Excel is strict (so the tests below can fail)', () => {
    it('a property read before load + sync throws PropertyNotLoaded; after both it has the value', async () => {
      const fake = createFakeExcel({ a: [[1, 2], [3, 4]] });
      await fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem('a').getRangeByIndexes(0, 0, 2, 2);
        assert.throws(() => range.values, (e: unknown) => e instanceof FakeExcelError && e.code === 'PropertyNotLoaded');
        range.load('values');
        assert.throws(() => range.values, /PropertyNotLoaded/u, 'loaded but not synced');
        await context.sync();
        assert.deepEqual(range.values, [[1, 2], [3, 4]]);
        assert.throws(() => range.numberFormat, /PropertyNotLoaded/u, 'only what was loaded');
      });
    });

    it('items loaded with their names only: their visibility is not available', async () => {
      const fake = createFakeExcel({ a: [[1]] });
      await fake.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        assert.deepEqual(sheets.items.map((s) => s.name), ['a']);
        assert.throws(() => sheets.items[0]?.visibility, /PropertyNotLoaded/u);
      });
    });

    it('writes wait for sync; a missing sheet fails at sync (ItemNotFound); a taken name cannot be added', async () => {
      const fake = createFakeExcel({ a: [[1]] });
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('a').getRangeByIndexes(0, 0, 1, 1).values = [[2]];
        assert.equal(fake.cell('a', 0, 0), 1, 'not yet');
        await context.sync();
        assert.equal(fake.cell('a', 0, 0), 2);
        context.workbook.worksheets.getItem('nope').getRangeByIndexes(0, 0, 1, 1).values = [[1]];
        await assert.rejects(context.sync(), /ItemNotFound/u);
        context.workbook.worksheets.add('A');
        await assert.rejects(context.sync(), /ItemAlreadyExists/u, 'names ignore case');
      });
      assert.deepEqual(fake.sheetNames(), ['a']);
    });

    it('values need the range\'s exact size; a number format may be one value for the whole range', async () => {
      const fake = createFakeExcel({ a: [[1]] });
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('a');
        ws.getRangeByIndexes(0, 0, 3, 1).values = [['x']];
        await assert.rejects(context.sync(), /doesn't match the size/u);
        ws.getRangeByIndexes(0, 0, 3, 1).numberFormat = [['0.00']];
        await context.sync();
        ws.getRangeByIndexes(0, 0, 3, 1).numberFormat = [['0'], ['0']];
        await assert.rejects(context.sync(), /doesn't match the size/u);
      });
      assert.deepEqual([0, 1, 2].map((r) => fake.numberFormat('a', r, 0)), ['0.00', '0.00', '0.00']);
    });

    it('text is stored as Excel stores typed text: \'= is text, = is a formula, digits become numbers unless the cell is text', async () => {
      const fake = createFakeExcel({ a: [[null]] });
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('a');
        ws.getRangeByIndexes(0, 1, 1, 1).numberFormat = [['@']];
        await context.sync();
        ws.getRangeByIndexes(0, 0, 1, 2).values = [["'=1+1", '0012']];
        ws.getRangeByIndexes(1, 0, 1, 2).values = [['=1+1', '0012']];
        ws.getRangeByIndexes(2, 0, 1, 3).values = [['-2', '+1', '@a']];
        await context.sync();
      });
      assert.equal(fake.cell('a', 0, 0), '=1+1');
      assert.equal(fake.quotePrefixed('a', 0, 0), true);
      assert.equal(fake.cell('a', 0, 1), '0012', 'text format keeps the zeros');
      assert.deepEqual(fake.cell('a', 1, 0), { formula: '=1+1' });
      assert.equal(fake.cell('a', 1, 1), 12);
      assert.deepEqual(fake.formulas('a').map((f) => f.address), ['A2', 'B3', 'C3']);
      assert.equal(fake.cell('a', 2, 0), -2);
    });

    it('proxies die with their batch; Excel.run syncs what is left queued; an oversized request is refused', async () => {
      const fake = createFakeExcel({ a: [[1]] }, { limitBytes: 1000 });
      let kept: Excel.Range | null = null;
      await fake.run(async (context) => {
        kept = context.workbook.worksheets.getItem('a').getRangeByIndexes(0, 0, 1, 1);
        kept.values = [[5]];
      });
      assert.equal(fake.cell('a', 0, 0), 5);
      assert.equal(fake.implicitSyncs, 1);
      assert.throws(() => { (kept as unknown as Excel.Range).values = [[6]]; }, /InvalidObjectPath/u);
      await assert.rejects(fake.run(async (context) => {
        context.workbook.worksheets.getItem('a').getRangeByIndexes(0, 0, 1, 1).values = [['x'.repeat(2000)]];
        await context.sync();
      }), /RequestPayloadSizeLimitExceeded/u);
      assert.equal(fake.cell('a', 0, 0), 5, 'nothing of a refused request is applied');
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('ExcelSource', () => {
    it('lists the sheets in order, very hidden ones left out (hidden ones kept, as the file reader)', async () => {
      const fake = createFakeExcel({ 人员名单: [['工号']], 隐藏: [['x']], 内部: [['y']], 督导检查记录: [['日期']] },
        { visibility: { 隐藏: 'Hidden', 内部: 'VeryHidden' } });
      assert.deepEqual(await new ExcelSource(fake.run).sheetNames(), ['人员名单', '隐藏', '督导检查记录']);
      assert.equal(fake.implicitSyncs, 0);
    });

    it('reads a used range that starts below row 1 and right of column A: firstRow and firstColumn say where', async () => {
      const grid: FakeInputCell[][] = [
        ['工号', '姓名', '科室'],
        ['K01', '张三', null],
        [null, null, null],
        ['K03', null, '药房'],
      ];
      const fake = createFakeExcel({ 人员名单: grid }, { origin: { 人员名单: { row: 3, column: 2 } } });
      assert.equal(fake.usedAddress('人员名单'), 'C4:E7');
      const data = await new ExcelSource(fake.run).readSheet('人员名单');
      assert.equal(data.firstRow, 4);
      assert.equal(data.firstColumn, 3);
      assert.equal(data.date1904, false);
      assert.deepEqual(data.grid, [['工号', '姓名', '科室'], ['K01', '张三', null], [null, null, null], ['K03', null, '药房']]);
    });

    describe('merged ranges (ExcelApi 1.13)', () => {
      /** A workbook file's sheets as the fake's cells and merges (A1 addresses), as Excel would hold them once opened. */
      async function bookOf(file: string): Promise<{ sheets: Record<string, FakeInputCell[][]>; merges: Record<string, string[]> }> {
        const source = await openFile(fixture(file));
        const sheets: Record<string, FakeInputCell[][]> = {};
        const merges: Record<string, string[]> = {};
        for (const name of await source.sheetNames()) {
          const data = await source.readSheet(name);
          sheets[name] = data.grid.map((row) => row.map((c) => (c instanceof Date ? serialOf(c) : c ?? null)));
          merges[name] = (data.merges ?? []).map((m) => `${columnLetters(m.left + 1)}${m.top + 1}:${columnLetters(m.right + 1)}${m.bottom + 1}`);
        }
        return { sheets, merges };
      }

      for (const file of ['layout-merged.xlsx', 'layout-headings.xlsx']) {
        it(`${file}: read from Excel, the same grids, merges and selection as from the file`, async () => {
          const book = await bookOf(file);
          assert.ok(Object.values(book.merges).some((m) => m.length > 0), 'the layout has merged ranges');
          const fake = createFakeExcel(book.sheets, { merges: book.merges });
          const source = new ExcelSource(fake.run, 'workbook', { merges: true });
          const fromFile = await openFile(fixture(file));
          for (const name of await fromFile.sheetNames()) {
            const [excel, disk] = [await source.readSheet(name), await fromFile.readSheet(name)];
            assert.deepEqual(excel.merges ?? [], disk.merges ?? [], name);
          }
          const excelOutcome = runSelection({ period: '2026Q3', tables: (await collectTables([source], {})).tables });
          const fileOutcome = runSelection({ period: '2026Q3', tables: (await collectTables([await openFile(fixture(file))], {})).tables });
          assert.ok(excelOutcome.ok && fileOutcome.ok);
          const json = (o: SelectionOutcome) => (o.ok ? { ...resultJson(o.result, 'zh'), inputs: [] } : null);
          assert.deepEqual(json(excelOutcome), json(fileOutcome));
          // The merges are what make it so: read as values alone, the layout's lines are rows.
          const valuesOnly = runSelection({ period: '2026Q3', tables: (await collectTables([new ExcelSource(fake.run)], {})).tables });
          assert.notDeepEqual(json(valuesOnly), json(fileOutcome));
        });
      }

      it('a merge in a used range below row 1 and right of column A arrives in the grid\'s coordinates; no extra sync', async () => {
        const grid: FakeInputCell[][] = [['2026年第三季度人员名单', null, null], ['工号', '姓名', '科室'], ['K01', '张三', '收费处']];
        const fake = createFakeExcel({ 人员: grid }, { origin: { 人员: { row: 2, column: 1 } }, merges: { 人员: ['B3:D3', 'A20:Z30'] } });
        const plain = createFakeExcel({ 人员: grid }, { origin: { 人员: { row: 2, column: 1 } } });
        const data = await new ExcelSource(fake.run, 'workbook', { merges: true }).readSheet('人员');
        assert.deepEqual(data.merges, [{ top: 0, left: 0, bottom: 0, right: 2 }], 'the title; the area outside the data is left out');
        await new ExcelSource(plain.run, 'workbook', { merges: true }).readSheet('人员');
        assert.equal(fake.syncCount, plain.syncCount, 'the areas come with the first rows');
      });

      it('without the option nothing asks for merges (a host at ExcelApi 1.9 would fail with ApiNotFound)', async () => {
        const fake = createFakeExcel({ 人员: [['标题', null], ['工号', '姓名']] }, { merges: { 人员: ['A1:B1'] }, excelApi: '1.9' });
        const data = await new ExcelSource(fake.run).readSheet('人员');
        assert.equal(data.merges, undefined);
        await assert.rejects(new ExcelSource(fake.run, 'workbook', { merges: true }).readSheet('人员'), /ApiNotFound/u);
      });

      it('the fake: only areas whose top-left cell is in the range (office-js#3611); none is a null object, whose areas cannot load', async () => {
        const fake = createFakeExcel({ s: [['a', null, 'b', null]] }, { merges: { s: ['A1:B1', 'C1:D2'] } });
        await fake.run(async (context) => {
          const ws = context.workbook.worksheets.getItem('s');
          const some = ws.getRange('B1:D1').getMergedAreasOrNullObject();
          const items = some.areas.load('items/address');
          const none = ws.getRange('B1:B1').getMergedAreasOrNullObject();
          none.load('areaCount');
          await context.sync();
          assert.deepEqual(items.items.map((r) => r.address), ['s!C1:D2']);
          assert.equal(none.isNullObject, true);
          none.areas.load('items/address');
          await assert.rejects(context.sync(), /InvalidObjectPath/u);
        });
      });
    });

    it('an empty sheet is an empty grid at A1', async () => {
      const fake = createFakeExcel({ 空: [] });
      const data = await new ExcelSource(fake.run).readSheet('空');
      assert.deepEqual(data, { name: '空', grid: [], date1904: false, firstRow: 1, firstColumn: 1 });
    });

    it('a missing sheet rejects with Excel\'s ItemNotFound', async () => {
      const fake = createFakeExcel({ a: [[1]] });
      await assert.rejects(new ExcelSource(fake.run).readSheet('人员名单'), /ItemNotFound/u);
    });

    it('date-formatted numbers become dates (UTC midnight, time dropped); other numbers and text stay as they are', async () => {
      const day = 46_208; // 2026-07-05
      const rows: [FakeInputCell, string | null][] = [
        [day, 'yyyy-mm-dd'], [day, 'yyyy"年"m"月"d"日"'], [day, '[$-804]yyyy/m/d;@'], [day + 0.75, 'm/d/yyyy h:mm'], [day, 'd-mmm-yy'],
        [day, null], [day, 'General'], [3.5, '0.00'], [100, '¥#,##0'], [0.95, '0.00%'], [day, '0'], ['2026-07-05', '@'], [true, null],
      ];
      const fake = createFakeExcel({ 日期: rows.map(([v]) => [v]) }, { numberFormats: { 日期: rows.map(([, f]) => [f]) } });
      const { grid } = await new ExcelSource(fake.run).readSheet('日期');
      const cells = grid.map((r) => r[0]);
      for (let i = 0; i < 5; i++) {
        const v = cells[i];
        assert.ok(v instanceof Date, `row ${i + 1} (${rows[i]?.[1]}) is a date: ${String(v)}`);
        assert.equal(v.toISOString(), '2026-07-05T00:00:00.000Z');
      }
      assert.deepEqual(cells.slice(5), [day, day, 3.5, 100, 0.95, day, '2026-07-05', true]);
      assert.deepEqual(rows.map(([, f]) => isDateFormat(f)), [true, true, true, true, true, false, false, false, false, false, false, false, false]);
    });

    it('a 1904 workbook (DATE(1904,1,1) is 0 there): date-formatted serials are the right days, and the sheet says 1904', async () => {
      // 2026-07-05 is 46,208 in the 1900 system and 1,462 days less in the 1904 system.
      const rows: FakeInputCell[][] = [['日期', '扣分'], [44_746, 1], [44_746.5, 2]];
      const formats = [[null, null], ['yyyy-mm-dd', null], ['yyyy/m/d h:mm', null]];
      const fake = createFakeExcel({ 督导检查记录: rows }, { numberFormats: { 督导检查记录: formats }, date1904: true });
      const data = await new ExcelSource(fake.run).readSheet('督导检查记录');
      assert.equal(data.date1904, true, 'the engine reads unformatted serials in the 1904 system too');
      assert.deepEqual(data.grid.slice(1).map((r) => (r[0] as Date).toISOString().slice(0, 10)), ['2026-07-05', '2026-07-05']);
      const book1900 = createFakeExcel({ 督导检查记录: rows }, { numberFormats: { 督导检查记录: formats } });
      const read1900 = await new ExcelSource(book1900.run).readSheet('督导检查记录');
      assert.equal(read1900.date1904, false);
      assert.equal((read1900.grid[1]?.[0] as Date).toISOString().slice(0, 10), '2022-07-04', 'the same serial 1,462 days earlier in a 1900 workbook');
      assert.equal(fake.syncCount, 2, 'the date system is asked in the request that finds the used range');
    });

    it('readRanges reads ranges by address (a cell function\'s parameterAddresses): blanks blank, dates as dates, the sheet\'s row numbers', async () => {
      const grid: FakeInputCell[][] = [
        ['督导检查记录（2026年）', null, null],
        ['日期', '工号', '扣分'],
        [46_208, 'H01', null],
        [46_209, 'H02', 0],
      ];
      const formats = [[null], [null], ['yyyy-mm-dd'], ['yyyy-mm-dd']];
      const fake = createFakeExcel({ "督导 '检查' 记录": grid, 人员名单: [['工号'], ['H01']] }, { numberFormats: { "督导 '检查' 记录": formats } });
      const [inspections, staff] = await readRanges(fake.run, ["'督导 ''检查'' 记录'!A2:C4", '人员名单!A1:A2']);
      assert.deepEqual(inspections?.grid, [['日期', '工号', '扣分'], [new Date('2026-07-05T00:00:00Z'), 'H01', null], [new Date('2026-07-06T00:00:00Z'), 'H02', 0]]);
      assert.deepEqual([inspections?.name, inspections?.firstRow, inspections?.firstColumn, inspections?.date1904], ["督导 '检查' 记录", 2, 1, false]);
      assert.deepEqual(staff?.grid, [['工号'], ['H01']]);
      assert.equal(fake.runCount, 1, 'one Excel.run for every range of a call');
      // A whole-column reference is read within the used range; a range outside it is empty.
      const [columns, beyond] = await readRanges(fake.run, ['人员名单!A:B', '人员名单!D10:E12']);
      assert.deepEqual([columns?.grid, columns?.firstRow, columns?.firstColumn], [[['工号'], ['H01']], 1, 1]);
      assert.deepEqual([beyond?.grid, beyond?.firstRow], [[], 10]);
      assert.deepEqual(splitAddress('Sheet1!B2'), { sheet: 'Sheet1', cells: 'B2' });
      assert.throws(() => splitAddress('B2'), /not a sheet address/u);
      await assert.rejects(readRanges(fake.run, ['没有!A1']), /ItemNotFound/u);
    });

    it('reads 60,000 rows × 9 columns in chunks: syncs ≤ 2 + ceil(rows / rows-per-chunk), every request under 5 MB', async () => {
      const ROWS = 60_000;
      const COLS = 9;
      const grid: FakeInputCell[][] = [['检查日期', '工号', '姓名', '科室', '检查项目', '检查方式', '扣分', '结果', '检查人']];
      const formats: (string | null)[][] = [[]];
      for (let i = 1; i < ROWS; i++) {
        grid.push([46_204 + (i % 90), `S${String(i).padStart(6, '0')}`, '欧阳晓燕', '住院收费室', '服务用语不规范', '暗访',
          i % 3, i % 3 === 0 ? '合格' : '违规', '质控办']);
        formats.push(['yyyy-mm-dd']);
      }
      const fake = createFakeExcel({ 督导检查记录: grid }, { numberFormats: { 督导检查记录: formats } });
      // One sync for the used range, one small first read (row size still unknown), then whole-row chunks.
      const bound = 2 + Math.ceil(ROWS / Math.floor(CHUNK_CELLS / COLS));
      let data: Awaited<ReturnType<ExcelSource['readSheet']>> | null = null;
      let error: unknown = null;
      try {
        data = await new ExcelSource(fake.run).readSheet('督导检查记录');
      } catch (e) {
        error = e;
      }
      const log = fake.requests.map((r) => `${r.statements} statements ${(r.bytes / 1048576).toFixed(2)} MB`).join('; ');
      figures.push(`ExcelSource.readSheet 60,000 × 9: ${fake.syncCount} sync calls, ${fake.roundTrips} carrying statements `
        + `(bound ${bound}); requests: ${log}${error ? ` (${String(error)})` : ''}`);
      // One chunk per request: every sync after the used range's carries exactly one chunk's load.
      assert.equal(error, null, `the read failed: ${String(error)} (requests: ${log})`);
      assert.equal(fake.runCount, 1);
      assert.ok(fake.syncCount <= bound, `${fake.syncCount} syncs, bound ${bound}`);
      assert.equal(fake.roundTrips, fake.syncCount, `every sync sends something (requests: ${log})`);
      assert.equal(fake.implicitSyncs, 0);
      checkRequests(fake, 'read');
      assert.ok(data);
      assert.equal(data.grid.length, ROWS, `${data.grid.length} rows read of ${ROWS}`);
      const missing = grid.findIndex((row, i) => data?.grid[i]?.[1] !== row[1]);
      assert.equal(missing, -1, `row ${missing + 1} of the sheet is ${String(grid[missing]?.[1])}, read as ${String(data.grid[missing]?.[1])}`);
      assert.deepEqual(data.grid[0], grid[0]);
      for (const i of [1, 555, 556, 5_555, 5_556, 33_333, ROWS - 1]) {
        const row = data.grid[i] as Cell[];
        const want = grid[i] as FakeInputCell[];
        assert.ok(row[0] instanceof Date, `row ${i} date`);
        assert.equal(serialOf(row[0]), want[0], `row ${i} date`);
        assert.deepEqual(row.slice(1), want.slice(1), `row ${i}`);
      }
    });

    it('a sheet with a long text column (300-character complaint reasons) is still read in requests under 5 MB', async () => {
      const reason = '患者反映窗口工作人员服务态度生硬，'.repeat(18).slice(0, 300);
      const grid: FakeInputCell[][] = [['日期', '工号', '姓名', '类型', '严重程度', '金额', '是否有效', '事由']];
      for (let i = 1; i < 10_000; i++) grid.push([46_204 + (i % 90), `S${String(i).padStart(5, '0')}`, '张三', '投诉', '一般', 100, '有效', reason]);
      const fake = createFakeExcel({ 投诉及处罚记录: grid });
      let error: unknown = null;
      let data: Awaited<ReturnType<ExcelSource['readSheet']>> | null = null;
      try {
        data = await new ExcelSource(fake.run).readSheet('投诉及处罚记录');
      } catch (e) {
        error = e;
      }
      figures.push(`ExcelSource.readSheet 10,000 × 8 with a 300-character column: requests ${fake.requests.map((r) => `${(r.bytes / 1048576).toFixed(2)} MB`).join(', ')}${error ? ` (${String(error)})` : ''}`);
      assert.equal(error, null, `the read failed: ${String(error)}`);
      checkRequests(fake, 'long text read');
      assert.ok(data);
      assert.equal(data.grid.length, grid.length, `${data.grid.length} rows read of ${grid.length}`);
      assert.deepEqual(data.grid.map((r) => r[1]), grid.map((r) => r[1]), 'every row once, in order');
      assert.equal(data.grid[grid.length - 1]?.[7], reason);
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('the engine on ExcelSource gives what it gives on the .xlsx file', () => {
    const CASES: { file: string; period: string; scheme?: string }[] = [
      { file: 'smile-star-quarterly.xlsx', period: '2026Q3' },
      { file: 'service-star-monthly.xlsx', period: '2026H2', scheme: 'service-star-monthly' },
      { file: 'credit-union-100.xlsx', period: '2026-07', scheme: 'credit-union-100' },
      { file: 'hospital-quality-year.xlsx', period: '2026Q3', scheme: 'hospital-quality-year' },
      { file: 'gov-center-annual.xlsx', period: '2026', scheme: 'gov-center-annual' },
      { file: 'messy.xlsx', period: '2026Q3' },
    ];

    for (const c of CASES) {
      it(`${c.file} ${c.period}: the same resultJson through collectTables + runSelection`, async () => {
        const file = fixture(c.file);
        const fromFile = await collectTables([await openFile(file)], {});
        const book = await bookCells(file);
        const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
        const fromExcel = await collectTables([new ExcelSource(fake.run)], {});
        assert.deepEqual(Object.keys(fromExcel.tables).sort(), Object.keys(fromFile.tables).sort());
        const a = select(fromFile.tables, c.period, c.scheme);
        const b = select(fromExcel.tables, c.period, c.scheme);
        assert.deepEqual(resultJson(b, 'zh'), resultJson(a, 'zh'));
        assert.deepEqual(resultJson(b, 'en'), resultJson(a, 'en'));
        assert.ok(a.people.length > 0);
        assert.deepEqual(fake.writes, [], 'reading writes nothing');
      });
    }
  });

  // -------------------------------------------------------------------------------------------------

  describe('ExcelSink writes the result sheets', () => {
    let result: SelectionResult;
    let sheets: ResultSheet[];
    let inputs: FakeBook;
    let fake: FakeExcel;
    let sink: ExcelSink;

    before(async () => {
      const file = fixture('smile-star-quarterly.xlsx');
      result = await selectBook(file, '2026Q3');
      sheets = allSheets(result);
      inputs = await bookCells(file);
      fake = createFakeExcel(inputs.sheets, { numberFormats: inputs.numberFormats });
      sink = new ExcelSink(fake.run, new Set(Object.keys(inputs.sheets)));
      await sink.writeSheets(sheets);
    });

    const byKind = (kind: ResultSheet['kind']): ResultSheet => {
      const s = sheets.find((x) => x.kind === kind);
      assert.ok(s, kind);
      return s;
    };

    it('adds the six sheets of §8 and the history of winners, after the input sheets, with their names', () => {
      assert.deepEqual(fake.sheetNames(), [...Object.keys(inputs.sheets),
        '评选结果 2026Q3', '一票否决 2026Q3', '奖金扣罚 2026Q3', '获奖名单 2026Q3', '表彰名单 2026Q3', '运行记录 2026Q3', '获奖记录']);
    });

    it('every cell holds what the sheet definition says, laid out as in the .xlsx writer', () => {
      for (const s of sheets) assert.deepEqual(fake.grid(s.name), layout(s).grid, s.name);
      assert.equal(fake.cell('评选结果 2026Q3', 1, 8), 99);
      assert.equal(fake.cell('奖金扣罚 2026Q3', 9, 0), '合计');
      assert.equal(fake.cell('奖金扣罚 2026Q3', 9, 9), 380);
    });

    it('nothing written is a formula', () => {
      assert.deepEqual(fake.formulas(), []);
    });

    it('number formats per column on every body row: the .xlsx writer\'s (score 0.00, money ¥#,##0, text @)', () => {
      for (const s of sheets) {
        const { headers } = layout(s);
        s.blocks.forEach((block, b) => {
          const top = (headers[b] as number) + 1;
          bodyOf(block).forEach((_, r) => block.columns.forEach((col, c) => {
            assert.equal(fake.numberFormat(s.name, top + r, c), NUMBER_FORMATS[col.format], `${s.name} ${a1(top + r, c)} (${col.header})`);
          }));
        });
      }
      assert.equal(fake.numberFormat('评选结果 2026Q3', 1, 8), '0.00');
      assert.equal(fake.numberFormat('奖金扣罚 2026Q3', 9, 9), '¥#,##0');
      assert.equal(fake.numberFormat('获奖名单 2026Q3', 1, 5), '¥#,##0');
      assert.equal(fake.numberFormat('表彰名单 2026Q3', 3, 3), '0.00');
    });

    it('freezes the first header row; headers bold on a fill', () => {
      for (const s of sheets) {
        const first = layout(s).headers[0] as number;
        assert.equal(fake.frozenRows(s.name), first + 1, s.name);
        for (let c = 0; c < (s.blocks[0]?.columns.length ?? 0); c++) {
          assert.deepEqual({ bold: fake.style(s.name, first, c).bold, fill: fake.style(s.name, first, c).fill }, { bold: true, fill: '#DEEAF6' });
        }
      }
      assert.equal(fake.frozenRows('评选结果 2026Q3'), 1);
      assert.equal(fake.frozenRows('表彰名单 2026Q3'), 3);
    });

    it('the award table: title merged across the table, bold, large, centred', () => {
      const name = '表彰名单 2026Q3';
      assert.deepEqual(fake.merges(name), ['A1:F1']);
      assert.equal(fake.cell(name, 0, 0), '2026年第三季度“微笑服务之星”表彰名单');
      assert.equal(fake.cell(name, 0, 0), awardTitle(result, 'zh'));
      const style = fake.style(name, 0, 0);
      assert.equal(style.bold, true);
      assert.ok((style.size ?? 0) >= 14);
      assert.equal(style.horizontalAlignment, 'Center');
      for (const s of sheets.filter((x) => x.kind !== 'awards')) assert.deepEqual(fake.merges(s.name), [], s.name);
    });

    it('the award table: a continuous border on every side of every header, body and total cell; no borders elsewhere', () => {
      const s = byKind('awards');
      const { headers } = layout(s);
      s.blocks.forEach((block, b) => {
        const top = headers[b] as number;
        for (let r = top; r <= top + bodyOf(block).length; r++) {
          for (let c = 0; c < block.columns.length; c++) {
            assert.deepEqual(fake.cellBorders(s.name, r, c), { top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' },
              `${a1(r, c)}`);
          }
        }
      });
      assert.deepEqual(fake.cellBorders(s.name, 0, 0), { top: null, bottom: null, left: null, right: null }, 'not the title');
      for (const other of sheets.filter((x) => !x.printable)) assert.deepEqual(fake.borders(other.name), [], other.name);
    });

    it('print setup: one page wide, centred, header row repeated; the award table upright, the lists across', () => {
      for (const s of sheets) {
        const header = (layout(s).headers[0] as number) + 1;
        assert.deepEqual(fake.pageLayout(s.name), {
          orientation: s.printable ? 'Portrait' : 'Landscape',
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          centerHorizontally: true,
          printTitleRows: `$${header}:$${header}`,
        }, s.name);
      }
      assert.equal(fake.pageLayout('表彰名单 2026Q3').printTitleRows, '$3:$3');
    });

    it('each column is as wide as the widest block column on it needs (the .xlsx writer takes the widest)', () => {
      // Excel's character width (Calibri 11: 7 px at 96 dpi) is 5.25 points.
      for (const s of sheets) {
        const chars = new Map<number, number>();
        s.blocks.forEach((b) => b.columns.forEach((c, i) => chars.set(i, Math.max(chars.get(i) ?? 0, c.width))));
        for (const [i, w] of chars) {
          const points = fake.columnWidth(s.name, i);
          assert.ok(points !== undefined && points >= w * 5.25,
            `${s.name} column ${a1(0, i).replace(/\d+/u, '')}: ${points} points for ${w} characters (needs ≥ ${w * 5.25})`);
        }
      }
    });

    it('input sheets are untouched', () => {
      for (const name of Object.keys(inputs.sheets)) {
        assert.deepEqual(fake.writesTo(name), [], name);
        assert.deepEqual(fake.grid(name), rectangle((inputs.sheets[name] as FakeInputCell[][]).map((r) => r.map((v) => v ?? ''))), name);
      }
    });

    it('its own count of syncs is Excel\'s, with nothing left for Excel.run to send; calculation suspended, then recalculated', () => {
      assert.equal(sink.syncs, fake.syncCount);
      assert.equal(fake.implicitSyncs, 0);
      assert.equal(fake.syncCount, 2 + sheets.length + bodyWrites(fake, sheets) + 1,
        'one sync to list, one to add the sheets, one per frame, one per chunk, one to recalculate');
      assert.equal(bodyWrites(fake, sheets), cellChunks(sheets));
      // Calculation is off for every request but the last, which recalculates: no formula is left stale.
      assert.equal(fake.suspendCalculationCalls, fake.syncCount - 1);
      assert.equal(fake.calculateCalls, 1);
      assert.equal(fake.calculationPending, false);
      // Screen updating is suspended once a write, for the request that changes the tab bar.
      assert.equal(fake.suspendScreenUpdatingCalls, 1);
      checkRequests(fake, 'smile');
      figures.push(`ExcelSink smile-star-quarterly (7 sheets): ${fake.syncCount} syncs, largest request ${fake.largestRequest} bytes`);
    });

    it('activate brings a written sheet to the front in one more sync; a missing one is ItemNotFound', async () => {
      const before = fake.syncCount;
      await sink.activate('表彰名单 2026Q3');
      assert.equal(fake.activeSheet(), '表彰名单 2026Q3');
      assert.equal(fake.syncCount, before + 1);
      assert.equal(sink.syncs, fake.syncCount);
      await assert.rejects(sink.activate('表彰名单 2026Q2'), /ItemNotFound/u);
      assert.equal(fake.activeSheet(), '表彰名单 2026Q3');
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('ExcelSink keeps text that looks like a formula as text', () => {
    const NAMES = ['=HYPERLINK("x")', '+1', '-2', '@a', '=1+1'];

    function staffGrid(names: readonly string[]): Grid {
      return [['工号', '姓名', '科室'], ...names.map((n, i) => [`T0${i + 1}`, n, i < 3 ? '收费处' : '药房'])];
    }

    it('=HYPERLINK("x"), +1, -2, @a are written with a quote prefix and read back as the same text', async () => {
      assert.deepEqual(NAMES.map((n) => writableValue(n)), NAMES.map((n) => `'${n}`));
      const result = select({ staff: { sheet: '人员名单', grid: staffGrid(NAMES) } }, '2026Q3');
      const fake = createFakeExcel({ 人员名单: staffGrid(NAMES) as FakeInputCell[][] });
      await new ExcelSink(fake.run, new Set(['人员名单'])).writeSheets(allSheets(result));
      assert.deepEqual(fake.formulas(), []);
      NAMES.forEach((name, i) => {
        assert.equal(fake.cell('评选结果 2026Q3', i + 1, 1), name, name);
        assert.equal(fake.quotePrefixed('评选结果 2026Q3', i + 1, 1), true, name);
      });
      assert.equal(typeof fake.cell('评选结果 2026Q3', 3, 1), 'string', '-2 stays text');
      const winners = result.winners.filter((w) => w.person).map((w) => w.person?.member.name);
      assert.ok(winners.some((w) => w !== undefined && NAMES.includes(w)));
      const back = await new ExcelSource(fake.run).readSheet('评选结果 2026Q3');
      assert.deepEqual(back.grid.slice(1).map((r) => r[1]), NAMES);
    });

    it('text that starts with an apostrophe keeps it (Excel would take a bare leading \' as a quote prefix)', async () => {
      const names = ["'t Hooft", "''x"];
      const result = select({ staff: { sheet: '人员名单', grid: staffGrid(names) } }, '2026Q3');
      const fake = createFakeExcel({ 人员名单: staffGrid(names) as FakeInputCell[][] });
      await new ExcelSink(fake.run, new Set(['人员名单'])).writeSheets(allSheets(result));
      assert.deepEqual([1, 2].map((r) => fake.cell('评选结果 2026Q3', r, 1)), names);
    });

    it('the award title and the window award\'s caption stay text when the award names look like formulas', async () => {
      const file = fixture('smile-star-quarterly.xlsx');
      const tables = (await collectTables([await openFile(file)], {})).tables;
      const result = select(tables, '2026Q3', undefined, {
        starTitle: { zh: '微笑服务之星', en: '=HYPERLINK("x")' }, windowTitle: { zh: '文明科室', en: '+Window' }, departmentAwards: 1,
      });
      assert.ok(result.departmentAwardsGiven);
      const sheets = allSheets(result, 'en');
      const award = sheets.find((s) => s.kind === 'awards') as ResultSheet;
      const fake = createFakeExcel({ 人员名单: [['工号']] });
      await new ExcelSink(fake.run, new Set(['人员名单'])).writeSheets(sheets);
      assert.deepEqual(fake.formulas(), [], 'no formula anywhere');
      assert.equal(fake.cell(award.name, 0, 0), awardTitle(result, 'en'));
      const captionRow = (layout(award).headers[1] as number) - 1;
      assert.equal(fake.cell(award.name, captionRow, 0), '+Window');
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('ExcelSink never writes to an input sheet and replaces only its own', () => {
    let book: FakeBook;
    let q3: SelectionResult;

    before(async () => {
      const file = fixture('smile-star-quarterly.xlsx');
      book = await bookCells(file);
      q3 = await selectBook(file, '2026Q3');
    });

    it('an input sheet among the sheets to write: it throws before any request, and nothing is written anywhere', async () => {
      const clash = '评选结果 2026Q3';
      const fake = createFakeExcel({ ...book.sheets, [clash]: [['工号', '姓名'], ['K01', '张三']] });
      const before = fake.grid(clash);
      const sink = new ExcelSink(fake.run, new Set([...Object.keys(book.sheets), clash]));
      await assert.rejects(sink.writeSheets(allSheets(q3)), (e: unknown) => e instanceof Error && e.message.includes(clash));
      assert.equal(fake.runCount, 0, 'no Excel.run');
      assert.equal(fake.syncCount, 0);
      assert.equal(sink.syncs, 0);
      assert.deepEqual(fake.writes, []);
      assert.deepEqual(fake.writesTo(clash), []);
      assert.deepEqual(fake.grid(clash), before);
      assert.deepEqual(fake.sheetNames(), [...Object.keys(book.sheets), clash]);
    });

    it('a re-run replaces this period\'s result sheets (no stale rows) and leaves every other sheet alone', async () => {
      const q2 = await selectBook(fixture('smile-star-quarterly.xlsx'), '2026Q2');
      const notes: FakeInputCell[][] = [['备注'], ['=SUM(1,2)'], ['评选结果 2026Q3 见右']];
      const fake = createFakeExcel({ ...book.sheets, 备注: notes }, { numberFormats: book.numberFormats });
      const inputNames = new Set(Object.keys(book.sheets));
      // An earlier quarter's results, then a first run of this quarter with more rows than the re-run has.
      await new ExcelSink(fake.run, inputNames).writeSheets(resultSheets(q2, RUN, 'zh'));
      const stale = allSheets(q3).map((s) => ({
        ...s, blocks: s.blocks.map((b) => ({ ...b, rows: [...b.rows, ...b.rows, ...b.rows] })),
      }));
      await new ExcelSink(fake.run, inputNames).writeSheets(stale);
      const others = fake.sheetNames().filter((n) => !n.endsWith(' 2026Q3') && n !== '获奖记录');
      assert.ok(others.includes('评选结果 2026Q2') && others.includes('备注') && others.includes('人员名单'), others.join(', '));
      const snapshot = new Map(others.map((n) => [n, {
        grid: fake.grid(n), merges: fake.merges(n), frozen: fake.frozenRows(n), layout: fake.pageLayout(n), widths: fake.columnWidths(n),
      }]));
      fake.resetCounters();

      const sheets = allSheets(q3);
      await new ExcelSink(fake.run, inputNames).writeSheets(sheets);

      for (const s of sheets) assert.deepEqual(fake.grid(s.name), layout(s).grid, `${s.name} holds this run only`);
      assert.deepEqual(fake.merges('表彰名单 2026Q3'), ['A1:F1']);
      for (const n of others) {
        assert.deepEqual(fake.writesTo(n), [], `no write to ${n}`);
        assert.deepEqual({
          grid: fake.grid(n), merges: fake.merges(n), frozen: fake.frozenRows(n), layout: fake.pageLayout(n), widths: fake.columnWidths(n),
        }, snapshot.get(n), n);
      }
      assert.deepEqual(fake.sheetNames().filter((n) => others.includes(n)), others, 'other sheets keep their order');
      // The replaced sheets are set aside (renamed, very hidden) for undo, not deleted.
      const renamed = fake.writes.filter((w) => w.what === 'rename');
      assert.deepEqual(new Set(renamed.map((w) => w.address)), new Set(sheets.map((s) => s.name)));
      for (const w of renamed) assert.equal(fake.visibility(w.sheet), 'VeryHidden', w.sheet);
      assert.deepEqual(fake.writes.filter((w) => w.what === 'delete'), []);
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('ExcelSink: undo this run, the department chart, progress, selecting a problem', () => {
    let book: FakeBook;
    let q3: SelectionResult;

    before(async () => {
      const file = fixture('smile-star-quarterly.xlsx');
      book = await bookCells(file);
      q3 = await selectBook(file, '2026Q3');
    });

    /** Every sheet's name, visibility and cells: the workbook as the user would find it. */
    const snapshot = (fake: FakeExcel) => fake.sheetNames().map((n) => ({ n, v: fake.visibility(n), grid: fake.grid(n) }));

    it('undo of a first run leaves exactly the workbook there was before it', async () => {
      const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
      const before = snapshot(fake);
      const sink = new ExcelSink(fake.run, new Set(Object.keys(book.sheets)));
      await sink.writeSheets(allSheets(q3));
      assert.deepEqual(sink.undo.replaced, []);
      assert.deepEqual(sink.undo.created, allSheets(q3).map((s) => s.name));
      await sink.undoRun(sink.undo);
      assert.deepEqual(snapshot(fake), before);
    });

    it('undo of a re-run puts back the replaced sheets as they were (edits included), in their places', async () => {
      const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
      const inputs = new Set(Object.keys(book.sheets));
      await new ExcelSink(fake.run, inputs).writeSheets(allSheets(q3));
      // The office wrote a note on the award table after the first run.
      const award = allSheets(q3).find((s) => s.kind === 'awards') as ResultSheet;
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem(award.name).getRange('H3').values = [['已报院办']];
        await context.sync();
      });
      const before = snapshot(fake);
      const sink = new ExcelSink(fake.run, inputs);
      await sink.writeSheets(allSheets(q3, 'zh'));
      assert.equal(sink.undo.replaced.length, allSheets(q3).length);
      assert.ok(sink.undo.replaced.every((r) => fake.visibility(r.backup) === 'VeryHidden'));
      assert.equal(fake.cell(award.name, 2, 7), '', 'the new award table has no note');
      await sink.undoRun(sink.undo);
      assert.deepEqual(snapshot(fake), before);
      assert.equal(fake.cell(award.name, 2, 7), '已报院办');
    });

    it('keep drops the set-aside sheets; the next write drops those of the run before it', async () => {
      const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
      const inputs = new Set(Object.keys(book.sheets));
      const names = allSheets(q3).map((s) => s.name);
      await new ExcelSink(fake.run, inputs).writeSheets(allSheets(q3));
      const second = new ExcelSink(fake.run, inputs);
      await second.writeSheets(allSheets(q3));
      const hidden = () => fake.sheetNames().filter((n) => n.startsWith('ServiceStar.undo.'));
      assert.equal(hidden().length, names.length);
      await new ExcelSink(fake.run, inputs).writeSheets(allSheets(q3));
      assert.equal(hidden().length, names.length, 'only the last run can be undone');
      const third = new ExcelSink(fake.run, inputs);
      await third.writeSheets(allSheets(q3));
      await third.discardUndo(third.undo);
      assert.deepEqual(hidden(), []);
      assert.deepEqual(fake.sheetNames(), [...Object.keys(book.sheets), ...names]);
      await assert.rejects(second.undoRun(second.undo), /cannot undo/u, 'an undo whose sheets are gone says so and changes nothing');
      assert.deepEqual(fake.sheetNames(), [...Object.keys(book.sheets), ...names]);
    });

    it('the history sheet keeps one block per period: a re-run replaces only its own block', async () => {
      const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
      const inputs = new Set(Object.keys(book.sheets));
      const q2 = await selectBook(fixture('smile-star-quarterly.xlsx'), '2026Q2');
      const runOn = async (result: SelectionResult) => {
        const names = fake.sheetNames();
        const previous = names.includes('获奖记录') ? await new ExcelSource(fake.run).readSheet('获奖记录') : null;
        const table = previous ? { sheet: '获奖记录', grid: previous.grid, firstRow: previous.firstRow, firstColumn: previous.firstColumn } : null;
        await new ExcelSink(fake.run, inputs).writeSheets(allSheets(result, 'zh', table));
      };
      await runOn(q2);
      const afterQ2 = fake.grid('获奖记录');
      await runOn(q3);
      const afterQ3 = fake.grid('获奖记录');
      await runOn(q3);
      const again = fake.grid('获奖记录');
      const periods = (grid: StoredCell[][]) => grid.slice(1).map((r) => r[0]);
      assert.ok(periods(afterQ2).length > 0 && periods(afterQ2).every((p) => p === '2026Q2'));
      assert.deepEqual(afterQ3.slice(0, afterQ2.length), afterQ2, 'the 2026Q2 block is kept as it was');
      assert.ok(periods(afterQ3).filter((p) => p === '2026Q3').length > 0);
      assert.deepEqual(again, afterQ3, 'a re-run of 2026Q3 replaces its own block, nothing doubles');
    });

    it('the results sheet gets a bar chart of the department scores beside the people', async () => {
      const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
      const sheets = allSheets(q3);
      await new ExcelSink(fake.run, new Set(Object.keys(book.sheets))).writeSheets(sheets);
      const results = sheets.find((s) => s.kind === 'results') as ResultSheet;
      const side = results.side;
      assert.ok(side);
      const charts = fake.charts(results.name);
      assert.equal(charts.length, 1);
      const chart = charts[0];
      const departments = side.block.rows.length;
      assert.equal(chart?.type, 'BarClustered');
      assert.equal(chart?.title, '科室得分');
      assert.equal(chart?.legendVisible, false);
      // People in A:M, a blank N, departments in O:S; scores in Q.
      assert.deepEqual(chart?.series, [{ name: '科室得分', values: `${results.name}!Q2:Q${departments + 1}`, xValues: `${results.name}!O2:O${departments + 1}` }]);
      assert.equal(chart?.topLeft, `O${departments + 3}`);
      assert.deepEqual(side.block.rows.map((r) => r[0]), q3.departments.map((d) => d.department).sort((a, b) => {
        const da = q3.departments.find((d) => d.department === a)?.score ?? -1;
        const db = q3.departments.find((d) => d.department === b)?.score ?? -1;
        return db - da || a.localeCompare(b, 'zh-CN');
      }));
      side.block.rows.forEach((row, i) => assert.equal(fake.cell(results.name, i + 1, 16), row[2] ?? '', `score of ${String(row[0])}`));
    });

    it('reports progress once per request, up to the total', async () => {
      const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
      const seen: [number, number][] = [];
      const sink = new ExcelSink(fake.run, new Set(Object.keys(book.sheets)), { onProgress: (done, total) => seen.push([done, total]) });
      await sink.writeSheets(allSheets(q3));
      assert.equal(seen.length, sink.syncs);
      seen.forEach(([done, total], i) => assert.deepEqual([done, total], [i + 1, sink.syncs]));
    });

    it('select shows a problem\'s cell: its sheet comes to the front with the cell selected', async () => {
      const fake = createFakeExcel(book.sheets, { numberFormats: book.numberFormats });
      const name = Object.keys(book.sheets)[1] as string;
      await new ExcelSink(fake.run, new Set()).select(name, 'C12');
      assert.deepEqual(fake.selection(), { sheet: name, address: 'C12' });
      assert.equal(fake.activeSheet(), name);
      assert.deepEqual(fake.writesTo(name).filter((w) => w.what === 'values'), [], 'selecting writes nothing');
    });
  });

  // -------------------------------------------------------------------------------------------------

  describe('ExcelSink syncs grow with chunks only, each request under 5 MB', () => {
    interface Measured {
      staff: number;
      sheets: ResultSheet[];
      syncs: number;
      sinkSyncs: number;
      largest: number;
      fake: FakeExcel;
    }

    async function measure(staff: number): Promise<Measured> {
      const tables = syntheticTables({ staff, inspections: staff * 5, fines: Math.round(staff / 4) });
      const result = select(tables, '2026Q3');
      const sheets = allSheets(result);
      const fake = createFakeExcel({ [SHEET_NAMES.staff]: [['工号']], [SHEET_NAMES.inspections]: [['检查日期']], [SHEET_NAMES.fines]: [['日期']] });
      const sink = new ExcelSink(fake.run, new Set(Object.values(SHEET_NAMES)));
      await sink.writeSheets(sheets);
      return { staff, sheets, syncs: fake.syncCount, sinkSyncs: sink.syncs, largest: fake.largestRequest, fake };
    }

    let small: Measured;
    let large: Measured;
    before(async function () {
      this.timeout(120_000);
      small = await measure(1_000);
      large = await measure(20_000);
      for (const m of [small, large]) {
        figures.push(`ExcelSink ${m.staff.toLocaleString('en-US')} staff: ${m.syncs} syncs (${m.sheets.length} sheets, ${bodyWrites(m.fake, m.sheets)} chunks; `
          + `bound ${m.sheets.length + cellChunks(m.sheets) + 3}), largest request ${(m.largest / 1048576).toFixed(2)} MB; `
          + `rows ${m.sheets.map((s) => s.blocks.reduce((n, b) => n + bodyOf(b).length, 0)).join('/')}`);
      }
    });

    it('the sheets really grow (20,000 staff: 20,000 rows of results)', () => {
      assert.equal(small.sheets[0]?.blocks[0]?.rows.length, 1_000);
      assert.equal(large.sheets[0]?.blocks[0]?.rows.length, 20_000);
    });

    it('syncs ≤ sheets + Σ ceil(rows × columns / CHUNK_CELLS) + 3, and ExcelSink.syncs counts them all', () => {
      for (const m of [small, large]) {
        assert.equal(m.sinkSyncs, m.syncs, `${m.staff}`);
        assert.equal(m.fake.implicitSyncs, 0);
        assert.ok(m.syncs <= m.sheets.length + cellChunks(m.sheets) + 3, `${m.staff} staff: ${m.syncs} syncs`);
        assert.equal(m.syncs, 3 + m.sheets.length + bodyWrites(m.fake, m.sheets),
          `${m.staff} staff: one sync to list, one to add the sheets, one per frame, one per chunk, one to recalculate`);
      }
    });

    it('1,000 and 20,000 staff differ only by the number of extra chunks', () => {
      assert.equal(large.sheets.length, small.sheets.length);
      assert.equal(large.syncs - small.syncs, bodyWrites(large.fake, large.sheets) - bodyWrites(small.fake, small.sheets));
      assert.ok(bodyWrites(large.fake, large.sheets) <= cellChunks(large.sheets), 'no more chunks than cells need');
    });

    it('the largest request stays under 5 MB; the 20,000 rows of results are all there', () => {
      checkRequests(small.fake, '1,000 staff');
      checkRequests(large.fake, '20,000 staff');
      const results = large.sheets[0] as ResultSheet;
      // 13 columns of people, a blank column, the 5 columns of department scores beside them.
      assert.equal(large.fake.usedAddress(results.name), `A1:S${20_001}`);
      assert.equal(large.fake.cell(results.name, 20_000, 0), results.blocks[0]?.rows[19_999]?.[0]);
      assert.equal(large.fake.numberFormat(results.name, 20_000, 8), '0.00');
    });

    it('a vetoes sheet where every row lists 20 pieces of evidence (8,000 people over the annual limit) is written in requests under 5 MB', async function () {
      this.timeout(120_000);
      const STAFF = 8_000;
      const staff: (string | number)[][] = [['工号', '姓名', '科室']];
      const inspections: (string | number)[][] = [['检查日期', '工号', '姓名', '检查项目', '扣分']];
      for (let i = 0; i < STAFF; i++) {
        const id = `S${String(i + 1).padStart(5, '0')}`;
        staff.push([id, '欧阳晓燕', `门诊收费室${i % 40}`]);
        for (let k = 0; k < 25; k++) inspections.push([46_023 + k * 8, id, '欧阳晓燕', '服务用语', 5]); // 2026-01-01 … 2026-07-17
      }
      const result = select({
        staff: { sheet: '人员名单', grid: staff }, inspections: { sheet: '督导检查记录', grid: inspections },
      }, '2026-07', 'credit-union-100');
      const sheets = allSheets(result);
      const vetoes = sheets.find((s) => s.kind === 'vetoes') as ResultSheet;
      assert.ok((vetoes.blocks[0]?.rows.length ?? 0) >= STAFF, `${vetoes.blocks[0]?.rows.length} veto rows`);
      const fake = createFakeExcel({ 人员名单: [['工号']], 督导检查记录: [['检查日期']] });
      let error: unknown = null;
      try {
        await new ExcelSink(fake.run, new Set(['人员名单', '督导检查记录'])).writeSheets(sheets);
      } catch (e) {
        error = e;
      }
      const biggest = [...fake.requests].sort((x, y) => y.bytes - x.bytes).slice(0, 3).map((r) => `${(r.bytes / 1048576).toFixed(2)} MB`);
      figures.push(`ExcelSink 8,000 ANNUAL_LIMIT vetoes × 20 evidence: largest requests ${biggest.join(', ')}${error ? ` (${String(error)})` : ''}`);
      assert.equal(error, null, `the write failed: ${String(error)}`);
      checkRequests(fake, 'long evidence');
    });
  });
  // -------------------------------------------------------------------------------------------------

  describe('ExcelSink: the public notice, and the committee decisions appended to the office\'s own sheet', () => {
    let q3: SelectionResult;
    before(async () => { q3 = await selectBook(fixture('smile-star-quarterly.xlsx'), '2026Q3'); });

    it('the notice: title, the paragraph merged across the list and wrapped (rows high enough), the sign-off right-aligned under the list, one page', async () => {
      const notice = noticeSheet(q3, 'zh');
      assert.ok(notice.paragraph && notice.signOff?.length === 2);
      const fake = createFakeExcel({ 人员名单: [['工号']] });
      await new ExcelSink(fake.run, new Set(['人员名单'])).writeSheets([notice]);
      const width = notice.blocks[0]?.columns.length ?? 0;
      const rows = notice.blocks[0]?.rows.length ?? 0;
      assert.equal(fake.cell(notice.name, 0, 0), notice.title);
      assert.equal(fake.cell(notice.name, 2, 0), notice.paragraph);
      assert.ok(fake.merges(notice.name).includes(a1(2, 0, 1, width)), fake.merges(notice.name).join(' '));
      assert.equal(fake.style(notice.name, 2, 0).wrapText, true);
      assert.ok((fake.rowHeight(notice.name, 2) ?? 0) >= 15 * Math.ceil(notice.paragraph.length / 30), 'tall enough for the lines of the paragraph');
      // The header of the list under the paragraph, its rows, one blank row, then the sign-off in the last column.
      assert.equal(fake.cell(notice.name, 4, 0), '序号');
      const below = 4 + rows + 2;
      assert.deepEqual([fake.cell(notice.name, below, width - 1), fake.cell(notice.name, below + 1, width - 1)], notice.signOff);
      assert.equal(fake.style(notice.name, below, width - 1).horizontalAlignment, 'Right');
      assert.equal(fake.cell(notice.name, below - 1, width - 1), '');
      assert.deepEqual(fake.pageLayout(notice.name).zoom, { horizontalFitToPages: 1, verticalFitToPages: 1 });
      assert.equal(fake.pageLayout(notice.name).orientation, 'Portrait');
    });

    const OFFICE: FakeInputCell[][] = [
      ['评选小组裁定', null, null, null, null],
      ['期间', '工号', '姓名', '裁定', '理由'],
      ['2026Q2', '007', '张三', '取消', '公示异议'],
    ];
    /** The office's sheet: a title, a header and one row, the id as text ('@'), the columns below formatted as dates by the office. */
    const officeBook = () => createFakeExcel({ 人员名单: [['工号']], 评选小组裁定: OFFICE }, {
      numberFormats: { 评选小组裁定: [[], [], [null, '@'], ['yyyy-mm-dd', 'yyyy-mm-dd'], ['yyyy-mm-dd', 'yyyy-mm-dd']] },
    });
    const ROWS: Cell[][] = [['2026Q3', '008', '李四', '获奖', '=实地考察'], ['2026Q3', 'H3', '王五', '不予表彰', null]];
    const FORMATS = ['text', 'text', 'text', 'text', 'text'] as const;

    it('appends below the office\'s rows, never writing one of theirs; ids and formula-like text stay text; undo clears exactly those rows', async () => {
      const fake = officeBook();
      const before = { grid: fake.grid('评选小组裁定'), formats: [3, 4].map((r) => [0, 1, 2, 3, 4].map((c) => fake.numberFormat('评选小组裁定', r, c))) };
      const sink = new ExcelSink(fake.run, new Set(['人员名单', '评选小组裁定']));
      await sink.writeSheets([]);
      await sink.appendRows('评选小组裁定', 3, 0, ROWS, [...FORMATS]);
      assert.deepEqual(fake.grid('评选小组裁定'), [...before.grid, ['2026Q3', '008', '李四', '获奖', '=实地考察'], ['2026Q3', 'H3', '王五', '不予表彰', '']]);
      assert.deepEqual(fake.formulas(), []);
      assert.equal(fake.numberFormat('评选小组裁定', 3, 1), '@');
      // Every write to the sheet lies in rows 4 and 5 (0-based 3–4): the office's rows are untouched.
      const writes = fake.writesTo('评选小组裁定');
      assert.ok(writes.length > 0 && writes.every((w) => /^[A-E][45](:[A-E][45])?$/u.test(w.address)), JSON.stringify(writes));
      assert.deepEqual(sink.undo.appended, [{
        sheet: '评选小组裁定', row: 3, column: 0,
        values: [['2026Q3', '008', '李四', '获奖', '=实地考察'], ['2026Q3', 'H3', '王五', '不予表彰', '']], formats: before.formats,
      }]);
      await sink.undoRun(JSON.parse(JSON.stringify(sink.undo)) as typeof sink.undo);
      assert.deepEqual(fake.grid('评选小组裁定'), before.grid);
      assert.deepEqual([3, 4].map((r) => [0, 1, 2, 3, 4].map((c) => fake.numberFormat('评选小组裁定', r, c))), before.formats, 'the formats the cells had');
      assert.ok(fake.writesTo('评选小组裁定').every((w) => /^[A-E][45](:[A-E][45])?$/u.test(w.address)), 'undo too writes only those rows');
    });

    it('undo changes nothing when the appended rows were edited or moved; appending refuses rows the office added since the read', async () => {
      const fake = officeBook();
      const sink = new ExcelSink(fake.run, new Set(['人员名单', '评选小组裁定']));
      await sink.writeSheets([]);
      await sink.appendRows('评选小组裁定', 3, 0, ROWS, [...FORMATS]);
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('评选小组裁定').getRange('E5').values = [['院办补记']];
        await context.sync();
      });
      const edited = fake.grid('评选小组裁定');
      await assert.rejects(sink.undoRun(sink.undo), /cannot undo: the rows this run appended \(评选小组裁定!4:5\)/u);
      assert.deepEqual(fake.grid('评选小组裁定'), edited);
      // The pane read three rows; the office has written a fourth since: nothing is written over it.
      const late = officeBook();
      await late.run(async (context) => {
        context.workbook.worksheets.getItem('评选小组裁定').getRange('A4:B4').values = [['2026Q3', 'K9']];
        await context.sync();
      });
      const sheet = late.grid('评选小组裁定');
      await assert.rejects(new ExcelSink(late.run, new Set()).appendRows('评选小组裁定', 3, 0, ROWS, [...FORMATS]), /has new rows since it was read/u);
      assert.deepEqual(late.grid('评选小组裁定'), sheet);
    });
  });
});
