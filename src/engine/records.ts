import type { Day } from './dates';
import type { StaffMember } from './people';
import type { Severity } from './scheme';
import type { TableKey } from './types';

/** Where a value came from: the sheet and the Excel row the user can go to. */
export interface RowRef {
  table: TableKey;
  sheet: string;
  row: number;
  day: Day | null;
}

/** Whom a record is about: a staff member, or a whole department (科室记录). */
export type Subject = { member: StaffMember; department: string } | { member: null; department: string };

export type InspectionKind = 'onsite' | 'offsite';

/**
 * An inspection row that is a violation (违规). It is its own row reference: the evidence a
 * deduction or veto names is the record itself, one object a row of a large table, not two.
 */
export interface Violation extends RowRef {
  subject: Subject;
  day: Day;
  points: number;
  kind: InspectionKind;
  item: string;
}

/** A fines and complaints row (投诉及处罚); like a violation, its own row reference. */
export interface FineRecord extends RowRef {
  subject: Subject;
  day: Day;
  type: string;
  /** A veto type: a valid row makes its person ineligible (一票否决). */
  isVeto: boolean;
  valid: boolean;
  severity: Severity | null;
  /** What the row costs, in yuan; 0 when invalid. */
  yuan: number;
  reason: string;
}

export interface PraiseRecord {
  member: StaffMember;
  day: Day;
  points: number;
  sourceText: string;
  source: RowRef;
}

export interface SatisfactionRecord {
  member: StaffMember;
  month: string;
  evaluations: number | null;
  satisfied: number | null;
  rate: number | null;
  served: number | null;
  source: RowRef;
}

export interface Recommendation {
  member: StaffMember;
  source: RowRef;
}

/** A past winner from the history sheet (获奖记录). */
export interface PastWin {
  periodId: string;
  /** Comparison key of the person: the id's, else the name's. */
  personKey: string;
  source: RowRef;
}

/** A row of the history's block for the run's own period (§13 what changed). */
export interface HistoryEntry {
  id: string;
  name: string;
  department: string;
  status: 'winner' | 'tie';
}

/** The row accounting of one input table (§1): rows = used + outOfPeriod + skippedBlank + rejected. */
export interface TableReport {
  table: TableKey;
  sheet: string;
  rows: number;
  used: number;
  outOfPeriod: number;
  skippedBlank: number;
  rejected: number;
  /** Header text per field, as found. */
  columns: Record<string, string>;
  headerRow: number;
}
