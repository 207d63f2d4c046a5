/**
 * The command line end to end (rules.md §7–§9): every preset on its fixture workbook
 * (scripts/make-fixtures.ts), checked against results worked out by hand from the rules book;
 * exit statuses; help; the exact JSON field names; the result workbook; explicit table options;
 * the input file left untouched.
 */
import { strict as assert } from 'node:assert';
import { execSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { ResultJson } from '../src/engine/json';
import {
  deductionRows, departmentRows, fixture, inputRows, makeTemp, peopleRows, removeTemp, ROOT, runCli, runJson, sha256,
  warningKeys, winnerRows,
} from './helpers/cli';

let tmp = '';
before(() => { tmp = makeTemp(); });
after(() => removeTemp(tmp));

/** Winners rows come by department (roster order), then score high first (§8). */
function assertWinnerOrder(result: ResultJson): void {
  const departments = result.departments.map((d) => d.department);
  for (let i = 1; i < result.winners.length; i++) {
    const a = result.winners[i - 1] as ResultJson['winners'][number];
    const b = result.winners[i] as ResultJson['winners'][number];
    const da = departments.indexOf(a.department);
    const db = departments.indexOf(b.department);
    assert.ok(da < db || (da === db && (a.score ?? -Infinity) >= (b.score ?? -Infinity)),
      `winners out of order at ${i}: ${JSON.stringify(a)} before ${JSON.stringify(b)}`);
  }
}

async function loadBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet's rows as plain values (rich text joined), from row `from` on, trailing nulls dropped. */
function sheetRows(ws: ExcelJS.Worksheet, from = 1): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const values: unknown[] = [];
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell, c) => { values[c - 1] = cell.value ?? null; });
    while (values.length > 0 && (values[values.length - 1] === null || values[values.length - 1] === undefined)) values.pop();
    rows.push(Array.from(values, (v) => v ?? null));
  }
  return rows;
}

// -------------------------------------------------------------------------------------------------

describe('CLI: smile-star-quarterly on smile-star-quarterly.xlsx, 2026Q3', () => {
  // Default scheme: score = 100 − Σ points + min(5, praise rows × 1); 10 元 per violation;
  // complaints 轻微 50 / 一般 100 / 严重 200; one place per department; star award 100 元.
  let r: ResultJson;
  before(async () => { r = await runJson(tmp, ['select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3']); });

  it('names the period and the scheme', () => {
    assert.equal(r.period, '2026Q3');
    assert.equal(r.scheme, 'smile-star-quarterly');
  });

  it('scores, vetoes and statuses of every person', () => {
    assert.deepEqual(peopleRows(r.people), [
      // 收费处: 张伟 07-01 现场 1 → 99; 李娜 08-12 暗访 (on-site) 1 → 99; 王芳 07-20 3 → 97.
      ['S01', '张伟', '收费处', 1, 1, 0, 0, null, 99, true, [], 'tie'],
      ['S02', '李娜', '收费处', 1, 1, 0, 0, null, 99, true, [], 'tie'],
      ['S03', '王芳', '收费处', 1, 3, 0, 0, null, 97, true, [], 'candidate'],
      // 药房: 刘洋 2 praise → 102 but a valid 患者投诉 (08-08) vetoes him; 陈静 09-30 调取监控 2
      // (off-site) + 1 praise → 99; 杨磊's 10-01 row is after Q3 and his complaint 不属实 → 100.
      ['S04', '刘洋', '药房', 0, 0, 0, 2, null, 102, false, ['COMPLAINT'], 'vetoed'],
      ['S05', '陈静', '药房', 1, 0, 2, 1, null, 99, true, [], 'candidate'],
      ['S06', '杨磊', '药房', 0, 0, 0, 0, null, 100, true, [], 'winner'],
      // 检验科: 赵敏 07-10 1 + 09-15 blank points (= 1) → 98; 黄强's 06-30 row is before Q3 → 100.
      ['S07', '赵敏', '检验科', 2, 2, 0, 0, null, 98, true, [], 'candidate'],
      ['S08', '黄强', '检验科', 0, 0, 0, 0, null, 100, true, [], 'winner'],
      // 导医台: 周杰 群众投诉 → vetoed; 吴霞 离岗 → inactive. No candidate: vacant.
      ['S09', '周杰', '导医台', 0, 0, 0, 0, null, 100, false, ['COMPLAINT'], 'vetoed'],
      ['S10', '吴霞', '导医台', 0, 0, 0, 0, null, 100, false, ['INACTIVE'], 'inactive'],
    ]);
  });

  it('winners: 张伟 and 李娜 tie on every key (no award), 导医台 is vacant', () => {
    assert.deepEqual(winnerRows(r.winners), [
      ['收费处', 'S01', '张伟', 99, 'tie', 0],
      ['收费处', 'S02', '李娜', 99, 'tie', 0],
      ['药房', 'S06', '杨磊', 100, 'winner', 100],
      ['检验科', 'S08', '黄强', 100, 'winner', 100],
      ['导医台', null, null, null, 'vacant', 0],
    ]);
    assertWinnerOrder(r);
  });

  it('departments: mean of the active members, vetoed when a member has a valid complaint', () => {
    assert.deepEqual(departmentRows(r.departments), [
      ['收费处', 98.33, false, 'ranked', 0], // (99 + 99 + 97) / 3 = 98.333…
      ['药房', 100.33, true, 'vetoed', 0], // (102 + 99 + 100) / 3 = 100.333…; 刘洋's complaint
      ['检验科', 99, false, 'ranked', 0], // (98 + 100) / 2
      ['导医台', 100, true, 'vetoed', 0], // 周杰 only (吴霞 inactive); his complaint
    ]);
  });

  it('deductions per person per month (10 元 a violation; complaint by severity; invalid rows cost nothing)', () => {
    assert.deepEqual(deductionRows(r.deductions), [
      ['S01', '收费处', '2026-07', 1, 10, 0, 0, 10],
      ['S02', '收费处', '2026-08', 1, 10, 0, 0, 10],
      ['S03', '收费处', '2026-07', 1, 10, 0, 0, 10], // 3 points, still one violation
      ['S04', '药房', '2026-08', 0, 0, 1, 100, 100], // 一般, no amount → 100
      ['S05', '药房', '2026-09', 1, 10, 1, 20, 30], // 迟到 20 元: a fine, no veto
      ['S07', '检验科', '2026-07', 1, 10, 0, 0, 10],
      ['S07', '检验科', '2026-09', 1, 10, 0, 0, 10],
      ['S09', '导医台', '2026-08', 0, 0, 1, 200, 200], // 严重 → 200
    ]);
  });

  it('accounts for every row, with no warnings', () => {
    assert.deepEqual(inputRows(r.inputs), [
      ['staff', 10, 10, 0, 0, 0],
      ['inspections', 8, 6, 2, 0, 0], // 06-30 and 10-01 are outside Q3
      ['fines', 4, 4, 0, 0, 0],
      ['praise', 4, 3, 1, 0, 0], // 06-15 is outside Q3
    ]);
    assert.deepEqual(r.warnings, []);
  });

  it('--rules rules.json with winnersPerDepartment 2 gives two places per department', async () => {
    const rules = path.join(tmp, 'rules.json');
    fs.writeFileSync(rules, JSON.stringify({ winnersPerDepartment: 2 }));
    const two = await runJson(tmp, ['select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3', '--rules', rules]);
    // 收费处: places 1–2 go to the tied pair (99, 99), the next is 97 → both win.
    // 药房: 杨磊 100, 陈静 99. 检验科: 黄强 100, 赵敏 98. 导医台 still vacant.
    assert.deepEqual(winnerRows(two.winners), [
      ['收费处', 'S01', '张伟', 99, 'winner', 100],
      ['收费处', 'S02', '李娜', 99, 'winner', 100],
      ['药房', 'S06', '杨磊', 100, 'winner', 100],
      ['药房', 'S05', '陈静', 99, 'winner', 100],
      ['检验科', 'S08', '黄强', 100, 'winner', 100],
      ['检验科', 'S07', '赵敏', 98, 'winner', 100],
      ['导医台', null, null, null, 'vacant', 0],
    ]);
    assert.deepEqual(two.people.map((p) => p.status),
      ['winner', 'winner', 'candidate', 'vetoed', 'winner', 'winner', 'winner', 'winner', 'vetoed', 'inactive']);
  });
});

