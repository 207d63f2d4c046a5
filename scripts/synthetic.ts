/**
 * A deterministic synthetic office for benchmarks and load tests: N window staff in D
 * departments, M supervision inspections and F fines/complaints, with the Chinese headers of
 * the rules book (§1) and dates as Excel serial numbers in and around 2026Q3.
 *
 *   import { syntheticTables, writeSyntheticXlsx } from './synthetic';
 *   const tables = syntheticTables({ staff: 5000, departments: 40, inspections: 200000, fines: 10000 });
 *   await writeSyntheticXlsx('/tmp/office.xlsx', { staff: 5000, inspections: 50000, fines: 5000 });
 *
 * Every run with the same sizes and seed gives the same cells (own PRNG, mulberry32); nothing
 * here depends on the clock, the locale or Math.random.
 */
import ExcelJS from 'exceljs';
import { mulberry32 } from './repeatable';

/** A cell as the engine reads it. */
export type SyntheticCell = string | number | null;
export type SyntheticGrid = SyntheticCell[][];

export interface SyntheticSizes {
  /** Staff on the roster (N). */
  staff: number;
  /** Departments (D); default: about one per 125 staff, at least 4. */
  departments?: number;
  /** Inspection rows (M). */
  inspections: number;
  /** Fines and complaints rows (F). */
  fines: number;
  /** PRNG seed; default 20260930. */
  seed?: number;
}

export interface SyntheticOffice {
  staff: SyntheticGrid;
  inspections: SyntheticGrid;
  fines: SyntheticGrid;
}

/** The sheet names of the workbook (found by the CLI by name, §9). */
export const SHEET_NAMES = { staff: '人员名单', inspections: '督导检查记录', fines: '投诉及处罚记录' } as const;

export const STAFF_HEADER = ['工号', '姓名', '科室', '在岗状态'];
export const INSPECTIONS_HEADER = ['检查日期', '工号', '姓名', '检查项目', '检查方式', '扣分', '结果'];
export const FINES_HEADER = ['日期', '工号', '姓名', '类型', '严重程度', '金额', '是否有效'];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569; // days from 1899-12-30 to 1970-01-01

/** The Excel serial (1900 system) of a calendar day. */
export function excelSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

const YEAR_FIRST = excelSerial(2026, 1, 1);
const Q3_FIRST = excelSerial(2026, 7, 1);
const Q3_LAST = excelSerial(2026, 9, 30);
const YEAR_LAST = excelSerial(2026, 12, 31);

/** A serial in and around 2026Q3: 75 % inside the quarter, the rest earlier in the year or after it. */
function recordSerial(rnd: Random): number {
  const u = rnd.float();
  if (u < 0.75) return rnd.int(Q3_FIRST, Q3_LAST);
  if (u < 0.95) return rnd.int(YEAR_FIRST, Q3_FIRST - 1);
  return rnd.int(Q3_LAST + 1, YEAR_LAST);
}

// ---------------------------------------------------------------------------------------------
// Words

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '婷婷', '晓燕', '雪', '欣怡', '佳琪', '建华', '玉兰', '晨'];
const DEPARTMENT_STEMS = ['导医台', '门诊收费室', '住院收费室', '门诊药房', '住院药房', '检验科窗口', '放射科登记处', '病案室',
  '入院服务中心', '医保办窗口', '挂号处', '综合服务窗口', '便民服务中心', '社保窗口', '不动产登记窗口', '税务窗口'];
const ITEMS = ['仪容仪表', '服务用语', '首问负责', '脱岗离岗', '使用手机', '工作纪律', '环境卫生', '唱收唱付', '一次性告知', '微笑服务'];
const KINDS = ['现场', '暗访', '非现场', '调取监控'];
const VETO_TYPES = ['投诉', '患者投诉', '差错', '纠纷'];
const FINE_TYPES = ['罚款', '迟到', '其他'];
const SEVERITIES = ['轻微', '一般', '严重', ''];

function departmentName(i: number): string {
  const stem = DEPARTMENT_STEMS[i % DEPARTMENT_STEMS.length] as string;
  const round = Math.floor(i / DEPARTMENT_STEMS.length);
  return round === 0 ? stem : `${stem}${round + 1}`;
}

export function staffId(i: number): string {
  return `S${String(i + 1).padStart(5, '0')}`;
}

interface Person {
  id: string;
  name: string;
}

function people(sizes: SyntheticSizes): { grid: SyntheticGrid; list: Person[] } {
  const rnd = new Random((sizes.seed ?? 20260930) ^ 0x51a1f);
  const departments = Math.max(1, sizes.departments ?? Math.max(4, Math.round(sizes.staff / 125)));
  const grid: SyntheticGrid = [[...STAFF_HEADER]];
  const list: Person[] = [];
  for (let i = 0; i < sizes.staff; i++) {
    const id = staffId(i);
    const name = rnd.pick(SURNAMES) + rnd.pick(GIVEN);
    const department = departmentName(rnd.int(0, departments - 1));
    const active = rnd.chance(0.96) ? '在岗' : rnd.pick(['离岗', '调离']);
    grid.push([id, name, department, active]);
    list.push({ id, name });
  }
  return { grid, list };
}

