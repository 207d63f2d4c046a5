/**
 * Browser entry for the task pane's end-to-end test (test/e2e/taskpane.test.ts): Office and Excel
 * as the task pane sees them inside Excel, on the strict in-memory fake of test/helpers/fake-excel.ts.
 *
 * The test bundles this file for the browser and injects it with `page.addInitScript`, after an init
 * script that sets `window.__FAKE_SHEETS__` (and optionally `window.__LANG__`), so it runs before any
 * script of taskpane.html. It defines:
 * - `window.Excel`: the enums office.ts reads, plus `run` on the fake workbook;
 * - `window.Office`: `onReady`, `context.displayLanguage`, `HostType` (the real office.js request is
 *   aborted by the test, so its `onerror` sets `window.__noOffice` and nothing overwrites this one);
 * - `window.__FAKE__`: the fake, for the test's assertions through `page.evaluate`;
 * - `window.__FAKE_OFFICE__`: the fake Office object and how often `onReady` was called.
 */
import { createFakeExcel, installExcelEnums, type FakeExcel, type FakeInputCell } from '../helpers/fake-excel';

export interface FakeSheets {
  sheets: Record<string, FakeInputCell[][]>;
  numberFormats?: Record<string, (string | null)[][]>;
}

/** Office.context.document.settings: values kept in the workbook, saved by saveAsync. */
interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: () => void): void;
  saved: Record<string, unknown>;
}

interface FakeOffice {
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
const fake = createFakeExcel(given.sheets, { numberFormats: given.numberFormats });
installExcelEnums();
g['Excel'] = { ...(g['Excel'] as object), run: fake.run };

function fakeSettings(initial: Record<string, unknown>): FakeSettings {
  const pending: Record<string, unknown> = { ...initial };
  const settings: FakeSettings = {
    saved: { ...initial },
    get: (name) => pending[name] ?? null,
    set: (name, value) => { pending[name] = JSON.parse(JSON.stringify(value)); },
    saveAsync: (callback) => {
      settings.saved = { ...pending };
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
