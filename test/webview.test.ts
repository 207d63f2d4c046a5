/**
 * The built add-in parses in the oldest webview it supports: Safari 14 (WKWebView, Office on Mac and
 * iPad) and Chromium 80 (Edge WebView2, Office on Windows) — ES2020 syntax, and no regex lookbehind,
 * which WebKit before Safari 16.4 cannot parse (one in a bundle and the whole bundle is rejected).
 * In Internet Explorer 11 (Office on Windows without WebView2, since the manifest has <Runtimes>) the
 * page's first script, in ES5, shows a message instead of a blank pane. README "Supported platforms".
 *
 * The check reads the development build that the e2e tests also use (built once, a few seconds);
 * production only minifies it (terser writes ES5-level syntax unless told otherwise, and never adds newer).
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { ADDIN, ensureBuilt, ROOT, SINGLE } from './helpers/build';

/** Regex lookbehind, in a literal or in text given to new RegExp. */
const LOOKBEHIND = /\(\?<[=!]/u;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/u.test(f) && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

/**
 * A page's scripts as [whole, attributes, code], found with indexOf: a lazy regex over the
 * one-file page's 2 MB script overflows V8's regex stack.
 */
function inlineScripts(html: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (let at = html.indexOf('<script'); at >= 0; at = html.indexOf('<script', at)) {
    const open = html.indexOf('>', at);
    const close = html.indexOf('</script>', open);
    if (open < 0 || close < 0) break;
    out.push([html.slice(at, close + 9), html.slice(at + 7, open), html.slice(open + 1, close)]);
    at = close + 9;
  }
  return out;
}

describe('webview compatibility of the add-in bundle (Safari 14, Chromium 80, a message in IE11)', function () {
  this.timeout(180_000);
  let bundles: string[] = [];
  before(() => {
    ensureBuilt();
    bundles = fs.readdirSync(ADDIN).filter((f) => f.endsWith('.js')).map((f) => path.join(ADDIN, f));
  });

  it('builds the task pane and the functions\' scripts, and the file readers as chunks of their own', () => {
    const names = bundles.map((b) => path.basename(b));
    // A production build (npm run build) names the pane's script by its content hash: taskpane.<hash>.js.
    assert.ok(names.includes('functions.js') && names.some((n) => /^taskpane(\.[0-9a-f]+)?\.js$/u.test(n)), names.join(', '));
    assert.ok(names.some((n) => n.startsWith('reader-')), names.join(', '));
  });

  it('every bundle parses as ES2020 (acorn, ecmaVersion 2020)', () => {
    for (const file of bundles) {
      const code = fs.readFileSync(file, 'utf8');
      assert.doesNotThrow(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' }), path.basename(file));
    }
  });

  it('the one-file page\'s scripts (the page\'s and the worker\'s, inline) parse as ES2020 too', () => {
    const scripts = inlineScripts(fs.readFileSync(SINGLE, 'utf8'));
    assert.ok(scripts.some((m) => /id="?engine-worker-source/u.test(m[1] ?? '')), 'the worker is inside the page');
    assert.ok(scripts.length >= 3, 'the ES5 check, the worker and the page');
    for (const [, attributes, code] of scripts) {
      assert.doesNotThrow(() => parse(code ?? '', { ecmaVersion: 2020, sourceType: 'script' }), attributes);
      assert.doesNotMatch(code ?? '', LOOKBEHIND);
    }
  });

  it('no bundle and no shipped source holds a regex lookbehind', () => {
    const found = [...bundles, ...sourceFiles(path.join(ROOT, 'src'))].filter((f) => LOOKBEHIND.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(found.map((f) => path.relative(ROOT, f)), []);
  });

  it('the check has teeth: ES2022 syntax and a lookbehind are caught', () => {
    assert.throws(() => parse('class A { x = 1 }', { ecmaVersion: 2020 }));
    assert.throws(() => parse('let a; a ??= 1;', { ecmaVersion: 2020 }));
    assert.ok(LOOKBEHIND.test(String(/(?<=年) /u)));
  });

  it('taskpane.html starts with an ES5 script that shows a message in Chinese and English where ES2020 is missing', () => {
    const html = fs.readFileSync(path.join(ADDIN, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gu)];
    const first = scripts[0];
    assert.ok(first && !/\bsrc=/u.test(first[1] ?? ''), 'the first script is inline, before office.js and the bundles');
    assert.doesNotThrow(() => parse(first[2] ?? '', { ecmaVersion: 5, sourceType: 'script' }), 'it is ES5');
    assert.match(first[2] ?? '', /typeof BigInt/u);
    // A production build minifies the page: attribute values lose their quotes (id=old-webview).
    const message = /<div id="?old-webview"?(?:\s[^>]*)?>([\s\S]*?)<\/div>/u.exec(html)?.[1] ?? '';
    assert.match(message, /Internet Explorer 11/u);
    assert.match(message, /请更新到 Microsoft 365 或 Office 2021/u);
    assert.match(message, /Update to Microsoft 365 or Office 2021/u);
  });
});
