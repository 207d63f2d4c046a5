// Bundles the Excel add-in (task pane + shared runtime) into dist/addin.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
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

module.exports = async (_env, argv = {}) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    // Separate .map files in both modes, so production bundles stay debuggable in the Office webview.
    devtool: 'source-map',
    entry: {
      // The custom functions register themselves with CustomFunctions.associate when Excel runs
      // them (and do nothing in a plain browser). Self-contained: no chunk is shared with the task pane.
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/pane/main.tsx',
      // The engine off the page's thread; the pane starts it by this fixed name.
      'engine-worker': './src/taskpane/pane/engine.worker.ts',
    },
    output: {
      path: outDir,
      // Hashed names in production so Office's aggressive webview cache picks up new builds;
      // except the functions' script, whose name is in the manifest.
      filename: (pathData) => (pathData.chunk?.name === 'functions' ? FUNCTIONS_SCRIPT : pathData.chunk?.name === 'engine-worker' ? 'engine-worker.js'
        : production ? '[name].[contenthash].js' : '[name].js'),
      // Chunks loaded later: the file readers (our .xlsx reader; SheetJS for .xls/.et/.ods) when files
      // are picked, the result writer (exceljs) when the results are downloaded.
      chunkFilename: production ? 'reader-[id].[contenthash].js' : 'reader-[id].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
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
      ],
    },
    plugins: [
      // The shared runtime's page: the custom functions and the task pane run in this one page.
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        // functions.js has no content hash in its name: a ?hash query keeps the webview cache honest.
        hash: true,
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
};

module.exports.FUNCTIONS_SCRIPT = FUNCTIONS_SCRIPT;
