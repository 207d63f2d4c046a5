/**
 * Browser entry for the task pane's end-to-end test (test/e2e/taskpane.test.ts): Office and Excel
 * as the task pane sees them inside Excel, on the strict in-memory fake of test/helpers/fake-excel.ts.
 *
 * The test bundles this file for the browser and injects it with `page.addInitScript`, after an init
 * script that sets `window.__FAKE_SHEETS__` (and optionally `window.__LANG__`, and `window.__SETTINGS__`:
 * the document settings the workbook already holds), so it runs before any script of taskpane.html.
 * It defines:
 * - `window.Excel`: the enums office.ts reads, plus `run` on the fake workbook;
 * - `window.Office`: `onReady`, `context.displayLanguage`, `context.document.settings` (get, set,
 *   remove, saveAsync), `HostType` (the real office.js request is aborted by the test, so its
 *   `onerror` sets `window.__noOffice` and nothing overwrites this one);
 * - `window.__FAKE__`: the fake, for the test's assertions through `page.evaluate`;
 * - `window.__FAKE_OFFICE__`: the fake Office object and how often `onReady` was called.
 */
import { createFakeExcel, installExcelEnums, type FakeExcel, type FakeInputCell, type Visibility } from '../helpers/fake-excel';

/** The workbook the pane opens in: each sheet's cells from A1, and optionally number formats and visibility. */
export interface FakeSheets {
  sheets: Record<string, FakeInputCell[][]>;
  numberFormats?: Record<string, (string | null)[][]>;
  visibility?: Record<string, Visibility>;
}

/**
 * Office.context.document.settings: values kept in the workbook. `get`, `set` and `remove` work on
 * the pending values; `saveAsync` makes them the saved ones (`saved`, what the workbook would keep)
 * and counts the saves (`saves`).
 */
export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: () => void): void;
  saved: Record<string, unknown>;
  saves: number;
}

export interface FakeOffice {
  readonly fake: true;
  onReadyCalls: number;
  HostType: { Excel: 'Excel' };
  context: { displayLanguage: string; document: { settings: FakeSettings } };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

declare global {
  interface Window {
    __FAKE_SHEETS__?: FakeSheets;
    __LANG__?: string;
    __SETTINGS__?: Record<string, unknown>;
    __FAKE__?: FakeExcel;
    __FAKE_OFFICE__?: FakeOffice;
    __noOffice?: boolean;
  }
}

// The fake measures request sizes with Node's Buffer.byteLength; the browser has TextEncoder.
const g = globalThis as unknown as Record<string, unknown>;
if (g['Buffer'] === undefined) {
  const encoder = new TextEncoder();
  g['Buffer'] = { byteLength: (text: string) => encoder.encode(text).length };
}

const given = window.__FAKE_SHEETS__ ?? { sheets: { Sheet1: [] } };
const fake = createFakeExcel(given.sheets, { numberFormats: given.numberFormats, visibility: given.visibility });
installExcelEnums();
g['Excel'] = { ...(g['Excel'] as object), run: fake.run };

function fakeSettings(initial: Record<string, unknown>): FakeSettings {
  const pending: Record<string, unknown> = { ...initial };
  const settings: FakeSettings = {
    saved: JSON.parse(JSON.stringify(initial)) as Record<string, unknown>,
    saves: 0,
    get: (name) => pending[name] ?? null,
    set: (name, value) => { pending[name] = JSON.parse(JSON.stringify(value)); },
    remove: (name) => { delete pending[name]; },
    saveAsync: (callback) => {
      settings.saved = JSON.parse(JSON.stringify(pending)) as Record<string, unknown>;
      settings.saves++;
      setTimeout(() => callback?.(), 0);
    },
  };
  return settings;
}

const info = { host: 'Excel', platform: 'OfficeOnline' };
const office: FakeOffice = {
  fake: true,
  onReadyCalls: 0,
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: window.__LANG__ ?? 'zh-CN', document: { settings: fakeSettings(window.__SETTINGS__ ?? {}) } },
  onReady(callback) {
    office.onReadyCalls++;
    // Like Office.js: the callback runs later, never inside the call.
    return Promise.resolve().then(() => {
      callback?.(info);
      return info;
    });
  },
};
g['Office'] = office;
window.__FAKE__ = fake;
window.__FAKE_OFFICE__ = office;
