/**
 * Builds the small test workbooks of test/fixtures/ (one per scheme preset of rules.md §7, plus
 * bad and messy inputs and the UTF-8 CSV files):
 *
 *   node -r ts-node/register/transpile-only scripts/make-fixtures.ts
 *
 * Every fixture is tiny (≤ 16 staff) and written out cell by cell, so the expected results can be
 * worked out by hand; the hand computations are in the comments of test/cli.test.ts. Dates are
 * UTC midnight and the zip entries carry a fixed time, so every run gives byte-identical files.
 *
 * The GB18030 CSV files (test/fixtures/csv/*-gb18030.csv) are NOT written here: Node cannot encode
 * GB18030. They were made once from the UTF-8 files with iconv and are kept as they are:
 *
 *   iconv -f utf-8 -t gb18030 roster-utf8.csv > roster-gb18030.csv
 *
 * The script checks that they still decode to the same text as the UTF-8 files.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { repeatableXlsx } from './repeatable';

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');
const D = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const FIXED_TIME = D(2026, 10, 8);

type Value = ExcelJS.CellValue;
interface SheetSpec {
  name: string;
  rows: (Value[] | null)[];
  /** Merged ranges (`A1:D1`); only the top-left cell of each holds a value, as Excel stores it. */
  merges?: string[];
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name);
  spec.rows.forEach((values, r) => {
    if (values === null) return; // a row left truly empty
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  });
  const width = Math.max(...spec.rows.map((r) => r?.length ?? 0));
  for (let c = 1; c <= width; c++) ws.getColumn(c).width = 14;
  for (const range of spec.merges ?? []) ws.mergeCells(range);
}

/** Writes a workbook with a fixed creation time and fixed zip entry times (byte-identical reruns). */
async function writeBook(file: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'service-star fixtures';
  wb.lastModifiedBy = 'service-star fixtures';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  for (const sheet of sheets) addSheet(wb, sheet);
  const out = path.join(FIXTURES, file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await repeatableXlsx(wb, FIXED_TIME));
  console.log(`wrote test/fixtures/${file}`);
}

// -------------------------------------------------------------------------------------------------
// smile-star-quarterly.xlsx — 2026Q3, default scheme: a tie (收费处), a veto that removes the top
// scorer (药房), a winner over an out-of-period row (检验科), a vacant department (导医台).

const SMILE_STAFF: Value[][] = [
  ['S01', '张伟', '收费处', '收费员', '在岗'],
  ['S02', '李娜', '收费处', '收费员', '在岗'],
  ['S03', '王芳', '收费处', '收费员', '在岗'],
  ['S04', '刘洋', '药房', '药剂师', '在岗'],
  ['S05', '陈静', '药房', '药剂师', '在岗'],
  ['S06', '杨磊', '药房', '药剂师', '在岗'],
  ['S07', '赵敏', '检验科', '检验员', '在岗'],
  ['S08', '黄强', '检验科', '检验员', '在岗'],
  ['S09', '周杰', '导医台', '导医', '在岗'],
  ['S10', '吴霞', '导医台', '导医', '离岗'],
];
const STAFF_HEADER = ['工号', '姓名', '科室', '岗位', '在岗状态'];

