/**
 * The file adapters (src/io): CSV decoding and parsing, reading .xlsx cells with exceljs, and the
 * result writer (number formats, frozen header, widths, the print-ready award table, and text that
 * looks like a formula staying text).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseDay, dayFromParts } from '../src/engine/dates';
import type { ResultJson } from '../src/engine/json';
import type { SelectionResult } from '../src/engine/select';
import { awardTitle, noticeSheet, NUMBER_FORMATS, resultSheets, type ResultSheet } from '../src/engine/sheets';
import { decodeText, parseCsv } from '../src/io/csv';
import { openFile } from '../src/io/files';
import { inflateNode } from '../src/io/inflateNode';
import { CsvSource, openSource, SourceError } from '../src/io/xlsx';
import type { SheetData } from '../src/io/types';
import { XlsxResultWriter } from '../src/io/xlsxWriter';
import { fixture, makeTemp, removeTemp, runCli } from './helpers/cli';
import { selectBook } from './helpers/select';

let tmp = '';
before(() => { tmp = makeTemp(); });
after(() => removeTemp(tmp));

const bytes = (...list: number[]) => new Uint8Array(list);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function bookBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function loadBuffer(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  assert.ok(ws, `sheet ${name}`);
  return ws;
}

// -------------------------------------------------------------------------------------------------

describe('io: decodeText (CSV bytes → text)', () => {
  const TEXT = '工号,姓名,科室\r\nK01,张三,收费处\r\nK02,李四,收费处\r\nK03,王五,药房\r\n';

  it('UTF-8 with BOM: the BOM is dropped', () => {
    assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)])).text, TEXT);
  });

  it('UTF-8 without BOM', () => {
    assert.equal(decodeText(utf8(TEXT)).text, TEXT);
  });

  it('GB18030 (what Chinese Excel and WPS save as CSV)', () => {
    // 工号 in GB18030 is B9A4 BAC5; 张三 is D5C5 C8FD.
    assert.equal(decodeText(bytes(0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd)).text, '工号,张三');
    assert.equal(decodeText(fs.readFileSync(fixture('csv', 'roster-gb18030.csv'))).text, TEXT);
    assert.equal(decodeText(fs.readFileSync(fixture('csv', 'inspections-gb18030.csv'))).text,
      fs.readFileSync(fixture('csv', 'inspections-utf8.csv'), 'utf8'));
  });

  it('UTF-16LE with BOM ("Unicode text" from Excel)', () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('工号\t姓名\r\nK01\t张三', 'utf16le')]);
    assert.equal(decodeText(new Uint8Array(data)).text, '工号\t姓名\r\nK01\t张三');
  });

  it('the three CSV fixtures of one table decode to the same text', () => {
    const texts = ['roster-utf8-bom.csv', 'roster-utf8.csv', 'roster-gb18030.csv']
      .map((f) => decodeText(fs.readFileSync(fixture('csv', f))).text);
    assert.deepEqual(texts, [TEXT, TEXT, TEXT]);
  });
});

describe('io: parseCsv', () => {
  it('quoted fields keep their commas', () => {
    assert.deepEqual(parseCsv('a,"b,c",d'), [['a', 'b,c', 'd']]);
  });

  it('doubled quotes inside quotes are one quote', () => {
    assert.deepEqual(parseCsv('"他说""好""",x'), [['他说"好"', 'x']]);
  });

  it('line breaks inside quotes stay in the field', () => {
    assert.deepEqual(parseCsv('工号,事由\nK01,"第一行\n第二行"\nK02,ok'), [['工号', '事由'], ['K01', '第一行\n第二行'], ['K02', 'ok']]);
  });

  it('CRLF line ends, with no extra row after the last one', () => {
    assert.deepEqual(parseCsv('a,b\r\nc,d\r\n'), [['a', 'b'], ['c', 'd']]);
    assert.deepEqual(parseCsv('a,"x\r\ny"\r\n'), [['a', 'x\r\ny']]);
  });

  it('a tab delimiter when the first line says so', () => {
    assert.deepEqual(parseCsv('工号\t姓名\t事由\nK01\t张三\ta,b'), [['工号', '姓名', '事由'], ['K01', '张三', 'a,b']]);
  });

  it('empty fields are null', () => {
    assert.deepEqual(parseCsv('a,,c\n,,\nd,e,'), [['a', null, 'c'], [null, null, null], ['d', 'e', null]]);
  });

  it('a CSV fixture through CsvSource: one sheet named after the file', async () => {
    const source = await openFile(fixture('csv', 'inspections-utf8-bom.csv'));
    assert.ok(source instanceof CsvSource);
    assert.deepEqual(await source.sheetNames(), ['inspections-utf8-bom']);
    const data = await source.readSheet('inspections-utf8-bom');
    assert.deepEqual(data.grid, [
      ['日期', '工号', '姓名', '检查项目', '扣分'],
      ['2026-07-05', 'K01', '张三', '仪容仪表,着装', '2'],
      ['2026-08-06', 'K02', '李四', '服务用语', '1'],
      ['2026-09-07', null, '王五', '脱岗', '1'],
    ]);
    assert.equal(data.date1904, false);
  });
});

describe('io: reading .xlsx cells made by exceljs', () => {
  let data: SheetData;
  before(async () => {
    const buffer = await bookBuffer((wb) => {
      const ws = wb.addWorksheet('cells');
      ws.getCell('A1').value = { richText: [{ text: '张', font: { bold: true } }, { text: '三', font: { color: { argb: 'FFFF0000' } } }] };
      ws.getCell('A2').value = { formula: '1+2', result: 3 };
      ws.getCell('A3').value = { formula: 'A1&"x"', result: '张三x' };
      ws.getCell('A4').value = { text: '服务规范', hyperlink: 'https://example.com/rules' };
      ws.getCell('A5').value = new Date(Date.UTC(2026, 6, 5));
      ws.getCell('A5').numFmt = 'yyyy-mm-dd';
      ws.getCell('A6').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('A7').value = 46208;
      ws.getCell('B7').value = true;
      wb.addWorksheet('hidden').state = 'veryHidden';
    });
    const source = await openSource('cells.xlsx', buffer, inflateNode);
    assert.deepEqual(await source.sheetNames(), ['cells']);
    data = await source.readSheet('cells');
  });

  it('rich text is joined into plain text', () => assert.equal(data.grid[0]?.[0], '张三'));

  it('a formula gives its cached result', () => {
    assert.equal(data.grid[1]?.[0], 3);
    assert.equal(data.grid[2]?.[0], '张三x');
  });

  it('a hyperlink gives its text', () => assert.equal(data.grid[3]?.[0], '服务规范'));

  it('a date cell gives a Date at UTC midnight of that day', () => {
    const value = data.grid[4]?.[0];
    assert.ok(value instanceof Date);
    assert.equal(value.toISOString(), '2026-07-05T00:00:00.000Z');
    assert.equal(parseDay(value, data.date1904), dayFromParts(2026, 7, 5));
  });

  it('errors, numbers and booleans', () => {
    assert.equal(data.grid[5]?.[0], '#N/A');
    assert.deepEqual(data.grid[6], [46208, true]);
    assert.equal(data.date1904, false);
    assert.equal(data.firstRow, 1);
  });

  it('a missing sheet is a SourceError naming the file and the sheet', async () => {
    const source = await openSource('cells.xlsx', await bookBuffer((wb) => { wb.addWorksheet('a'); }), inflateNode);
    await assert.rejects(source.readSheet('人员名单'), (e: unknown) =>
      e instanceof SourceError && e.code === 'NO_SHEET' && /cells\.xlsx/u.test(e.message) && /人员名单/u.test(e.message));
  });

  it('bytes that are not a workbook are UNREADABLE, naming the file', async () => {
    await assert.rejects(openSource('dir/书.xlsx', utf8('工号,姓名'), inflateNode), (e: unknown) =>
      e instanceof SourceError && e.code === 'UNREADABLE' && e.message.includes('dir/书.xlsx'));
  });

  describe('a workbook in the 1904 date system', () => {
    const serial1904 = 46208 - 1462; // 2026-07-05 (46208 in the 1900 system)
    let book = '';
    before(async () => {
      book = path.join(tmp, 'mac-1904.xlsx');
      fs.writeFileSync(book, await bookBuffer((wb) => {
        wb.properties.date1904 = true;
        const staff = wb.addWorksheet('人员名单');
        staff.addRow(['工号', '姓名', '科室']);
        staff.addRow(['A01', '张三', '收费处']);
        staff.addRow(['A02', '李四', '收费处']);
        const inspections = wb.addWorksheet('督导检查记录');
        inspections.addRow(['日期', '工号', '扣分']);
        inspections.addRow([serial1904, 'A01', 2]); // a bare serial: 2026-07-05 only when read as 1904
        const dated = inspections.addRow([new Date(Date.UTC(2026, 7, 10)), 'A02', 1]); // a date cell: 2026-08-10
        dated.getCell(1).numFmt = 'yyyy-mm-dd';
      }));
    });

    it('is reported as such, and date cells still read as the day written', async () => {
      const source = await openFile(book);
      const data = await source.readSheet('督导检查记录');
      assert.equal(data.date1904, true);
      assert.equal(data.grid[1]?.[0], serial1904);
      assert.equal(parseDay(data.grid[1]?.[0], true), dayFromParts(2026, 7, 5));
      const value = data.grid[2]?.[0];
      assert.ok(value instanceof Date);
      assert.equal(value.toISOString(), '2026-08-10T00:00:00.000Z');
    });

    it('serial numbers count from 1904 in a selection', async () => {
      const result = await selectBook(book, '2026Q3');
      // In the 1900 system the serial would be 2022-07-04: out of period, and 张三 would score 100.
      assert.deepEqual(result.people.map((p) => [p.member.id, p.score]), [['A01', 98], ['A02', 99]]);
      assert.deepEqual(result.inputs.map((i) => [i.table, i.used, i.outOfPeriod]), [['staff', 2, 0], ['inspections', 2, 0]]);
    });
  });
});

// -------------------------------------------------------------------------------------------------

describe('io: XlsxResultWriter writes the public notice (§13)', () => {
  it('title and paragraph merged across the list, sign-off under it, upright on one page', async () => {
    const result = await selectBook(fixture('smile-star-quarterly.xlsx'), '2026Q3');
    const notice = noticeSheet(result, 'zh');
    const writer = new XlsxResultWriter();
    await writer.writeSheets([notice]);
    const ws = sheet(await loadBuffer(await writer.toBuffer()), '公示名单 2026Q3');
    assert.equal(ws.getCell('A1').value, notice.title);
    assert.equal(ws.getCell('A3').value, notice.paragraph);
    assert.equal(ws.getCell('E1').isMerged && ws.getCell('E3').isMerged, true);
    assert.equal(ws.getCell('A3').alignment.wrapText, true);
    assert.equal(ws.getCell('A5').value, '序号');
    const rows = notice.blocks[0]?.rows.length ?? 0;
    assert.ok(rows > 0);
    assert.deepEqual([ws.getCell(5 + rows + 2, 5).value, ws.getCell(5 + rows + 3, 5).value], notice.signOff);
    assert.equal(ws.pageSetup.orientation, 'portrait');
    assert.deepEqual([ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight], [1, 1]);
  });
});

describe('io: XlsxResultWriter', () => {
  let result: SelectionResult;
  let sheets: ResultSheet[];
  let wb: ExcelJS.Workbook;
  const RUN = { when: '2026-10-08T09:00:00.000Z', tool: 'service-star test', fingerprint: 'abc123' };

  before(async () => {
    result = await selectBook(fixture('smile-star-quarterly.xlsx'), '2026Q3');
    sheets = resultSheets(result, RUN, 'zh');
    const writer = new XlsxResultWriter();
    await writer.writeSheets(sheets);
    wb = await loadBuffer(await writer.toBuffer());
  });

  const def = (kind: ResultSheet['kind']): ResultSheet => {
    const s = sheets.find((x) => x.kind === kind);
    assert.ok(s, kind);
    return s;
  };

  it('writes the six result sheets in order', () => {
    assert.deepEqual(wb.worksheets.map((w) => w.name),
      ['评选结果 2026Q3', '一票否决 2026Q3', '奖金扣罚 2026Q3', '获奖名单 2026Q3', '表彰名单 2026Q3', '运行记录 2026Q3']);
  });

  it('number formats: scores 0.00, money ¥#,##0', () => {
    assert.equal(NUMBER_FORMATS.score, '0.00');
    assert.equal(NUMBER_FORMATS.money, '¥#,##0');
    const results = sheet(wb, '评选结果 2026Q3');
    assert.equal(results.getCell('I1').value, '得分');
    for (let r = 2; r <= 11; r++) assert.equal(results.getCell(r, 9).numFmt, '0.00', `score format on row ${r}`);
    assert.equal(results.getCell('I2').value, 99);
    const deductions = sheet(wb, '奖金扣罚 2026Q3');
    assert.deepEqual([7, 9, 10].map((c) => deductions.getCell(1, c).value), ['违规扣款（元）', '投诉罚款（元）', '合计（元）']);
    for (const c of [7, 9, 10]) assert.equal(deductions.getCell(2, c).numFmt, '¥#,##0');
    // the total row: 10 + 10 + 10 + 100 + 30 + 10 + 10 + 200 = 380 元
    assert.equal(deductions.getCell(10, 1).value, '合计');
    assert.equal(deductions.getCell(10, 10).value, 380);
    assert.equal(deductions.getCell(10, 10).numFmt, '¥#,##0');
    const winners = sheet(wb, '获奖名单 2026Q3');
    assert.equal(winners.getCell('D2').numFmt, '0.00');
    assert.equal(winners.getCell('F2').numFmt, '¥#,##0');
  });

  it('the results sheet has the department scores beside the people, one blank column apart', () => {
    const results = sheet(wb, '评选结果 2026Q3');
    const side = def('results').side;
    assert.ok(side);
    const first = def('results').blocks[0]?.columns.length ?? 0;
    assert.equal(results.getCell(1, first + 1).value, null, 'the blank column');
    assert.deepEqual(side.block.columns.map((_, i) => results.getCell(1, first + 2 + i).value), side.block.columns.map((c) => c.header));
    assert.equal(side.block.rows.length, result.departments.length);
    side.block.rows.forEach((row, r) => row.forEach((v, c) => assert.equal(results.getCell(r + 2, first + 2 + c).value, v ?? null, `${r},${c}`)));
    assert.equal(results.getCell(2, first + 4).numFmt, '0.00', 'department scores as scores');
  });

  it('freezes the header row', () => {
    for (const name of ['评选结果 2026Q3', '一票否决 2026Q3', '奖金扣罚 2026Q3', '获奖名单 2026Q3']) {
      const view = sheet(wb, name).views[0];
      assert.equal(view?.state, 'frozen', name);
      assert.equal((view as ExcelJS.WorksheetViewFrozen).ySplit, 1, name);
    }
    // the award table: title on row 1, a spacer, the header on row 3
    const view = sheet(wb, '表彰名单 2026Q3').views[0] as ExcelJS.WorksheetViewFrozen;
    assert.equal(view.state, 'frozen');
    assert.equal(view.ySplit, 3);
  });

  it('sets each column\'s width from the sheet definition', () => {
    for (const kind of ['results', 'vetoes', 'deductions', 'winners'] as const) {
      const d = def(kind);
      const ws = sheet(wb, d.name);
      // The width Excel shows: the column's own, else the sheet's default column width. (exceljs
      // leaves out a column whose width is 9, its own default, so such a column needs the default.)
      const shown = (i: number) => ws.getColumn(i).width ?? ws.properties.defaultColWidth;
      d.blocks[0]?.columns.forEach((c, i) => assert.equal(shown(i + 1), c.width, `${d.name} column ${i + 1} (${c.header})`));
    }
    const results = sheet(wb, '评选结果 2026Q3');
    assert.ok((results.getColumn(2).width ?? 0) >= 8, 'the name column is wide enough for a Chinese name');
    assert.ok((sheet(wb, '一票否决 2026Q3').getColumn(7).width ?? 0) >= 40, 'the evidence column is wide');
  });

  it('the award table: title row merged across the table, bold and large', () => {
    const ws = sheet(wb, '表彰名单 2026Q3');
    const title = ws.getCell('A1');
    assert.equal(title.value, '2026年第三季度“微笑服务之星”表彰名单');
    assert.equal(title.value, awardTitle(result, 'zh'));
    assert.equal(title.font?.bold, true);
    assert.ok((title.font?.size ?? 0) >= 14);
    assert.ok(ws.model.merges.includes('A1:F1'), `merges ${JSON.stringify(ws.model.merges)}`);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(3, c).value), ['序号', '科室', '姓名', '得分', '奖励（元）', '备注']);
  });

  it('the award table: thin borders on the header and every body cell', () => {
    const ws = sheet(wb, '表彰名单 2026Q3');
    // header row 3, winners rows 4–8 (tie, tie, winner, winner, vacant), total row 9
    for (let r = 3; r <= 9; r++) {
      for (let c = 1; c <= 6; c++) {
        const border = ws.getCell(r, c).border;
        for (const side of ['top', 'left', 'bottom', 'right'] as const) {
          assert.equal(border?.[side]?.style, 'thin', `row ${r} column ${c} ${side}`);
        }
      }
    }
    assert.equal(ws.getCell(9, 1).value, '合计');
    assert.equal(ws.getCell(9, 5).value, 200); // two winners × 100 元
    assert.equal(ws.getCell(9, 5).numFmt, '¥#,##0');
  });

  it('the award table: printed one page wide, header repeated', () => {
    const setup = sheet(wb, '表彰名单 2026Q3').pageSetup;
    assert.equal(setup.fitToPage, true);
    assert.equal(setup.fitToWidth, 1);
    assert.equal(setup.fitToHeight, 0);
    assert.equal(setup.orientation, 'portrait');
    assert.equal(setup.paperSize, 9); // A4
    assert.equal(setup.printTitlesRow, '3:3');
  });

  it('text that looks like a formula stays text', async () => {
    const TRICKY = ['=HYPERLINK("x")', '+1', '-2', '@a', '=1+1', '<img src=x onerror=alert(1)>'];
    const writer = new XlsxResultWriter();
    await writer.writeSheets([{
      kind: 'results', name: '评选结果 2026Q3', title: null, printable: false,
      blocks: [{ caption: null, total: null, columns: [{ header: '姓名', width: 10, format: 'text' }], rows: TRICKY.map((t) => [t]) }],
    }]);
    const buffer = await writer.toBuffer();
    const ws = sheet(await loadBuffer(buffer), '评选结果 2026Q3');
    TRICKY.forEach((text, i) => {
      const cell = ws.getCell(i + 2, 1);
      assert.equal(cell.type, ExcelJS.ValueType.String, `${text} is a string cell`);
      assert.equal(cell.value, text);
      assert.equal(cell.formula, undefined);
    });
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
    assert.ok(xml);
    assert.doesNotMatch(xml, /<f[ >]/u, 'no formula element in the sheet');
  });
});

describe('io: names that look like formulas or markup, end to end', () => {
  const NAMES = ['=HYPERLINK("x")', '+1', '-2', '@a', '<img src=x onerror=alert(1)>'];
  let out = '';
  let json: ResultJson;

  before(async () => {
    const input = path.join(tmp, 'tricky-names.xlsx');
    fs.writeFileSync(input, await bookBuffer((wb) => {
      const ws = wb.addWorksheet('人员名单');
      ws.addRow(['工号', '姓名', '科室']);
      NAMES.forEach((name, i) => ws.addRow([`T0${i + 1}`, name, i < 3 ? '收费处' : '药房']));
    }));
    out = path.join(tmp, 'tricky-out.xlsx');
    const jsonFile = path.join(tmp, 'tricky.json');
    const run = await runCli(['select', input, '--period', '2026Q3', '--out', out, '--json', jsonFile, '-q']);
    assert.equal(run.status, 0, run.stderr);
    json = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as ResultJson;
  });

  it('the JSON keeps the names exactly', () => {
    assert.deepEqual(json.people.map((p) => p.name), NAMES);
  });

  it('the result workbook writes them as text cells, never formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const name of ['评选结果 2026Q3', '获奖名单 2026Q3', '表彰名单 2026Q3']) {
      const ws = sheet(wb, name);
      ws.eachRow((row) => row.eachCell((cell) => {
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${name} ${cell.address}`);
        assert.equal(cell.formula, undefined, `${name} ${cell.address}`);
      }));
    }
    const results = sheet(wb, '评选结果 2026Q3');
    NAMES.forEach((n, i) => {
      const cell = results.getCell(i + 2, 2);
      assert.equal(cell.type, ExcelJS.ValueType.String, n);
      assert.equal(cell.value, n);
    });
  });
});

describe('io: merged cells and formulas without a value reach the engine (§11, §11a)', () => {
  it('the .xlsx reader reports merges with the value in the top-left cell only, and formulas saved without a result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员名单');
    ws.getCell('A1').value = '人员名单';
    ws.mergeCells('A1:C1');
    ws.getRow(2).values = ['工号', '姓名', '科室'];
    ws.getRow(3).values = ['H1', '张三', '门诊'];
    ws.getRow(4).values = ['H2', '李四'];
    ws.mergeCells('C3:C4');
    ws.getCell('D3').value = { formula: 'A3&B3' } as ExcelJS.CellFormulaValue;
    const source = await openSource('book.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), inflateNode);
    const data = await source.readSheet('人员名单');
    assert.deepEqual(data.grid[0], ['人员名单']);
    assert.deepEqual(data.grid[3]?.slice(0, 3), ['H2', '李四']);
    assert.deepEqual(data.merges, [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 2, left: 2, bottom: 3, right: 2 }]);
    assert.deepEqual(data.formulasWithoutValue, [{ row: 2, column: 3 }]);
  });

  it('the CLI reads a merged roster as the clerk means it', async () => {
    const r = await collectAndRun(fixture('layout-merged.xlsx'));
    assert.deepEqual(r.people.map((p) => `${p.id} ${p.department}`), ['L01 收费处', 'L02 收费处', 'L03 收费处', 'L04 药房', 'L05 药房', 'L06 检验科']);
  });
});

async function collectAndRun(file: string): Promise<ResultJson> {
  const tmp = makeTemp();
  try {
    const run = await runCli(['select', file, '--period', '2026Q3', '--json', path.join(tmp, 'r.json')]);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(fs.readFileSync(path.join(tmp, 'r.json'), 'utf8')) as ResultJson;
  } finally {
    removeTemp(tmp);
  }
}
