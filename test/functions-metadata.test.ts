/**
 * The custom functions' metadata as the build emits it (scripts/functions-metadata.js): generated
 * from the JSDoc of src/functions/functions.ts, and its zh-CN twin from the translation table
 * src/functions/zh-CN.json. Checked against the TypeScript signatures themselves, which are read
 * with the compiler API (functions.ts is not imported, so its registration code does not run here).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import webpack from 'webpack';

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  functions: FunctionMetadata[];
}
type Table = Record<string, { name: string; description: string; parameters: Record<string, string> }>;
interface MetadataModule {
  functionsMetadata(options?: { table?: Table }): Promise<{ en: Metadata; zh: Metadata }>;
  translate(en: Metadata, table: Table): Metadata;
  FunctionsMetadataPlugin: new () => webpack.WebpackPluginInstance;
  METADATA_FILES: { en: string; zh: string };
  FUNCTION_NAME: RegExp;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script without type declarations
const generator = require('../scripts/functions-metadata.js') as MetadataModule;

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'src', 'functions', 'functions.ts');
const TABLE = path.join(ROOT, 'src', 'functions', 'zh-CN.json');

const RANGES = ['staff', 'inspections', 'fines', 'praise', 'satisfaction', 'recommendations', 'decisions', 'scheme', 'scores', 'groups'];
const SPILLING = ['RESULTS', 'WINNERS', 'DEDUCTIONS'];
const HAN = /\p{Script=Han}/u;

interface Signature {
  parameters: { name: string; optional: boolean; type: string }[];
  returns: string;
}

/** FUNCTIONS' ids and the signature of the function each one names, from the source text. */
function signatures(): Map<string, Signature> {
  const file = ts.createSourceFile(SOURCE, fs.readFileSync(SOURCE, 'utf8'), ts.ScriptTarget.ES2022, true);
  const declared = new Map<string, ts.FunctionDeclaration>();
  const ids = new Map<string, string>();
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) declared.set(statement.name.text, statement);
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== 'FUNCTIONS' || !d.initializer || !ts.isObjectLiteralExpression(d.initializer)) continue;
      for (const p of d.initializer.properties) {
        assert.ok(ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ts.isIdentifier(p.initializer), 'FUNCTIONS holds ID: function pairs');
        ids.set(p.name.text, p.initializer.text);
      }
    }
  }
  assert.ok(ids.size > 0, 'FUNCTIONS is found in functions.ts');
  const out = new Map<string, Signature>();
  for (const [id, fn] of ids) {
    const node = declared.get(fn);
    assert.ok(node, `FUNCTIONS.${id} names the function ${fn}, declared in functions.ts`);
    // Excel passes the invocation last; it is not a parameter the user sees. Results are promised.
    const parameters = node.parameters.map((p) => ({ name: p.name.getText(file), optional: p.questionToken !== undefined, type: p.type?.getText(file) ?? 'any' }));
    if (parameters.at(-1)?.type === 'CustomFunctions.Invocation') parameters.pop();
    out.set(id, { parameters, returns: (node.type?.getText(file) ?? '').replace(/^Promise<(.*)>$/su, '$1') });
  }
  return out;
}

let generated: Promise<{ en: Metadata; zh: Metadata }> | undefined;
function metadata(): Promise<{ en: Metadata; zh: Metadata }> {
  generated ??= generator.functionsMetadata();
  return generated;
}

function byId(m: Metadata): Map<string, FunctionMetadata> {
  return new Map(m.functions.map((f) => [f.id, f]));
}

function table(): Table {
  return JSON.parse(fs.readFileSync(TABLE, 'utf8')) as Table;
}

