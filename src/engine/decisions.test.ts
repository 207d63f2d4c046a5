import { strict as assert } from 'assert';
import type { Change } from './changes';
import { decisionKind } from './decisions';
import { resultJson, type ResultJson } from './json';
import { runSelection, type SelectionResult } from './select';
import { awardTable, changeText, resultSheets } from './sheets';
import type { Grid, TableKey } from './types';

interface Run {
  result: SelectionResult;
  json: ResultJson;
}

function run(staff: Grid, tables: Partial<Record<TableKey, Grid>>, overrides?: Record<string, unknown>): Run {
  const input = Object.fromEntries(Object.entries(tables).map(([k, grid]) => [k, { sheet: k, grid }]));
  const out = runSelection({ period: '2026Q3', overrides, tables: { staff: { sheet: 'staff', grid: staff }, ...input } });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  for (const r of out.result.inputs) {
    assert.equal(r.rows, r.used + r.outOfPeriod + r.skippedBlank + r.rejected, `row accounting of ${r.table}`);
  }
  return { result: out.result, json: resultJson(out.result) };
}

const STAFF: Grid = [
  ['工号', '姓名', '科室', '在岗状态'],
  ['A1', '甲一', '门诊', '在岗'],
  ['A2', '甲二', '门诊', '在岗'],
  ['A3', '甲三', '门诊', '在岗'],
  ['B1', '乙一', '药房', '在岗'],
  ['B2', '乙二', '药房', '在岗'],
  ['B3', '乙三', '药房', '离岗'],
];

/** A1 and A2 tie in 门诊 (100 each, A3 99); B1 wins 药房 (100), B2 99. */
const INSPECTIONS: Grid = [['日期', '工号', '扣分'], ['2026-07-15', 'A3', 1], ['2026-07-15', 'B2', 1]];

const HEAD = ['评选期间', '工号', '姓名', '科室', '裁定结果', '理由', '日期'];

function decisions(...rows: (string | number | null)[][]): Grid {
  return [HEAD, ...rows];
}

const status = (r: Run) => Object.fromEntries(r.json.people.map((p) => [p.id, p.status]));
const codes = (r: Run) => r.json.warnings.map((w) => `${w.code} ${w.row}`);

describe('decisions: reading the table (§12)', () => {
  it('decision words: the whole cell, award or exclude', () => {
    for (const w of ['获奖', '评为', '当选', '同意', '确定', 'Award']) assert.equal(decisionKind(w), 'award', w);
    for (const w of ['不予表彰', '取消', '取消资格', '否决', '不同意', 'exclude']) assert.equal(decisionKind(w), 'exclude', w);
    for (const w of ['', '获奖了', '待定', null]) assert.equal(decisionKind(w), null, String(w));
  });

  it('BAD_PERIOD, another period (canonical: 2026 is not 2026Q3), UNKNOWN_PERSON, UNKNOWN_DEPARTMENT, BAD_DECISION', () => {
    const r = run(STAFF, {
      inspections: INSPECTIONS,
      decisions: decisions(
        ['某季度', 'A1', '', '', '获奖', '', ''],
        ['2026', 'A1', '', '', '获奖', '', ''],
        ['2026年第二季度', 'A1', '', '', '获奖', '', ''],
        ['2026Q3', 'Z9', '', '', '获奖', '', ''],
        ['2026Q3', '', '', '急诊', '取消', '', ''],
        ['2026Q3', 'A2', '', '', '待定', '', ''],
        ['2026Q3', 'A2', '', '', '', '', ''],
        [null, null, null, null, null, null, null],
        ['2026年第三季度', 'A1', '', '', '获奖', '', '2026-10-12'],
      ),
    });
    const report = r.result.inputs.find((i) => i.table === 'decisions');
    assert.deepEqual(report && [report.rows, report.used, report.outOfPeriod, report.skippedBlank, report.rejected], [9, 1, 2, 1, 5]);
    assert.deepEqual(codes(r), ['BAD_PERIOD 2', 'UNKNOWN_PERSON 5', 'UNKNOWN_DEPARTMENT 6', 'BAD_DECISION 7', 'BAD_DECISION 8']);
    assert.match(r.result.warnings[0]?.message.zh ?? '', /^decisions 第2行 列「评选期间」：/u);
    assert.deepEqual(r.json.decisions, [{ id: 'A1', name: '甲一', department: '门诊', decision: 'award', applied: true, reason: null }]);
  });

  it('several rows on one person: the last counts, the earlier are used and get DECISION_REPLACED', () => {
    const r = run(STAFF, {
      inspections: INSPECTIONS,
      decisions: decisions(['2026Q3', 'A1', '', '', '取消', '先取消', ''], ['2026Q3', '', '甲一', '', '获奖', '复议', '']),
    });
    assert.deepEqual(codes(r), ['DECISION_REPLACED 2']);
    assert.deepEqual(r.json.decisions.map((d) => [d.id, d.decision, d.reason]), [['A1', 'award', '复议']]);
    assert.equal(status(r).A1, 'winner');
  });

  it('a decision date is never its period', () => {
    const r = run(STAFF, { inspections: INSPECTIONS, decisions: decisions(['2026Q2', 'A1', '', '', '获奖', '', '2026-08-01']) });
    assert.deepEqual(r.json.decisions, []);
    assert.equal(status(r).A1, 'tie');
  });
});

