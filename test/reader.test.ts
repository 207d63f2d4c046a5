/**
 * The workbook reader (src/io/xlsxReader.ts and its zip and XML scanner), the legacy formats
 * through SheetJS, the one message for a file that cannot be read, and CSV's BAD_CSV and
 * BAD_ENCODING (§11, §11a). Workbooks are written here part by part with JSZip, so each case
 * holds exactly the XML it is about.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import type { Cell } from '../src/engine/types';
import { inflateNode } from '../src/io/inflateNode';
import type { SheetData, TableSource } from '../src/io/types';
import { openSource, SourceError } from '../src/io/xlsx';
import { isDateFormat } from '../src/io/xlsxReader';
import { scanXml, XmlError } from '../src/io/xml';
import { entryChunks, zipEntries, ZipError } from '../src/io/zip';
import { fixture, makeTemp, removeTemp, ROOT, runCli } from './helpers/cli';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Part {
  name: string;
  xml: string;
  state?: string;
  chart?: boolean;
}

/** A workbook package with the given sheets (each its worksheet XML body), styles and shared strings. */
async function book(sheets: Part[], options: { workbookPr?: string; styles?: string; strings?: string[] } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? 'chartsheet' : 'worksheet'}" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rS" Type="${REL}/styles" Target="styles.xml"/>`, `<Relationship Id="rT" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const list = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}>${options.workbookPr ?? ''}<sheets>${list}</sheets></workbook>`);
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>`));
  zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet ${NS}>${options.styles ?? ''}</styleSheet>`);
  const strings = (options.strings ?? []).map((s) => `<si>${s}</si>`).join('');
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>${strings}</sst>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const open = (bytes: Uint8Array, name = 'book.xlsx') => openSource(name, bytes, inflateNode);

async function sheetOf(bytes: Uint8Array, name = 'S'): Promise<SheetData> {
  return (await open(bytes)).readSheet(name);
}

/** Rejects with one UNREADABLE SourceError whose message names the file and tells how to save it. */
async function rejectsUnreadable(promise: Promise<unknown>, file: string, about: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof SourceError, String(e));
    assert.equal(e.code, 'UNREADABLE');
    assert.match(e.message, about);
    assert.ok(e.message.startsWith(`${file}：无法读取：`), e.message);
    assert.equal(e.message.split('请在 Excel 或 WPS 中另存为 .xlsx').length, 2, 'the advice once, in Chinese');
    assert.equal(e.message.split('Save it as .xlsx in Excel or WPS').length, 2, 'and once in English');
    return true;
  });
}

let tmp = '';
before(() => { tmp = makeTemp(); });
after(() => removeTemp(tmp));

describe('reader: cell values', () => {
  let data: SheetData;
  before(async () => {
    data = await sheetOf(await book([{
      name: 'S',
      xml: `<dimension ref="A1:Z99"/><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>行内 &amp; 文本</t></is></c><c r="D1" t="s"><v>2</v></c></row>
        <row r="2"><c r="A2"><v>42.5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c></row>
        <row r="4"><c r="B4" t="str"><f>A1&amp;"x"</f><v>张三x</v></c><c r="C4"><f>1+2</f><v>3</v></c><c r="D4"><f>NOW()</f></c><c r="E4" t="str"><f>IF(A2=0,"",A2)</f><v></v></c></row>
        <row r="5"><c r="A5" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c><c r="C5" s="0"/></row>
        <row r="6" spans="1:3"><c r="A6" t="s"><v>3</v></c></row>
      </sheetData>`,
    }], { strings: ['<t>工号</t>', '<r><t>张</t></r><r><rPr><i/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh>', '<t>&#x4E2D;&#20013;&lt;&gt;&quot;&apos;</t>', '<t>line_x000D_break</t>'] }));
  });

  it('shared strings, rich text runs joined, phonetic runs left out', () => {
    assert.deepEqual(data.grid[0]?.slice(0, 2), ['工号', '张三']);
    assert.equal(data.grid[4]?.[0], '富文本');
  });

  it('inline strings and XML entities decoded, ST_Xstring escapes too', () => {
    assert.equal(data.grid[0]?.[2], '行内 & 文本');
    assert.equal(data.grid[0]?.[3], '中中<>"\'');
    assert.equal(data.grid[5]?.[0], 'line\rbreak');
  });

  it('inline texts repeated down a column and across sheets read back as written (texts kept once, CellTexts)', async () => {
    // A few letters, so texts repeat and different texts meet in the same slot of the table.
    const text = fc.stringMatching(/^[a-c张李]{1,4}$|^[a-c]{38,44}$/u);
    const column = fc.array(text, { minLength: 1, maxLength: 60 });
    await fc.assert(fc.asyncProperty(column, column, async (first, second) => {
      const rows = (texts: string[]) => texts.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="${i % 2 === 0 ? 'str' : 'inlineStr'}">${
        i % 2 === 0 ? `<v>${t}</v>` : `<is><t>${t}</t></is>`}</c></row>`).join('');
      const source = await open(await book([{ name: 'A', xml: `<sheetData>${rows(first)}</sheetData>` }, { name: 'B', xml: `<sheetData>${rows(second)}</sheetData>` }]));
      assert.deepEqual((await source.readSheet('A')).grid.map((r) => r[0]), first);
      assert.deepEqual((await source.readSheet('B')).grid.map((r) => r[0]), second);
    }), { numRuns: 60 });
  });

  it('numbers, booleans and errors as their text', () => assert.deepEqual(data.grid[1], [42.5, true, false, '#N/A']));

  it('formulas by their cached value; one without a value is blank and listed', () => {
    assert.deepEqual(data.grid[3], [null, '张三x', 3]);
    assert.deepEqual(data.formulasWithoutValue, [{ row: 3, column: 3 }]);
  });

  it('a missing row is empty, trailing blank cells and the declared dimension cost nothing', () => {
    assert.deepEqual(data.grid[2], []);
    assert.equal(data.grid.length, 6);
    assert.equal(Math.max(...data.grid.map((r) => r.length)), 4);
    assert.deepEqual([data.firstRow, data.firstColumn, data.date1904], [1, 1, false]);
  });
});