const smileStar: SheetSpec[] = [
  { name: '人员名单', rows: [STAFF_HEADER, ...SMILE_STAFF] },
  {
    name: '督导检查记录',
    rows: [
      ['检查日期', '工号', '姓名', '检查项目', '检查方式', '扣分'],
      [D(2026, 6, 30), 'S08', '黄强', '脱岗', '现场', 5], // row 2: before Q3
      [D(2026, 7, 1), 'S01', '张伟', '仪容仪表不规范', '现场', 1], // row 3: Q3's first day
      [D(2026, 7, 20), 'S03', '王芳', '脱岗', '现场', 3],
      [D(2026, 7, 10), 'S07', '赵敏', '工作牌未佩戴', '暗访', 1],
      [D(2026, 8, 12), 'S02', '李娜', '服务用语不规范', '暗访', 1],
      [D(2026, 9, 15), 'S07', '赵敏', '桌面不整洁', '现场', null], // blank points = 1
      [D(2026, 9, 30), 'S05', '陈静', '工作时间玩手机', '调取监控', 2], // Q3's last day, off-site
      [D(2026, 10, 1), 'S06', '杨磊', '迟到', '现场', 2], // row 9: after Q3
    ],
  },
  {
    name: '投诉及处罚记录',
    rows: [
      ['日期', '工号', '姓名', '类型', '严重程度', '金额', '是否有效', '事由'],
      [D(2026, 8, 8), 'S04', '刘洋', '患者投诉', '一般', null, '有效', '发药时态度生硬'],
      [D(2026, 8, 20), 'S09', '周杰', '群众投诉', '严重', null, '有效', '与患者争吵'],
      [D(2026, 9, 30), 'S05', '陈静', '迟到', null, 20, '有效', '迟到 15 分钟'],
      [D(2026, 7, 15), 'S06', '杨磊', '投诉', '一般', null, '不属实', '经核实不属实'],
    ],
  },
  {
    name: '表扬记录',
    rows: [
      ['日期', '工号', '姓名', '来源'],
      [D(2026, 6, 15), 'S03', '王芳', '锦旗'], // before Q3
      [D(2026, 7, 8), 'S04', '刘洋', '患者点名表扬'],
      [D(2026, 8, 18), 'S04', '刘洋', '感谢信'],
      [D(2026, 9, 2), 'S05', '陈静', '锦旗'],
    ],
  },
];

// The same roster with 吴霞 back at the window, on the second of two sheets (for --staff FILE#SHEET).
const altStaff: SheetSpec[] = [
  { name: '一月名单', rows: [STAFF_HEADER, ...SMILE_STAFF.slice(0, 3)] },
  { name: '七月名单', rows: [STAFF_HEADER, ...SMILE_STAFF.slice(0, 9), ['S10', '吴霞', '导医台', '导医', '在岗']] },
];

// -------------------------------------------------------------------------------------------------
// service-star-monthly.xlsx — 2026-07 (no department awards) and 2026H2 (文明科室, 2 places).
// Each department's July winner shows one tie-break key; 药房's pooled satisfaction falls below
// 0.95 only over H2; a past win in 2026-05 makes 周梅 年度优先推荐 in July.

const monthlySatisfaction = (month: string, counts: number[]): Value[][] =>
  counts.map((satisfied, i) => [month, `M0${i + 1}`, ['孙丽', '周梅', '郑浩', '冯雪', '何军', '高洁', '林涛', '罗敏'][i] as string, 100, satisfied]);

const serviceStar: SheetSpec[] = [
  {
    name: '人员名单',
    rows: [
      ['工号', '姓名', '科室'],
      ['M01', '孙丽', '挂号处'], ['M02', '周梅', '挂号处'],
      ['M03', '郑浩', '收费处'], ['M04', '冯雪', '收费处'],
      ['M05', '何军', '药房'], ['M06', '高洁', '药房'],
      ['M07', '林涛', '住院处'], ['M08', '罗敏', '住院处'],
    ],
  },
  {
    name: '督导检查记录',
    rows: [
      ['日期', '工号', '姓名', '检查项目', '扣分'],
      [D(2026, 7, 3), 'M01', '孙丽', '着装不规范', 1],
      [D(2026, 7, 8), 'M03', '郑浩', '服务用语不规范', 1],
      [D(2026, 7, 15), 'M07', '林涛', '脱岗', 1],
      [D(2026, 7, 16), 'M08', '罗敏', '脱岗', 1],
      [D(2026, 10, 10), 'M02', '周梅', '与患者争执', 3],
      [D(2026, 11, 11), 'M04', '冯雪', '迟到', 1],
    ],
  },
  {
    name: '投诉及处罚记录',
    rows: [
      ['日期', '工号', '姓名', '科室', '类型', '金额'],
      [D(2026, 7, 20), 'M05', '何军', null, '罚款', 30],
      [D(2026, 7, 22), null, null, '药房', '罚款', 50], // a department record
    ],
  },
  {
    name: '表扬记录',
    rows: [
      ['日期', '工号', '姓名', '来源', '加分'],
      [D(2026, 7, 9), 'M03', '郑浩', '感谢信', null],
      [D(2026, 7, 12), 'M05', '何军', '锦旗', 2],
      [D(2026, 7, 13), 'M06', '高洁', '患者点名表扬', 1],
      [D(2026, 7, 25), 'M06', '高洁', '感谢信', 1],
    ],
  },
  {
    name: '满意度',
    rows: [
      ['月份', '工号', '姓名', '评价数', '满意数'],
      ...monthlySatisfaction('2026-07', [99, 98, 97, 99, 97, 94, 98, 96]),
      ...monthlySatisfaction('2026年10月', [98, 97, 96, 98, 92, 90, 97, 97]),
    ],
  },
  {
    name: '获奖记录',
    rows: [
      ['期间', '科室', '工号', '姓名', '得分', '状态', '奖励（元）'],
      ['2025-12', '挂号处', 'M02', '周梅', 100, '获奖', 100],
      ['2026-05', '挂号处', 'M02', '周梅', 100, '获奖', 100],
      ['2026-07', '住院处', 'M08', '罗敏', 99, '获奖', 100],
    ],
  },
];

