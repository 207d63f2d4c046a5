import { strict as assert } from 'assert';
import { explainPerson, findPerson } from './explain';
import { runSelection, type PersonResult, type SelectionResult } from './select';
import type { Grid, TableKey } from './types';

/** Sheet names as the user would see them in messages. */
const SHEETS: Partial<Record<TableKey, string>> = { staff: '人员', inspections: '检查', fines: '投诉', praise: '表扬' };

const STAFF: Grid = [
  ['工号', '姓名', '科室'],
  ['H0101', '张三', '门诊'], //   row 2
  ['H0102', '李 四', '门诊'], //  row 3: a space inside the name on the roster
  ['H0201', '王五', '药房'], //   row 4
  ['H0202', '王五', '检验科'], // row 5: the same name in another department
  [8003, '赵六', '药房'], //      row 6: a numeric id
  ['X9', '8003', '检验科'], //    row 7: a name that looks like another's id
];

const INSPECTIONS: Grid = [
  ['日期', '工号', '检查项目', '检查方式', '扣分'],
  ['2026-07-05', 'H0101', '未使用服务用语', '现场', 3], // row 2
  ['2026-08-12', 'H0101', '玩手机', '监控', 2], //         row 3: off-site
  ['2026-09-01', 'H0102', '', '', ''], //                  row 4: no item, on-site, 1 point
];

const PRAISE: Grid = [
  ['日期', '工号', '来源', '加分'],
  ['2026-08-01', 'H0101', '锦旗', 1], //   row 2
  ['2026-07-01', 'H0201', '感谢信', 3], // row 3
  ['2026-07-02', 'H0201', '', 3], //       row 4: 3 + 3 = 6, over the cap of 5
];

const FINES: Grid = [
  ['日期', '工号', '类型', '严重程度'],
  ['2026-07-10', 'H0102', '投诉', '一般'], // row 2: a veto, 100 元
];

function run(overrides: Record<string, unknown> = {}, period = '2026Q3', tables: Partial<Record<TableKey, Grid>> = {}): SelectionResult {
  const grids: Partial<Record<TableKey, Grid>> = { staff: STAFF, inspections: INSPECTIONS, praise: PRAISE, fines: FINES, ...tables };
  const input = Object.fromEntries(Object.entries(grids).map(([k, grid]) => [k, { sheet: SHEETS[k as TableKey] ?? k, grid }]));
  const out = runSelection({ period, overrides, tables: input });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.result;
}

function person(r: SelectionResult, who: unknown): PersonResult {
  const found = findPerson(r, who);
  assert.equal(found.kind, 'found', `${String(who)} should be found`);
  return (found as { person: PersonResult }).person;
}

describe('explain: findPerson', () => {
  const r = run();

  it('by id, padded, lower case or full width', () => {
    assert.equal(person(r, 'H0101').member.id, 'H0101');
    assert.equal(person(r, ' h0101 ').member.id, 'H0101');
    assert.equal(person(r, 'Ｈ０１０１').member.id, 'H0101');
    assert.equal(person(r, 'X9').member.name, '8003');
  });

  it('a numeric id as a number or as text; the id wins over a name that reads the same', () => {
    assert.equal(person(r, 8003).member.name, '赵六');
    assert.equal(person(r, '8003').member.name, '赵六');
    assert.equal(person(r, '８００３').member.name, '赵六');
  });

  it('by name, with spaces anywhere or full-width spaces', () => {
    assert.equal(person(r, '张三').member.id, 'H0101');
    assert.equal(person(r, '李四').member.id, 'H0102'); // the roster writes 李 四
    assert.equal(person(r, ' 李\u3000四 ').member.id, 'H0102');
    assert.equal(person(r, '张 三').member.id, 'H0101');
  });

  it('a name shared by several staff is ambiguous, listing their ids in roster order', () => {
    assert.deepEqual(findPerson(r, '王五'), { kind: 'ambiguous', ids: ['H0201', 'H0202'] });
    assert.deepEqual(findPerson(r, ' 王 五 '), { kind: 'ambiguous', ids: ['H0201', 'H0202'] });
  });

  it('nobody, blank, null and undefined are unknown', () => {
    for (const who of ['nobody', 'H0999', '', '   ', null, undefined, 0]) {
      assert.deepEqual(findPerson(r, who), { kind: 'unknown' }, String(who));
    }
  });
});

