/**
 * Helpers for the command-line tests: run `main()` in-process with a capturing io, read the
 * `--json` result back, make temporary folders, hash files.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { ResultJson } from '../../src/engine/json';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The path of a file under test/fixtures/. */
export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `service-star …` in-process; stdout and stderr are captured, no progress bar. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    progress: 'off',
  });
  return { status, stdout, stderr };
}

/** A fresh temporary folder, removed by `removeTemp`. */
export function makeTemp(prefix = 'service-star-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs a selection with `--json FILE` into `dir` and returns the parsed result; fails with the
 * captured stderr when the exit status is not 0.
 */
export async function runJson(dir: string, args: readonly string[]): Promise<ResultJson> {
  const out = path.join(dir, `result-${Math.random().toString(36).slice(2)}.json`);
  const run = await runCli([...args, '--json', out]);
  if (run.status !== 0) throw new Error(`exit status ${run.status}: ${run.stderr}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as ResultJson;
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

type Person = ResultJson['people'][number];
type PersonRow = [id: string, name: string, department: string, violations: number, onsitePoints: number,
  offsitePoints: number, praise: number, satisfaction: number | null, score: number, eligible: boolean,
  vetoes: string[], status: string];

/** People as compact rows (in roster order), for exact comparison with a hand-made table. */
export function peopleRows(people: readonly Person[]): PersonRow[] {
  return people.map((p) => [p.id, p.name, p.department, p.violations, p.onsitePoints, p.offsitePoints, p.praise,
    p.satisfaction, p.score, p.eligible, [...p.vetoes].sort(), p.status]);
}

type WinnerRow = [department: string, id: string | null, name: string | null, score: number | null, status: string, awardYuan: number];

/**
 * Winners rows as compact rows. Rows equal on department and score (a tie) are put in id order,
 * since §8 orders winners by department then score only.
 */
export function winnerRows(winners: ResultJson['winners']): WinnerRow[] {
  const rows = winners.map((w): WinnerRow => [w.department, w.id, w.name, w.score, w.status, w.awardYuan]);
  const index = new Map(rows.map((r, i) => [r, i]));
  return [...rows].sort((a, b) => {
    if (a[0] !== b[0] || a[3] !== b[3]) return (index.get(a) as number) - (index.get(b) as number);
    return String(a[1]).localeCompare(String(b[1]));
  });
}

type DeductionRow = [id: string | null, department: string, month: string, violations: number, violationYuan: number,
  complaints: number, complaintYuan: number, totalYuan: number];

export function deductionRows(deductions: ResultJson['deductions']): DeductionRow[] {
  return deductions.map((d) => [d.id, d.department, d.month, d.violations, d.violationYuan, d.complaints, d.complaintYuan, d.totalYuan]);
}

type DepartmentRow = [department: string, score: number | null, vetoed: boolean, status: string, awardYuan: number];

export function departmentRows(departments: ResultJson['departments']): DepartmentRow[] {
  return departments.map((d) => [d.department, d.score, d.vetoed, d.status, d.awardYuan]);
}

type InputRow = [table: string, rows: number, used: number, outOfPeriod: number, skippedBlank: number, rejected: number];

export function inputRows(inputs: ResultJson['inputs']): InputRow[] {
  return inputs.map((i) => [i.table, i.rows, i.used, i.outOfPeriod, i.skippedBlank, i.rejected]);
}

/** Warnings as (code, table, row), sorted. */
export function warningKeys(warnings: ResultJson['warnings']): string[] {
  return warnings.map((w) => `${w.code} ${w.table} ${w.row}`).sort();
}