// -------------------------------------------------------------------------------------------------
// credit-union-100.xlsx — 2026-07: kind weights 0.8/0.2 (98.2), 50 元 per point, ANNUAL_LIMIT from
// points earlier in the year (121 > 120; 120 is not over), a branch over 240 points this year.

const creditUnion: SheetSpec[] = [
  {
    name: '人员名单',
    rows: [
      ['员工编号', '姓名', '部门'],
      ['C01', '钱进', '城关网点'], ['C02', '孙悦', '城关网点'], ['C03', '李强', '城关网点'],
      ['C04', '周平', '东街网点'], ['C05', '吴刚', '东街网点'], ['C06', '郑爽', '东街网点'],
      ['C07', '王五', '西街网点'], ['C08', '赵六', '西街网点'],
    ],
  },
  {
    name: '督导检查记录',
    rows: [
      ['检查日期', '员工编号', '姓名', '部门', '检查项目', '检查方式', '分值'],
      [D(2026, 3, 10), 'C03', '李强', null, '违规办理业务', '现场', 60],
      [D(2026, 5, 10), 'C03', '李强', null, '违规办理业务', '现场', 61],
      [D(2026, 4, 1), 'C04', '周平', null, '服务不规范', '现场', 119],
      [D(2026, 2, 15), 'C07', '王五', null, '柜面不整洁', '现场', 100],
      [D(2026, 3, 15), 'C08', '赵六', null, '柜面不整洁', '现场', 100],
      [D(2026, 2, 20), null, null, '西街网点', '网点环境', '现场', 50],
      [D(2026, 7, 2), 'C01', '钱进', null, '未起身迎客', '现场', 2],
      [D(2026, 7, 9), 'C01', '钱进', null, '未使用礼貌用语', '现场', 1],
      [D(2026, 7, 16), 'C01', '钱进', null, '离柜未放暂停服务牌', '非现场', 2],
      [D(2026, 7, 3), 'C02', '孙悦', null, '着装不规范', '现场', 1],
      [D(2026, 7, 4), 'C04', '周平', null, '着装不规范', '现场', 1],
      [D(2026, 7, 5), 'C05', '吴刚', null, '办理业务时闲聊', '监控', 5],
      [D(2026, 7, 6), 'C06', '郑爽', null, '未唱收唱付', '现场', 1],
      [D(2026, 7, 7), 'C06', '郑爽', null, '未唱收唱付', '录像', 1],
      [D(2026, 7, 8), 'C07', '王五', null, '桌面杂乱', '现场', 2],
      [D(2026, 7, 20), null, null, '西街网点', '网点环境卫生', '现场', 2],
      [D(2026, 8, 5), 'C02', '孙悦', null, '着装不规范', '现场', 1],
      [D(2025, 12, 20), 'C04', '周平', null, '服务不规范', '现场', 30],
    ],
  },
  {
    name: '表扬记录',
    rows: [
      ['日期', '员工编号', '姓名', '来源'],
      [D(2026, 7, 18), 'C01', '钱进', '客户表扬'],
    ],
  },
];

