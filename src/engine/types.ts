import type { Problem } from './messages';
/** A cell as any adapter hands it over: Excel's own values, never formatted text. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A sheet's used range, row by row. */
export type Grid = readonly (readonly Cell[])[];

/**
 * A merged range as the file stores it (§11): its value sits in the top-left cell only, the other
 * cells of the range are blank in the grid. Coordinates are 0-based grid indexes, inclusive.
 */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A grid cell, 0-based. */
export interface GridAddress {
  row: number;
  column: number;
}

/**
 * The input tables of §1, the committee's decisions (评选小组裁定, §12), and the history of winners
 * (获奖记录) used by the year roll-up.
 */
export type TableKey = 'staff' | 'inspections' | 'fines' | 'praise' | 'satisfaction' | 'recommendations' | 'decisions' | 'history';


/** Text in both languages of the UI. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

/** One sheet of a table. */
export interface TableSheet {
  /** What the user sees as the table's name in messages: the sheet name, or file#sheet. */
  sheet: string;
  grid: Grid;
  /** The Excel row number of grid[0] (a used range may start below row 1). */
  firstRow?: number;
  /** The Excel column number (1 = A) of grid[][0]. */
  firstColumn?: number;
  /** Merged ranges of the sheet, in grid coordinates (empty or absent: none). */
  merges?: readonly MergedRange[];
  /** Formula cells saved without a cached value (§11a FORMULA_NO_VALUE); blank in the grid. */
  formulasWithoutValue?: readonly GridAddress[];
  /** What the reader found wrong in the file without refusing it (a CSV's BAD_ENCODING): the run's warnings. */
  readWarnings?: readonly Problem[];
}

/** One table as read from a workbook or a CSV file. */
export interface TableInput extends TableSheet {
  /** The workbook uses the 1904 date system (Mac Excel). */
  date1904?: boolean;
  /**
   * Further sheets of the same table (§11: `7月督导检查`, `8月督导检查`), read after this one in
   * sheet order, with one row accounting; each has its own header.
   */
  moreSheets?: readonly TableSheet[];
  /** Other sheets that also look like this table and are not read (§11 MORE_SHEETS). */
  passedOver?: readonly string[];
  /** User overrides: field → header text, or column letter (`"C"`), or 1-based column number. */
  columns?: Readonly<Record<string, string | number>>;
  /** Rows whose person the office named by hand (人员指认): same-name or unknown people resolved. */
  assignments?: readonly PersonAssignment[];
}

/**
 * The office's answer to "which 张伟 is this?" for one record: its row, the name (or id) written on
 * it, the whole row as text (recordText) — so the answer stays with this record and never moves to
 * another when the sheet changes — and the staff id.
 */
export interface PersonAssignment {
  row: number;
  /** The sheet of the row, when the table spans several sheets (absent: the table's first). */
  sheet?: string;
  written: string;
  record: string;
  id: string;
}
