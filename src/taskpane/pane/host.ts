import type { DecisionAppend } from '../../engine/decisionRows';
import type { ResultSheet } from '../../engine/sheets';
import { ExcelSink, ExcelSource, openAsNewWorkbook, type RunUndo } from '../../io/office';
import { loadSheets, type LoadedSheet } from '../../io/tables';
import { browserStore, type SettingsStore } from '../settings';

/**
 * Everything the pane asks of Office.js, in one place: the views get a Host as a prop and never
 * touch Office or Excel themselves (so the standalone page is the same views with no workbook).
 */
export interface Host {
  /** Inside Excel: this workbook can be read and written. */
  readonly inExcel: boolean;
  /** Office's display language, when inside Office. */
  readonly displayLanguage: string | undefined;
  /** The workbook's document settings (undefined standalone). */
  readonly settings: SettingsStore;
  /**
   * Runs `read` once the pane is on screen: in the shared runtime the page also loads, hidden, when a
   * cell computes a STAR function with the pane closed, and reading every sheet then only slows Excel.
   */
  whenShown(read: () => void): void;
  readWorkbook(label: string): Promise<LoadedSheet[]>;
  sheetNames(): Promise<string[]>;
  /**
   * Writes the result sheets, never one of `inputs`, then appends the committee's decisions to their
   * sheet when given; returns what undoes it (also after a failure part way).
   */
  write(sheets: readonly ResultSheet[], inputs: ReadonlySet<string>, onProgress: (share: number) => void, append: DecisionAppend | null): Promise<{ undo: RunUndo; error?: unknown }>;
  activate(sheet: string): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  undoRun(undo: RunUndo): Promise<void>;
  keep(undo: RunUndo): Promise<void>;
  /** Opens a result workbook (.xlsx bytes) as a new workbook in Excel. */
  openWorkbook(bytes: Uint8Array): Promise<void>;
}

const excelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
const sink = () => new ExcelSink(excelRun, new Set());

/**
 * One Office runtime serves the ribbon, the pane and the functions
 * (learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in). Shown now: the page is visible
 * (Page Visibility API); shown later: Office.addin.onVisibilityModeChanged reports
 * VisibilityMode.taskpane (SharedRuntime 1.1), or the page becomes visible.
 */
function whenShown(read: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    read();
  };
  if (document.visibilityState === 'visible') {
    once();
    return;
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') once(); });
  if (Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) {
    void Office.addin.onVisibilityModeChanged((message) => { if (message.visibilityMode === Office.VisibilityMode.taskpane) once(); });
  }
}

function excelHost(displayLanguage: string | undefined): Host {
  return {
    inExcel: true,
    displayLanguage,
    settings: Office.context.document?.settings,
    whenShown,
    // Merged ranges where the host can tell them (ExcelApi 1.13; see ExcelSourceOptions).
    readWorkbook: async (label) => loadSheets([new ExcelSource(excelRun, label, { merges: Office.context.requirements.isSetSupported('ExcelApi', '1.13') })]),
    sheetNames: () => new ExcelSource(excelRun).sheetNames(),
    write: async (sheets, inputs, onProgress, append) => {
      const writer = new ExcelSink(excelRun, inputs, { onProgress: (done, total) => onProgress(done / total) });
      try {
        await writer.writeSheets(sheets);
        if (append) await writer.appendRows(append.sheet, append.row - 1, append.column - 1, append.rows, append.formats);
        return { undo: writer.undo };
      } catch (error) {
        return { undo: writer.undo, error };
      }
    },
    activate: (sheet) => sink().activate(sheet),
    select: (sheet, address) => sink().select(sheet, address),
    undoRun: (undo) => sink().undoRun(undo),
    keep: (undo) => sink().discardUndo(undo),
    // A download link does nothing in the Mac webview: the results open as a new workbook instead.
    openWorkbook: openAsNewWorkbook,
  };
}

const noWorkbook = (): Promise<never> => Promise.reject(new Error('no workbook: the page runs outside Excel'));

/** The standalone page: no workbook; the choices kept in the browser. */
const standalone = (): Host => ({
  inExcel: false, displayLanguage: undefined, settings: browserStore(), whenShown: (read) => read(),
  readWorkbook: noWorkbook, sheetNames: noWorkbook, write: noWorkbook, activate: noWorkbook, select: noWorkbook, undoRun: noWorkbook, keep: noWorkbook, openWorkbook: noWorkbook,
});

/** The host the page runs in: Excel when office.js says so, else the standalone page. */
export function connect(): Promise<Host> {
  if (typeof Office === 'undefined') return Promise.resolve(standalone());
  return new Promise((resolve) => {
    void Office.onReady((info) => resolve(info.host === Office.HostType.Excel ? excelHost(Office.context?.displayLanguage) : standalone()));
  });
}