// -------------------------------------------------------------------------------------------------
// hospital-quality-year.xlsx — 2026Q3: top 10 over all departments with a tie at place 10,
// SATISFACTION and EVAL_RATE vetoes (0.90 exactly passes), 3 优质服务窗口 of 1000 元.

const HQ_STAFF: [string, string, string][] = [
  ['H01', '马超', '门诊药房'], ['H02', '朱琳', '门诊药房'], ['H03', '胡斌', '门诊药房'],
  ['H04', '郭勇', '收费处'], ['H05', '何静', '收费处'], ['H06', '罗军', '收费处'], ['H07', '唐敏', '收费处'],
  ['H08', '许峰', '检验科'], ['H09', '韩梅', '检验科'], ['H10', '冯涛', '检验科'],
  ['H11', '曹阳', '放射科'], ['H12', '彭亮', '放射科'], ['H13', '董洁', '放射科'],
  ['H14', '袁芳', '导医服务台'], ['H15', '邓超', '导医服务台'],
];
const hq = (id: string): [string, string] => {
  const s = HQ_STAFF.find((x) => x[0] === id);
  if (!s) throw new Error(id);
  return [s[0], s[1]];
};

const hospitalQuality: SheetSpec[] = [
  { name: '人员名单', rows: [['工号', '姓名', '科室'], ...HQ_STAFF] },
  {
    name: '督导检查记录',
    rows: [
      ['日期', '工号', '姓名', '检查项目', '扣分', '结果'],
      [D(2026, 7, 6), ...hq('H05'), '服务态度', 1, '违规'],
      [D(2026, 7, 7), ...hq('H07'), '仪容仪表', 1.5, '违规'],
      [D(2026, 7, 8), ...hq('H08'), '脱岗', 2, '违规'],
      [D(2026, 7, 9), ...hq('H09'), '脱岗', 3, '违规'],
      [D(2026, 8, 10), ...hq('H10'), '脱岗', 4, '违规'],
      [D(2026, 8, 11), ...hq('H11'), '推诿患者', 5, '违规'],
      [D(2026, 8, 12), ...hq('H12'), '推诿患者', 6, '违规'],
      [D(2026, 8, 13), ...hq('H13'), '推诿患者', 10, '违规'],
      [D(2026, 9, 14), ...hq('H14'), '推诿患者', 6, '违规'],
      [D(2026, 9, 15), ...hq('H15'), '推诿患者', 7, '违规'],
      [D(2026, 9, 16), ...hq('H01'), '仪容仪表', null, '合格'],
      [D(2026, 9, 17), ...hq('H02'), '服务用语', 0, '合格'],
      [D(2026, 9, 18), ...hq('H04'), '着装', 2, '合格'],
    ],
  },
  {
    name: '投诉及处罚记录',
    rows: [
      ['日期', '工号', '姓名', '类型', '金额'],
      [D(2026, 8, 20), ...hq('H15'), '患者投诉', 300],
    ],
  },
  {
    name: '表扬记录',
    rows: [
      ['日期', '工号', '姓名', '来源'],
      [D(2026, 7, 2), ...hq('H01'), '锦旗'],
      [D(2026, 8, 2), ...hq('H01'), '感谢信'],
      [D(2026, 9, 2), ...hq('H02'), '患者点名表扬'],
    ],
  },
  {
    name: '满意度',
    rows: [
      ['月份', '工号', '姓名', '评价数', '满意数', '服务人次'],
      ['2026-06', ...hq('H01'), 100, 50, 100],
      ['2026-07', ...hq('H01'), 100, 99, 100],
      ['2026-08', ...hq('H01'), 100, 97, 100],
      ['2026-07', ...hq('H02'), 100, 96, 104],
      ['2026-07', ...hq('H03'), 100, 85, 100],
      ['2026-07', ...hq('H04'), 90, 81, 100],
      ['2026-07', ...hq('H05'), 100, 95, 100],
      ['2026-07', ...hq('H06'), 80, 78, 100],
      ['2026-07', ...hq('H07'), 100, 95, 100],
      ['2026-07', ...hq('H08'), 100, 94, 100],
      ['2026-07', ...hq('H09'), 100, 93, 100],
      ['2026-07', ...hq('H10'), 100, 92, 100],
      ['2026-07', ...hq('H11'), 100, 96, 100],
      ['2026-07', ...hq('H12'), 50, 47, 50],
      ['2026-08', ...hq('H12'), 50, 48, 50],
      ['2026-07', ...hq('H13'), 100, 95, 100],
      ['2026-07', ...hq('H14'), 100, 95, 100],
      ['2026-07', ...hq('H15'), 100, 99, 100],
    ],
  },
];

