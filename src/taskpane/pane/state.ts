import { type DecisionAppend, decisionAppend, type DecisionEntry, decisionsSheet, withEntries } from '../../engine/decisionRows';
import { TABLE_NAMES } from '../../engine/messages';
import type { SelectionOutcome, SelectionResult } from '../../engine/select';
import { DECISIONS_SHEET, type ResultSheet } from '../../engine/sheets';
import type { Lang, PersonAssignment, TableInput, TableKey } from '../../engine/types';
import type { RunUndo } from '../../io/office';
import { chooseTables, tableOf, type FoundTable, type LoadedSheet } from '../../io/tables';
import type { Choices } from '../settings';
import type { StepId, Words } from '../strings';

/** A message in the UI language of the moment, so switching the language re-words it. */
export type Say = (s: Words, lang: Lang) => string;

/** What the pane is busy with, for the progress bar and the live status. */
export type Stage = 'reading' | 'checking' | 'computing' | 'writing' | 'undoing';

export type Confirm = { kind: 'replace'; names: string[] } | { kind: 'download' };

export interface State {
  lang: Lang;
  inExcel: boolean;
  step: StepId;
  source: 'workbook' | 'files';
  loaded: LoadedSheet[];
  /** The sheets of each table as found automatically in `loaded` (§9, §11), worked out once per read. */
  found: Partial<Record<TableKey, FoundTable>>;
  loadedFromWorkbook: boolean;
  choices: Choices;
  period: string;
  /** What the user typed per parameter, shown back as typed. */
  paramText: Record<string, string>;
  /** Bumped by every change the result depends on; an outcome of an older version is dropped. */
  version: number;
  outcome: SelectionOutcome | null;
  outcomeVersion: number;
  busy: { stage: Stage; share: number | null } | null;
  status: Say | null;
  error: Say | null;
  confirm: Confirm | null;
  undo: RunUndo | null;
  explained: number | null;
  /** Tables whose column mapping the user opened: they stay open. */
  openMappings: TableKey[];
  /** Standalone: the choices kept from the last run in this browser, offered as 沿用上季度设置. */
  remembered: Choices | null;
  reusing: boolean;
  /**
   * The committee's decisions recorded in the pane and not written yet (§12): the run reads them as
   * the last rows of the decisions table, so the rule of src/engine/decisions.ts applies them.
   */
  pending: DecisionEntry[];
  /** A version whose outcome keeps the status line (an undo's own message stays). */
  quiet: number;
}

export type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'go'; step: StepId }
  | { type: 'source'; source: 'workbook' | 'files' }
  | { type: 'reading' }
  | { type: 'loaded'; sheets: LoadedSheet[]; fromWorkbook: boolean }
  | { type: 'failed'; error: Say }
  | { type: 'sheet'; table: TableKey; label: string | null }
  | { type: 'column'; table: TableKey; field: string; letter: string }
  | { type: 'assign'; table: TableKey; assignments: PersonAssignment[] }
  | { type: 'scheme'; scheme: string }
  | { type: 'period'; period: string }
  | { type: 'parameter'; key: string; text: string; value: unknown }
  | { type: 'resetParameters' }
  | { type: 'computing'; stage: 'checking' | 'computing' }
  | { type: 'computed'; version: number; outcome: SelectionOutcome }
  | { type: 'explain'; index: number | null }
  | { type: 'mappingOpen'; table: TableKey; open: boolean }
  | { type: 'confirm'; confirm: Confirm | null }
  | { type: 'busy'; stage: Stage; share: number | null }
  | { type: 'done'; status: Say | null; undo?: RunUndo | null; error?: Say | null }
  | { type: 'error'; error: Say | null }
  | { type: 'reuse'; reuse: boolean }
  | { type: 'decide'; entries: DecisionEntry[] }
  | { type: 'undecide'; index: number }
  | { type: 'decisionsWritten'; write: DecisionsWrite }
  | { type: 'decisionsUndone'; undo: RunUndo };

/** The tables in the engine's order (staff first). */
export const TABLE_ORDER = Object.keys(TABLE_NAMES) as TableKey[];

export function initialState(lang: Lang, inExcel: boolean, choices: Choices, undo: RunUndo | null, period: string): State {
  return {
    lang, inExcel, step: 'sources', source: inExcel ? choices.source ?? 'workbook' : 'files',
    loaded: [], found: {}, loadedFromWorkbook: false, choices, period, paramText: {},
    version: 0, outcome: null, outcomeVersion: -1, busy: null, status: null, error: null, confirm: null,
    undo, explained: null, openMappings: [],
    remembered: !inExcel && Object.keys(choices).length > 0 ? choices : null,
    reusing: !inExcel && Object.keys(choices).length > 0,
    pending: [], quiet: -1,
  };
}

