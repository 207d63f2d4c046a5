/**
 * Writes the legacy-format twins of the example workbook for the reader tests (§11 file formats):
 * test/fixtures/twins/hospital-2026Q3.xls (Excel 97–2003, BIFF8) and .ods (OpenDocument), with
 * SheetJS CE — the same library that reads them, as no office suite is installed here. The tests
 * check that the command line gives the same result from each as from the .xlsx.
 *
 *   node -r ts-node/register/transpile-only scripts/make-twins.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';

const ROOT = path.resolve(__dirname, '..');
const source = path.join(ROOT, 'examples', 'hospital-2026Q3.xlsx');
const dir = path.join(ROOT, 'test', 'fixtures', 'twins');
fs.mkdirSync(dir, { recursive: true });
// cellNF keeps the date formats, so date cells stay dates in the twins.
const workbook = XLSX.read(fs.readFileSync(source), { type: 'buffer', cellNF: true, cellDates: false });
for (const [ext, bookType] of [['xls', 'biff8'], ['ods', 'ods']] as const) {
  const file = path.join(dir, `hospital-2026Q3.${ext}`);
  fs.writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType, compression: true }) as Buffer);
  console.log(`wrote ${path.relative(ROOT, file)} (${fs.statSync(file).size} bytes)`);
}