// -------------------------------------------------------------------------------------------------
// gov-center-annual.xlsx — 2026: top 2 with a tie at place 2, TENURE (2024-12-31 just passes),
// SATISFACTION below 0.99 (0.99 exactly passes), two windows tied for the second award.

const govCenter: SheetSpec[] = [
  {
    name: '人员名单',
    rows: [
      ['工号', '姓名', '窗口', '上岗日期'],
      ['G01', '林芳', '社保窗口', D(2020, 3, 1)],
      ['G02', '陈晨', '社保窗口', D(2025, 1, 1)],
      ['G03', '黄蓉', '不动产窗口', D(2024, 12, 31)],
      ['G04', '杨帆', '不动产窗口', D(2019, 5, 1)],
      ['G05', '刘畅', '税务窗口', D(2018, 1, 1)],
      ['G06', '赵雪', '税务窗口', D(2015, 6, 1)],
    ],
  },
  {
    name: '督导检查记录',
    rows: [
      ['日期', '工号', '姓名', '检查项目', '扣分'],
      [D(2025, 12, 28), 'G01', '林芳', '着装不规范', 2],
      [D(2026, 3, 5), 'G05', '刘畅', '服务用语不规范', 1],
    ],
  },
  {
    name: '表扬记录',
    rows: [
      ['日期', '工号', '姓名', '来源'],
      [D(2026, 4, 1), 'G02', '陈晨', '锦旗'],
      [D(2026, 5, 1), 'G04', '杨帆', '感谢信'],
      [D(2026, 11, 1), 'G04', '杨帆', '锦旗'],
      [D(2026, 6, 1), 'G05', '刘畅', '感谢信'],
      [D(2026, 12, 31), 'G05', '刘畅', '群众点名表扬'],
      [D(2027, 1, 1), 'G03', '黄蓉', '锦旗'],
    ],
  },
  {
    name: '满意度',
    rows: [
      ['月份', '工号', '姓名', '评价数', '满意数', '满意率'],
      ['2026-03', 'G01', '林芳', 100, 99, null],
      ['2026-09', 'G01', '林芳', 100, 100, null],
      ['2026-03', 'G02', '陈晨', 100, 100, null],
      ['2026-06', 'G03', '黄蓉', 100, 99, null],
      ['2026-05', 'G04', '杨帆', null, null, '98.5%'],
      ['2026-04', 'G05', '刘畅', 100, 100, null],
      ['2026-02', 'G06', '赵雪', 100, 99, null],
      ['2026-10', 'G06', '赵雪', 100, 100, null],
    ],
  },
];

// -------------------------------------------------------------------------------------------------
// Inputs that cannot be used, and a messy one that can (with warnings).

const badDuplicateId: SheetSpec[] = [
  {
    name: '人员名单',
    rows: [
      ['工号', '姓名', '科室'],
      [8001, '张一', '收费处'],
      [8003, '张三', '收费处'], // row 3
      ['8002', '李四', '药房'],
      ['８００３', '王五', '药房'], // row 5: the same id as row 3 (full-width text)
    ],
  },
  { name: '督导检查记录', rows: [['日期', '工号', '姓名', '扣分'], [D(2026, 7, 5), 8001, '张一', 1]] },
];

const badMissingColumn: SheetSpec[] = [
  { name: '人员名单', rows: [['工号', '姓名', '岗位'], ['B01', '张一', '收费员'], ['B02', '李二', '药剂师']] },
  { name: '督导检查记录', rows: [['日期', '工号', '姓名', '扣分'], [D(2026, 7, 5), 'B01', '张一', 1]] },
];