describe('CLI: service-star-monthly on service-star-monthly.xlsx', () => {
  // 1 place per department, 100 元; 文明科室 (2 places, 100 元, pooled satisfaction ≥ 0.95)
  // only on half-year runs. Tie-break keys: score, fewer violations, more praise rows, satisfaction.
  const book = fixture('service-star-monthly.xlsx');

  describe('2026-07 (no department awards)', () => {
    let r: ResultJson;
    before(async () => { r = await runJson(tmp, ['select', book, '--period', '2026-07', '--scheme', 'service-star-monthly']); });

    it('scores and the tie-break keys decide each department', () => {
      assert.equal(r.period, '2026-07');
      assert.equal(r.scheme, 'service-star-monthly');
      assert.deepEqual(peopleRows(r.people), [
        // 挂号处: 孙丽 1 point → 99; 周梅 → 100 (her 10-10 row is outside July). Score decides.
        ['M01', '孙丽', '挂号处', 1, 1, 0, 0, 0.99, 99, true, [], 'candidate'],
        ['M02', '周梅', '挂号处', 0, 0, 0, 0, 0.98, 100, true, [], 'winner'],
        // 收费处: 郑浩 100 − 1 + 1 (blank 加分 = 1) = 100; 冯雪 100 with no violation → fewer violations wins.
        ['M03', '郑浩', '收费处', 1, 1, 0, 1, 0.97, 100, true, [], 'candidate'],
        ['M04', '冯雪', '收费处', 0, 0, 0, 0, 0.99, 100, true, [], 'winner'],
        // 药房: 何军 one 锦旗 of 2 points → 102; 高洁 two rows of 1 → 102; more praise rows wins,
        // though 何军's satisfaction (0.97) is higher than 高洁's (0.94).
        ['M05', '何军', '药房', 0, 0, 0, 1, 0.97, 102, true, [], 'candidate'],
        ['M06', '高洁', '药房', 0, 0, 0, 2, 0.94, 102, true, [], 'winner'],
        // 住院处: both 99 with one violation, no praise: satisfaction 0.98 beats 0.96.
        ['M07', '林涛', '住院处', 1, 1, 0, 0, 0.98, 99, true, [], 'winner'],
        ['M08', '罗敏', '住院处', 1, 1, 0, 0, 0.96, 99, true, [], 'candidate'],
      ]);
    });

    it('winners, and departments ranked without awards on a month', () => {
      assert.deepEqual(winnerRows(r.winners), [
        ['挂号处', 'M02', '周梅', 100, 'winner', 100],
        ['收费处', 'M04', '冯雪', 100, 'winner', 100],
        ['药房', 'M06', '高洁', 102, 'winner', 100],
        ['住院处', 'M07', '林涛', 99, 'winner', 100],
      ]);
      // July pooled satisfaction: 挂号处 197/200, 收费处 196/200, 药房 191/200 = 0.955 ≥ 0.95, 住院处 194/200.
      assert.deepEqual(departmentRows(r.departments), [
        ['挂号处', 99.5, false, 'ranked', 0],
        ['收费处', 100, false, 'ranked', 0],
        ['药房', 102, false, 'ranked', 0],
        ['住院处', 99, false, 'ranked', 0],
      ]);
    });

    it('deductions, with the department-only fine totalled for 药房', () => {
      assert.deepEqual(deductionRows(r.deductions), [
        ['M01', '挂号处', '2026-07', 1, 10, 0, 0, 10],
        ['M03', '收费处', '2026-07', 1, 10, 0, 0, 10],
        ['M05', '药房', '2026-07', 0, 0, 1, 30, 30], // 罚款 30 元: money, no veto
        [null, '药房', '2026-07', 0, 0, 1, 50, 50], // a row naming only 药房
        ['M07', '住院处', '2026-07', 1, 10, 0, 0, 10],
        ['M08', '住院处', '2026-07', 1, 10, 0, 0, 10],
      ]);
      assert.deepEqual(inputRows(r.inputs).filter((i) => i[0] !== 'history'), [
        ['staff', 8, 8, 0, 0, 0],
        ['inspections', 6, 4, 2, 0, 0],
        ['fines', 2, 2, 0, 0, 0],
        ['praise', 4, 4, 0, 0, 0],
        ['satisfaction', 16, 8, 8, 0, 0], // the 2026年10月 rows are outside July
      ]);
      assert.deepEqual(r.warnings, []);
    });

    it('--out: the history sheet keeps other periods and replaces July; 周梅 is 年度优先推荐 (2nd star)', async () => {
      const out = path.join(tmp, 'monthly-2026-07.xlsx');
      const run = await runCli(['select', book, '--period', '2026-07', '--scheme', 'service-star-monthly', '--out', out, '-q']);
      assert.equal(run.status, 0, run.stderr);
      const wb = await loadBook(out);
      const history = wb.getWorksheet('获奖记录');
      assert.ok(history, 'history sheet 获奖记录');
      // 2025-12 and 2026-05 kept as they were; the old 2026-07 row (罗敏) replaced by this run's winners.
      assert.deepEqual(sheetRows(history, 2).map((row) => [row[0], row[2], row[3]]), [
        ['2025-12', 'M02', '周梅'],
        ['2026-05', 'M02', '周梅'],
        ['2026-07', 'M02', '周梅'],
        ['2026-07', 'M04', '冯雪'],
        ['2026-07', 'M06', '高洁'],
        ['2026-07', 'M07', '林涛'],
      ]);
      const awards = wb.getWorksheet('表彰名单 2026-07');
      assert.ok(awards, 'award table 表彰名单 2026-07');
      assert.equal(awards.getCell('A1').value, '2026年7月“服务之星”表彰名单');
      // Row 3 is the header; 周梅 (2026-05 + 2026-07 = 2 stars ≥ annualPriorityWins 2) is marked.
      assert.deepEqual(sheetRows(awards, 4).slice(0, 4), [
        [1, '挂号处', '周梅', 100, 100, '年度优先推荐（本年度第2次）'],
        [2, '收费处', '冯雪', 100, 100, ''],
        [3, '药房', '高洁', 102, 100, ''],
        [4, '住院处', '林涛', 99, 100, ''],
      ]);
    });
  });

  describe('2026H2 (文明科室: 2 places, 100 元, pooled satisfaction ≥ 0.95)', () => {
    let r: ResultJson;
    before(async () => { r = await runJson(tmp, ['select', book, '--period', '2026H2', '--scheme', 'service-star-monthly']); });

    it('people and winners over the half year', () => {
      assert.equal(r.period, '2026H2');
      assert.deepEqual(peopleRows(r.people), [
        // 周梅's 10-10 row (3 points) now counts: 97. 冯雪's 11-11 row: 99.
        ['M01', '孙丽', '挂号处', 1, 1, 0, 0, 0.985, 99, true, [], 'winner'], // (99 + 98) / 200
        ['M02', '周梅', '挂号处', 1, 3, 0, 0, 0.975, 97, true, [], 'candidate'],
        ['M03', '郑浩', '收费处', 1, 1, 0, 1, 0.965, 100, true, [], 'winner'],
        ['M04', '冯雪', '收费处', 1, 1, 0, 0, 0.985, 99, true, [], 'candidate'],
        ['M05', '何军', '药房', 0, 0, 0, 1, 0.945, 102, true, [], 'candidate'],
        ['M06', '高洁', '药房', 0, 0, 0, 2, 0.92, 102, true, [], 'winner'],
        ['M07', '林涛', '住院处', 1, 1, 0, 0, 0.975, 99, true, [], 'winner'],
        ['M08', '罗敏', '住院处', 1, 1, 0, 0, 0.965, 99, true, [], 'candidate'],
      ]);
      assert.deepEqual(winnerRows(r.winners), [
        ['挂号处', 'M01', '孙丽', 99, 'winner', 100],
        ['收费处', 'M03', '郑浩', 100, 'winner', 100],
        ['药房', 'M06', '高洁', 102, 'winner', 100],
        ['住院处', 'M07', '林涛', 99, 'winner', 100],
      ]);
    });

    it('department awards: 药房 (best score) vetoed for pooled satisfaction 373/400 = 0.9325 < 0.95', () => {
      assert.deepEqual(departmentRows(r.departments), [
        ['挂号处', 98, false, 'ranked', 0], // (99 + 97) / 2; third of the eligible
        ['收费处', 99.5, false, 'winner', 100], // (100 + 99) / 2
        ['药房', 102, true, 'vetoed', 0],
        ['住院处', 99, false, 'winner', 100],
      ]);
    });

    it('deductions over the half year', () => {
      assert.deepEqual(deductionRows(r.deductions), [
        ['M01', '挂号处', '2026-07', 1, 10, 0, 0, 10],
        ['M02', '挂号处', '2026-10', 1, 10, 0, 0, 10],
        ['M03', '收费处', '2026-07', 1, 10, 0, 0, 10],
        ['M04', '收费处', '2026-11', 1, 10, 0, 0, 10],
        ['M05', '药房', '2026-07', 0, 0, 1, 30, 30],
        [null, '药房', '2026-07', 0, 0, 1, 50, 50],
        ['M07', '住院处', '2026-07', 1, 10, 0, 0, 10],
        ['M08', '住院处', '2026-07', 1, 10, 0, 0, 10],
      ]);
    });
  });
});

