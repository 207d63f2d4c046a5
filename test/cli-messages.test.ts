/**
 * The command line as a newcomer meets it: each error said once (Chinese, then English), a file that
 * is not a workbook named as such, "did you mean", the --out hint, warnings grouped, one closing
 * summary line, and results that are never half-written or written over an input.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { didYouMean } from '../src/cli/args';
import { Progress } from '../src/cli/progress';
import { fixture, makeTemp, removeTemp, runCli } from './helpers/cli';

let tmp = '';
before(() => { tmp = makeTemp(); });
after(() => removeTemp(tmp));

const EXAMPLE = path.join(__dirname, '..', 'examples', 'hospital-2026Q3.xlsx');
const count = (text: string, part: string) => text.split(part).length - 1;

describe('CLI messages: errors said once, Chinese then English', () => {
  it('a missing file: "no such file" once in each language, Chinese first', async () => {
    const run = await runCli(['select', path.join(tmp, 'nope.xlsx'), '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.equal(count(run.stderr, '文件不存在'), 1, run.stderr);
    assert.equal(count(run.stderr, 'no such file'), 1, run.stderr);
    assert.ok(run.stderr.indexOf('文件不存在') < run.stderr.indexOf('no such file'));
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });

  it('a file that is not a workbook is named as such, with the formats that are read and how to save it', async () => {
    const notes = path.join(tmp, 'notes.xlsx');
    fs.writeFileSync(notes, '这不是工作簿 this is a text file\n');
    const run = await runCli(['select', notes, '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /不是 Excel 工作簿.*\.csv.*另存为 \.xlsx.* \/ .*not an Excel workbook.*\.csv.*Save it as \.xlsx/u);
    assert.doesNotMatch(run.stderr, /central directory|zip file \?|Corrupted zip|https?:/u);
  });

  it('a damaged Excel 97–2003 file is said to be damaged', async () => {
    const old = path.join(tmp, 'old.xlsx');
    fs.writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const run = await runCli(['select', old, '--period', '2026Q3']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /文件已损坏或不完整.* \/ .*the file is damaged or incomplete/u);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });
});

describe('CLI messages: did you mean', () => {
  it('suggests the option meant by a typo', async () => {
    const run = await runCli(['select', EXAMPLE, '--perod', '2026Q3']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /未知选项 --perod，是不是 --period？ \/ unknown option --perod: did you mean --period\?/u);
  });

  it('suggests the option for --opt=value typos too', async () => {
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--shceme=credit-union-100']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /did you mean --scheme\?/u);
  });

  it('names no option when nothing is close', async () => {
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--winners', '2']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown option --winners\n/u);
  });

  it('a forgotten select shows the command to type', async () => {
    const run = await runCli([EXAMPLE, '--period', '2026Q3']);
    assert.equal(run.status, 2);
    assert.ok(run.stderr.includes(`service-star select ${EXAMPLE}`), run.stderr);
  });

  it('a mistyped command suggests select', async () => {
    const run = await runCli(['selcet', EXAMPLE, '--period', '2026Q3']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /是不是 select？ \/ .*did you mean select\?/u);
  });

  it('didYouMean takes swaps, dropped and extra letters, and starts of words', () => {
    assert.equal(didYouMean('--perdio', ['--period', '--print']), '--period');
    assert.equal(didYouMean('--inspection', ['--inspections', '--history']), '--inspections');
    assert.equal(didYouMean('--outt', ['--out', '--json']), '--out');
    assert.equal(didYouMean('--satis', ['--satisfaction', '--staff']), '--satisfaction');
    assert.equal(didYouMean('--xyz', ['--period', '--out']), null);
  });
});

describe('CLI messages: the run in words', () => {
  it('without --out says how to write the result sheets, and ends with one summary line', async () => {
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--lang', 'zh']);
    assert.equal(run.status, 0);
    const last = run.stderr.trim().split('\n').pop() as string;
    assert.match(last, /^2026Q3：获奖 5 人；并列 1 处（2 人）待评选小组裁定；一票否决 \d+ 人；期间内的行均已计入。未写出结果表：加 --out 结果\.xlsx 写出结果工作簿$/u);
  });

  it('in English, with --out, the summary names the file written', async () => {
    const out = path.join(tmp, 'summary.xlsx');
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--lang', 'en', '--out', out]);
    assert.equal(run.status, 0);
    const last = run.stderr.trim().split('\n').pop() as string;
    assert.match(last, /^2026Q3: 5 winners; 1 tie \(2 people\) for the committee; \d+ vetoed; every row of the period counted\. Results written to .*summary\.xlsx$/u);
  });

  describe('warnings grouped by code and wording', () => {
    let staff = '';
    let fines = '';
    before(() => {
      staff = path.join(tmp, 'staff.csv');
      fines = path.join(tmp, 'fines.csv');
      fs.writeFileSync(staff, '工号,姓名,科室\nA1,张伟,收费\nA2,李娜,收费\n');
      const rows = Array.from({ length: 23 }, (_, i) => `2026-07-${String(1 + (i % 28)).padStart(2, '0')},A${1 + (i % 2)},服务态度,是`);
      fs.writeFileSync(fines, `日期,工号,类型,是否有效\n${rows.join('\n')}\n2026-08-01,A1,环境卫生,否\n`);
    });

    it('one line for 23 identical UNKNOWN_TYPE warnings, with the first rows', async () => {
      const run = await runCli(['select', '--staff', staff, '--fines', fines, '--period', '2026Q3', '--lang', 'zh', '--json', path.join(tmp, 'g.json')]);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stderr.split('\n').filter((l) => l.includes('UNKNOWN_TYPE'));
      assert.equal(lines.length, 2, run.stderr);
      assert.match(lines[0] as string, /UNKNOWN_TYPE ×23: .*fines\.csv 第2、3、4、5、6、7、8、9…行 列「类型」：未知类型「服务态度」/u);
      assert.match(lines[1] as string, /UNKNOWN_TYPE: .*第25行 .*「环境卫生」/u);
      assert.match(run.stderr, /--all-warnings/u);
    });

    it('--all-warnings lists every warning on its own line', async () => {
      const run = await runCli(['select', '--staff', staff, '--fines', fines, '--period', '2026Q3', '--all-warnings', '--json', path.join(tmp, 'g.json')]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr.split('\n').filter((l) => l.includes('UNKNOWN_TYPE')).length, 24);
    });
  });
});

describe('CLI outputs: never half-written, never over an input', () => {
  it('a result that cannot be written is one line in both languages, exit 1, and leaves no temporary file', async () => {
    const dir = path.join(tmp, 'blocked');
    const target = path.join(dir, 'result.json');
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, 'keep.txt'), 'x');
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--json', target]);
    assert.equal(run.status, 1);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /无法写入（这是一个文件夹）.* \/ .*cannot be written \(it is a folder\)/u);
    assert.doesNotMatch(run.stderr, /\n\s+at /u);
    assert.deepEqual(fs.readdirSync(dir), ['result.json']);
  });

  it('a rerun replaces the earlier result whole, through a temporary file that is gone afterwards', async () => {
    const dir = path.join(tmp, 'rerun');
    fs.mkdirSync(dir);
    const target = path.join(dir, 'result.json');
    fs.writeFileSync(target, 'the earlier result');
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--json', target]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal((JSON.parse(fs.readFileSync(target, 'utf8')) as { period: string }).period, '2026Q3');
    assert.deepEqual(fs.readdirSync(dir), ['result.json']);
  });

  it('--json naming the --rules file is refused (exit 2), the rules file unchanged', async () => {
    const rules = path.join(tmp, 'rules.json');
    fs.writeFileSync(rules, '{"winnersPerDepartment": 2}');
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--rules', rules, '--json', rules]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /是输入文件.* \/ .*is an input file/u);
    assert.equal(fs.readFileSync(rules, 'utf8'), '{"winnersPerDepartment": 2}');
  });

  it('--json and --out naming one file is refused (exit 2)', async () => {
    const same = path.join(tmp, 'same.out');
    const run = await runCli(['select', EXAMPLE, '--period', '2026Q3', '--json', same, '--out', same]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /同一个文件.* \/ .*the same file/u);
    assert.equal(fs.existsSync(same), false);
  });

  it('--out - is refused: "-" means standard output for --json only', async () => {
    const run = await runCli(['select', fixture('smile-star-quarterly.xlsx'), '--period', '2026Q3', '--out', '-']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--out cannot be "-"/u);
    assert.equal(run.stdout, '');
  });
});

describe('CLI progress', () => {
  it('off a terminal: one plain line per stage, no bar or terminal codes', () => {
    let text = '';
    const progress = new Progress('lines', (t) => { text += t; });
    progress.update(0.05, '读取 book.xlsx');
    progress.update(0.3, '读取 book.xlsx');
    progress.update(0.65, '计算评选结果');
    progress.done();
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0] as string, /^service-star: {3}5% \d+\.\d s 读取 book\.xlsx$/u);
    assert.match(lines[1] as string, /^service-star: {2}65% \d+\.\d s 计算评选结果$/u);
    assert.ok(!text.includes('\r') && !text.includes('\u001b'), JSON.stringify(text));
  });

  it('on a terminal: a bar redrawn in place and cleared at the end', () => {
    let text = '';
    const progress = new Progress('bar', (t) => { text += t; });
    progress.update(0.5, 'computing');
    progress.done();
    assert.equal(text, `\r[${'#'.repeat(12)}${'.'.repeat(12)}]  50% computing\u001b[K\r\u001b[K`);
  });
});

describe('npx service-star', () => {
  it('runs the command line from the project folder, as the README says (linked into node_modules/.bin by npm ci)', function () {
    this.timeout(60_000);
    const root = path.join(__dirname, '..');
    const link = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'service-star.cmd' : 'service-star');
    assert.ok(fs.existsSync(link), `${link} is missing: npm ci runs scripts/link-bin.js (prepare)`);
    const child = spawnSync('npx', ['--no-install', 'service-star', '--version'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});