const messy: SheetSpec[] = [
  {
    name: '人员花名册',
    rows: [
      ['2026年窗口人员花名册（截至6月30日）'],
      null,
      [' 工 号', '姓　名', '所在科室', '在岗状态'], // row 3: the header
      ['X01', '张三', '收费处', '在岗'],
      ['X02', '张三', '药房', '在岗'],
      ['Ｘ０３', ' 李四 ', '收费处', null],
      ['X04', '王五', '药房', 'Y'],
      ['   ', '　', null, null], // trailing white space only: not part of the table
    ],
  },
  {
    name: '督导检查记录',
    rows: [
      ['2026年第三季度督导检查记录'],
      ['日期', '工号', '姓名', '科室', '检查项目', '扣分'], // row 2: the header
      ['2026-07-05', 'X01', '张三', null, '仪容仪表', '２'], // 3: full-width 2
      ['2026年7月6日', null, '李 四', null, '服务用语', '1分'], // 4: 李四 by name
      null, // 5: blank
      ['日期', '工号', '姓名', '科室', '检查项目', '扣分'], // 6: REPEATED_HEADER
      ['05/07/2026', 'X03', '李四', null, '脱岗', 1], // 7: BAD_DATE
      ['2026/7/8', 'X04', '王五', null, '脱岗', '三分'], // 8: BAD_NUMBER
      ['2026.7.9', null, '张三', null, '脱岗', 1], // 9: AMBIGUOUS_NAME
      ['2026-07-10', null, '张三', '药房', '脱岗', 1], // 10: the 张三 of 药房 (X02)
      ['20260711', 'X03', '王五', null, '脱岗', 1], // 11: NAME_MISMATCH, the id wins (X03)
      [D(2026, 6, 30), 'X01', '张三', null, '脱岗', 5], // 12: before Q3
      ['  ', null, null, null, null, '　'], // trailing blank
    ],
  },
  {
    name: '投诉及处罚记录',
    rows: [
      ['日期', '工号', '姓名', '类型', '严重程度', '金额', '是否有效'],
      [D(2026, 8, 1), 'X01', '张三', '服务态度差', null, 30, null], // 2: UNKNOWN_TYPE (a fine)
      [D(2026, 8, 2), 'X04', '王五', '患者投诉', null, '500元', '有效'], // 3: AMOUNT_OUT_OF_RANGE (a veto)
      [D(2026, 8, 3), 'x03', '李四', '迟到', null, '20元', null], // 4: a normal fine
    ],
  },
];

// -------------------------------------------------------------------------------------------------
// CSV files (UTF-8 with and without BOM; the GB18030 ones are kept as made by iconv)

const ROSTER_CSV = '工号,姓名,科室\r\nK01,张三,收费处\r\nK02,李四,收费处\r\nK03,王五,药房\r\n';
const INSPECTIONS_CSV = '日期,工号,姓名,检查项目,扣分\r\n2026-07-05,K01,张三,"仪容仪表,着装",2\r\n'
  + '2026-08-06,K02,李四,服务用语,1\r\n2026-09-07,,王五,脱岗,1\r\n';
const SMILE_INSPECTIONS_CSV = '日期,工号,姓名,检查项目,扣分\n2026-07-15,S06,杨磊,脱岗,5\n';

function writeText(file: string, text: string, bom: boolean): void {
  const out = path.join(FIXTURES, file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]));
  console.log(`wrote test/fixtures/${file}`);
}

function checkGb18030(file: string, expected: string): void {
  const full = path.join(FIXTURES, file);
  if (!fs.existsSync(full)) {
    console.warn(`missing test/fixtures/${file}: make it with iconv -f utf-8 -t gb18030 (see the top of this script)`);
    return;
  }
  const bytes = fs.readFileSync(full);
  if (new TextDecoder('gb18030').decode(bytes) !== expected) throw new Error(`${file} does not decode to the expected text`);
  let strict = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    strict = false;
  }
  if (strict) throw new Error(`${file} is valid UTF-8: it should be GB18030`);
  console.log(`checked test/fixtures/${file}`);
}

