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
 *   remove, saveAsync), `context.requirements.isSetSupported` (the sets the manifest requires, and
 *   older versions of them), `addin.onVisibilityModeChanged` with `VisibilityMode`, `HostType` (the
 *   real office.js request is aborted by the test, so its `onerror` sets `window.__noOffice` and
 *   nothing overwrites this one);
 * - `Excel.createWorkbook(base64)`: records the workbooks opened (`window.__CREATED__`);
 * - with `window.__HIDDEN__`, a page loaded hidden, as the shared runtime loads it for a cell function
 *   with the pane closed: `document.visibilityState` is "hidden" until `__FAKE_OFFICE__.show()`,
 *   which makes it visible and reports VisibilityMode.taskpane to the onVisibilityModeChanged handlers;
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

type VisibilityHandler = (message: { visibilityMode: string }) => void;

export interface FakeOffice {
  readonly fake: true;
  onReadyCalls: number;
  HostType: { Excel: 'Excel' };
  VisibilityMode: { taskpane: 'Taskpane'; hidden: 'Hidden' };
  context: { displayLanguage: string; document: { settings: FakeSettings }; requirements: { isSetSupported(name: string, version?: string): boolean } };
  addin: { onVisibilityModeChanged(handler: VisibilityHandler): Promise<() => Promise<void>> };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  /** Shows a page loaded hidden (window.__HIDDEN__). */
  show(): void;
}

declare global {
  interface Window {
    __FAKE_SHEETS__?: FakeSheets;
    __LANG__?: string;
    __SETTINGS__?: Record<string, unknown>;
    __FAKE__?: FakeExcel;
    __FAKE_OFFICE__?: FakeOffice;
    __noOffice?: boolean;
    __HIDDEN__?: boolean;
    __CREATED__?: string[];
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
const created: string[] = [];
g['Excel'] = { ...(g['Excel'] as object), run: fake.run, createWorkbook: async (base64?: string) => { created.push(base64 ?? ''); } };
window.__CREATED__ = created;

/** The requirement sets manifest.xml requires, at their versions, as Office reports them. */
const SUPPORTED: Record<string, [number, number]> = { ExcelApi: [1, 9], SharedRuntime: [1, 1], CustomFunctionsRuntime: [1, 3] };

function isSetSupported(name: string, version = '1.1'): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [hasMajor, hasMinor] = SUPPORTED[name] ?? [0, 0];
  return hasMajor > major || (hasMajor === major && hasMinor >= minor);
}

let hidden = window.__HIDDEN__ === true;
if (hidden) Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
const visibilityHandlers: VisibilityHandler[] = [];

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
  VisibilityMode: { taskpane: 'Taskpane', hidden: 'Hidden' },
  context: {
    displayLanguage: window.__LANG__ ?? 'zh-CN',
    document: { settings: fakeSettings(window.__SETTINGS__ ?? {}) },
    requirements: { isSetSupported },
  },
  addin: {
    onVisibilityModeChanged: (handler) => {
      visibilityHandlers.push(handler);
      return Promise.resolve(async () => { visibilityHandlers.splice(visibilityHandlers.indexOf(handler), 1); });
    },
  },
  show() {
    hidden = false;
    for (const handler of [...visibilityHandlers]) handler({ visibilityMode: 'Taskpane' });
  },
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