describe('CLI: credit-union-100 on credit-union-100.xlsx, 2026-07', () => {
  // inspectionScore = 0.8·max(0, 100 − D_onsite) + 0.2·max(0, 100 − D_offsite); + praise.
  // 50 元 a point, 0 a violation; ANNUAL_LIMIT when Jan 1 – Jul 31 points > 120;
  // a branch over 240 points this year is vetoed.
  let r: ResultJson;
  before(async () => {
    r = await runJson(tmp, ['select', fixture('credit-union-100.xlsx'), '--period', '2026-07', '--scheme', 'credit-union-100']);
  });

  it('weighted scores and the annual point limit', () => {
    assert.deepEqual(peopleRows(r.people), [
      // 钱进: on-site 2 + 1, 非现场 2, one praise → 0.8·97 + 0.2·98 + 1 = 77.6 + 19.6 + 1 = 98.2
      ['C01', '钱进', '城关网点', 3, 3, 2, 1, null, 98.2, true, [], 'candidate'],
      // 孙悦: on-site 1 → 0.8·99 + 0.2·100 = 99.2 (her 08-05 row is after July)
      ['C02', '孙悦', '城关网点', 1, 1, 0, 0, null, 99.2, true, [], 'winner'],
      // 李强: no July rows (100) but 60 + 61 = 121 > 120 points this year
      ['C03', '李强', '城关网点', 0, 0, 0, 0, null, 100, false, ['ANNUAL_LIMIT'], 'vetoed'],
      // 周平: 119 (Apr) + 1 (Jul) = 120, not over 120 (the 2025-12 row is last year) → 99.2
      ['C04', '周平', '东街网点', 1, 1, 0, 0, null, 99.2, true, [], 'winner'],
      // 吴刚: 监控 5 → 0.8·100 + 0.2·95 = 99
      ['C05', '吴刚', '东街网点', 1, 0, 5, 0, null, 99, true, [], 'candidate'],
      // 郑爽: 现场 1 + 录像 1 → 0.8·99 + 0.2·99 = 99
      ['C06', '郑爽', '东街网点', 2, 1, 1, 0, null, 99, true, [], 'candidate'],
      // 王五: on-site 2 → 0.8·98 + 20 = 98.4 (100 + 2 points this year: under 120)
      ['C07', '王五', '西街网点', 1, 2, 0, 0, null, 98.4, true, [], 'candidate'],
      ['C08', '赵六', '西街网点', 0, 0, 0, 0, null, 100, true, [], 'winner'],
    ]);
  });

  it('winners and departments (西街网点: 100 + 100 + 50 + 2 + 2 = 254 > 240 points this year)', () => {
    assert.deepEqual(winnerRows(r.winners), [
      ['城关网点', 'C02', '孙悦', 99.2, 'winner', 100],
      ['东街网点', 'C04', '周平', 99.2, 'winner', 100],
      ['西街网点', 'C08', '赵六', 100, 'winner', 100],
    ]);
    assert.deepEqual(departmentRows(r.departments), [
      ['城关网点', 99.13, false, 'ranked', 0], // (98.2 + 99.2 + 100) / 3 = 99.133…; 127 points
      ['东街网点', 99.07, false, 'ranked', 0], // (99.2 + 99 + 99) / 3 = 99.066…; 127 points
      ['西街网点', 99.2, true, 'vetoed', 0], // (98.4 + 100) / 2
    ]);
  });

  it('deductions: 50 元 a point, none per violation; the branch row on its own', () => {
    assert.deepEqual(deductionRows(r.deductions), [
      ['C01', '城关网点', '2026-07', 3, 250, 0, 0, 250], // 5 points
      ['C02', '城关网点', '2026-07', 1, 50, 0, 0, 50],
      ['C04', '东街网点', '2026-07', 1, 50, 0, 0, 50],
      ['C05', '东街网点', '2026-07', 1, 250, 0, 0, 250],
      ['C06', '东街网点', '2026-07', 2, 100, 0, 0, 100],
      ['C07', '西街网点', '2026-07', 1, 100, 0, 0, 100],
      [null, '西街网点', '2026-07', 1, 100, 0, 0, 100],
    ]);
    // Rows before July that feed the year-to-date limits count as out of period (§10).
    assert.deepEqual(inputRows(r.inputs), [
      ['staff', 8, 8, 0, 0, 0],
      ['inspections', 18, 10, 8, 0, 0],
      ['praise', 1, 1, 0, 0, 0],
    ]);
    assert.deepEqual(r.warnings, []);
  });
});

