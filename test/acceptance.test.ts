/**
 * The acceptance sample (test/fixtures/acceptance/, copied from the project's shared acceptance
 * folder so that a clone can run it): the command line's --json on clean-hospital-2026Q3.xlsx must
 * match the independently computed expected result, checked by the sample's own compare.py.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, makeTemp, removeTemp, runCli } from './helpers/cli';

const DIR = fixture('acceptance');
const BOOK = path.join(DIR, 'clean-hospital-2026Q3.xlsx');
const EXPECTED = path.join(DIR, 'clean-hospital-2026Q3.expected.json');
const COMPARE = path.join(DIR, 'compare.py');

function hasPython(): boolean {
  return spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('acceptance: clean-hospital-2026Q3 (compare.py)', () => {
  let tmp = '';
  before(() => { tmp = makeTemp(); });
  after(() => removeTemp(tmp));

  it('the sample files are in test/fixtures/acceptance', () => {
    for (const file of [BOOK, EXPECTED, COMPARE, path.join(DIR, 'README.md')]) assert.ok(fs.existsSync(file), file);
  });

  it('select --period 2026Q3 --json matches the expected result: "clean: N/N checks pass"', async function () {
    if (!hasPython()) this.skip();
    const out = path.join(tmp, 'out.json');
    const run = await runCli(['select', BOOK, '--period', '2026Q3', '--json', out, '-q']);
    assert.equal(run.status, 0, run.stderr);
    const compare = spawnSync('python3', [COMPARE, out, EXPECTED, '--name', 'clean'], { encoding: 'utf8' });
    const lines = compare.stdout.trim().split('\n');
    const last = lines[lines.length - 1] ?? '';
    const m = /^clean: (\d+)\/(\d+) checks pass$/u.exec(last);
    assert.ok(m, `last line: ${last}\n${compare.stdout}${compare.stderr}`);
    assert.equal(m[1], m[2], compare.stdout);
    assert.ok(Number(m[2]) > 600, `only ${m[2]} checks`);
    assert.equal(compare.status, 0, compare.stdout);
  });

  it('compare.py fails on a wrong result (the check can fail)', async function () {
    if (!hasPython()) this.skip();
    const out = path.join(tmp, 'out.json');
    if (!fs.existsSync(out)) {
      const run = await runCli(['select', BOOK, '--period', '2026Q3', '--json', out, '-q']);
      assert.equal(run.status, 0, run.stderr);
    }
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { people: { score: number }[] };
    const first = result.people[0];
    assert.ok(first);
    first.score += 1;
    const wrong = path.join(tmp, 'wrong.json');
    fs.writeFileSync(wrong, JSON.stringify(result));
    const compare = spawnSync('python3', [COMPARE, wrong, EXPECTED, '--name', 'clean'], { encoding: 'utf8' });
    assert.equal(compare.status, 1);
    assert.match(compare.stdout, /clean: (\d+)\/(\d+) checks pass\s*$/u);
  });
});

describe('acceptance: decisions-hospital-2026Q3 (§12 committee decisions, §13 notice and changes; compare.py)', () => {
  const book = path.join(DIR, 'decisions-hospital-2026Q3.xlsx');
  const expected = path.join(DIR, 'decisions-hospital-2026Q3.expected.json');
  const rules = path.join(DIR, 'decisions-hospital-2026Q3.rules.json');
  let tmp = '';
  before(() => { tmp = makeTemp(); });
  after(() => removeTemp(tmp));

  it('select --period 2026Q3 --rules … --json matches the expected result: "decisions: N/N checks pass"', async function () {
    if (!hasPython()) this.skip();
    const out = path.join(tmp, 'out.json');
    const run = await runCli(['select', book, '--period', '2026Q3', '--rules', rules, '--json', out, '-q']);
    assert.equal(run.status, 0, run.stderr);
    const compare = spawnSync('python3', [COMPARE, out, expected, '--name', 'decisions'], { encoding: 'utf8' });
    const last = compare.stdout.trim().split('\n').pop() ?? '';
    const m = /^decisions: (\d+)\/(\d+) checks pass$/u.exec(last);
    assert.ok(m, `last line: ${last}\n${compare.stdout}${compare.stderr}`);
    assert.equal(m[1], m[2], compare.stdout);
    assert.ok(Number(m[2]) > 500, `only ${m[2]} checks`);
    assert.equal(compare.status, 0, compare.stdout);
  });

  it('the rerun says on the terminal what changed since the list of the period, in words', async () => {
    const run = await runCli(['select', book, '--period', '2026Q3', '--rules', rules, '--json', path.join(tmp, 'words.json'), '--lang', 'zh']);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(fs.readFileSync(path.join(tmp, 'words.json'), 'utf8')) as { changes: { name: string }[] };
    assert.ok(result.changes.length > 0);
    assert.match(run.stderr, new RegExp(`与上次本期结果相比（${result.changes.length} 处变化）`, 'u'));
    for (const c of result.changes) assert.match(run.stderr, new RegExp(`  .+：${c.name} (并列|获奖|未获奖) → (并列|获奖|未获奖)\n`, 'u'));
  });

  it('compare.py fails when the changes are missing (the check can fail)', async function () {
    if (!hasPython()) this.skip();
    const out = path.join(tmp, 'no-changes.json');
    const run = await runCli(['select', book, '--period', '2026Q3', '--rules', rules, '--json', out, '-q']);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { changes: unknown[] };
    result.changes = [];
    fs.writeFileSync(out, JSON.stringify(result));
    const compare = spawnSync('python3', [COMPARE, out, expected, '--name', 'decisions'], { encoding: 'utf8' });
    assert.equal(compare.status, 1, compare.stdout);
  });
});