/** The same subject of a decision (a person by id, else a department) in the same period. */
const sameSubject = (a: DecisionEntry, b: DecisionEntry): boolean =>
  a.period === b.period && a.department === b.department && a.id === b.id;

/** The loaded sheets with one sheet's grid changed (and the tables found in them again). */
function withGrid(state: State, label: string, grid: (g: LoadedSheet['data']['grid']) => LoadedSheet['data']['grid']): Pick<State, 'loaded' | 'found'> {
  const loaded = state.loaded.map((s) => (s.label === label ? { ...s, data: { ...s.data, grid: grid(s.data.grid) } } : s));
  return { loaded, found: chooseTables(loaded) };
}

/**
 * A change the result depends on: the outcome is stale until computed again. It stays shown meanwhile
 * (step 2 keeps its lists, and the drop-down just changed keeps the focus); isCurrent tells them apart.
 */
const changed = (state: State, patch: Partial<State>): State =>
  ({ ...state, ...patch, version: state.version + 1, confirm: null, error: null });

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'lang': return { ...state, lang: action.lang };
    case 'go': return { ...state, step: action.step, error: null, confirm: null };
    case 'source': return changed(state, { source: action.source, loaded: [], found: {}, outcome: null, status: null, choices: { ...state.choices, source: action.source } });
    case 'reading': return { ...state, busy: { stage: 'reading', share: null }, error: null, status: null };
    case 'loaded': {
      const count = action.sheets.length;
      return changed(state, {
        loaded: action.sheets, found: chooseTables(action.sheets), loadedFromWorkbook: action.fromWorkbook, busy: null,
        status: (s) => (count === 0 ? s.noSheets : s.readSheets(count)),
      });
    }
    case 'failed': return changed(state, { loaded: [], found: {}, outcome: null, busy: null, status: null, error: action.error });
    case 'sheet': return changed(state, { choices: { ...state.choices, sheets: { ...state.choices.sheets, [action.table]: action.label } } });
    case 'column': {
      const columns = { ...state.choices.columns?.[action.table], [action.field]: action.letter };
      const open = state.openMappings.includes(action.table) ? state.openMappings : [...state.openMappings, action.table];
      return changed(state, { choices: { ...state.choices, columns: { ...state.choices.columns, [action.table]: columns } }, openMappings: open });
    }
    case 'assign': return changed(state, { choices: { ...state.choices, assignments: { ...state.choices.assignments, [action.table]: action.assignments } } });
    case 'scheme': return changed(state, { choices: { ...state.choices, scheme: action.scheme } });
    case 'period': return changed(state, { period: action.period.trim(), status: null });
    case 'parameter': {
      const overrides = { ...state.choices.overrides };
      if (action.value === undefined) delete overrides[action.key];
      else overrides[action.key] = action.value;
      return changed(state, { choices: { ...state.choices, overrides }, paramText: { ...state.paramText, [action.key]: action.text } });
    }
    case 'resetParameters': return changed(state, { choices: { ...state.choices, overrides: {} }, paramText: {} });
    case 'computing': return { ...state, busy: { stage: action.stage, share: null } };
    case 'computed': {
      if (action.version !== state.version) return state;
      const outcome = action.outcome;
      const status: Say | null = action.version === state.quiet ? state.status
        : outcome.ok ? (s) => s.done(outcome.result.people.length, outcome.result.warnings.length) : null;
      return { ...state, outcome, outcomeVersion: action.version, busy: null, status };
    }
    case 'explain': return { ...state, explained: action.index };
    case 'mappingOpen': {
      const rest = state.openMappings.filter((t) => t !== action.table);
      return { ...state, openMappings: action.open ? [...rest, action.table] : rest };
    }
    case 'confirm': return { ...state, confirm: action.confirm };
    case 'busy': return { ...state, busy: { stage: action.stage, share: action.share }, error: null, confirm: null };
    case 'done': return {
      ...state, busy: null, status: action.status, error: action.error ?? null,
      ...(action.undo !== undefined ? { undo: action.undo } : {}),
    };
    case 'error': return { ...state, error: action.error, busy: null };
    case 'reuse': return changed(state, { choices: action.reuse ? state.remembered ?? {} : {}, paramText: {}, reusing: action.reuse });
    // A later decision on the same person replaces the pending one, as a later row would (§12).
    case 'decide': return changed(state, { pending: [...state.pending.filter((p) => !action.entries.some((e) => sameSubject(p, e))), ...action.entries] });
    case 'undecide': return changed(state, { pending: state.pending.filter((_, i) => i !== action.index) });
    // Written, the pending rows are rows of the sheet, where the run already read them: the outcome stands.
    case 'decisionsWritten': {
      const w = action.write;
      if (!w) return { ...state, pending: [] };
      if (w.kind === 'append') return { ...state, pending: [], ...withGrid(state, w.append.sheet, (g) => [...g, ...w.append.rows]) };
      const book = state.loaded[0]?.book;
      if (!book) return state;
      const grid = [w.sheet.blocks[0]?.columns.map((c) => c.header) ?? [], ...w.sheet.blocks[0]?.rows ?? []];
      const loaded = [...state.loaded, { book, label: w.sheet.name, data: { name: w.sheet.name, grid, date1904: state.loaded[0]?.data.date1904 ?? false, firstRow: 1, firstColumn: 1 } }];
      return { ...state, pending: [], loaded, found: chooseTables(loaded) };
    }
    // Undone, the rows the run appended (or the sheet it made) are gone from the workbook: so from the run.
    case 'decisionsUndone': {
      let next: State = state;
      for (const a of action.undo.appended ?? []) {
        const sheet = next.loaded.find((s) => s.label === a.sheet);
        const at = a.row + 1 - (sheet?.data.firstRow ?? 1);
        next = { ...next, ...withGrid(next, a.sheet, (g) => [...g.slice(0, at), ...g.slice(at + a.values.length)]) };
      }
      if (action.undo.created.includes(DECISIONS_SHEET)) {
        const loaded = next.loaded.filter((s) => s.label !== DECISIONS_SHEET);
        next = { ...next, loaded, found: chooseTables(loaded) };
      }
      return changed(next, { quiet: state.version + 1 });
    }
  }
}

