// Bundles the Excel add-in (task pane + shared runtime) into dist/addin.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const outDir = path.resolve(__dirname, 'dist/addin');

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

module.exports = async (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    // Separate .map files in both modes, so production bundles stay debuggable in the Office webview.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.ts',
    },
    output: {
      path: outDir,
      // Hashed names in production so Office's aggressive webview cache picks up new builds.
      filename: production ? '[name].[contenthash].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is done once by `npm run typecheck`, not per bundle.
            options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.json') },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
      }),
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