describe('CLI: hospital-quality-year on hospital-quality-year.xlsx, 2026Q3', () => {
  // Top 10 over all departments (no per-department places), 500 元 each; SATISFACTION below 0.90,
  // EVAL_RATE (evaluations / served) below 0.90; 3 优质服务窗口 of 1000 元.
  let r: ResultJson;
  before(async () => {
    r = await runJson(tmp, ['select', fixture('hospital-quality-year.xlsx'), '--period', '2026Q3', '--scheme', 'hospital-quality-year']);
  });

  it('scores, satisfaction and the satisfaction / evaluation-rate vetoes', () => {
    assert.deepEqual(peopleRows(r.people), [
      // 马超: 2 praise → 102; satisfaction (99 + 97) / 200 = 0.98 (the 2026-06 row is outside Q3);
      // his 合格 row with blank points is not a violation.
      ['H01', '马超', '门诊药房', 0, 0, 0, 2, 0.98, 102, true, [], 'winner'],
      ['H02', '朱琳', '门诊药房', 0, 0, 0, 1, 0.96, 101, true, [], 'winner'], // evaluated 100 of 104 served
      ['H03', '胡斌', '门诊药房', 0, 0, 0, 0, 0.85, 100, false, ['SATISFACTION'], 'vetoed'],
      // 郭勇: 81/90 = 0.90 and 90/100 = 0.90 exactly: not below. 2 points on a 合格 row: no violation.
      ['H04', '郭勇', '收费处', 0, 0, 0, 0, 0.9, 100, true, [], 'winner'],
      ['H05', '何静', '收费处', 1, 1, 0, 0, 0.95, 99, true, [], 'winner'],
      ['H06', '罗军', '收费处', 0, 0, 0, 0, 0.975, 100, false, ['EVAL_RATE'], 'vetoed'], // 80 of 100 served
      ['H07', '唐敏', '收费处', 1, 1.5, 0, 0, 0.95, 98.5, true, [], 'winner'],
      ['H08', '许峰', '检验科', 1, 2, 0, 0, 0.94, 98, true, [], 'winner'],
      ['H09', '韩梅', '检验科', 1, 3, 0, 0, 0.93, 97, true, [], 'winner'],
      ['H10', '冯涛', '检验科', 1, 4, 0, 0, 0.92, 96, true, [], 'winner'],
      ['H11', '曹阳', '放射科', 1, 5, 0, 0, 0.96, 95, true, [], 'winner'],
      // Places 10 and 11: 彭亮 and 袁芳, both 94, one violation, no praise, satisfaction 0.95
      // (彭亮 pooled (47 + 48) / 100) → equal on every key: both tie, 9 winners.
      ['H12', '彭亮', '放射科', 1, 6, 0, 0, 0.95, 94, true, [], 'tie'],
      ['H13', '董洁', '放射科', 1, 10, 0, 0, 0.95, 90, true, [], 'candidate'],
      ['H14', '袁芳', '导医服务台', 1, 6, 0, 0, 0.95, 94, true, [], 'tie'],
      ['H15', '邓超', '导医服务台', 1, 7, 0, 0, 0.99, 93, false, ['COMPLAINT'], 'vetoed'],
    ]);
  });

  it('top 10 with a tie at place 10; winners by department, then score', () => {
    assert.deepEqual(winnerRows(r.winners), [
      ['门诊药房', 'H01', '马超', 102, 'winner', 500],
      ['门诊药房', 'H02', '朱琳', 101, 'winner', 500],
      ['收费处', 'H04', '郭勇', 100, 'winner', 500],
      ['收费处', 'H05', '何静', 99, 'winner', 500],
      ['收费处', 'H07', '唐敏', 98.5, 'winner', 500],
      ['检验科', 'H08', '许峰', 98, 'winner', 500],
      ['检验科', 'H09', '韩梅', 97, 'winner', 500],
      ['检验科', 'H10', '冯涛', 96, 'winner', 500],
      ['放射科', 'H11', '曹阳', 95, 'winner', 500],
      ['放射科', 'H12', '彭亮', 94, 'tie', 0],
      ['导医服务台', 'H14', '袁芳', 94, 'tie', 0],
    ]);
    assertWinnerOrder(r);
  });

  it('three 优质服务窗口 of 1000 元; 导医服务台 vetoed by 邓超\'s complaint', () => {
    assert.deepEqual(departmentRows(r.departments), [
      ['门诊药房', 101, false, 'winner', 1000], // (102 + 101 + 100) / 3, vetoed members included
      ['收费处', 99.38, false, 'winner', 1000], // (100 + 99 + 100 + 98.5) / 4 = 99.375
      ['检验科', 97, false, 'winner', 1000], // (98 + 97 + 96) / 3
      ['放射科', 93, false, 'ranked', 0], // (95 + 94 + 90) / 3
      ['导医服务台', 93.5, true, 'vetoed', 0], // (94 + 93) / 2
    ]);
  });

  it('deductions, row accounting and the AMOUNT_OUT_OF_RANGE warning (300 元 complaint)', () => {
    assert.deepEqual(deductionRows(r.deductions), [
      ['H05', '收费处', '2026-07', 1, 10, 0, 0, 10],
      ['H07', '收费处', '2026-07', 1, 10, 0, 0, 10],
      ['H08', '检验科', '2026-07', 1, 10, 0, 0, 10],
      ['H09', '检验科', '2026-07', 1, 10, 0, 0, 10],
      ['H10', '检验科', '2026-08', 1, 10, 0, 0, 10],
      ['H11', '放射科', '2026-08', 1, 10, 0, 0, 10],
      ['H12', '放射科', '2026-08', 1, 10, 0, 0, 10],
      ['H13', '放射科', '2026-08', 1, 10, 0, 0, 10],
      ['H14', '导医服务台', '2026-09', 1, 10, 0, 0, 10],
      ['H15', '导医服务台', '2026-08', 0, 0, 1, 300, 300], // used as written
      ['H15', '导医服务台', '2026-09', 1, 10, 0, 0, 10],
    ]);
    assert.deepEqual(inputRows(r.inputs), [
      ['staff', 15, 15, 0, 0, 0],
      ['inspections', 13, 13, 0, 0, 0], // 合格 rows are used rows, not violations
      ['fines', 1, 1, 0, 0, 0],
      ['praise', 3, 3, 0, 0, 0],
      ['satisfaction', 18, 17, 1, 0, 0],
    ]);
    assert.deepEqual(warningKeys(r.warnings), ['AMOUNT_OUT_OF_RANGE fines 2']);
  });
});

