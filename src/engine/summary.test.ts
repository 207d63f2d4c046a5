import { strict as assert } from 'assert';
import { messages } from './messages';
import { runSelection } from './select';
import { groupLine, groupProblems, summaryLine } from './summary';
import type { Grid } from './types';

const at = (row: number) => ({ table: 'fines' as const, sheet: '投诉及处罚记录', row, column: '类型' });

describe('groupProblems', () => {
  it('puts identical problems on different rows in one group, in the order first met', () => {
    const groups = groupProblems([
      messages.unknownType(at(4), '服务态度'), messages.unknownType(at(9), '服务态度'),
      messages.unknownType(at(12), '环境卫生'), messages.unknownType(at(15), '服务态度'),
    ]);
    assert.deepEqual(groups.map((g) => [g.code, g.count, g.rows]), [['UNKNOWN_TYPE', 3, [4, 9, 15]], ['UNKNOWN_TYPE', 1, [12]]]);
  });

  it('keeps problems of different sheets or columns apart', () => {
    const groups = groupProblems([
      messages.badNumber({ ...at(3), column: '金额' }, 'x'), messages.badNumber({ ...at(3), column: '扣分' }, 'x'),
      messages.badNumber({ ...at(3), sheet: '8月' }, 'x'),
    ]);
    assert.equal(groups.length, 3);
  });

  it('words a group with its count and first rows, in Chinese and English', () => {
    const rows = [4, 9, 15, 21, 30, 31, 40, 52, 60, 61];
    const [group] = groupProblems(rows.map((r) => messages.unknownType(at(r), '服务态度')));
    assert.ok(group);
    assert.equal(groupLine(group, 'zh', { shownRows: 3 }), 'UNKNOWN_TYPE ×10: 投诉及处罚记录 第4、9、15…行 列「类型」：未知类型「服务态度」，按罚款计（不否决）');
    assert.equal(groupLine(group, 'en', { shownRows: 3, file: 'book.xlsx' }), 'UNKNOWN_TYPE ×10: book.xlsx 投诉及处罚记录 rows 4, 9, 15, … column "类型": unknown type "服务态度", counted as a fine (no veto)');
  });

  it('words a single problem about a whole table without a count', () => {
    const [group] = groupProblems([messages.missingTable('inspections')]);
    assert.ok(group);
    assert.equal(groupLine(group, 'en'), 'MISSING_TABLE: the inspections table was not found');
  });
});

describe('summaryLine', () => {
  const staff: Grid = [['工号', '姓名', '科室'], ['A1', '甲', '收费'], ['A2', '乙', '收费'], ['B1', '丙', '药房'], ['B2', '丁', '药房']];
  const inspections: Grid = [['日期', '工号', '扣分'], ['2026-07-01', 'A1', 2], ['2026-07-02', 'B9', 1]];
  const fines: Grid = [['日期', '工号', '类型', '是否有效'], ['2026-07-03', 'A2', '投诉', '是']];

  it('counts winners, ties for the committee, vetoes and rows not counted', () => {
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '人员', grid: staff }, inspections: { sheet: '督导', grid: inspections }, fines: { sheet: '投诉', grid: fines } } });
    assert.ok(out.ok);
    // 收费: 甲 98 and 乙 vetoed → 甲 wins; 药房: 丙 and 丁 both 100 → a tie; B9 is not on the roster → rejected.
    assert.equal(summaryLine(out.result).zh, '2026Q3：获奖 1 人；并列 1 处（2 人）待评选小组裁定；一票否决 1 人；未计入 1 行（有误被拒绝）');
    assert.equal(summaryLine(out.result).en, '2026Q3: 1 winner; 1 tie (2 people) for the committee; 1 vetoed; 1 row not counted (rejected)');
  });

  it('says every row was counted when none was rejected', () => {
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '人员', grid: staff.slice(0, 3) } } });
    assert.ok(out.ok);
    assert.equal(summaryLine(out.result).zh, '2026Q3：获奖 0 人；并列 1 处（2 人）待评选小组裁定；一票否决 0 人；期间内的行均已计入');
  });
});
