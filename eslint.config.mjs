import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const frontEnds = ['functions', 'taskpane', 'cli'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Office.js code only: these rules read any `x.y` after a load as an Excel proxy object.
    files: ['src/io/office*.ts', 'src/taskpane/**/*.ts', 'src/functions/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The rules layer is pure: no Office, DOM, Node I/O or workbook library.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'exceljs', 'office-*', '@microsoft/*'], message: 'src/engine is pure: no I/O.' },
          { group: ['../io/*', '../io', '../cli/*', '../functions/*', '../taskpane/*'], message: 'src/engine may not import from later layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process'],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: frontEnds.flatMap((f) => [`../${f}`, `../${f}/*`]), message: 'src/io may not import from the front ends.' }],
      }],
    },
  },
  ...frontEnds.map((fe) => ({
    files: [`src/${fe}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: frontEnds.filter((o) => o !== fe).flatMap((o) => [`../${o}`, `../${o}/*`]),
          message: 'Front ends share code only through src/engine and src/io.',
        }],
      }],
    },
  })),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
