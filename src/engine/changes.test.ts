import { strict as assert } from 'assert';
import { resultJson } from './json';
import { runSelection } from './select';
import type { Grid } from './types';

const STAFF: Grid = [['工号', '姓名', '科室'], ['A1', '甲一', '门诊'], ['A2', '甲二', '门诊'], ['B1', '乙一', '药房'], ['B2', '乙二', '药房']];
/** A1 and A2 tie in 门诊; B1 wins 药房. */
const INSPECTIONS: Grid = [['日期', '工号', '扣分'], ['2026-07-15', 'B2', 1]];

function changes(history: Grid, decisions?: Grid) {
  const out = runSelection({
    period: '2026Q3',
    tables: {
      staff: { sheet: 'staff', grid: STAFF }, inspections: { sheet: 'inspections', grid: INSPECTIONS }, history: { sheet: 'history', grid: history },
      ...(decisions ? { decisions: { sheet: 'decisions', grid: decisions } } : {}),
    },
  });
  assert.ok(out.ok);
  return resultJson(out.result).changes.map((c) => `${c.department}:${c.id} ${c.before} → ${c.after}`);
}

describe('changes: against the history block for the period (§13)', () => {
  it('no block for the period, or nothing changed: []', () => {
    assert.deepEqual(changes([['期间', '工号', '状态'], ['2026Q2', 'A1', '获奖']]), []);
    assert.deepEqual(changes([['期间', '工号', '状态'], ['2026Q3', 'A1', '并列，待评选小组裁定'], ['2026Q3', 'A2', 'tie'], ['2026Q3', 'B1', '获奖']]), []);
  });

  it('a resolved tie and a new winner, departments in roster order then by id; a blank status is a winner, other words are not', () => {
    const history: Grid = [['期间', '工号', '姓名', '状态'], ['2026Q3', 'B2', '', ''], ['2026Q3', 'A2', '', '并列'], ['2026Q3', 'A1', '', '并列'], ['2026Q3', 'B1', '', '候选']];
    const decisions: Grid = [['期间', '工号', '裁定'], ['2026Q3', 'A2', '获奖']];
    assert.deepEqual(changes(history, decisions), ['门诊:A1 tie → null', '门诊:A2 tie → winner', '药房:B1 null → winner', '药房:B2 winner → null']);
  });
});
