// Bundles the Excel add-in (task pane + shared runtime) into dist/addin, and the standalone wizard as
// one file, dist/service-star.html.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { FunctionsMetadataPlugin } = require('./scripts/functions-metadata');

const outDir = path.resolve(__dirname, 'dist/addin');

/**
 * The custom functions' script keeps one name in every mode: manifest.xml points at it
 * (Functions.Script.Url). Its metadata files are emitted by FunctionsMetadataPlugin.
 */
const FUNCTIONS_SCRIPT = 'functions.js';

/**
 * https with Office's development certificates when serving (Office requires https); plain http when
 * they cannot be made (no rights to install a CA here), which still serves the standalone page.
 */
async function devServerTransport() {
  if (!process.env.WEBPACK_SERVE) return { type: 'http' };
  try {
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(`No development certificates (${error.message}); serving over http. Run: npx office-addin-dev-certs install`);
    return { type: 'http' };
  }
}

/** TypeScript for the oldest supported webview, shared by both builds (see the rules below). */
function moduleRules() {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: 'ts-loader',
        // Type checking is done once by `npm run typecheck`, not per bundle. tsconfig.addin.json
        // compiles down to what the oldest supported webview parses (ES2020); ES modules here (the
        // Node build stays CommonJS) so that `await import()` of the file readers becomes a chunk
        // of its own, fetched only when the user picks files.
        options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.addin.json'), compilerOptions: { module: 'es2020' } },
      },
    },
    {
      // Libraries whose published code is newer than ES2020, compiled down by the same TypeScript:
      // tabster (Fluent UI's focus management) uses ??= (ES2021), a syntax error in Safari 14 and
      // Chromium 80. test/webview.test.ts finds any other bundle that does not parse as ES2020.
      test: /\.m?js$/,
      include: /[\\/]node_modules[\\/]tabster[\\/]/,
      use: {
        loader: 'ts-loader',
        options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.addin.json'), compilerOptions: { module: 'es2020', allowJs: true } },
      },
    },
  ];
}

/** The engine worker: its own entry, started by the page from the name (or the source) the page carries. */
const WORKER = 'engine-worker';
const workerEntry = './src/taskpane/pane/engine.worker.ts';

/** The built file of an entry, by its name. */
const entryFile = (compilation, name) => [...(compilation.namedChunks.get(name)?.files ?? [])].find((f) => f.endsWith('.js'));

/**
 * Script text that can stand inside <script>…</script>: `</script` and `<!--` would end or change the
 * element (HTML's script data states, html.spec.whatwg.org "script data escaped state"); `\x3C` is the
 * same `<` in every place minified code has one of these (strings, templates and regular expressions).
 */
const inlineScript = (code) => code.replace(/<(\/script|!--)/giu, '\\x3C$1');

/** Parameters of src/taskpane/taskpane.html: the add-in's page loads office.js and names the worker's file. */
const pageParameters = (addinPage) => (compilation, assets, assetTags, options) => ({
  compilation, webpackConfig: compilation.options, htmlWebpackPlugin: { tags: assetTags, files: assets, options },
  office: addinPage,
  workerFile: addinPage ? entryFile(compilation, WORKER) : '',
});

/**
 * The one-file page (dist/service-star.html): every script of the page goes inside it, the worker's
 * script too (as text, before the page's script, which starts it from a blob: URL), and the separate
 * files are then dropped, so the page opened from disk fetches nothing.
 */
class InlineEverythingPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineEverythingPlugin', (compilation) => {
      const source = (file) => inlineScript(compilation.getAsset(file).source.source().toString());
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineEverythingPlugin', (data) => {
        data.bodyTags.unshift({
          tagName: 'script', voidTag: false, meta: { plugin: 'InlineEverythingPlugin' },
          attributes: { type: 'text/plain', id: 'engine-worker-source' }, innerHTML: source(entryFile(compilation, WORKER)),
        });
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          const src = tag.tagName === 'script' ? tag.attributes.src : undefined;
          if (typeof src !== 'string') continue;
          tag.innerHTML = source(src.replace(/\?.*$/u, ''));
          tag.attributes = {};
        }
        return data;
      });
      compilation.hooks.processAssets.tap({ name: 'InlineEverythingPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, (assets) => {
        // The libraries' licence notices (terser puts them in *.LICENSE.txt) go with the page, in a comment at its end.
        const notices = Object.keys(assets).filter((name) => name.endsWith('.LICENSE.txt'))
          .map((name) => compilation.getAsset(name).source.source().toString().replace(/--/gu, '- -'));
        if (notices.length > 0) {
          compilation.updateAsset(SINGLE_FILE, (page) => new webpack.sources.ConcatSource(page, `\n<!-- Licences of the libraries inside:\n${notices.join('\n')}\n-->\n`));
        }
        for (const name of Object.keys(assets)) if (name !== SINGLE_FILE) compilation.deleteAsset(name);
      });
    });
  }
}

/** The one-file page's name, in dist/. */
const SINGLE_FILE = 'service-star.html';

/** The add-in (dist/addin): the shared runtime's page with the custom functions, the worker and the lazy chunks as files. */
async function addin(production) {
  return {
    name: 'addin',
    mode: production ? 'production' : 'development',
    context: __dirname,
    // Separate .map files in both modes, so production bundles stay debuggable in the Office webview.
    devtool: 'source-map',
    entry: {
      // The custom functions register themselves with CustomFunctions.associate when Excel runs
      // them (and do nothing in a plain browser). Self-contained: no chunk is shared with the task pane.
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/pane/main.tsx',
      // A worker loads its lazy chunks (the readers) with importScripts: it has no document for <script>.
      [WORKER]: { import: workerEntry, chunkLoading: 'import-scripts' },
    },
    output: {
      path: outDir,
      // Hashed names in production so Office's aggressive webview cache picks up new builds (the
      // worker's too: the page names it in a <meta>); except the functions' script, whose name is in the manifest.
      filename: (pathData) => (pathData.chunk?.name === 'functions' ? FUNCTIONS_SCRIPT : production ? '[name].[contenthash].js' : '[name].js'),
      // Chunks loaded later: the file readers (our .xlsx reader; SheetJS for .xls/.et/.ods) when files
      // are picked, the result writer (exceljs) when the results are downloaded.
      chunkFilename: production ? 'reader-[id].[contenthash].js' : 'reader-[id].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: moduleRules() },
    plugins: [
      // The shared runtime's page: the custom functions and the task pane run in this one page.
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        // functions.js has no content hash in its name: a ?hash query keeps the webview cache honest.
        hash: true,
        templateParameters: pageParameters(true),
      }),
      new FunctionsMetadataPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: '[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      server: await devServerTransport(),
      static: { directory: outDir },
      // Office on the web fetches add-in files from its own origin.
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
}

/**
 * The standalone wizard as one self-contained file (dist/service-star.html), for offices without the
 * add-in (WPS, an old Office): no office.js, every chunk inside the page's script (asyncChunks: false;
 * a page opened from disk cannot fetch the lazy chunks), the worker's script inside the page.
 */
function single(production) {
  return {
    name: 'single',
    mode: production ? 'production' : 'development',
    context: __dirname,
    devtool: false,
    entry: { taskpane: './src/taskpane/pane/main.tsx', [WORKER]: workerEntry },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', asyncChunks: false, publicPath: '', clean: false },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: moduleRules() },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: SINGLE_FILE,
        chunks: ['taskpane'],
        // Inline scripts run where they stand: after #root, at the end of the body.
        inject: 'body',
        scriptLoading: 'blocking',
        templateParameters: pageParameters(false),
      }),
      new InlineEverythingPlugin(),
    ],
    performance: { hints: false },
  };
}

module.exports = async (_env, argv = {}) => {
  const production = argv.mode === 'production';
  // `webpack serve` serves the add-in only.
  return process.env.WEBPACK_SERVE ? addin(production) : [await addin(production), single(production)];
};

module.exports.FUNCTIONS_SCRIPT = FUNCTIONS_SCRIPT;
module.exports.SINGLE_FILE = SINGLE_FILE;