describe('CLI: gov-center-annual on gov-center-annual.xlsx, 2026', () => {
  // Top 2 over all departments; SATISFACTION below 0.99; TENURE when 上岗日期 + 2 years is after
  // 2026-12-31; 2 优质服务窗口 (the book gives no money for them: 0).
  let r: ResultJson;
  before(async () => {
    r = await runJson(tmp, ['select', fixture('gov-center-annual.xlsx'), '--period', '2026', '--scheme', 'gov-center-annual']);
  });

  it('tenure and satisfaction vetoes, a tie at place 2', () => {
    assert.equal(r.period, '2026');
    assert.deepEqual(peopleRows(r.people), [
      // 林芳: (99 + 100) / 200 = 0.995; her 2025-12-28 row is last year → 100.
      ['G01', '林芳', '社保窗口', 0, 0, 0, 0, 0.995, 100, true, [], 'tie'],
      // 陈晨: since 2025-01-01, 2 years → 2027-01-01 > 2026-12-31.
      ['G02', '陈晨', '社保窗口', 0, 0, 0, 1, 1, 101, false, ['TENURE'], 'vetoed'],
      // 黄蓉: since 2024-12-31 → exactly 2 years on 2026-12-31; 99/100 = 0.99 is not below 0.99.
      // Behind 林芳 and 赵雪 on satisfaction. Her 2027-01-01 praise is outside the year.
      ['G03', '黄蓉', '不动产窗口', 0, 0, 0, 0, 0.99, 100, true, [], 'candidate'],
      // 杨帆: rate "98.5%" only → 0.985 < 0.99.
      ['G04', '杨帆', '不动产窗口', 0, 0, 0, 2, 0.985, 102, false, ['SATISFACTION'], 'vetoed'],
      // 刘畅: 1 point in March, praise 06-01 and 12-31 (the year's last day) → 101: place 1.
      ['G05', '刘畅', '税务窗口', 1, 1, 0, 2, 1, 101, true, [], 'winner'],
      // 赵雪 equals 林芳 on every key (100, 0 violations, 0 praise, 0.995): tie for place 2.
      ['G06', '赵雪', '税务窗口', 0, 0, 0, 0, 0.995, 100, true, [], 'tie'],
    ]);
  });

  it('winners and the two windows tied for the second award', () => {
    assert.deepEqual(winnerRows(r.winners), [
      ['社保窗口', 'G01', '林芳', 100, 'tie', 0],
      ['税务窗口', 'G05', '刘畅', 101, 'winner', 100],
      ['税务窗口', 'G06', '赵雪', 100, 'tie', 0],
    ]);
    assert.deepEqual(departmentRows(r.departments), [
      ['社保窗口', 100.5, false, 'tie', 0], // (100 + 101) / 2
      ['不动产窗口', 101, false, 'winner', 0], // (100 + 102) / 2; windowAwardYuan 0
      ['税务窗口', 100.5, false, 'tie', 0], // (101 + 100) / 2
    ]);
  });

  it('deductions and row accounting', () => {
    assert.deepEqual(deductionRows(r.deductions), [['G05', '税务窗口', '2026-03', 1, 10, 0, 0, 10]]);
    assert.deepEqual(inputRows(r.inputs), [
      ['staff', 6, 6, 0, 0, 0],
      ['inspections', 2, 1, 1, 0, 0],
      ['praise', 6, 5, 1, 0, 0],
      ['satisfaction', 8, 8, 0, 0, 0],
    ]);
    assert.deepEqual(r.warnings, []);
  });
});