describe('reader: dates', () => {
  const styles = `<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
    <numFmt numFmtId="165" formatCode="0.00&quot;h&quot;"/><numFmt numFmtId="166" formatCode="[Red]#,##0;\\-0"/></numFmts>
    <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
    <cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>`;
  const cells = [1, 2, 3, 4, 5, 6].map((s, i) => `<c r="${String.fromCharCode(66 + i)}1" s="${s}"><v>46208.5</v></c>`).join('');
  const xml = `<sheetData><row r="1"><c r="A1" s="0"><v>46208</v></c>${cells}<c r="H1" s="1"><f>A1</f><v>46208</v></c></row></sheetData>`;

  it('built-in date formats (14, 22, East Asian 31) and custom ones with y/m/d give Dates; others stay numbers', async () => {
    const row = (await sheetOf(await book([{ name: 'S', xml }], { styles }))).grid[0] ?? [];
    const iso = (c: Cell) => (c instanceof Date ? c.toISOString() : c);
    assert.deepEqual(row.map(iso), [46208, '2026-07-05T12:00:00.000Z', '2026-07-05T12:00:00.000Z', '2026-07-05T12:00:00.000Z',
      '2026-07-05T12:00:00.000Z', 46208.5, 46208.5, '2026-07-05T00:00:00.000Z']);
  });

  for (const flag of ['1', 'true']) {
    it(`a 1904 workbook (date1904="${flag}"): the flag, and date cells counted from 1904`, async () => {
      const data = await sheetOf(await book([{ name: 'S', xml }], { styles, workbookPr: `<workbookPr date1904="${flag}"/>` }));
      assert.equal(data.date1904, true);
      assert.equal((data.grid[0]?.[7] as Date).toISOString(), '2030-07-06T00:00:00.000Z');
    });
  }

  it('what counts as a date format', () => {
    for (const code of ['yyyy-mm-dd', 'm/d/yy h:mm', '[$-804]yyyy"年"m"月"', 'hh:mm:ss', 'D-MMM']) assert.ok(isDateFormat(code), code);
    for (const code of ['General', '0.00', '#,##0"元"', '[Red]0', '0.0\\d', '"yyyy"0', '_(* #,##0_)']) assert.ok(!isDateFormat(code), code);
  });
});

