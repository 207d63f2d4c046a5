import type { Dispatch } from 'react';
import type { LocatedTables } from '../../engine/layout';
import type { Problem } from '../../engine/messages';
import type { Action, State } from './state';

/** What a step's view can do beyond changing the state: reading, writing and selecting go through the host. */
export interface Actions {
  readFiles(files: readonly File[]): void;
  readWorkbook(): void;
  /** Read this workbook again, then check at once (after fixing a cell a problem pointed at). */
  readAgain(): void;
  /** Selects the cell of a problem in this workbook, when it can (null: it cannot). */
  selectAction(p: Problem): (() => void) | null;
  write(): void;
  replace(): void;
  undo(): void;
  keep(): void;
  download(): void;
}

export interface ViewProps {
  state: State;
  /** The input tables located once (header, columns, layout) for the mapping and the people to name. */
  located: LocatedTables;
  dispatch: Dispatch<Action>;
  actions: Actions;
}
