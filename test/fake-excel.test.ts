/**
 * The fake Excel (test/helpers/fake-excel.ts) beyond what src/io/office.ts uses today: renaming,
 * hiding and moving sheets, Worksheet.getRange, Range.select, suspending screen updating, and charts.
 * Each is driven through `fake.run` as Office.js code would drive Excel, failures included, so the
 * fake stays as strict as Excel where the add-in relies on it.
 */
import { strict as assert } from 'node:assert';
import { createFakeExcel, FakeExcelError, installExcelEnums, MAX_ROWS, type FakeExcel } from './helpers/fake-excel';

const code = (name: string) => (e: unknown) => e instanceof FakeExcelError && e.code === name;

/** Scores by window: a header row, names in the first column (the shape of the award tables). */
const SCORES = [
  ['窗口', '满意度', '得票'],
  ['收费处', 98, 12],
  ['挂号处', 95, 9],
  ['药房', 97, 15],
];

function book(): FakeExcel {
  return createFakeExcel({ 数据: SCORES, 说明: [['x']], 历史: [['y']] });
}

describe('fake Excel: sheets, ranges, selection and charts', () => {
  let restoreExcel: () => void = () => undefined;
  before(() => { restoreExcel = installExcelEnums(); });
  after(() => restoreExcel());

  it('stays strict: a property read without load + sync throws PropertyNotLoaded, and a set value is not given back', async () => {
    const fake = book();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('说明');
      assert.throws(() => ws.name, code('PropertyNotLoaded'));
      ws.name = '备注';
      await context.sync();
      assert.throws(() => ws.name, code('PropertyNotLoaded'), 'setting a name does not load it');
      ws.load('name,position,visibility');
      await context.sync();
      assert.deepEqual([ws.name, ws.position, ws.visibility], ['备注', 1, 'Visible']);
    });
  });

  describe('Worksheet.name (rename)', () => {
    it('is queued until sync, renames, and is recorded as a write', async () => {
      const fake = book();
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('说明').name = '备注';
        assert.deepEqual(fake.sheetNames(), ['数据', '说明', '历史'], 'not before sync');
        await context.sync();
      });
      assert.deepEqual(fake.sheetNames(), ['数据', '备注', '历史']);
      assert.deepEqual(fake.writesTo('备注'), [{ sheet: '备注', what: 'rename', address: '说明' }]);
    });

    it('fails on a name another sheet has, ignoring case; a change of case of its own name is allowed', async () => {
      const fake = createFakeExcel({ Data: [[1]], Notes: [[2]] });
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('Notes').name = 'DATA';
        await assert.rejects(context.sync(), (e: unknown) => code('ItemAlreadyExists')(e) && /"Data" already exists/u.test(String(e)));
        context.workbook.worksheets.getItem('Data').name = 'DATA';
        await context.sync();
      });
      assert.deepEqual(fake.sheetNames(), ['DATA', 'Notes']);
    });

    it('refuses names Excel refuses, as add does', async () => {
      const fake = book();
      await fake.run(async (context) => {
        for (const bad of ['', 'a/b', 'x'.repeat(32), 'History', "'quoted'"]) {
          context.workbook.worksheets.getItem('说明').name = bad;
          await assert.rejects(context.sync(), code('InvalidArgument'), JSON.stringify(bad));
        }
        context.workbook.worksheets.getItem('不存在').name = 'x';
        await assert.rejects(context.sync(), code('ItemNotFound'));
      });
      assert.deepEqual(fake.sheetNames(), ['数据', '说明', '历史']);
    });

    it('a batch stops at a failed rename: what came before stays, what came after is dropped', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem('说明').name = '备注';
        sheets.getItem('历史').name = '备注';
        sheets.getItem('数据').name = '数据2';
        await assert.rejects(context.sync(), code('ItemAlreadyExists'));
      });
      assert.deepEqual(fake.sheetNames(), ['数据', '备注', '历史']);
    });
  });

  describe('Worksheet.visibility', () => {
    it('hides and shows a sheet, recorded as writes; the items of the collection show it', async () => {
      const fake = book();
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('历史').visibility = Excel.SheetVisibility.veryHidden;
        context.workbook.worksheets.getItem('说明').visibility = Excel.SheetVisibility.hidden;
        await context.sync();
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        await context.sync();
        assert.deepEqual(sheets.items.map((s) => [s.name, s.visibility]), [['数据', 'Visible'], ['说明', 'Hidden'], ['历史', 'VeryHidden']]);
        context.workbook.worksheets.getItem('说明').visibility = Excel.SheetVisibility.visible;
      });
      assert.equal(fake.visibility('说明'), 'Visible');
      assert.equal(fake.visibility('历史'), 'VeryHidden');
      assert.deepEqual(fake.writes.filter((w) => w.what === 'visibility').map((w) => `${w.sheet}:${w.address}`),
        ['历史:VeryHidden', '说明:Hidden', '说明:Visible']);
    });

    it('hiding the active sheet activates the next visible sheet (or the one before, at the end)', async () => {
      const fake = createFakeExcel({ a: [[1]], b: [[1]], c: [[1]], d: [[1]] }, { visibility: { b: 'Hidden' } });
      assert.equal(fake.activeSheet(), 'a');
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('a').visibility = 'Hidden';
        await context.sync();
        assert.equal(fake.activeSheet(), 'c', 'b is hidden, so c');
        context.workbook.worksheets.getItem('d').activate();
        context.workbook.worksheets.getItem('d').visibility = 'Hidden';
        await context.sync();
        assert.equal(fake.activeSheet(), 'c', 'nothing visible after d: the one before');
      });
    });

    it('hiding the last visible sheet fails (InvalidOperation); an unknown visibility is InvalidArgument', async () => {
      const fake = createFakeExcel({ a: [[1]], b: [[1]] }, { visibility: { b: 'Hidden' } });
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('a').visibility = Excel.SheetVisibility.hidden;
        await assert.rejects(context.sync(), (e: unknown) => code('InvalidOperation')(e) && /at least one visible/u.test(String(e)));
        context.workbook.worksheets.getItem('a').visibility = Excel.SheetVisibility.veryHidden;
        await assert.rejects(context.sync(), code('InvalidOperation'));
        context.workbook.worksheets.getItem('b').visibility = 'Shown' as Excel.SheetVisibility;
        await assert.rejects(context.sync(), code('InvalidArgument'));
        context.workbook.worksheets.getItem('b').activate();
        await assert.rejects(context.sync(), code('InvalidOperation'), 'a hidden sheet cannot be activated');
      });
      assert.equal(fake.visibility('a'), 'Visible');
      assert.equal(fake.activeSheet(), 'a');
    });

    it('deleting the active sheet also skips hidden sheets', async () => {
      const fake = createFakeExcel({ a: [[1]], b: [[1]], c: [[1]] }, { visibility: { b: 'Hidden' } });
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('a').delete();
        await context.sync();
      });
      assert.equal(fake.activeSheet(), 'c');
    });
  });

  describe('Worksheet.position', () => {
    it('moves a sheet to a 0-based place; the positions loaded afterwards follow', async () => {
      const fake = book();
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('历史').position = 0;
        await context.sync();
        assert.deepEqual(fake.sheetNames(), ['历史', '数据', '说明']);
        context.workbook.worksheets.getItem('历史').position = 2;
        await context.sync();
        assert.deepEqual(fake.sheetNames(), ['数据', '说明', '历史']);
        context.workbook.worksheets.getItem('数据').position = 1;
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/position');
        await context.sync();
        assert.deepEqual(sheets.items.map((s) => [s.name, s.position]), [['说明', 0], ['数据', 1], ['历史', 2]]);
      });
      assert.deepEqual(fake.writesTo('数据').filter((w) => w.what === 'position'), [{ sheet: '数据', what: 'position', address: '1' }]);
    });

    it('a place outside the workbook is InvalidArgument', async () => {
      const fake = book();
      await fake.run(async (context) => {
        for (const bad of [3, -1, 1.5]) {
          context.workbook.worksheets.getItem('数据').position = bad;
          await assert.rejects(context.sync(), code('InvalidArgument'), String(bad));
        }
      });
      assert.deepEqual(fake.sheetNames(), ['数据', '说明', '历史']);
    });
  });

  describe('Application.suspendScreenUpdatingUntilNextSync', () => {
    it('is counted when its sync runs, and reset with the counters', async () => {
      const fake = book();
      await fake.run(async (context) => {
        context.application.suspendScreenUpdatingUntilNextSync();
        assert.equal(fake.suspendScreenUpdatingCalls, 0, 'queued');
        await context.sync();
        assert.equal(fake.suspendScreenUpdatingCalls, 1);
        context.application.suspendScreenUpdatingUntilNextSync();
      });
      assert.equal(fake.suspendScreenUpdatingCalls, 2, 'Excel.run syncs what is left');
      assert.equal(fake.suspendCalculationCalls, 0, 'a separate counter');
      fake.resetCounters();
      assert.equal(fake.suspendScreenUpdatingCalls, 0);
    });
  });

  describe('Application.suspendApiCalculationUntilNextSync and calculate', () => {
    it('a write with calculation suspended leaves formulas stale until Application.calculate; a read does not', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('数据');
        context.application.suspendApiCalculationUntilNextSync();
        sheet.getRange('A1').load('values');
        await context.sync();
        assert.equal(fake.calculationPending, false, 'nothing written');
        context.application.suspendApiCalculationUntilNextSync();
        sheet.getRange('B2').values = [[99]];
        await context.sync();
        assert.equal(fake.calculationPending, true);
        sheet.getRange('B3').values = [[96]];
        await context.sync();
        assert.equal(fake.calculationPending, true, 'a later write does not catch up');
        context.application.calculate(Excel.CalculationType.recalculate);
        await context.sync();
      });
      assert.equal(fake.calculationPending, false);
      assert.equal(fake.calculateCalls, 1);
      await assert.rejects(fake.run(async (context) => {
        context.application.calculate('Soon' as Excel.CalculationType);
        await context.sync();
      }), code('InvalidArgument'));
    });
  });

  describe('Worksheet.delete of a very hidden sheet', () => {
    it('is InvalidOperation; hidden first, in the same request, it goes', async () => {
      const fake = createFakeExcel({ 数据: SCORES, 历史: [['y']] }, { visibility: { 历史: 'VeryHidden' } });
      await assert.rejects(fake.run(async (context) => {
        context.workbook.worksheets.getItem('历史').delete();
        await context.sync();
      }), code('InvalidOperation'));
      assert.deepEqual(fake.sheetNames(), ['数据', '历史']);
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('历史');
        sheet.visibility = Excel.SheetVisibility.hidden;
        sheet.delete();
        await context.sync();
      });
      assert.deepEqual(fake.sheetNames(), ['数据']);
    });
  });

  describe('Worksheet.getRange', () => {
    it('takes a cell or a block (either corner first, $ and lower case allowed) and reads and writes like any range', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('数据');
        const block = ws.getRange('B2:C3');
        const reversed = ws.getRange('c3:$B$2');
        const cell = ws.getRange('A4');
        block.load('values,address,rowIndex,columnIndex,rowCount,columnCount');
        reversed.load('address');
        cell.load('values');
        await context.sync();
        assert.deepEqual(block.values, [[98, 12], [95, 9]]);
        assert.deepEqual([block.address, block.rowIndex, block.columnIndex, block.rowCount, block.columnCount], ['数据!B2:C3', 1, 1, 2, 2]);
        assert.equal(reversed.address, '数据!B2:C3');
        assert.deepEqual(cell.values, [['药房']]);
        ws.getRange('D1:D2').values = [['备注'], ['首位']];
      });
      assert.deepEqual([fake.cell('数据', 0, 3), fake.cell('数据', 1, 3)], ['备注', '首位']);
      assert.deepEqual(fake.writesTo('数据'), [{ sheet: '数据', what: 'values', address: 'D1:D2' }]);
    });

    it('takes whole columns and rows, and the whole sheet without an address', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('数据');
        const columns = ws.getRange('B:C');
        const rows = ws.getRange('2:3');
        const all = ws.getRange();
        for (const r of [columns, rows, all]) r.load('address,rowCount,columnCount');
        await context.sync();
        assert.deepEqual([columns.address, columns.rowCount, columns.columnCount], [`数据!B1:C${MAX_ROWS}`, MAX_ROWS, 2]);
        assert.deepEqual([rows.address, rows.rowCount, rows.columnCount], ['数据!A2:XFD3', 2, 16_384]);
        assert.equal(all.address, `数据!A1:XFD${MAX_ROWS}`);
      });
    });

    it('a bad address is InvalidArgument at sync; a missing sheet is ItemNotFound', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('数据');
        for (const bad of ['', 'B', '数据!A1', 'A0', 'XFE1', `A${MAX_ROWS + 1}`, 'A1:B2:C3', 'A1:B', '总分']) {
          const range = ws.getRange(bad);
          range.load('values');
          await assert.rejects(context.sync(), code('InvalidArgument'), JSON.stringify(bad));
        }
        context.workbook.worksheets.getItem('不存在').getRange('A1').load('values');
        await assert.rejects(context.sync(), code('ItemNotFound'));
      });
    });
  });

  describe('Range.select', () => {
    it('selects cells and activates their sheet; the selection is per sheet', async () => {
      const fake = book();
      assert.equal(fake.selection(), null);
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('历史').getRange('B2:C4').select();
        assert.equal(fake.activeSheet(), '数据', 'queued');
        await context.sync();
        assert.equal(fake.activeSheet(), '历史');
        assert.deepEqual(fake.selection(), { sheet: '历史', address: 'B2:C4' });
        context.workbook.worksheets.getItem('数据').activate();
        await context.sync();
        assert.equal(fake.selection(), null, 'nothing was selected on 数据');
        context.workbook.worksheets.getItem('数据').getRangeByIndexes(0, 0, 1, 1).select();
        await context.sync();
        assert.deepEqual(fake.selection(), { sheet: '数据', address: 'A1' });
        context.workbook.worksheets.getItem('历史').name = '往期';
        context.workbook.worksheets.getItem('往期').activate();
        await context.sync();
        assert.deepEqual(fake.selection(), { sheet: '往期', address: 'B2:C4' }, 'a sheet keeps its selection');
      });
    });

    it('a range of a hidden sheet cannot be selected (InvalidOperation); a null range cannot either', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('历史');
        ws.visibility = Excel.SheetVisibility.hidden;
        ws.getRange('A1').select();
        await assert.rejects(context.sync(), (e: unknown) => code('InvalidOperation')(e) && /hidden sheet "历史"/u.test(String(e)));
        context.workbook.worksheets.add('空表').getUsedRangeOrNullObject().select();
        await assert.rejects(context.sync(), code('InvalidObjectPath'));
      });
      assert.equal(fake.activeSheet(), '数据');
      assert.equal(fake.selection(), null);
    });
  });

  describe('charts', () => {
    it('add makes one series per column after the first, named by its header, over the first column as categories', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('数据');
        const chart = ws.charts.add(Excel.ChartType.columnClustered, ws.getRange('A1:C4'), Excel.ChartSeriesBy.columns);
        assert.deepEqual(fake.charts('数据'), [], 'queued');
        await context.sync();
        assert.throws(() => chart.name, code('PropertyNotLoaded'));
      });
      assert.deepEqual(fake.charts('数据'), [{
        name: 'Chart 1', type: 'ColumnClustered', source: '数据!A1:C4', title: null, topLeft: null, bottomRight: null, legendVisible: true,
        series: [
          { name: '满意度', values: '数据!B2:B4', xValues: '数据!A2:A4' },
          { name: '得票', values: '数据!C2:C4', xValues: '数据!A2:A4' },
        ],
      }]);
      assert.deepEqual(fake.writesTo('数据'), [{ sheet: '数据', what: 'chart.add', address: 'Chart 1' }]);
    });

    it('sets name, title, legend, position and series, as a chart of the award table would be set up', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const data = context.workbook.worksheets.getItem('数据');
        const board = context.workbook.worksheets.add('图表');
        const chart = board.charts.add(Excel.ChartType.barClustered, data.getRange('A1:B4'));
        chart.name = '满意度图';
        chart.title.text = '各窗口满意度';
        chart.legend.visible = false;
        chart.setPosition('B2', board.getRange('H20'));
        const series = chart.series.getItemAt(0);
        series.setValues(data.getRange('C2:C4'));
        series.setXAxisValues(data.getRangeByIndexes(1, 0, 3, 1));
        series.name = '得票';
        await context.sync();
        chart.setPosition(board.getRange('D5:E6'));
        await context.sync();
      });
      assert.deepEqual(fake.charts('图表'), [{
        name: '满意度图', type: 'BarClustered', source: '数据!A1:B4', title: '各窗口满意度', topLeft: 'D5', bottomRight: 'J23',
        legendVisible: false, series: [{ name: '得票', values: '数据!C2:C4', xValues: '数据!A2:A4' }],
      }]);
      assert.deepEqual(fake.charts('数据'), [], 'the chart is on the sheet it was added to');
      assert.deepEqual(fake.writesTo('图表').map((w) => w.what), [
        'add', 'chart.add', 'chart.name', 'chart.title.text', 'chart.legend.visible', 'chart.setPosition',
        'chart.series.setValues', 'chart.series.setXAxisValues', 'chart.series.name', 'chart.setPosition',
      ]);
    });

    it('a type the fake does not know, or an unknown seriesBy, is InvalidArgument; nothing is added', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('数据');
        ws.charts.add('Pies' as Excel.ChartType, ws.getRange('A1:C4'));
        await assert.rejects(context.sync(), (e: unknown) => code('InvalidArgument')(e) && /no chart type "Pies"/u.test(String(e)));
        ws.charts.add(Excel.ChartType.pie, ws.getRange('A1:C4'), 'Diagonal' as Excel.ChartSeriesBy);
        await assert.rejects(context.sync(), code('InvalidArgument'));
      });
      assert.deepEqual(fake.charts('数据'), []);
    });

    it('a source range on a deleted sheet fails; a chart goes with its sheet; references follow a rename and break on a delete', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const notes = context.workbook.worksheets.getItem('说明');
        const gone = notes.getRange('A1:A1');
        notes.delete();
        context.workbook.worksheets.getItem('数据').charts.add(Excel.ChartType.line, gone);
        await assert.rejects(context.sync(), (e: unknown) => code('InvalidObjectPath')(e) && /deleted worksheet/u.test(String(e)));
      });
      assert.deepEqual(fake.charts('数据'), []);
      await fake.run(async (context) => {
        const data = context.workbook.worksheets.getItem('数据');
        const history = context.workbook.worksheets.getItem('历史');
        history.charts.add(Excel.ChartType.pie, data.getRange('A1:B4'));
        data.charts.add(Excel.ChartType.pie, data.getRange('A1:B4'));
        await context.sync();
        data.name = '得分';
        await context.sync();
        assert.equal(fake.charts('历史')[0]?.source, '得分!A1:B4');
        assert.deepEqual(fake.charts('历史')[0]?.series, [{ name: '满意度', values: '得分!B2:B4', xValues: '得分!A2:A4' }]);
        context.workbook.worksheets.getItem('得分').delete();
        await context.sync();
      });
      assert.deepEqual(fake.sheetNames(), ['历史']);
      assert.deepEqual(fake.charts('历史')[0]?.series, [{ name: '满意度', values: '#REF!', xValues: '#REF!' }]);
      assert.equal(fake.charts('历史')[0]?.source, '#REF!');
    });

    it('delete removes a chart; its proxy is dead; names go "Chart 1", "Chart 2", … and are not reused', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('数据');
        const first = ws.charts.add(Excel.ChartType.line, ws.getRange('A1:C4'));
        ws.charts.add(Excel.ChartType.line, ws.getRange('A1:C4'));
        await context.sync();
        first.delete();
        await context.sync();
        first.title.text = 'x';
        await assert.rejects(context.sync(), (e: unknown) => code('InvalidObjectPath')(e) && /deleted chart/u.test(String(e)));
        ws.charts.add(Excel.ChartType.line, ws.getRange('A1:C4'));
        ws.charts.getItem('chart 2').title.text = '第二张';
        await context.sync();
        ws.charts.getItem('Chart 1').delete();
        await assert.rejects(context.sync(), code('ItemNotFound'));
      });
      assert.deepEqual(fake.charts('数据').map((c) => [c.name, c.title]), [['Chart 2', '第二张'], ['Chart 3', null]]);
    });

    it('refuses a taken chart name, a series it does not have, a 2-D series range and an end cell before the start', async () => {
      const fake = book();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('数据');
        const a = ws.charts.add(Excel.ChartType.columnClustered, ws.getRange('A1:C4'));
        ws.charts.add(Excel.ChartType.columnClustered, ws.getRange('A1:C4')).name = '票数';
        await context.sync();
        a.name = '票数';
        await assert.rejects(context.sync(), code('ItemAlreadyExists'));
        a.series.getItemAt(2).setValues(ws.getRange('C2:C4'));
        await assert.rejects(context.sync(), code('ItemNotFound'));
        a.series.getItemAt(0).setValues(ws.getRange('B2:C4'));
        await assert.rejects(context.sync(), code('InvalidArgument'));
        a.setPosition('H20', 'B2');
        await assert.rejects(context.sync(), code('InvalidArgument'));
        a.setPosition(context.workbook.worksheets.getItem('说明').getRange('A1'));
        await assert.rejects(context.sync(), (e: unknown) => code('InvalidArgument')(e) && /not on the chart's sheet/u.test(String(e)));
      });
      assert.deepEqual(fake.charts('数据').map((c) => [c.name, c.topLeft]), [['Chart 1', null], ['票数', null]]);
    });

    it('series by rows, and a block without headers: "Series1", …, with a text first line as categories', async () => {
      const fake = createFakeExcel({ s: [['', '一月', '二月', '三月', '四月'], ['收费处', 1, 2, 3, 4], ['药房', 5, 6, 7, 8]], t: [['张三', 5], ['李四', 3], ['王五', 4]], u: [[1, 2], [3, 4], [5, 6]] });
      await fake.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem('s').charts.add(Excel.ChartType.line, sheets.getItem('s').getRange('A1:E3'));
        sheets.getItem('t').charts.add(Excel.ChartType.pie, sheets.getItem('t').getRange('A1:B3'));
        sheets.getItem('u').charts.add(Excel.ChartType.line, sheets.getItem('u').getRange('A1:B3'), Excel.ChartSeriesBy.rows);
        await context.sync();
      });
      assert.deepEqual(fake.charts('s')[0]?.series, [
        { name: '收费处', values: 's!B2:E2', xValues: 's!B1:E1' },
        { name: '药房', values: 's!B3:E3', xValues: 's!B1:E1' },
      ], 'Auto: more columns than rows, so series by rows');
      assert.deepEqual(fake.charts('t')[0]?.series, [{ name: 'Series1', values: 't!B1:B3', xValues: 't!A1:A3' }]);
      assert.deepEqual(fake.charts('u')[0]?.series, [
        { name: 'Series1', values: 'u!A1:B1', xValues: null },
        { name: 'Series2', values: 'u!A2:B2', xValues: null },
        { name: 'Series3', values: 'u!A3:B3', xValues: null },
      ]);
    });
  });
});