/** What the scanner reports, text pieces joined (text may come in several pieces), or its error. */
async function scanEvents(chunks: string[]): Promise<string[]> {
  const events: string[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') events.push(`text ${text}`);
    text = '';
  };
  try {
    await scanXml((async function* pieces() { yield* chunks; })(), {
      open(name, attributes, selfClosing) {
        flush();
        events.push(`open ${name} [${attributes}]${selfClosing ? ' /' : ''}`);
      },
      close(name) {
        flush();
        events.push(`close ${name}`);
      },
      text(t) {
        text += t;
      },
    });
    flush();
  } catch (error) {
    events.push(error instanceof XmlError ? `error ${error.message}` : String(error));
  }
  return events;
}

describe('reader: the XML scanner', () => {
  // Prefixed names, a close tag with spaces and one with a no-break space, `>` and quotes inside
  // values, entities, CDATA, a comment, a processing instruction: every token is cut somewhere.
  const XML = '<?xml version="1.0"?><x:row r="1" x:spans=\'1:2\'><c r="A1" t="str"><v>a &amp; b&#x4E00;</v></c>'
    + '<c r="B1" note="x>y" q=\'"\'/><!-- <c> --><t><![CDATA[<&>]]>&lt;&#20013;</t></x:row ><v>1</v\u00a0>'
    + '<row></ x:row>_x000D_&bogus;';

  it('the same events wherever the chunks are cut, one character at a time too', async () => {
    const whole = await scanEvents([XML]);
    assert.deepEqual(whole, [
      'open row [ r="1" x:spans=\'1:2\']', 'open c [ r="A1" t="str"]', 'open v []', 'text a & b\u4e00', 'close v', 'close c',
      'open c [ r="B1" note="x>y" q=\'"\'] /', 'close c', 'open t []', 'text <&><\u4e2d', 'close t', 'close row',
      'open v []', 'text 1', 'close v', 'open row []', 'close row', 'text _x000D_&bogus;',
    ]);
    for (let cut = 1; cut < XML.length; cut++) {
      assert.deepEqual(await scanEvents([XML.slice(0, cut), XML.slice(cut)]), whole, `cut at ${cut}`);
    }
    assert.deepEqual(await scanEvents([...XML]), whole);
  });

  it('a DOCTYPE is refused and a tag left open is an error, wherever the chunks are cut', async () => {
    for (const xml of ['<a><!DOCTYPE a></a>', '<a><b c="1"']) {
      const whole = await scanEvents([xml]);
      assert.match(whole[whole.length - 1] ?? '', /^error /u);
      for (let cut = 1; cut < xml.length; cut++) assert.deepEqual(await scanEvents([xml.slice(0, cut), xml.slice(cut)]), whole, `${xml} cut at ${cut}`);
    }
  });
});