describe('decisions: applying them (§12)', () => {
  it('an award resolves a tie: the others in the group become candidates, nobody else moves', () => {
    const before = run(STAFF, { inspections: INSPECTIONS });
    assert.deepEqual(status(before), { A1: 'tie', A2: 'tie', A3: 'candidate', B1: 'winner', B2: 'candidate', B3: 'inactive' });
    const r = run(STAFF, { inspections: INSPECTIONS, decisions: decisions(['2026Q3', 'A2', '', '', '当选', '评选小组表决', '']) });
    assert.deepEqual(status(r), { A1: 'candidate', A2: 'winner', A3: 'candidate', B1: 'winner', B2: 'candidate', B3: 'inactive' });
    assert.deepEqual(r.json.winners.map((w) => [w.id, w.status, w.awardYuan, w.decided]), [['A2', 'winner', 100, true], ['B1', 'winner', 100, false]]);
    assert.deepEqual(r.json.people.map((p) => p.decision), [null, 'award', null, null, null, null]);
    assert.deepEqual(r.json.decisions, [{ id: 'A2', name: '甲二', department: '门诊', decision: 'award', applied: true, reason: '评选小组表决' }]);
  });

  it('the committee may award more members of a tie than there are places (并列获奖)', () => {
    const r = run(STAFF, {
      inspections: INSPECTIONS,
      decisions: decisions(['2026Q3', 'A1', '', '', '获奖', '', ''], ['2026Q3', 'A2', '', '', '获奖', '', '']),
    });
    assert.deepEqual(r.json.winners.map((w) => [w.id, w.status, w.decided]), [['A1', 'winner', true], ['A2', 'winner', true], ['B1', 'winner', false]]);
  });

  it('places left unawarded in a tie stay empty; a tie without an award stays a tie', () => {
    const staff: Grid = [...STAFF, ['A4', '甲四', '门诊', '在岗']];
    const r = run(staff, { inspections: INSPECTIONS, decisions: decisions(['2026Q3', 'A1', '', '', '获奖', '', '']) }, { winnersPerDepartment: 2 });
    // A1, A2, A4 tie for 门诊's two places; only A1 is awarded: one place stays empty, A3 does not move up.
    assert.deepEqual(status(r), { A1: 'winner', A2: 'candidate', A3: 'candidate', A4: 'candidate', B1: 'winner', B2: 'winner', B3: 'inactive' });
    const untouched = run(staff, { inspections: INSPECTIONS }, { winnersPerDepartment: 2 });
    assert.deepEqual([status(untouched).A1, status(untouched).A2, status(untouched).A4], ['tie', 'tie', 'tie']);
  });

  it('top-N places: the tie group is the people tied for the last place overall', () => {
    const overrides = { winnersPerDepartment: 0, topN: 2 };
    // A1, A2 and B1 tie at 100 for two places overall.
    const before = status(run(STAFF, { inspections: INSPECTIONS }, overrides));
    assert.deepEqual([before.A1, before.A2, before.B1], ['tie', 'tie', 'tie']);
    const r = run(STAFF, { inspections: INSPECTIONS, decisions: decisions(['2026Q3', 'B1', '', '', '获奖', '', '']) }, overrides);
    assert.deepEqual(status(r), { A1: 'candidate', A2: 'candidate', A3: 'candidate', B1: 'winner', B2: 'candidate', B3: 'inactive' });
  });

  it('award on a winner: applied, not decided; on a candidate not tied: DECISION_NOT_TIED; on an ineligible person: DECISION_INELIGIBLE', () => {
    const r = run(STAFF, {
      inspections: INSPECTIONS,
      decisions: decisions(['2026Q3', 'B1', '', '', '获奖', '', ''], ['2026Q3', 'A3', '', '', '获奖', '', ''], ['2026Q3', 'B3', '', '', '获奖', '', '']),
    });
    assert.deepEqual(r.json.decisions.map((d) => [d.id, d.applied]), [['B1', true], ['A3', false], ['B3', false]]);
    assert.deepEqual(codes(r), ['DECISION_NOT_TIED 3', 'DECISION_INELIGIBLE 4']);
    assert.deepEqual(r.json.winners.find((w) => w.id === 'B1')?.decided, false);
    assert.deepEqual(status(r), { A1: 'tie', A2: 'tie', A3: 'candidate', B1: 'winner', B2: 'candidate', B3: 'inactive' });
    assert.match(r.result.warnings[0]?.message.zh ?? '', /A3 甲三 不是并列/u);
  });

  it('exclude: veto COMMITTEE before winners (reason from the row, else the default; evidence the row); the next moves up', () => {
    const r = run(STAFF, {
      inspections: INSPECTIONS,
      decisions: decisions(['2026Q3', 'B1', '', '', '不予表彰', '公示期间实名反映属实', ''], ['2026Q3', 'A1', '', '', '取消', '', '']),
    });
    assert.deepEqual(status(r), { A1: 'vetoed', A2: 'winner', A3: 'candidate', B1: 'vetoed', B2: 'winner', B3: 'inactive' });
    const b1 = r.result.people.find((p) => p.member.id === 'B1');
    const a1 = r.result.people.find((p) => p.member.id === 'A1');
    assert.deepEqual(b1?.vetoes.map((v) => [v.code, v.reason.zh, v.evidence.map((e) => `${e.sheet}:${e.row}`)]),
      [['COMMITTEE', '公示期间实名反映属实', ['decisions:2']]]);
    assert.equal(a1?.vetoes[0]?.reason.zh, '评选小组决定不予表彰');
    assert.deepEqual(r.json.decisions.map((d) => d.applied), [true, true]);
    // An exclude on a person does not veto the department.
    assert.deepEqual(r.json.departments.map((d) => d.vetoed), [false, false]);
  });

  it('an exclude can make a new tie (§6 applies to the rest)', () => {
    const inspections: Grid = [['日期', '工号', '扣分'], ['2026-07-15', 'A3', 1], ['2026-07-15', 'A2', 1]];
    const r = run(STAFF, { inspections, decisions: decisions(['2026Q3', 'A1', '', '', '取消', '', '']) });
    assert.deepEqual([status(r).A2, status(r).A3], ['tie', 'tie']);
  });

  it('departments: exclude vetoes the department (COMMITTEE) but not its members; award resolves a department tie', () => {
    const overrides = { departmentAwards: 1, windowAwardYuan: 300 };
    const tied: Grid = [['日期', '工号', '扣分']];
    const base = run(STAFF, { inspections: tied }, overrides);
    assert.deepEqual(base.json.departments.map((d) => d.status), ['tie', 'tie']);
    const award = run(STAFF, { inspections: tied, decisions: decisions(['2026Q3', '', '', '药房', '确定', '', '']) }, overrides);
    assert.deepEqual(award.json.departments.map((d) => [d.status, d.awardYuan, d.decision]), [['ranked', 0, null], ['winner', 300, 'award']]);
    assert.deepEqual(award.json.decisions, [{ id: null, name: null, department: '药房', decision: 'award', applied: true, reason: null }]);
    const exclude = run(STAFF, { inspections: tied, decisions: decisions(['2026Q3', '', '', '药房', '否决', '', '']) }, overrides);
    assert.deepEqual(exclude.json.departments.map((d) => [d.status, d.vetoed]), [['winner', false], ['vetoed', true]]);
    assert.deepEqual(exclude.result.departments[1]?.vetoes.map((v) => v.code), ['COMMITTEE']);
    assert.deepEqual([status(exclude).B1, status(exclude).B2], ['tie', 'tie']);
  });

  it('an award on a department in a run without department awards is DECISION_NOT_TIED; on a vetoed one DECISION_INELIGIBLE', () => {
    const r = run(STAFF, { inspections: INSPECTIONS, decisions: decisions(['2026Q3', '', '', '药房', '获奖', '', '']) });
    assert.deepEqual(codes(r), ['DECISION_NOT_TIED 2']);
    const fines: Grid = [['日期', '科室', '类型'], ['2026-08-01', '药房', '投诉']];
    const v = run(STAFF, { fines, decisions: decisions(['2026Q3', '', '', '药房', '获奖', '', '']) }, { departmentAwards: 1 });
    assert.deepEqual(codes(v), ['DECISION_INELIGIBLE 2']);
  });
});

