/**
 * The add-in bundle and the one-file page as the tests use them: dist/addin and dist/service-star.html,
 * built once (`webpack --mode development`, both configurations) when missing or older than anything
 * the build reads. Shared by the e2e tests and the webview check.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const ADDIN = path.join(ROOT, 'dist/addin');
/** The standalone wizard in one file (webpack.config.js, configuration `single`). */
export const SINGLE = path.join(ROOT, 'dist/service-star.html');

/** What the build reads: when any of it is newer than what it wrote, the tests build again. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/functions-metadata.js', 'tsconfig.json',
  'tsconfig.addin.json', 'package.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((m, name) => Math.max(m, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** Builds dist/addin and dist/service-star.html unless both are newer than every input of the build. */
export function ensureBuilt(): void {
  const pages = [path.join(ADDIN, 'taskpane.html'), SINGLE];
  const built = Math.min(...pages.map((p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)));
  const sources = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  if (built > sources) return;
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const out = spawnSync(npx, ['webpack', '--mode', 'development'], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });
  assert.equal(out.status, 0, `webpack --mode development failed:\n${out.stdout}\n${out.stderr}`);
  for (const page of pages) assert.ok(fs.existsSync(page), `the build wrote ${path.relative(ROOT, page)}`);
  // webpack leaves a file whose content did not change untouched (compareBeforeEmit): mark the build done.
  const now = new Date();
  for (const page of pages) fs.utimesSync(page, now, now);
}
