/**
 * The custom functions' metadata (functions.json), generated from the JSDoc of
 * src/functions/functions.ts; never edited by hand. The zh-CN metadata is the same JSON with the
 * names and descriptions taken from the translation table src/functions/zh-CN.json, so ids,
 * parameters, types and dimensions cannot drift apart.
 *
 *   const { functionsMetadata } = require('./scripts/functions-metadata');
 *   const { en, zh } = await functionsMetadata();
 *
 * FunctionsMetadataPlugin emits both files into webpack's output at build time (and in
 * `webpack serve`), under the names the manifest points at (METADATA_FILES).
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'src', 'functions', 'functions.ts');
const TRANSLATIONS = path.join(ROOT, 'src', 'functions', 'zh-CN.json');

/** Output file names, relative to the add-in's root URL (manifest.xml: Functions.Metadata.Url and its zh-CN override). */
const METADATA_FILES = { en: 'functions.json', zh: 'functions.zh-CN.json' };

/**
 * Excel's rule for a function name: starts with a letter, at least 3 characters, letters,
 * underscores and periods only (we do not allow digits, so a name can never read as a cell reference).
 */
const FUNCTION_NAME = /^\p{L}[\p{L}_.]{2,}$/u;

function fail(problems) {
  throw new Error(`custom functions metadata:\n  ${problems.join('\n  ')}`);
}

/** The English metadata, straight from the JSDoc of src/functions/functions.ts. */
async function englishMetadata(source = SOURCE) {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
  const generated = await generateCustomFunctionsMetadata([source], true);
  if (generated.errors.length > 0) fail(generated.errors);
  return JSON.parse(generated.metadataJson);
}

/** Applies the translation table to a copy of the English metadata; throws on any gap or extra entry. */
function translate(en, table) {
  const problems = [];
  const ids = new Set(en.functions.map((f) => f.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`${path.basename(TRANSLATIONS)} names ${id}, which is not a custom function`);
  }
  const zh = JSON.parse(JSON.stringify(en));
  const names = new Map();
  for (const fn of zh.functions) {
    const entry = table[fn.id];
    if (entry === undefined) {
      problems.push(`${fn.id} has no translation`);
      continue;
    }
    for (const key of ['name', 'description']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') problems.push(`${fn.id} needs a Chinese ${key}`);
    }
    if (typeof entry.name === 'string' && !FUNCTION_NAME.test(entry.name)) {
      problems.push(`${fn.id}: "${entry.name}" is not a valid Excel function name (a letter, then letters, _ or .; 3 characters at least)`);
    }
    if (names.has(entry.name)) problems.push(`${fn.id} and ${names.get(entry.name)} are both named "${entry.name}"`);
    names.set(entry.name, fn.id);
    fn.name = entry.name;
    fn.description = entry.description;

    const given = entry.parameters ?? {};
    const declared = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(given)) {
      if (!declared.has(name)) problems.push(`${fn.id}: the translation names a parameter "${name}" that the function does not have`);
    }
    for (const p of fn.parameters) {
      const text = given[p.name];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${fn.id}: parameter "${p.name}" has no translation`);
        continue;
      }
      p.description = text;
    }
  }
  if (problems.length > 0) fail(problems);
  return zh;
}

/** Both metadata objects: `en` from the JSDoc, `zh` from it plus src/functions/zh-CN.json. */
async function functionsMetadata(options = {}) {
  const en = await englishMetadata(options.source);
  const table = options.table ?? JSON.parse(fs.readFileSync(options.translations ?? TRANSLATIONS, 'utf8'));
  return { en, zh: translate(en, table) };
}

/** Emits functions.json and functions.zh-CN.json into the output of each compilation. */
class FunctionsMetadataPlugin {
  apply(compiler) {
    const name = 'FunctionsMetadataPlugin';
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      // Regenerate in watch mode when the JSDoc or the table changes.
      compilation.fileDependencies.add(SOURCE);
      compilation.fileDependencies.add(TRANSLATIONS);
      compilation.hooks.processAssets.tapPromise({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        try {
          const { en, zh } = await functionsMetadata();
          compilation.emitAsset(METADATA_FILES.en, new sources.RawSource(`${JSON.stringify(en, null, 2)}\n`));
          compilation.emitAsset(METADATA_FILES.zh, new sources.RawSource(`${JSON.stringify(zh, null, 2)}\n`));
        } catch (error) {
          compilation.errors.push(new WebpackError(error.message));
        }
      });
    });
  }
}

module.exports = { functionsMetadata, translate, FunctionsMetadataPlugin, METADATA_FILES, FUNCTION_NAME };