// -------------------------------------------------------------------------------------------------
// layout-*.xlsx — one small office of 2026Q3 kept as clerks keep it (rules.md §11), each workbook
// giving the same people, winners, departments and deductions as layout-tidy.xlsx:
// 收费处 王芳 101 wins (张伟 97, 李娜 99), 药房 陈静 101 wins (刘洋 97), 检验科 赵敏 99 wins.

const L_STAFF: [string, string, string, string][] = [
  ['L01', '张伟', '收费处', '收费员'], ['L02', '李娜', '收费处', '收费员'], ['L03', '王芳', '收费处', '收费员'],
  ['L04', '刘洋', '药房', '药剂师'], ['L05', '陈静', '药房', '药剂师'], ['L06', '赵敏', '检验科', '检验员'],
];
/** date, id, name, kind, points, item */
const L_CHECKS: [Date, string, string, string, number, string][] = [
  [D(2026, 7, 5), 'L01', '张伟', '现场', 2, '仪容'], [D(2026, 7, 5), 'L02', '李娜', '非现场', 1, '脱岗'],
  [D(2026, 8, 10), 'L04', '刘洋', '现场', 3, '态度'], [D(2026, 8, 12), 'L01', '张伟', '非现场', 1, '着装'],
  [D(2026, 9, 3), 'L06', '赵敏', '现场', 1, '仪容'],
];
const L_FINES: Value[][] = [['日期', '姓名', '类型', '金额'], [D(2026, 8, 20), '陈静', '迟到', 20], [D(2026, 9, 15), '李娜', '罚款', 50]];
const L_PRAISE: Value[][] = [['日期', '姓名', '来源'], [D(2026, 7, 20), '王芳', '锦旗'], [D(2026, 9, 1), '陈静', '感谢信']];
const month = (d: Date) => d.getUTCMonth() + 1;

const layoutTidy: SheetSpec[] = [
  { name: '人员名单', rows: [['工号', '姓名', '科室', '岗位'], ...L_STAFF] },
  { name: '督导检查记录', rows: [['日期', '工号', '姓名', '检查方式', '扣分', '检查项目'], ...L_CHECKS] },
  { name: '投诉及处罚记录', rows: L_FINES },
  { name: '表扬记录', rows: L_PRAISE },
];

/** Merged title and signature lines, departments merged down the column, a subtotal and a note. */
const layoutMerged: SheetSpec[] = [
  {
    name: '人员名单',
    rows: [['2026年窗口人员名单'], ['工号', '姓名', '科室', '岗位'], ...L_STAFF.map(([id, name, dept, post], i) =>
      [id, name, i === 0 || i === 3 || i === 5 ? dept : null, post]), ['制表人：王芳  审核人：李明']],
    merges: ['A1:D1', 'C3:C5', 'C6:C7', 'A9:D9'],
  },
  {
    name: '督导检查记录',
    rows: [['第三季度督导检查记录'], ['日期', '工号', '姓名', '检查方式', '扣分', '检查项目'], ...L_CHECKS, ['合计', null, null, null, 8, null],
      ['备注：扣分以督导办通报为准']],
    merges: ['A1:F1', 'A9:F9'],
  },
  { name: '投诉及处罚记录', rows: L_FINES },
  { name: '表扬记录', rows: L_PRAISE },
];

/** A roster without a department column under heading lines; inspections with a two-row header and points per kind. */
const layoutHeadings: SheetSpec[] = [
  {
    name: '花名册',
    rows: [['工号', '姓名', '岗位'], ['收费处'], ...L_STAFF.slice(0, 3).map(([id, name, , post]) => [id, name, post]),
      ['药房'], ...L_STAFF.slice(3, 5).map(([id, name, , post]) => [id, name, post]), ['检验科'], [L_STAFF[5]?.[0], L_STAFF[5]?.[1], L_STAFF[5]?.[3]]],
    merges: ['A2:C2', 'A6:C6', 'A9:C9'],
  },
  {
    name: '督导检查记录',
    rows: [['日期', '工号', '姓名', '扣分情况', null, '检查项目'], [null, null, null, '现场', '调取监控', null],
      ...L_CHECKS.map(([d, id, name, kind, points, item]) => [d, id, name, kind === '现场' ? points : null, kind === '现场' ? null : points, item])],
    merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2'],
  },
  { name: '投诉及处罚记录', rows: L_FINES },
  { name: '表扬记录', rows: L_PRAISE },
];