/** The roster 人员名单: 工号 姓名 科室 在岗状态. Names repeat (as in a real office); ids do not. */
export function staffGrid(sizes: SyntheticSizes): SyntheticGrid {
  return people(sizes).grid;
}

/**
 * Inspections 督导检查记录: 检查日期 工号 姓名 检查项目 检查方式 扣分 结果. About 30 % of the
 * checks find a violation (1–3 points, sometimes blank = the default point).
 */
export function inspectionsGrid(sizes: SyntheticSizes, staff: readonly Person[] = people(sizes).list): SyntheticGrid {
  const rnd = new Random((sizes.seed ?? 20260930) ^ 0x1f5c7);
  const grid: SyntheticGrid = [[...INSPECTIONS_HEADER]];
  if (staff.length === 0) return grid;
  for (let i = 0; i < sizes.inspections; i++) {
    const p = rnd.pick(staff);
    const violation = rnd.chance(0.3);
    const points: SyntheticCell = violation ? (rnd.chance(0.1) ? null : rnd.int(1, 3)) : 0;
    grid.push([recordSerial(rnd), p.id, p.name, rnd.pick(ITEMS), rnd.pick(KINDS), points, violation ? '违规' : '合格']);
  }
  return grid;
}

/**
 * Fines and complaints 投诉及处罚记录: 日期 工号 姓名 类型 严重程度 金额 是否有效. Most rows are fines
 * (罚款·迟到·其他); about 15 % are complaints (a veto type), some of them found invalid.
 */
export function finesGrid(sizes: SyntheticSizes, staff: readonly Person[] = people(sizes).list): SyntheticGrid {
  const rnd = new Random((sizes.seed ?? 20260930) ^ 0x7e3d1);
  const grid: SyntheticGrid = [[...FINES_HEADER]];
  if (staff.length === 0) return grid;
  for (let i = 0; i < sizes.fines; i++) {
    const p = rnd.pick(staff);
    const complaint = rnd.chance(0.15);
    const type = complaint ? rnd.pick(VETO_TYPES) : rnd.pick(FINE_TYPES);
    const severity = complaint ? rnd.pick(SEVERITIES) : '';
    const amount: SyntheticCell = complaint ? (rnd.chance(0.5) ? null : rnd.pick([50, 100, 200])) : rnd.pick([10, 20, 50]);
    const valid = complaint && rnd.chance(0.2) ? '无效' : '有效';
    grid.push([recordSerial(rnd), p.id, p.name, type, severity, amount, valid]);
  }
  return grid;
}

/** All three grids, generated from one roster. */
export function syntheticOffice(sizes: SyntheticSizes): SyntheticOffice {
  const { grid, list } = people(sizes);
  return { staff: grid, inspections: inspectionsGrid(sizes, list), fines: finesGrid(sizes, list) };
}

/** The office as engine tables ({ sheet, grid }), keyed as runSelection wants them. */
export function syntheticTables(sizes: SyntheticSizes): Record<keyof SyntheticOffice, { sheet: string; grid: SyntheticGrid }> {
  const office = syntheticOffice(sizes);
  return {
    staff: { sheet: SHEET_NAMES.staff, grid: office.staff },
    inspections: { sheet: SHEET_NAMES.inspections, grid: office.inspections },
    fines: { sheet: SHEET_NAMES.fines, grid: office.fines },
  };
}

/**
 * Writes the office as an .xlsx workbook (sheets 人员名单, 督导检查记录, 投诉及处罚记录), streaming
 * the rows so a large office does not have to fit in exceljs's in-memory model. Date columns
 * carry the serials with a date format, as Excel stores them.
 */
export async function writeSyntheticXlsx(path: string, sizes: SyntheticSizes): Promise<SyntheticOffice> {
  const office = syntheticOffice(sizes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  addOfficeSheets(workbook, office);
  await workbook.commit();
  return office;
}

/** The office's three sheets, streamed into a workbook being written (its date columns formatted as dates). */
export function addOfficeSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, office: SyntheticOffice): void {
  const sheets: [string, SyntheticGrid, number | null][] = [
    [SHEET_NAMES.staff, office.staff, null],
    [SHEET_NAMES.inspections, office.inspections, 1],
    [SHEET_NAMES.fines, office.fines, 1],
  ];
  for (const [name, grid, dateColumn] of sheets) {
    const sheet = workbook.addWorksheet(name);
    if (dateColumn !== null) sheet.getColumn(dateColumn).numFmt = 'yyyy-mm-dd';
    for (const row of grid) sheet.addRow(row).commit();
    sheet.commit();
  }
}

if (require.main === module) {
  const out = process.argv[2] ?? 'synthetic-office.xlsx';
  const staff = Number(process.argv[3] ?? 5000);
  const inspections = Number(process.argv[4] ?? 50000);
  const fines = Number(process.argv[5] ?? 5000);
  writeSyntheticXlsx(out, { staff, inspections, fines }).then(
    () => console.log(`wrote ${out}: ${staff} staff, ${inspections} inspections, ${fines} fines`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
