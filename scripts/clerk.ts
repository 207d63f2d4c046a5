/**
 * The clerk's way, as a yardstick for the command line (issue 13): the bench's synthetic office
 * with a summary sheet 汇总 of COUNTIFS/SUMIFS formulas per person — the spreadsheet an office
 * keeps by hand — recalculated by LibreOffice headless. The bench times that against the CLI on
 * the same data; without `soffice` on the PATH it says so and goes on.
 *
 *   npx ts-node scripts/clerk.ts /tmp/clerk.xlsx   # writes the workbook only
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openFile } from '../src/io/files';
import { addOfficeSheets, SHEET_NAMES, syntheticOffice, type SyntheticGrid, type SyntheticSizes } from './synthetic';

export const SUMMARY_SHEET = '汇总';
const SUMMARY_HEADER = ['工号', '姓名', '科室', '扣分', '罚款（元）', '有效投诉', '得分', '科室排名'];

/**
 * One summary row's formulas, as a clerk writes them: points of the quarter from the inspections
 * (a blank point counts one, §3), fines of the quarter, valid complaints (the veto), the score,
 * and the rank within the department.
 */
function summaryFormulas(row: number, people: number, inspections: number, fines: number): string[] {
  const ins = (col: string) => `'${SHEET_NAMES.inspections}'!$${col}$2:$${col}$${inspections}`;
  const fin = (col: string) => `'${SHEET_NAMES.fines}'!$${col}$2:$${col}$${fines}`;
  const own = (col: string) => `$${col}$2:$${col}$${people + 1}`;
  const quarter = (range: string) => `${range},">="&DATE(2026,7,1),${range},"<="&DATE(2026,9,30)`;
  const points = `SUMIFS(${ins('F')},${ins('B')},A${row},${ins('G')},"违规",${quarter(ins('A'))})`
    + `+COUNTIFS(${ins('B')},A${row},${ins('G')},"违规",${ins('F')},"",${quarter(ins('A'))})`;
  const yuan = `SUMIFS(${fin('F')},${fin('B')},A${row},${fin('G')},"有效",${quarter(fin('A'))})`;
  const complaints = `COUNTIFS(${fin('B')},A${row},${fin('D')},"投诉",${fin('G')},"有效",${quarter(fin('A'))})`;
  return [points, yuan, complaints, `100-D${row}`, `COUNTIFS(${own('C')},C${row},${own('G')},">"&G${row})+1`];
}

/** Writes the office with its 汇总 sheet of formulas (no cached values: the recalculation must compute them). */
export async function writeClerkXlsx(file: string, sizes: SyntheticSizes): Promise<SyntheticGrid> {
  const office = syntheticOffice(sizes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  addOfficeSheets(workbook, office);
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.addRow(SUMMARY_HEADER).commit();
  office.staff.slice(1).forEach((person, i) => {
    const row = i + 2;
    const formulas = summaryFormulas(row, office.staff.length - 1, office.inspections.length, office.fines.length).map((formula) => ({ formula }));
    summary.addRow([person[0] ?? null, person[1] ?? null, person[2] ?? null, ...formulas]).commit();
  });
  summary.commit();
  await workbook.commit();
  return office.staff;
}

export interface ClerkFigure {
  /** LibreOffice opening, recalculating and saving the clerk's workbook, wall time. */
  ms: number | null;
  note: string;
}

/**
 * A LibreOffice profile that recalculates every formula of an .xlsx on load
 * (Tools › Options › Calc › Formula › "Recalculation on file load", Excel 2007 and newer: Always;
 * the setting is `OOXMLRecalcMode`, 0 = always), so a conversion is a full recalculation; and
 * without threaded group calculation, which crashed LibreOffice 7.4 (signal 11) on the full-size
 * workbook here and would give it a second core the command line does not use.
 */
function recalculatingProfile(dir: string): string {
  const user = path.join(dir, 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Calculation"><prop oor:name="UseThreadedCalculationForFormulaGroups" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`);
  return `file://${dir}`;
}

function convert(profile: string, file: string, outDir: string): { ms: number; ok: boolean; why: string } {
  const t0 = performance.now();
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 900_000 });
  const ms = performance.now() - t0;
  const out = path.join(outDir, path.basename(file));
  const why = run.error ? run.error.message : run.status !== 0 ? `exit ${String(run.status ?? run.signal)}: ${run.stderr.trim().slice(0, 200)}` : '';
  return { ms, ok: why === '' && fs.existsSync(out), why: why || (fs.existsSync(out) ? '' : 'no output file') };
}

/** Times LibreOffice recalculating the clerk's workbook of `sizes`, after one warm-up conversion of a small one. */
export async function benchLibreOffice(sizes: SyntheticSizes): Promise<ClerkFigure> {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { ms: null, note: 'LibreOffice (soffice) is not installed: not measured (Debian: apt-get install libreoffice-calc-nogui)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-star-clerk-'));
  try {
    const profile = recalculatingProfile(path.join(dir, 'profile'));
    const outDir = path.join(dir, 'out');
    const small = path.join(dir, 'small.xlsx');
    await writeClerkXlsx(small, { staff: 20, inspections: 100, fines: 10 });
    const warm = convert(profile, small, outDir);
    if (!warm.ok) return { ms: null, note: `LibreOffice failed on a small workbook: ${warm.why}` };
    const file = path.join(dir, 'clerk.xlsx');
    const staff = await writeClerkXlsx(file, sizes);
    const run = convert(profile, file, outDir);
    if (!run.ok) return { ms: null, note: `LibreOffice failed: ${run.why}` };
    // The recalculation really ran: the saved summary holds a computed score for every person.
    const saved = await openFile(path.join(outDir, 'clerk.xlsx'));
    const grid = (await saved.readSheet(SUMMARY_SHEET)).grid;
    const scored = grid.slice(1).filter((row) => typeof row[6] === 'number').length;
    const version = probe.stdout.trim().split(/\s+/u).slice(0, 2).join(' ');
    return {
      ms: run.ms,
      note: `${version}, ${(staff.length - 1).toLocaleString('en-US')} people × ${SUMMARY_HEADER.length - 3} formulas; ${scored.toLocaleString('en-US')} scores computed`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const out = process.argv[2] ?? 'clerk.xlsx';
  writeClerkXlsx(out, { staff: 5_000, inspections: 50_000, fines: 5_000 }).then(
    () => console.log(`wrote ${out}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