describe('decisions: in the award table and the run log (§12 step 4, §13)', () => {
  it('a decided winner is marked 评选小组裁定 in 备注; the run log lists each decision, its reason and whether applied, and the changes in words', () => {
    const history: Grid = [['期间', '工号', '姓名', '状态'], ['2026Q3', 'A1', '甲一', '并列'], ['2026Q3', 'A2', '甲二', '并列'], ['2026Q3', 'B1', '乙一', '获奖']];
    const r = run(STAFF, {
      inspections: INSPECTIONS, history,
      decisions: decisions(['2026Q3', 'A2', '', '', '获奖', '并列第一，评选小组表决', ''], ['2026Q3', 'A3', '', '', '获奖', '', '']),
    });
    const awards = awardTable(r.result, 'zh');
    assert.deepEqual(awards.blocks[0]?.rows.map((row) => [row[2], row[5]]), [['甲二', '评选小组裁定'], ['乙一', '']]);
    const log = resultSheets(r.result, { when: '', tool: '', fingerprint: '' }, 'zh').find((s) => s.kind === 'log');
    const block = (caption: string) => log?.blocks.find((b) => b.caption === caption)?.rows;
    assert.deepEqual(block('评选小组裁定'), [
      ['门诊', 'A2', '甲二', '获奖', '并列第一,评选小组表决', '是', 'decisions 第2行'],
      ['门诊', 'A3', '甲三', '获奖', '', '否', 'decisions 第3行'],
    ]);
    assert.deepEqual(block('与获奖记录中本期名单相比的变化'), [['门诊：甲一 并列 → 未获奖'], ['门诊：甲二 并列 → 获奖']]);
    assert.equal(changeText(r.result.changes[1] as Change, 'en'), '门诊: 甲二 tie → winner');
  });

  it('without decisions or changes the run log has no such blocks', () => {
    const r = run(STAFF, { inspections: INSPECTIONS });
    const log = resultSheets(r.result, { when: '', tool: '', fingerprint: '' }, 'zh').find((s) => s.kind === 'log');
    assert.deepEqual(log?.blocks.map((b) => b.caption), ['运行信息', '输入（行数核对：总行数 = 使用 + 期外 + 空行 + 拒绝）', '参数', '警告']);
  });
});