describe('CLI: messy.xlsx (title rows, full-width digits, spaces, a repeated header, bad rows)', () => {
  let run: Awaited<ReturnType<typeof runCli>>;
  let r: ResultJson;
  before(async () => {
    run = await runCli(['select', fixture('messy.xlsx'), '--period', '2026Q3', '--json', '-']);
    r = JSON.parse(run.stdout) as ResultJson;
  });

  it('exits 0 with warnings, summarised on stderr', () => {
    assert.equal(run.status, 0);
    assert.match(run.stderr, /警告 7 条/u);
    assert.match(run.stderr, /BAD_DATE: .*messy\.xlsx 督导检查记录 第7行/u);
  });

  it('every warning with its table and Excel row', () => {
    assert.deepEqual(warningKeys(r.warnings), [
      'AMBIGUOUS_NAME inspections 9', // 张三 without a department: X01 or X02
      'AMOUNT_OUT_OF_RANGE fines 3', // 患者投诉 "500元"
      'BAD_DATE inspections 7', // 05/07/2026
      'BAD_NUMBER inspections 8', // 三分
      'NAME_MISMATCH inspections 11', // X03 written as 王五: the id wins
      'REPEATED_HEADER inspections 6',
      'UNKNOWN_TYPE fines 2', // 服务态度差: a fine, no veto
    ].sort());
  });

  it('the row accounting of §1: rows = used + outOfPeriod + skippedBlank + rejected', () => {
    assert.deepEqual(inputRows(r.inputs), [
      ['staff', 4, 4, 0, 0, 0], // header on row 3; the white-space row after the table is not counted
      ['inspections', 10, 4, 1, 1, 4], // rows 3–12: blank row 5; rejected 6, 7, 8, 9; 06-30 out
      ['fines', 3, 3, 0, 0, 0],
    ]);
  });

  it('people and winners after cleaning', () => {
    assert.deepEqual(peopleRows(r.people), [
      ['X01', '张三', '收费处', 1, 2, 0, 0, null, 98, true, [], 'winner'], // "２" points
      ['X02', '张三', '药房', 1, 1, 0, 0, null, 99, true, [], 'winner'], // 张三 + 药房 → X02
      // "Ｘ０３" / " 李四 ": row 4 by name "李 四" (1分) and row 11 by id → 98, two violations.
      ['X03', '李四', '收费处', 2, 2, 0, 0, null, 98, true, [], 'candidate'],
      ['X04', '王五', '药房', 0, 0, 0, 0, null, 100, false, ['COMPLAINT'], 'vetoed'],
    ]);
    // 收费处: 98 each; 张三 has fewer violations.
    assert.deepEqual(winnerRows(r.winners), [
      ['收费处', 'X01', '张三', 98, 'winner', 100],
      ['药房', 'X02', '张三', 99, 'winner', 100],
    ]);
    assert.deepEqual(deductionRows(r.deductions), [
      ['X01', '收费处', '2026-07', 1, 10, 0, 0, 10],
      ['X01', '收费处', '2026-08', 0, 0, 1, 30, 30],
      ['X03', '收费处', '2026-07', 2, 20, 0, 0, 20],
      ['X03', '收费处', '2026-08', 0, 0, 1, 20, 20], // id "x03" (case-folded), "20元"
      ['X02', '药房', '2026-07', 1, 10, 0, 0, 10],
      ['X04', '药房', '2026-08', 0, 0, 1, 500, 500],
    ]);
  });
});

describe('CLI: CSV tables (UTF-8 with and without BOM, GB18030)', () => {
  for (const encoding of ['utf8-bom', 'utf8', 'gb18030']) {
    it(`--staff roster-${encoding}.csv --inspections inspections-${encoding}.csv`, async () => {
      const r = await runJson(tmp, [
        'select', '--staff', fixture('csv', `roster-${encoding}.csv`), '--inspections', fixture('csv', `inspections-${encoding}.csv`),
        '--period', '2026Q3',
      ]);
      // 张三 2 points (item "仪容仪表,着装" quoted) → 98; 李四 1 → 99; 王五 by name, 1 → 99.
      assert.deepEqual(peopleRows(r.people), [
        ['K01', '张三', '收费处', 1, 2, 0, 0, null, 98, true, [], 'candidate'],
        ['K02', '李四', '收费处', 1, 1, 0, 0, null, 99, true, [], 'winner'],
        ['K03', '王五', '药房', 1, 1, 0, 0, null, 99, true, [], 'winner'],
      ]);
      assert.deepEqual(inputRows(r.inputs), [['staff', 3, 3, 0, 0, 0], ['inspections', 3, 3, 0, 0, 0]]);
    });
  }
});

describe('CLI: explicit table options win over discovery', () => {
  it('--staff FILE#SHEET takes that sheet (吴霞 at the window again: 导医台 no longer vacant)', async () => {
    const r = await runJson(tmp, [
      'select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3', '--staff', `${fixture('alt-staff.xlsx')}#七月名单`,
    ]);
    assert.equal(r.people.length, 10);
    assert.deepEqual(r.people.find((p) => p.id === 'S10')?.status, 'winner');
    assert.deepEqual(winnerRows(r.winners).filter((w) => w[0] === '导医台'), [['导医台', 'S10', '吴霞', 100, 'winner', 100]]);
    assert.equal(r.inputs.find((i) => i.table === 'staff')?.rows, 10);
  });

  it('--inspections FILE.csv replaces the workbook\'s inspections sheet', async () => {
    const r = await runJson(tmp, [
      'select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3', '--inspections', fixture('csv', 'smile-inspections.csv'),
    ]);
    // Only 杨磊 07-15 5 points: 收费处 all 100 → three-way tie; 药房 陈静 100 + 1 praise = 101 wins;
    // 检验科 赵敏 and 黄强 100 → tie.
    assert.deepEqual(winnerRows(r.winners), [
      ['收费处', 'S01', '张伟', 100, 'tie', 0],
      ['收费处', 'S02', '李娜', 100, 'tie', 0],
      ['收费处', 'S03', '王芳', 100, 'tie', 0],
      ['药房', 'S05', '陈静', 101, 'winner', 100],
      ['检验科', 'S07', '赵敏', 100, 'tie', 0],
      ['检验科', 'S08', '黄强', 100, 'tie', 0],
      ['导医台', null, null, null, 'vacant', 0],
    ]);
    assert.deepEqual(inputRows(r.inputs).find((i) => i[0] === 'inspections'), ['inspections', 1, 1, 0, 0, 0]);
  });

  it('--columns mapping.json maps a field to a column (the task pane\'s format): departments read from 岗位', async () => {
    const mapping = path.join(tmp, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ columns: { staff: { department: 'D' } } }));
    const r = await runJson(tmp, ['select', fixture('layout-tidy.xlsx'), '--period', '2026Q3', '--columns', mapping]);
    assert.deepEqual(r.departments.map((d) => d.department), ['收费员', '药剂师', '检验员']);
    fs.writeFileSync(mapping, JSON.stringify({ staff: { grade: 'D' } }));
    const bad = await runCli(['select', fixture('layout-tidy.xlsx'), '--period', '2026Q3', '--columns', mapping]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /mapping\.json.*grade/u);
  });

  it('a missing sheet in FILE#SHEET is exit status 1 naming the file and the sheet', async () => {
    const run = await runCli(['select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3', '--staff', `${fixture('alt-staff.xlsx')}#八月名单`]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /alt-staff\.xlsx/u);
    assert.match(run.stderr, /八月名单/u);
  });
});

