import type { PersonAssignment, TableKey } from '../engine/types';
import type { RunUndo } from '../io/office';

/** The wizard's choices kept in the workbook (document settings), so next quarter's run starts from them. */
export interface Choices {
  scheme?: string;
  source?: 'workbook' | 'files';
  /** The sheet of each table by name; null = not used. Absent = found automatically. */
  sheets?: Partial<Record<TableKey, string | null>>;
  /** Column overrides per table: field → column letter ('' = no such column). */
  columns?: Partial<Record<TableKey, Record<string, string>>>;
  /** Parameter overrides of the scheme, as values resolveScheme accepts. */
  overrides?: Record<string, unknown>;
  /** 人员指认 per table: each stays with its record (row, name written and the row's content). */
  assignments?: Partial<Record<TableKey, PersonAssignment[]>>;
}

const CHOICES_KEY = 'serviceStar.choices';
const UNDO_KEY = 'serviceStar.undo';

/** Office's document settings inside Excel, the browser's storage standalone (or nothing where it is off). */
export type SettingsStore = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: () => void): void;
} | undefined;

/**
 * The standalone page's store: the browser's local storage, so next quarter starts from this one's
 * choices on this computer too. Undefined where storage is off (private windows, some file:// pages).
 */
export function browserStore(): SettingsStore {
  let storage: Storage;
  try {
    storage = window.localStorage;
    storage.getItem(CHOICES_KEY);
  } catch {
    return undefined;
  }
  return {
    get: (name) => {
      const text = storage.getItem(name);
      try {
        return text === null ? null : JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    },
    set: (name, value) => storage.setItem(name, JSON.stringify(value)),
    remove: (name) => storage.removeItem(name),
    saveAsync: (callback) => callback?.(),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function loadChoices(store: SettingsStore): Choices {
  const value = store?.get(CHOICES_KEY) as unknown;
  return isObject(value) ? value as Choices : {};
}

export function saveChoices(store: SettingsStore, choices: Choices): void {
  if (!store) return;
  store.set(CHOICES_KEY, choices);
  store.saveAsync(() => undefined);
}

/** The undo of the last run, kept in the workbook so it survives closing the task pane. */
export function loadUndo(store: SettingsStore): RunUndo | null {
  const value = store?.get(UNDO_KEY) as unknown;
  return isObject(value) && Array.isArray(value['created']) && Array.isArray(value['replaced']) ? value as unknown as RunUndo : null;
}

export function saveUndo(store: SettingsStore, undo: RunUndo | null): void {
  if (!store) return;
  if (undo) store.set(UNDO_KEY, undo);
  else store.remove(UNDO_KEY);
  store.saveAsync(() => undefined);
}