describe('custom functions metadata (functions.json)', () => {
  it('has every function of FUNCTIONS, and no other', async () => {
    const { en } = await metadata();
    const ids = en.functions.map((f) => f.id);
    assert.deepEqual([...ids].sort(), [...signatures().keys()].sort());
    assert.deepEqual([...ids].sort(), ['DEDUCTION', 'DEDUCTIONS', 'DENSERANK', 'EXPLAIN', 'PERIOD', 'RESULTS', 'SCORE', 'VETO', 'WINNERS']);
    for (const f of en.functions) assert.equal(f.name, f.id, 'the English name is the id');
  });

  it('lists the parameters of each signature in order, optional exactly where the TypeScript has ?', async () => {
    const { en } = await metadata();
    const functions = byId(en);
    for (const [id, signature] of signatures()) {
      const f = functions.get(id) as FunctionMetadata;
      assert.deepEqual(f.parameters.map((p) => p.name), signature.parameters.map((p) => p.name), `${id}'s parameters`);
      for (const [i, p] of f.parameters.entries()) {
        assert.equal(p.optional === true, signature.parameters[i]?.optional, `${id}(${p.name}) optional`);
        assert.notEqual(p.repeating, true, `${id}(${p.name}) is not repeating`);
      }
      // Excel wants the optional parameters last.
      const firstOptional = f.parameters.findIndex((p) => p.optional === true);
      if (firstOptional >= 0) assert.ok(f.parameters.slice(firstOptional).every((p) => p.optional === true), `${id}: optional parameters come last`);
    }
  });

  it('takes every table, scheme, scores and groups as a matrix, and the other arguments as single values', async () => {
    const { en } = await metadata();
    const seen = new Set<string>();
    for (const f of en.functions) {
      for (const p of f.parameters) {
        if (RANGES.includes(p.name)) {
          seen.add(p.name);
          assert.equal(p.dimensionality, 'matrix', `${f.id}(${p.name}) is a range`);
        } else {
          assert.ok(p.dimensionality === undefined || p.dimensionality === 'scalar', `${f.id}(${p.name}) is a single value`);
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...RANGES].sort(), 'every kind of range is used by some function');
  });

  it('spills matrices from RESULTS, WINNERS and DEDUCTIONS and answers single values elsewhere, typed as the TypeScript says', async () => {
    const { en } = await metadata();
    const functions = byId(en);
    for (const [id, signature] of signatures()) {
      const result = (functions.get(id) as FunctionMetadata).result;
      if (SPILLING.includes(id)) {
        assert.equal(result.dimensionality, 'matrix', `${id} spills`);
        assert.equal(signature.returns, 'any[][]');
      } else {
        assert.ok(result.dimensionality === undefined || result.dimensionality === 'scalar', `${id} answers one value`);
        assert.equal(result.type, signature.returns, `${id}'s result type`);
      }
    }
    assert.equal(byId(en).get('DENSERANK')?.parameters[0]?.type, 'number', 'DENSERANK(score: number) is typed');
  });

  it('every function asks for its parameters\' addresses, to read its ranges and date cells as the sheet holds them', async () => {
    const { en } = await metadata();
    for (const f of en.functions) assert.deepEqual(f.options, { requiresParameterAddresses: true }, f.id);
  });

  it('describes every function and parameter', async () => {
    const { en } = await metadata();
    for (const f of en.functions) {
      assert.ok((f.description ?? '').trim().length > 0, `${f.id} has a description`);
      for (const p of f.parameters) assert.ok((p.description ?? '').trim().length > 0, `${f.id}(${p.name}) has a description`);
    }
  });
});

describe('custom functions metadata, zh-CN (functions.zh-CN.json)', () => {
  it('matches the English metadata in ids, parameters, types, dimensions and optional flags', async () => {
    const { en, zh } = await metadata();
    assert.deepEqual(zh.functions.map((f) => f.id), en.functions.map((f) => f.id));
    const english = byId(en);
    for (const f of zh.functions) {
      const e = english.get(f.id) as FunctionMetadata;
      const shape = (m: FunctionMetadata) => ({
        result: m.result,
        options: m.options,
        parameters: m.parameters.map((p) => ({ name: p.name, type: p.type, dimensionality: p.dimensionality, optional: p.optional, repeating: p.repeating })),
      });
      assert.deepEqual(shape(f), shape(e), `${f.id}`);
      assert.deepEqual(Object.keys(f).sort(), Object.keys(e).sort(), `${f.id} has the same fields`);
    }
    // Everything except names and descriptions is the English JSON.
    const strip = (m: Metadata) => JSON.parse(JSON.stringify(m, (key: string, value: unknown) => (key === 'name' || key === 'description' ? undefined : value))) as unknown;
    const names = (m: Metadata) => m.functions.map((f) => f.parameters.map((p) => p.name));
    assert.deepEqual(strip(zh), strip(en));
    assert.deepEqual(names(zh), names(en));
  });

  it('gives every function a unique Chinese name that Excel accepts', async () => {
    const { zh } = await metadata();
    const names = zh.functions.map((f) => f.name);
    assert.equal(new Set(names).size, names.length, 'names are unique');
    for (const name of names) {
      // Excel: starts with a letter, at least 3 characters, letters, _ and . only.
      assert.match(name, /^\p{L}[\p{L}_.]{2,}$/u, `${name} is a valid function name`);
      assert.match(name, HAN, `${name} is Chinese`);
    }
    assert.deepEqual(Object.fromEntries(zh.functions.map((f) => [f.id, f.name])), {
      PERIOD: '评选期间', SCORE: '计算得分', VETO: '否决原因', DEDUCTION: '扣款金额', EXPLAIN: '得分说明',
      DENSERANK: '中国式排名', RESULTS: '评选结果表', WINNERS: '获奖名单表', DEDUCTIONS: '扣罚明细表',
    });
  });

  it('describes every function and parameter in Chinese', async () => {
    const { zh } = await metadata();
    for (const f of zh.functions) {
      assert.match(f.description ?? '', HAN, `${f.id}'s description is Chinese`);
      for (const p of f.parameters) assert.match(p.description ?? '', HAN, `${f.id}(${p.name})'s description is Chinese`);
    }
  });

  it('refuses a translation table with a function or parameter missing, unknown or misnamed', async () => {
    const { en } = await metadata();
    const complete = table();
    assert.doesNotThrow(() => generator.translate(en, complete));
    const edited = (change: (t: Table) => void): Table => {
      const t = JSON.parse(JSON.stringify(complete)) as Table;
      change(t);
      return t;
    };
    const cases: [string, Table, RegExp][] = [
      ['a missing function', edited((t) => { delete t['DENSERANK']; }), /DENSERANK has no translation/],
      ['an unknown function', edited((t) => { t['MEDIAN'] = { name: '中位数', description: '中位数。', parameters: {} }; }), /MEDIAN, which is not a custom function/],
      ['a missing parameter', edited((t) => { delete t['SCORE']?.parameters['praise']; }), /SCORE: parameter "praise" has no translation/],
      ['an unknown parameter', edited((t) => { (t['SCORE'] as Table[string]).parameters['fines'] = '投诉。'; }), /SCORE: the translation names a parameter "fines"/],
      ['a name Excel refuses', edited((t) => { (t['VETO'] as Table[string]).name = '否决-原因'; }), /not a valid Excel function name/],
      ['a too short name', edited((t) => { (t['VETO'] as Table[string]).name = '否决'; }), /not a valid Excel function name/],
      ['a repeated name', edited((t) => { (t['VETO'] as Table[string]).name = '计算得分'; }), /both named "计算得分"/],
      ['an empty description', edited((t) => { (t['EXPLAIN'] as Table[string]).description = ' '; }), /EXPLAIN needs a Chinese description/],
    ];
    for (const [what, t, message] of cases) assert.throws(() => generator.translate(en, t), message, what);
    // The whole generator too, not only the translation step.
    await assert.rejects(generator.functionsMetadata({ table: cases[0]?.[1] as Table }), /DENSERANK has no translation/);
  });
});

describe('FunctionsMetadataPlugin', () => {
  it('emits both metadata files, as generated, under the names the manifest uses', async function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'service-star-metadata-'));
    try {
      const compiler = webpack({
        mode: 'development',
        context: ROOT,
        devtool: false,
        entry: { tiny: 'data:text/javascript,export const x = 1;' },
        output: { path: out },
        plugins: [new generator.FunctionsMetadataPlugin()],
      });
      const stats = await new Promise<webpack.Stats>((resolve, reject) => {
        compiler.run((error, result) => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)));
      });
      await new Promise<void>((resolve) => compiler.close(() => resolve()));
      assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
      assert.deepEqual(generator.METADATA_FILES, { en: 'functions.json', zh: 'functions.zh-CN.json' });
      const { en, zh } = await metadata();
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, generator.METADATA_FILES.en), 'utf8')), en);
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, generator.METADATA_FILES.zh), 'utf8')), zh);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
