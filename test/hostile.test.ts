/**
 * Hostile and careless inputs, end to end through the command line (issue "Hostile and huge
 * inputs"): each break that was found gets a small file made here and the answer the rules book
 * (§11, §11a) or the command line's promises give — nothing taken silently, nothing lost, nothing
 * hanging, no result half-written; and the promises that held already keep holding.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ResultJson } from '../src/engine/json';
import { makeTemp, removeTemp, runCli, sha256 } from './helpers/cli';

let tmp = '';
before(() => { tmp = makeTemp('service-star-hostile-'); });
after(() => removeTemp(tmp));

type Rows = (string | number | null)[][];

const STAFF: Rows = [['工号', '姓名', '科室'], ['H01', '张三', '收费'], ['H02', '李四', '收费'], ['H03', '王五', '药房'], ['H04', '赵六', '药房']];

async function workbook(name: string, sheets: Record<string, Rows>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r) => ws.addRow(r));
  }
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function select(file: string, extra: string[] = []): Promise<{ status: number; stderr: string; json: ResultJson | null }> {
  const out = path.join(tmp, `${path.basename(file)}.json`);
  const run = await runCli(['select', file, '--period', '2026Q3', '--json', out, ...extra]);
  return { status: run.status, stderr: run.stderr, json: run.status === 0 ? JSON.parse(fs.readFileSync(out, 'utf8')) as ResultJson : null };
}

const codes = (r: ResultJson) => r.warnings.map((w) => `${w.code} ${w.table} ${w.row}`);

describe('hostile inputs: values that cannot be right (§11a)', () => {
  it('a fine written −300 costs 300 yuan (a sign is never a credit); praise of −100 points and 50 satisfied of 10 are BAD_NUMBER', async () => {
    const file = await workbook('values.xlsx', {
      人员名单: STAFF,
      投诉及处罚记录: [['日期', '工号', '类型', '金额', '是否有效'], ['2026-07-03', 'H01', '罚款', -300, '是']],
      表扬记录: [['日期', '工号', '加分'], ['2026-07-04', 'H02', -100]],
      满意度: [['月份', '工号', '评价数', '满意数'], ['2026-07', 'H03', 10, 50]],
    });
    const { json } = await select(file);
    assert.ok(json);
    assert.equal(json.deductions.find((d) => d.id === 'H01')?.complaintYuan, 300);
    assert.deepEqual(codes(json).filter((c) => c.startsWith('BAD_NUMBER')).sort(), ['BAD_NUMBER praise 2', 'BAD_NUMBER satisfaction 2']);
    assert.equal(json.people.find((p) => p.id === 'H02')?.praise, 0);
    assert.equal(json.people.find((p) => p.id === 'H03')?.satisfaction, null);
  });

  it('ids differing only by a zero-width space are one id: DUPLICATE_ID, exit 1', async () => {
    const file = await workbook('zwsp.xlsx', { 人员名单: [...STAFF, ['H04\u200B', '孙七', '药房']] });
    const run = await select(file);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DUPLICATE_ID/u);
  });

  it('a formula saved without its value rejects its row (FORMULA_NO_VALUE), never reads as blank', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员名单').addRows(STAFF);
    const ws = wb.addWorksheet('督导检查记录');
    ws.addRow(['日期', '工号', '扣分']);
    ws.addRow(['2026-07-05', 'H01', null]);
    ws.getCell('C2').value = { formula: '5*2' } as ExcelJS.CellFormulaValue;
    const file = path.join(tmp, 'formula.xlsx');
    await wb.xlsx.writeFile(file);
    const { json } = await select(file);
    assert.ok(json);
    assert.deepEqual(codes(json).filter((c) => c.startsWith('FORMULA_NO_VALUE')), ['FORMULA_NO_VALUE inspections 2']);
    assert.equal(json.people.find((p) => p.id === 'H01')?.score, 100);
    const report = json.inputs.find((i) => i.table === 'inspections');
    assert.equal(report?.rejected, 1);
  });
});

describe('hostile inputs: a roster never swapped silently (§11)', () => {
  it('人员名单 wins over an earlier 离职人员 sheet, which gets MORE_SHEETS; departed staff do not win', async () => {
    const file = await workbook('departed.xlsx', {
      离职人员: [['工号', '姓名', '科室'], ['X01', '钱八', '收费']],
      人员名单: STAFF,
    });
    const { json } = await select(file);
    assert.ok(json);
    assert.deepEqual(json.people.map((p) => p.id), ['H01', 'H02', 'H03', 'H04']);
    assert.ok(json.warnings.some((w) => w.code === 'MORE_SHEETS' && w.message.includes('离职人员')), JSON.stringify(json.warnings));
  });
});

describe('hostile inputs: CSV rows never vanish (§11a)', () => {
  const staffCsv = () => {
    const file = path.join(tmp, 'staff.csv');
    fs.writeFileSync(file, STAFF.map((r) => r.join(',')).join('\n'));
    return file;
  };

  it('an unclosed quote rejects the file with BAD_CSV naming the line where it opened (exit 1)', async () => {
    const fines = path.join(tmp, 'quote.csv');
    fs.writeFileSync(fines, '日期,工号,类型\n2026-07-01,H01,罚款\n2026-07-02,H02,"投诉\n2026-07-03,H03,罚款\n2026-07-04,H04,罚款\n');
    const run = await runCli(['select', '--staff', staffCsv(), '--fines', fines, '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /BAD_CSV.*第3行|BAD_CSV.*line 3/u);
  });

  it('one stray byte in a UTF-8 file: read as UTF-8 with BAD_ENCODING, the names intact', async () => {
    const staff = path.join(tmp, 'stray.csv');
    const text = Buffer.from(STAFF.map((r) => r.join(',')).join('\n'), 'utf8');
    fs.writeFileSync(staff, Buffer.concat([text.subarray(0, text.indexOf('李四') ), Buffer.from([0xff]), text.subarray(text.indexOf('李四'))]));
    const out = path.join(tmp, 'stray.json');
    const run = await runCli(['select', '--staff', staff, '--period', '2026Q3', '--json', out]);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultJson;
    assert.ok(json.warnings.some((w) => w.code === 'BAD_ENCODING'));
    assert.deepEqual(json.people.map((p) => p.name).filter((n) => n !== '张三' && n !== '王五' && n !== '赵六').length, 1);
    assert.ok(json.people.some((p) => p.name === '张三') && json.people.some((p) => p.name === '赵六'));
  });
});

describe('hostile inputs: a 3 KB file answered quickly', () => {
  it('a merge and a data validation over the whole sheet: read in about a second, not expanded', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(await workbook('whole.xlsx', { 人员名单: STAFF })));
    const sheet = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(f)) as string;
    let xml = await zip.file(sheet)?.async('string') as string;
    xml = xml.replace(/<dimension ref="[^"]*"\/>/u, '<dimension ref="A1:XFD1048576"/>')
      .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="E1:XFD1048576"/></mergeCells>')
      .replace(/<pageMargins/u, '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations><pageMargins');
    zip.file(sheet, xml);
    const file = path.join(tmp, 'whole-sheet.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    assert.ok(fs.statSync(file).size < 10_000);
    const { json } = await select(file);
    assert.ok(json);
    assert.deepEqual(json.people.map((p) => p.id), ['H01', 'H02', 'H03', 'H04']);
  });
});

describe('hostile inputs: text stays text, output stays valid', () => {
  it('formula text, HTML and U+FFFE in a name: written as text, the workbook opens, the input unchanged', async () => {
    const file = await workbook('text.xlsx', {
      人员名单: [['工号', '姓名', '科室'], ['H01', '=HYPERLINK("http://x")', '收费'], ['H02', '<img src=x onerror=alert(1)>', '收费'], ['H03', '王\uFFFE五', '药房']],
    });
    const before = sha256(file);
    const out = path.join(tmp, 'text-out.xlsx');
    const run = await runCli(['select', file, '--period', '2026Q3', '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(sha256(file), before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const results = wb.worksheets[0] as ExcelJS.Worksheet;
    const names = [2, 3, 4].map((r) => results.getRow(r).getCell(2));
    assert.deepEqual(names.map((c) => c.type), [ExcelJS.ValueType.String, ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
    assert.deepEqual(names.map((c) => c.value), ['=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>', '王五']);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    for (const name of Object.keys(zip.files).filter((f) => f.endsWith('.xml'))) {
      assert.doesNotMatch(await zip.file(name)?.async('string') as string, /\uFFFE/u, name);
    }
  });

  it('XML entity declarations are refused with one message (exit 1)', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(await workbook('entities.xlsx', { 人员名单: STAFF })));
    const xml = await zip.file('xl/workbook.xml')?.async('string') as string;
    zip.file('xl/workbook.xml', xml.replace(/^(<\?xml[^>]*\?>)?/u, '$1<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'));
    const file = path.join(tmp, 'entities-bad.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    const run = await runCli(['select', file, '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DOCTYPE/u);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });
});