/** One inspections sheet per month, a sheet of standards named like the table, and a list of leavers before the roster. */
const layoutMonths: SheetSpec[] = [
  { name: '督导检查扣分标准', rows: [['检查项目', '扣分'], ['仪容', 1], ['脱岗', 2]] },
  { name: '离职人员', rows: [['工号', '姓名', '科室'], ['L90', '孙丽', '收费处']] },
  { name: '人员名单', rows: [['工号', '姓名', '科室', '岗位'], ...L_STAFF] },
  ...[7, 8, 9].map((m) => ({
    name: `${m}月督导检查`, rows: [['日期', '工号', '姓名', '检查方式', '扣分', '检查项目'], ...L_CHECKS.filter(([d]) => month(d) === m)],
  })),
  { name: '投诉及处罚记录', rows: L_FINES },
  { name: '表扬记录', rows: L_PRAISE },
];

/** Units in headers, signed and worded points, dates without a year or with a time, ditto, departments written once per group. */
const layoutWritten: SheetSpec[] = [
  {
    name: '人员名单',
    rows: [['工号', '姓名', '科室', '岗位'], ...L_STAFF.map(([id, name, dept, post], i) => [id, name, i === 0 || i === 3 || i === 5 ? dept : null, post])],
  },
  {
    name: '督导检查记录',
    rows: [['日期', '工号', '姓名', '检查方式', '扣分（分）', '检查项目'],
      ['7月5日', 'L01', '张伟', '现场', -2, '仪容'], ['同上', 'L02', '李娜', '非现场', '扣1分', '脱岗'],
      ['2026-08-10 下午3点', 'L04', '刘洋', '现场', '-3分', '态度'], ['08-12', 'L01', '张伟', '非现场', 1, '着装'],
      ['9/3', 'L06', '赵敏', '现场', '〃', '仪容']],
  },
  { name: '投诉及处罚记录', rows: [['日期', '姓名', '类型', '金额(元)'], [D(2026, 8, 20), '陈静', '迟到', -20], [D(2026, 9, 15), '李娜', '罚款', '罚款50元']] },
  { name: '表扬记录', rows: [['日期', '姓名', '来源'], ['2026年7月20日 上午', '王芳', '锦旗'], [D(2026, 9, 1), '陈静', '感谢信']] },
];

async function main(): Promise<void> {
  await writeBook('layout-tidy.xlsx', layoutTidy);
  await writeBook('layout-merged.xlsx', layoutMerged);
  await writeBook('layout-headings.xlsx', layoutHeadings);
  await writeBook('layout-months.xlsx', layoutMonths);
  await writeBook('layout-written.xlsx', layoutWritten);
  await writeBook('smile-star-quarterly.xlsx', smileStar);
  await writeBook('alt-staff.xlsx', altStaff);
  await writeBook('service-star-monthly.xlsx', serviceStar);
  await writeBook('credit-union-100.xlsx', creditUnion);
  await writeBook('hospital-quality-year.xlsx', hospitalQuality);
  await writeBook('gov-center-annual.xlsx', govCenter);
  await writeBook('bad-duplicate-id.xlsx', badDuplicateId);
  await writeBook('bad-missing-column.xlsx', badMissingColumn);
  await writeBook('messy.xlsx', messy);
  writeText('csv/roster-utf8.csv', ROSTER_CSV, false);
  writeText('csv/roster-utf8-bom.csv', ROSTER_CSV, true);
  writeText('csv/inspections-utf8.csv', INSPECTIONS_CSV, false);
  writeText('csv/inspections-utf8-bom.csv', INSPECTIONS_CSV, true);
  writeText('csv/smile-inspections.csv', SMILE_INSPECTIONS_CSV, false);
  checkGb18030('csv/roster-gb18030.csv', ROSTER_CSV);
  checkGb18030('csv/inspections-gb18030.csv', INSPECTIONS_CSV);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