// -------------------------------------------------------------------------------------------------
// Selectors

/**
 * The sheets of each table: the user's pick by name where it still exists (that one sheet), else
 * the ones found automatically (several when the table is split by period, §11).
 */
export function pickedSheets(state: State): Partial<Record<TableKey, FoundTable>> {
  const out: Partial<Record<TableKey, FoundTable>> = {};
  for (const table of TABLE_ORDER) {
    const chosen = state.choices.sheets?.[table];
    if (chosen === null) continue;
    const sheet = chosen === undefined ? undefined : state.loaded.find((s) => s.label === chosen);
    const found = sheet ? { sheets: [sheet], passedOver: [] } : state.found[table];
    if (found) out[table] = found;
  }
  return out;
}

export const assignmentsOf = (state: State, table: TableKey): PersonAssignment[] => state.choices.assignments?.[table] ?? [];

/** The tables as read: the picked sheets with the column overrides and 人员指认. */
export function readTables(state: State): Partial<Record<TableKey, TableInput>> {
  const out: Partial<Record<TableKey, TableInput>> = {};
  for (const [table, found] of Object.entries(pickedSheets(state)) as [TableKey, FoundTable][]) {
    const assignments = assignmentsOf(state, table);
    out[table] = { ...tableOf(found, state.choices.columns?.[table]), ...(assignments.length > 0 ? { assignments } : {}) };
  }
  return out;
}

/** The engine's input tables: as read, with the pending decisions as the decisions table's last rows. */
export function inputTables(state: State): Partial<Record<TableKey, TableInput>> {
  const tables = readTables(state);
  const decisions = withEntries(tables.decisions, state.pending, state.lang);
  return decisions ? { ...tables, decisions } : tables;
}

/**
 * How the decisions reach a workbook (§12). Into this workbook: the pending rows appended to the
 * decisions table's sheet, or a new 评选小组裁定 sheet when there is none. Into a workbook of files
 * (the download, or files picked inside Excel): a sheet of every decision read and pending.
 */
export type DecisionsWrite = { kind: 'append'; append: DecisionAppend } | { kind: 'sheet'; sheet: ResultSheet } | null;

export function decisionsWrite(state: State, into: 'workbook' | 'file'): DecisionsWrite {
  const read = readTables(state).decisions;
  if (into === 'file' || !state.loadedFromWorkbook) {
    const sheet = decisionsSheet(read, state.pending, state.lang);
    return sheet ? { kind: 'sheet', sheet } : null;
  }
  if (state.pending.length === 0) return null;
  if (!read) {
    const sheet = decisionsSheet(undefined, state.pending, state.lang);
    return sheet ? { kind: 'sheet', sheet } : null;
  }
  const append = decisionAppend(read, state.pending, state.lang);
  return append ? { kind: 'append', append } : null;
}

export const hasStaff = (state: State): boolean => pickedSheets(state).staff !== undefined;

/** The result of the current choices, when computed and without errors. */
export const resultOf = (state: State): SelectionResult | null =>
  (state.outcome?.ok && state.outcomeVersion === state.version ? state.outcome.result : null);

/** The outcome is for the current choices (not an older one). */
export const isCurrent = (state: State): boolean => state.outcome !== null && state.outcomeVersion === state.version;