describe('explain: explainPerson', () => {
  it('zh: score line, each violation with sheet, row, date and item, praise, months, status — in order', () => {
    const r = run();
    assert.equal(explainPerson(person(r, 'H0101'), r, 'zh'), [
      '得分 96 = 100 − 5 + 1',
      '扣3分：检查 第2行 2026-07-05 未使用服务用语（现场）',
      '扣2分：检查 第3行 2026-08-12 玩手机（非现场）',
      '表扬 +1：表扬 第2行 2026-08-01 锦旗',
      '2026-07 扣款 10 元（违规 1 次 10 元，投诉/罚款 0 件 0 元）',
      '2026-08 扣款 10 元（违规 1 次 10 元，投诉/罚款 0 件 0 元）',
      '状态：获奖', // 李四 is vetoed: 张三 is 门诊's only candidate
    ].join('。') + '。');
  });

  it('zh and en with weights (4:1 normalised to 0.8/0.2): 0.8×97 + 0.2×98 + 1 = 98.2', () => {
    const r = run({ kindWeights: { onsite: 4, offsite: 1 } });
    const p = person(r, 'H0101');
    assert.equal(p.score, 98.2);
    assert.ok(explainPerson(p, r, 'zh').startsWith('得分 98.2 = 0.8×97 + 0.2×98 + 1。扣3分：'));
    assert.equal(explainPerson(p, r, 'en'), [
      'score 98.2 = 0.8×97 + 0.2×98 + 1',
      '−3: 检查 row 2 2026-07-05 未使用服务用语 (on-site)',
      '−2: 检查 row 3 2026-08-12 玩手机 (off-site)',
      'praise +1: 表扬 row 2 2026-08-01 锦旗',
      '2026-07: 10 yuan (1 violations 10, 0 fines 0)',
      '2026-08: 10 yuan (1 violations 10, 0 fines 0)',
      'status: winner',
    ].join('. ') + '.');
  });

  it('weights with a sub-score floored at 0', () => {
    const inspections: Grid = [['日期', '工号', '检查方式', '扣分'], ['2026-07-05', 'H0101', '监控', 120]];
    const r = run({ kindWeights: { onsite: 0.8, offsite: 0.2 } }, '2026Q3', { inspections, praise: [['日期', '工号']] });
    const p = person(r, 'H0101');
    assert.equal(p.score, 80);
    assert.ok(explainPerson(p, r, 'en').startsWith('score 80 = 0.8×100 + 0.2×0. −120: 检查 row 2 2026-07-05 (off-site).'));
  });

  it('praise capped: each row shown, then the cap, in both languages', () => {
    const r = run();
    const p = person(r, 'H0201');
    assert.equal(p.score, 105);
    assert.equal(explainPerson(p, r, 'zh'),
      '得分 105 = 100 + 5。表扬 +3：表扬 第3行 2026-07-01 感谢信。表扬 +3：表扬 第4行 2026-07-02。表扬加分以 5 分为限。状态：获奖。');
    assert.equal(explainPerson(p, r, 'en'),
      'score 105 = 100 + 5. praise +3: 表扬 row 3 2026-07-01 感谢信. praise +3: 表扬 row 4 2026-07-02. praise capped at 5. status: winner.');
  });

  it('praise exactly at or under the cap says nothing about a cap', () => {
    const r = run({ praiseCap: 6 });
    const p = person(r, 'H0201');
    assert.equal(p.score, 106);
    assert.ok(!explainPerson(p, r, 'zh').includes('为限'));
    assert.ok(!explainPerson(p, r, 'en').includes('capped'));
  });

  it('a veto names its rows; a month with only a complaint is its own line', () => {
    const r = run();
    const p = person(r, '李四');
    assert.equal(explainPerson(p, r, 'zh'), [
      '得分 99 = 100 − 1',
      '扣1分：检查 第4行 2026-09-01（现场）',
      '否决：有效投诉 1 件：投诉 2026-07-10（投诉 第2行 2026-07-10）',
      '2026-07 扣款 100 元（违规 0 次 0 元，投诉/罚款 1 件 100 元）',
      '2026-09 扣款 10 元（违规 1 次 10 元，投诉/罚款 0 件 0 元）',
      '状态：否决',
    ].join('。') + '。');
    assert.equal(explainPerson(p, r, 'en'), [
      'score 99 = 100 − 1',
      '−1: 检查 row 4 2026-09-01 (on-site)',
      'veto: 1 valid complaint(s): 投诉 2026-07-10 (投诉 row 2 2026-07-10)',
      '2026-07: 100 yuan (0 violations 0, 1 fines 100)',
      '2026-09: 10 yuan (1 violations 10, 0 fines 0)',
      'status: vetoed',
    ].join('. ') + '.');
  });

  it('a veto lists at most 5 evidence rows', () => {
    const fines: Grid = [['日期', '工号', '类型'], ...[1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-07-0${d}`, 'H0202', '差错'])];
    const r = run({}, '2026Q3', { fines });
    const text = explainPerson(person(r, 'H0202'), r, 'zh');
    assert.ok(text.includes('（投诉 第2行 2026-07-01、投诉 第3行 2026-07-02、投诉 第4行 2026-07-03、投诉 第5行 2026-07-04、投诉 第6行 2026-07-05）'), text);
    assert.ok(!text.includes('第7行'), text);
    assert.ok(text.includes('有效投诉 7 件'), text);
  });

  it('a person with nothing: the full score and the status only', () => {
    const r = run();
    // 药房: 王五 (H0201) 105 wins, 赵六 100 stays a candidate
    assert.equal(explainPerson(person(r, 8003), r, 'zh'), '得分 100 = 100。状态：候选。');
    assert.equal(explainPerson(person(r, 8003), r, 'en'), 'score 100 = 100. status: candidate.');
    // 检验科: 王五 (H0202) and X9 both 100 with nothing else: a tie for the committee
    assert.equal(explainPerson(person(r, 'X9'), r, 'zh'), '得分 100 = 100。状态：并列，待评选小组裁定。');
  });
});
