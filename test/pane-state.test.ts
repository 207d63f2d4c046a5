/**
 * The task pane's state (src/taskpane/pane/state.ts) for the committee's decisions: pending ones reach
 * the engine as the decisions table's last rows; once written they are rows of the loaded sheet where
 * the run already read them (so the outcome stands without a new run); undone, they are gone.
 */
import { strict as assert } from 'node:assert';
import type { DecisionEntry } from '../src/engine/decisionRows';
import type { Grid } from '../src/engine/types';
import type { RunUndo } from '../src/io/office';
import type { LoadedSheet } from '../src/io/tables';
import type { TableSource } from '../src/io/types';
import { decisionsWrite, initialState, inputTables, reducer, type State } from '../src/taskpane/pane/state';

const BOOK: TableSource = { label: 'workbook', sheetNames: () => Promise.resolve([]), readSheet: () => Promise.reject(new Error('not read here')) };
const sheet = (name: string, grid: Grid, firstRow = 1): LoadedSheet => ({ book: BOOK, label: name, data: { name, grid, date1904: false, firstRow, firstColumn: 1 } });
const STAFF = sheet('人员名单', [['工号', '姓名', '科室'], ['A1', '甲一', '门诊'], ['A2', '甲二', '门诊']]);
const AWARD: DecisionEntry = { period: '2026Q3', department: '门诊', id: 'A2', name: '甲二', decision: 'award', reason: '实地考察', date: '2026-10-15', decidedBy: '' };

function opened(sheets: LoadedSheet[]): State {
  return reducer(initialState('zh', true, {}, null, '2026Q3'), { type: 'loaded', sheets, fromWorkbook: true });
}

describe('task pane state: the committee\'s decisions', () => {
  it('with an office sheet: written, the pending row is the sheet\'s next row, as the run read it; undone, it is gone', () => {
    // The office's sheet starts in row 3 (a title above it, not in the used range).
    const office = sheet('评选小组裁定', [['期间', '工号', '裁定'], ['2026Q2', 'A1', '获奖']], 3);
    const decided = reducer(opened([STAFF, office]), { type: 'decide', entries: [AWARD] });
    const read = inputTables(decided).decisions;
    assert.deepEqual(read?.grid.slice(2), [['2026Q3', 'A2', '获奖']]);
    const write = decisionsWrite(decided, 'workbook');
    assert.equal(write?.kind, 'append');
    assert.deepEqual(write?.kind === 'append' && [write.append.sheet, write.append.row, write.append.column], ['评选小组裁定', 5, 1]);
    const written = reducer(decided, { type: 'decisionsWritten', write });
    assert.deepEqual(written.pending, []);
    assert.equal(written.version, decided.version, 'no new run: the input is the same');
    assert.deepEqual(inputTables(written).decisions, read);
    assert.equal(decisionsWrite(written, 'workbook'), null, 'nothing left to append');

    const undo: RunUndo = { created: [], replaced: [], appended: [{ sheet: '评选小组裁定', row: 4, column: 0, values: [['2026Q3', 'A2', '获奖']], formats: [['General', 'General', 'General']] }] };
    const undone = reducer(written, { type: 'decisionsUndone', undo });
    assert.deepEqual(inputTables(undone).decisions?.grid, office.data.grid);
    assert.ok(undone.version > written.version, 'the run follows');
    assert.equal(undone.quiet, undone.version, 'and keeps the undo\'s message');
  });

  it('without a decisions table: a new 评选小组裁定 sheet, loaded as written; undoing the run that made it drops it', () => {
    const decided = reducer(opened([STAFF]), { type: 'decide', entries: [AWARD] });
    const read = inputTables(decided).decisions;
    assert.equal(read?.sheet, '评选小组裁定');
    const write = decisionsWrite(decided, 'workbook');
    assert.equal(write?.kind, 'sheet');
    const written = reducer(decided, { type: 'decisionsWritten', write });
    assert.deepEqual(written.loaded.map((s) => s.label), ['人员名单', '评选小组裁定']);
    assert.deepEqual(inputTables(written).decisions?.grid, read?.grid);
    const undone = reducer(written, { type: 'decisionsUndone', undo: { created: ['评选小组裁定'], replaced: [] } });
    assert.deepEqual(undone.loaded.map((s) => s.label), ['人员名单']);
    assert.equal(inputTables(undone).decisions, undefined);
  });

  it('a second decision on the same person replaces the pending one; each can be removed', () => {
    let state = reducer(opened([STAFF]), { type: 'decide', entries: [AWARD] });
    state = reducer(state, { type: 'decide', entries: [{ ...AWARD, decision: 'exclude', reason: '公示异议' }] });
    assert.deepEqual(state.pending.map((e) => [e.id, e.decision]), [['A2', 'exclude']]);
    state = reducer(state, { type: 'decide', entries: [{ ...AWARD, id: 'A1', name: '甲一' }] });
    state = reducer(state, { type: 'undecide', index: 0 });
    assert.deepEqual(state.pending.map((e) => [e.id, e.decision]), [['A1', 'award']]);
  });
});