describe('CLI: exit statuses (§9)', () => {
  it('1 for DUPLICATE_ID, naming the file, the sheet and both rows', async () => {
    const run = await runCli(['select', fixture('bad-duplicate-id.xlsx'), '--period', '2026Q3', '--lang', 'zh']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DUPLICATE_ID/u);
    assert.match(run.stderr, /bad-duplicate-id\.xlsx/u);
    assert.match(run.stderr, /人员名单/u);
    assert.match(run.stderr, /8003/u); // the number 8003 and the text "８００３" are one id
    assert.match(run.stderr, /第3、5行/u);
    assert.equal(run.stdout, '');
  });

  it('1 for DUPLICATE_ID in English too', async () => {
    const run = await runCli(['select', fixture('bad-duplicate-id.xlsx'), '--period', '2026Q3', '--lang', 'en']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DUPLICATE_ID: .*bad-duplicate-id\.xlsx 人员名单 row 5 .*rows 3, 5/u);
  });

  it('1 for MISSING_COLUMN, naming the file, the sheet and the column', async () => {
    const run = await runCli(['select', fixture('bad-missing-column.xlsx'), '--period', '2026Q3', '--lang', 'zh']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /MISSING_COLUMN: .*bad-missing-column\.xlsx 人员名单.*科室/u);
  });

  it('1 for a missing file, naming it', async () => {
    const missing = path.join(tmp, 'no-such-book.xlsx');
    const run = await runCli(['select', missing, '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(missing), run.stderr);
  });

  it('1 for an unreadable file, naming it', async () => {
    const broken = path.join(tmp, 'broken.xlsx');
    fs.writeFileSync(broken, 'this is not a workbook');
    const run = await runCli(['select', broken, '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(broken), run.stderr);
  });

  it('1 for an unknown period, naming it', async () => {
    const run = await runCli(['select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q5']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /2026Q5/u);
  });

  it('1 for an unknown scheme, naming it', async () => {
    const run = await runCli(['select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3', '--scheme', 'monthly-star']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /monthly-star/u);
  });

  it('2 without --period', async () => {
    const run = await runCli(['select', fixture('smile-star-quarterly.xlsx')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--period/u);
  });

  it('2 for an unknown option, naming it', async () => {
    const run = await runCli(['select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3', '--winners', '2']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--winners/u);
  });

  it('0 with warnings (messy.xlsx)', async () => {
    const run = await runCli(['select', fixture('messy.xlsx'), '--period', '2026Q3', '--json', path.join(tmp, 'messy.json')]);
    assert.equal(run.status, 0);
    assert.equal((JSON.parse(fs.readFileSync(path.join(tmp, 'messy.json'), 'utf8')) as ResultJson).warnings.length, 7);
  });
});

describe('CLI: --version', () => {
  it("prints package.json's version (the run log's tool names it too)", async () => {
    const run = await runCli(['--version']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${pkg.version}\n`);
  });
});

describe('CLI: --help', () => {
  it('in Chinese', async () => {
    const run = await runCli(['--help', '--lang', 'zh']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /用法/u);
    assert.match(run.stdout, /service-star select/u);
    assert.match(run.stdout, /--period/u);
    assert.match(run.stdout, /--columns mapping\.json +指定列对应/u);
    assert.match(run.stdout, /退出状态/u);
    assert.equal(run.stderr, '');
  });

  it('in English', async () => {
    const run = await runCli(['--help', '--lang', 'en']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage:/mu);
    assert.match(run.stdout, /--inspections FILE\[#SHEET\]/u);
    assert.match(run.stdout, /--columns mapping\.json/u);
    assert.match(run.stdout, /Exit status: 0/u);
    assert.doesNotMatch(run.stdout, /用法/u);
  });

  describe('bin/service-star.js', () => {
    before(function () {
      this.timeout(180_000);
      if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js'))) {
        execSync('npx tsc -p tsconfig.cli.json', { cwd: ROOT, stdio: 'inherit' });
      }
    });

    it('node bin/service-star.js --help prints the help and exits 0', () => {
      const child = spawnSync(process.execPath, ['bin/service-star.js', '--help', '--lang', 'en'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      assert.match(child.stdout, /^Usage:/mu);
    });

    it('node bin/service-star.js with wrong usage exits 2', () => {
      const child = spawnSync(process.execPath, ['bin/service-star.js', 'select', 'book.xlsx'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(child.status, 2);
      assert.match(child.stderr, /--period/u);
    });
  });
});

describe('CLI: --json - prints the §8 object', () => {
  const FIELDS = {
    // §8, with the fields §12 and §13 add.
    top: ['period', 'scheme', 'people', 'winners', 'departments', 'deductions', 'inputs', 'warnings', 'decisions', 'publicity', 'changes'],
    people: ['id', 'name', 'department', 'violations', 'onsitePoints', 'offsitePoints', 'praise', 'satisfaction', 'score', 'eligible', 'vetoes', 'status', 'decision'],
    winners: ['department', 'id', 'name', 'score', 'status', 'awardYuan', 'decided'],
    departments: ['department', 'score', 'vetoed', 'status', 'awardYuan', 'decision'],
    deductions: ['id', 'department', 'month', 'violations', 'violationYuan', 'complaints', 'complaintYuan', 'totalYuan'],
    inputs: ['table', 'rows', 'used', 'outOfPeriod', 'skippedBlank', 'rejected'],
    warnings: ['code', 'table', 'row', 'message'],
  } as const;
  let json: Record<string, unknown>;
  let stdout = '';

  before(async () => {
    // messy.xlsx: every list of §8 is non-empty there (warnings included).
    const run = await runCli(['select', fixture('messy.xlsx'), '--period', '2026Q3', '--json', '-']);
    assert.equal(run.status, 0, run.stderr);
    stdout = run.stdout;
    json = JSON.parse(stdout) as Record<string, unknown>;
  });

  const list = (key: string): Record<string, unknown>[] => {
    const value = json[key];
    assert.ok(Array.isArray(value) && value.length > 0, `${key} is a non-empty list`);
    return value as Record<string, unknown>[];
  };

  it('standard output holds only the JSON object', () => {
    assert.equal(stdout.trim().startsWith('{'), true);
    assert.equal(stdout.trim().endsWith('}'), true);
  });

  it('has every field of §8 under its exact name', () => {
    assert.deepEqual(Object.keys(json).sort(), [...FIELDS.top].sort());
    for (const key of ['people', 'winners', 'departments', 'deductions', 'inputs', 'warnings'] as const) {
      for (const item of list(key)) {
        for (const field of FIELDS[key]) assert.ok(field in item, `${key}[].${field} is missing in ${JSON.stringify(item)}`);
      }
    }
  });

  it('has exactly the field names of §8, no others', () => {
    for (const key of ['people', 'winners', 'departments', 'deductions', 'inputs', 'warnings'] as const) {
      for (const item of list(key)) assert.deepEqual(Object.keys(item).sort(), [...FIELDS[key]].sort(), `fields of ${key}[]`);
    }
  });

  it('uses the value types of §8: ids as strings, satisfaction a number or null, statuses from the book', () => {
    for (const p of list('people')) {
      assert.equal(typeof p.id, 'string');
      assert.ok(p.satisfaction === null || typeof p.satisfaction === 'number');
      assert.ok(['winner', 'tie', 'candidate', 'vetoed', 'not_recommended', 'inactive'].includes(p.status as string));
      assert.ok(Array.isArray(p.vetoes));
    }
    for (const w of list('winners')) assert.ok(['winner', 'tie', 'vacant'].includes(w.status as string));
    for (const d of list('departments')) assert.ok(['winner', 'tie', 'ranked', 'vetoed'].includes(d.status as string));
    for (const i of list('inputs')) {
      assert.ok(['staff', 'inspections', 'fines', 'praise', 'satisfaction', 'recommendations'].includes(i.table as string));
      assert.equal(i.rows, (i.used as number) + (i.outOfPeriod as number) + (i.skippedBlank as number) + (i.rejected as number));
    }
  });
});

describe('CLI: --out writes the result workbook of §8', () => {
  const SHEETS_ZH = ['评选结果 2026Q3', '一票否决 2026Q3', '奖金扣罚 2026Q3', '获奖名单 2026Q3', '表彰名单 2026Q3', '运行记录 2026Q3', '公示名单 2026Q3', '获奖记录'];
  const SHEETS_EN = ['Results 2026Q3', 'Vetoes 2026Q3', 'Deductions 2026Q3', 'Winners 2026Q3', 'Award table 2026Q3', 'Run log 2026Q3', 'Public notice 2026Q3', 'Winners history'];
  let zh: ExcelJS.Workbook;
  let en: ExcelJS.Workbook;
  const book = fixture('smile-star-quarterly.xlsx');
  let before0 = '';

  before(async () => {
    before0 = sha256(book);
    const outZh = path.join(tmp, 'out-zh.xlsx');
    const outEn = path.join(tmp, 'out-en.xlsx');
    const a = await runCli(['select', book, '--period', '2026Q3', '--out', outZh, '--json', path.join(tmp, 'out-zh.json'), '--lang', 'zh']);
    assert.equal(a.status, 0, a.stderr);
    const b = await runCli(['select', book, '--period', '2026Q3', '--out', outEn, '--lang', 'en']);
    assert.equal(b.status, 0, b.stderr);
    zh = await loadBook(outZh);
    en = await loadBook(outEn);
  });

  it('has the six result sheets named with the period, plus 获奖记录', () => {
    assert.deepEqual(zh.worksheets.map((w) => w.name), SHEETS_ZH);
  });

  it('uses English sheet names with --lang en', () => {
    assert.deepEqual(en.worksheets.map((w) => w.name), SHEETS_EN);
  });

  it('the results sheet: one row per staff member', () => {
    const ws = zh.getWorksheet('评选结果 2026Q3');
    assert.ok(ws);
    const rows = sheetRows(ws);
    assert.deepEqual(rows[0]?.slice(0, 3), ['工号', '姓名', '科室']);
    assert.equal(rows.length, 11);
    assert.deepEqual(rows.slice(1).map((row) => [row[0], row[1], row[8]]), [
      ['S01', '张伟', 99], ['S02', '李娜', 99], ['S03', '王芳', 97], ['S04', '刘洋', 102], ['S05', '陈静', 99],
      ['S06', '杨磊', 100], ['S07', '赵敏', 98], ['S08', '黄强', 100], ['S09', '周杰', 100], ['S10', '吴霞', 100],
    ]);
  });

  it('the vetoes sheet names the evidence by sheet, row and date', () => {
    const ws = zh.getWorksheet('一票否决 2026Q3');
    assert.ok(ws);
    const rows = sheetRows(ws, 2);
    const liu = rows.find((row) => row[0] === 'S04');
    assert.ok(liu, 'a row for 刘洋');
    assert.equal(liu[3], 'COMPLAINT');
    assert.match(String(liu[6]), /投诉及处罚记录 第2行 2026-08-08/u);
    assert.deepEqual(rows.filter((row) => row[0] !== '').map((row) => [row[0], row[3]]),
      [['S04', 'COMPLAINT'], ['S09', 'COMPLAINT'], ['S10', 'INACTIVE']]);
  });

  it('the award table has its title, the winners and the vacancy', () => {
    const ws = zh.getWorksheet('表彰名单 2026Q3');
    assert.ok(ws);
    assert.equal(ws.getCell('A1').value, '2026年第三季度“微笑服务之星”表彰名单');
    const rows = sheetRows(ws, 3);
    assert.deepEqual(rows[0], ['序号', '科室', '姓名', '得分', '奖励（元）', '备注']);
    assert.deepEqual(rows.slice(1, 6).map((row) => [row[1], row[2], row[4] ?? null]), [
      ['收费处', '张伟', null], ['收费处', '李娜', null], ['药房', '杨磊', 100], ['检验科', '黄强', 100], ['导医台', '空缺', null],
    ]);
    const en0 = en.getWorksheet('Award table 2026Q3');
    assert.ok(en0);
    assert.equal(en0.getCell('A1').value, 'Smile Service Star awards, 2026 Q3');
  });

  it('the run log holds the scheme and the row accounting', () => {
    const ws = zh.getWorksheet('运行记录 2026Q3');
    assert.ok(ws);
    const text = sheetRows(ws).map((row) => row.join('|')).join('\n');
    assert.match(text, /smile-star-quarterly/u);
    assert.match(text, /督导检查记录\|1\|8\|6\|2\|0\|0/u);
  });

  it('leaves the input workbook unchanged (hash before and after)', () => {
    assert.equal(sha256(book), before0);
  });

  it('refuses to write the result over the input workbook', async () => {
    const copy = path.join(tmp, 'input-copy.xlsx');
    fs.copyFileSync(book, copy);
    const hash = sha256(copy);
    const run = await runCli(['select', copy, '--period', '2026Q3', '--out', copy, '-q']);
    assert.notEqual(run.status, 0, '--out naming the input workbook must be refused (§9: never the input file)');
    assert.equal(sha256(copy), hash, 'the input workbook was overwritten');
  });

  it('refuses to write the result over the input workbook through another path to it (a symbolic link)', async function () {
    const copy = path.join(tmp, 'input-copy-2.xlsx');
    const link = path.join(tmp, 'link-to-input.xlsx');
    fs.copyFileSync(book, copy);
    try {
      fs.symlinkSync(copy, link);
    } catch {
      this.skip(); // no symbolic links here (Windows without the privilege)
    }
    const hash = sha256(copy);
    const run = await runCli(['select', copy, '--period', '2026Q3', '--out', link, '-q']);
    assert.notEqual(run.status, 0, '--out naming the input workbook (by a link) must be refused');
    assert.equal(sha256(copy), hash, 'the input workbook was overwritten');
  });

  it('refuses to write the JSON result over an input file', async () => {
    const copy = path.join(tmp, 'input-copy-3.xlsx');
    fs.copyFileSync(book, copy);
    const hash = sha256(copy);
    const run = await runCli(['select', copy, '--period', '2026Q3', '--json', copy, '-q']);
    assert.notEqual(run.status, 0, '--json naming the input workbook must be refused (§1: never writes to an input)');
    assert.equal(sha256(copy), hash, 'the input workbook was overwritten');
  });
});