describe('reader: merged cells, sheets, order and state', () => {
  it('merged ranges as stored, the value in the top-left cell only', async () => {
    const data = await sheetOf(await book([{
      name: 'S',
      xml: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>收费处</t></is></c><c r="B2"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c><c r="C3"><v>3</v></c></row></sheetData>
        <mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells>`,
    }]));
    assert.deepEqual(data.grid, [['标题'], ['收费处', 1], [null, 2, 3]]);
    assert.deepEqual(data.merges, [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 1, left: 0, bottom: 2, right: 0 }]);
  });

  it('sheets in workbook order, very hidden ones left out, hidden ones kept, chart sheets skipped', async () => {
    const source = await open(await book([
      { name: '乙', xml: '<sheetData/>' }, { name: '甲', xml: '<sheetData/>', state: 'hidden' },
      { name: '秘', xml: '<sheetData/>', state: 'veryHidden' }, { name: '图表', xml: '', chart: true },
    ]));
    assert.deepEqual(await source.sheetNames(), ['乙', '甲']);
    await assert.rejects(source.readSheet('秘'), (e: unknown) => e instanceof SourceError && e.code === 'NO_SHEET');
  });

  it('a hostile sheet — merges, validations, formats and a dimension over the whole sheet — costs what its data costs', async () => {
    const whole = 'A1:XFD1048576';
    const bytes = await book([{
      name: 'S',
      xml: `<dimension ref="${whole}"/><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData>
        <mergeCells count="2"><mergeCell ref="${whole}"/><mergeCell ref="C5:XFD1048576"/></mergeCells>
        <conditionalFormatting sqref="${whole}"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>
        <dataValidations count="1"><dataValidation type="list" sqref="${whole}"><formula1>"是,否"</formula1></dataValidation></dataValidations>`,
    }]);
    assert.ok(bytes.length < 3000, `${bytes.length} bytes`);
    const data = await sheetOf(bytes);
    assert.deepEqual(data.grid, [[1, 2]]);
    // Clipped to the data, the range still spans two rows and two columns as it did.
    assert.deepEqual(data.merges, [{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });
});

describe('reader: files that cannot be read', () => {
  it('a DOCTYPE (entity declarations, "billion laughs") is refused', async () => {
    const zip = await JSZip.loadAsync(await book([{ name: 'S', xml: '<sheetData/>' }]));
    zip.file('xl/workbook.xml', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><workbook ${NS}><sheets/></workbook>`);
    await rejectsUnreadable(open(await zip.generateAsync({ type: 'uint8array' })), 'book.xlsx', /DOCTYPE/u);
  });

  it('an entry that inflates past the limit stops early (zip bomb)', async () => {
    const zip = new JSZip();
    zip.file('big.xml', new Uint8Array(4 * 1048576), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const entry = zipEntries(bytes).get('big.xml');
    assert.ok(entry);
    const drain = async () => {
      for await (const chunk of entryChunks(bytes, entry, inflateNode, 1048576)) assert.ok(chunk.length > 0);
    };
    await assert.rejects(drain(), (e: unknown) => e instanceof ZipError && e.kind === 'too-large');
    assert.match(SourceError.unreadable('b.xlsx', 'too-large', '64 MB').message, /超过 64 MB.*more than 64 MB/u);
  });

  it('not a workbook: text, a PDF, a Word package, a Word 97 file, an unknown extension — one message each', async () => {
    await rejectsUnreadable(open(new TextEncoder().encode('工号,姓名'), 'dir/书.xlsx'), 'dir/书.xlsx', /不是 Excel 工作簿。/u);
    await rejectsUnreadable(open(new TextEncoder().encode('%PDF-1.7'), 'r.pdf'), 'r.pdf', /不是 Excel 工作簿（\.pdf 文件）.*not an Excel workbook \(a \.pdf file\)/u);
    const docx = new JSZip();
    docx.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
    docx.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
    await rejectsUnreadable(open(await docx.generateAsync({ type: 'uint8array' }), 'a.xlsx'), 'a.xlsx', /不是工作簿.*not a workbook/u);
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'WordDocument', new Uint8Array(600));
    const doc = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number> as number[]);
    await rejectsUnreadable(open(doc, 'old.xls'), 'old.xls', /已损坏.*damaged/u);
    await rejectsUnreadable(open(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'cut.xlsx'), 'cut.xlsx', /损坏.*damaged/u);
    // A workbook with a password to open is a compound file holding the encrypted package (MS-OFFCRYPTO 2.3.4).
    const encrypted = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(encrypted, 'EncryptionInfo', new Uint8Array(200));
    XLSX.CFB.utils.cfb_add(encrypted, 'EncryptedPackage', new Uint8Array(600));
    const locked = new Uint8Array(XLSX.CFB.write(encrypted, { type: 'array' }) as ArrayLike<number> as number[]);
    await rejectsUnreadable(open(locked, '加密.xlsx'), '加密.xlsx', /打开密码.*encrypted/u);
  });

  it('a missing file: no such file, said once in each language', async () => {
    const run = await runCli(['select', path.join(tmp, 'none.xlsx'), '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.equal(run.stderr.split('文件不存在').length, 2, run.stderr);
    assert.equal(run.stderr.split('no such file').length, 2, run.stderr);
  });
});

describe('reader: the same grids as exceljs gave, merged cells un-filled', () => {
  /** exceljs's reading as the CLI did before (rich text joined, formulas by result), with a merged value kept in its top-left cell only. */
  function exceljsGrid(ws: ExcelJS.Worksheet): Cell[][] {
    const plain = (v: ExcelJS.CellValue): Cell => {
      if (v === null || v === undefined) return null;
      if (typeof v !== 'object' || v instanceof Date) return v;
      if ('richText' in v) return v.richText.map((r) => r.text).join('');
      if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
      if ('error' in v) return String(v.error);
      if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
      return null;
    };
    const grid: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => { cells[c - 1] = cell.isMerged && cell.master !== cell ? null : plain(cell.value); });
      grid[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    return trim(Array.from(grid, (r) => r ?? []));
  }
  const trim = (grid: readonly (readonly Cell[])[]): Cell[][] => {
    const rows = grid.map((r) => {
      const row = [...r];
      while (row.length > 0 && (row[row.length - 1] ?? null) === null) row.pop();
      return row;
    });
    while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    return rows;
  };
  const files = [path.resolve(__dirname, '..', 'examples', 'hospital-2026Q3.xlsx'),
    ...fs.readdirSync(fixture()).filter((f) => f.endsWith('.xlsx')).map((f) => fixture(f)), fixture('acceptance', 'clean-hospital-2026Q3.xlsx')];
  for (const file of files) {
    it(path.basename(file), async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const source: TableSource = await open(new Uint8Array(fs.readFileSync(file)), file);
      assert.deepEqual(await source.sheetNames(), wb.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name));
      for (const ws of wb.worksheets) {
        const data = await source.readSheet(ws.name);
        assert.deepEqual(trim(data.grid), exceljsGrid(ws), ws.name);
        assert.equal(data.date1904, Boolean(wb.properties.date1904));
      }
    });
  }
});

describe('reader: legacy formats (.xls, .ods) through SheetJS', () => {
  // The twins written by SheetJS (scripts/make-twins.ts), and the example saved by LibreOffice 7.4
  // (Save As 'MS Excel 97' and ODF: soffice --convert-to xls / ods) as an office would save it.
  const twins = ['xls', 'ods'].flatMap((ext) => [`twins/hospital-2026Q3.${ext}`, `twins/libreoffice/hospital-2026Q3.${ext}`]);
  for (const name of twins) {
    it(`${name} gives the same JSON as the .xlsx, and nothing on stderr`, async () => {
      // SheetJS's own notes (console.error while parsing LibreOffice's number formats) stay out.
      const printed: unknown[] = [];
      const printError = console.error;
      console.error = (...args: unknown[]) => { printed.push(args); };
      let runs: Awaited<ReturnType<typeof runCli>>[];
      try {
        runs = await Promise.all([path.resolve(__dirname, '..', 'examples', 'hospital-2026Q3.xlsx'), fixture(...name.split('/'))]
          .map((file) => runCli(['select', file, '--period', '2026Q3', '--json', '-', '--quiet'])));
      } finally {
        console.error = printError;
      }
      assert.deepEqual(printed, []);
      for (const run of runs) assert.equal(run.status, 0, run.stderr);
      assert.equal(runs[1]?.stderr, '');
      const [xlsx, twin] = runs.map((r) => JSON.parse(r.stdout) as { inputs: { file?: string }[] });
      for (const result of [xlsx, twin]) for (const input of result?.inputs ?? []) delete input.file;
      assert.deepEqual(twin, xlsx);
    });
  }

  it('a WPS .et (the same compound file format) reads like the .xls', async () => {
    const bytes = new Uint8Array(fs.readFileSync(fixture('twins', 'hospital-2026Q3.xls')));
    const [et, xls] = await Promise.all([open(bytes, '名单.et'), open(bytes, '名单.xls')]);
    assert.deepEqual(await et.sheetNames(), await xls.sheetNames());
    assert.deepEqual((await et.readSheet('人员名单')).grid, (await xls.readSheet('人员名单')).grid);
  });

  it('merged ranges and the 1904 flag of an .xls', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['标题', null], ['日期', 1]]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const data = await (await open(bytes, 'b.xls')).readSheet('S');
    assert.deepEqual(data.grid, [['标题'], ['日期', 1]]);
    assert.deepEqual(data.merges, [{ top: 0, left: 0, bottom: 0, right: 1 }]);
    assert.equal(data.date1904, true);
  });

  it("an .xls's merged ranges are clipped to its data as the .xlsx reader's are (a title merged across the whole sheet)", async () => {
    const ws = XLSX.utils.aoa_to_sheet([['标题'], ['工号', '姓名'], ['H01', '张三']]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 255 } }, { s: { r: 10, c: 0 }, e: { r: 12, c: 1 } }, { s: { r: 1, c: 5 }, e: { r: 3000, c: 6 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const data = await (await open(bytes, 'c.xls')).readSheet('S');
    // Across to the last column with data; the range below the data and the one right of it hold nothing.
    assert.deepEqual(data.merges, [{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});

describe('reader: loaded only when needed', () => {
  it('--json on an .xlsx loads neither exceljs (the writer, for --out) nor SheetJS (for legacy formats)', () => {
    const out = path.join(tmp, 'lazy.json');
    const script = `require('./src/cli/main').main(['select', 'examples/hospital-2026Q3.xlsx', '--period', '2026Q3', '--json', ${JSON.stringify(out)}, '-q'],
      { stdout() {}, stderr() {}, progress: false }).then((status) => process.stdout.write(JSON.stringify({ status,
        loaded: Object.keys(require.cache).filter((k) => /node_modules[\\/](exceljs|@e965)/u.test(k)).length })));`;
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.deepEqual(JSON.parse(run.stdout), { status: 0, loaded: 0 }, run.stderr);
    assert.ok(fs.existsSync(out));
  });
});

describe('CSV: BAD_CSV and BAD_ENCODING (§11a)', () => {
  it('a quote left open rejects the file, naming the line where it opened', async () => {
    const csv = new TextEncoder().encode('工号,姓名,事由\nK01,张三,ok\nK02,"李四,未闭合\nK03,王五,x\n');
    await assert.rejects(open(csv, 'f.csv'), (e: unknown) =>
      e instanceof SourceError && e.code === 'BAD_CSV' && /f\.csv 第3行/u.test(e.message) && /f\.csv row 3/u.test(e.message));
  });

  it('UTF-8 with a few bad bytes stays UTF-8, with a warning naming the first bad line', async () => {
    const good = Buffer.from('工号,姓名,科室\nK01,张三,收费处\nK02,李', 'utf8');
    const csv = new Uint8Array(Buffer.concat([good, Buffer.from([0xff]), Buffer.from('四,收费处\n', 'utf8')]));
    const data = await (await open(csv, 'r.csv')).readSheet('r');
    assert.deepEqual(data.grid[2], ['K02', '李\uFFFD四', '收费处']);
    assert.equal(data.warnings?.length, 1);
    assert.equal(data.warnings?.[0]?.code, 'BAD_ENCODING');
    assert.equal(data.warnings?.[0]?.row, 3);
  });

  it('the warning reaches the run: --json warnings', async () => {
    const roster = path.join(tmp, 'roster.csv');
    fs.writeFileSync(roster, Buffer.concat([Buffer.from('工号,姓名,科室\nK01,张三,收费处\nK02,李四,收', 'utf8'), Buffer.from([0xc0]), Buffer.from('费处\n', 'utf8')]));
    const run = await runCli(['select', fixture('smile-star-quarterly.xlsx'), '--staff', roster, '--period', '2026Q3', '--json', '-', '--quiet']);
    const result = JSON.parse(run.stdout) as { warnings: { code: string; row: number | null }[] };
    assert.deepEqual(result.warnings.filter((w) => w.code === 'BAD_ENCODING').map((w) => w.row), [3]);
  });
});
