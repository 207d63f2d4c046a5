import type { Grid, GridAddress, MergedRange } from '../engine/types';
import type { Problem } from '../engine/messages';
import type { ResultSheet } from '../engine/sheets';

/** One sheet's used range, as an adapter read it. */
export interface SheetData {
  name: string;
  grid: Grid;
  /** The workbook counts dates from 1904. */
  date1904: boolean;
  /** Excel row and column numbers of grid[0][0]. */
  firstRow: number;
  firstColumn: number;
  /** Merged ranges as the file stores them (value in the top-left cell only), grid coordinates. */
  merges?: readonly MergedRange[];
  /** Formula cells the file holds without a cached value (blank in the grid). */
  formulasWithoutValue?: readonly GridAddress[];
  /** What reading the file found wrong without refusing it (a CSV's BAD_ENCODING), for the run's warnings. */
  warnings?: readonly Problem[];
}

/**
 * Where tables come from: an Excel workbook through Office.js, or a workbook or CSV file.
 * The engine needs nothing more than this.
 */
export interface TableSource {
  /** The file or workbook, for messages. */
  readonly label: string;
  sheetNames(): Promise<string[]>;
  readSheet(name: string): Promise<SheetData>;
}

/** Where result sheets go. Implementations never write to a sheet they did not create. */
export interface ResultSink {
  writeSheets(sheets: readonly ResultSheet[]): Promise<void>;
}
