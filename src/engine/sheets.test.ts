import { strict as assert } from 'assert';
import { runSelection } from './select';
import { MAX_CELL_CHARS, resultSheets, safeText } from './sheets';

describe('sheets: text every writer can store (§11a)', () => {
  it('drops characters XML forbids and keeps tab and newline', () => {
    assert.equal(safeText('a\u0001b\u000Bc\uFFFE\uFFFFd\te\nf'), 'abcd\te\nf');
    assert.equal(safeText('x\uD800y😀'), 'xy😀');
  });

  it('cuts a cell over 32,767 characters and says so in the run log', () => {
    const long = `张${'三'.repeat(40_000)}\u0007`;
    const out = runSelection({ period: '2026Q3', tables: { staff: { sheet: '人员', grid: [['工号', '姓名', '科室'], ['H1', long, '门诊']] } } });
    assert.ok(out.ok);
    const sheets = resultSheets(out.result, { when: '', tool: '', fingerprint: '' }, 'zh');
    const cells = sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()));
    assert.ok(cells.every((c) => typeof c !== 'string' || (c.length <= MAX_CELL_CHARS && !c.includes('\u0007'))));
    const log = sheets.find((s) => s.kind === 'log')?.blocks.at(-1)?.rows ?? [];
    assert.deepEqual(log.map((row) => [row[0], row[1], row[3]]), ['评选结果', '获奖名单', '表彰名单'].map((s) => ['CELL_TOO_LONG', `${s} 2026Q3`, '姓名']));
  });
});
