import { monthKey } from './dates';
import { roundHalfAway } from './numbers';
import type { StaffMember } from './people';
import type { FineRecord, RowRef, Violation } from './records';
import type { SchemeParameters } from './scheme';

/** Bonus deductions (奖金扣罚) of one person, or one department's own records, in one month. */
export interface Deduction {
  member: StaffMember | null;
  department: string;
  month: string;
  violations: number;
  points: number;
  violationYuan: number;
  /** Valid fines rows of any type. */
  complaints: number;
  complaintYuan: number;
  totalYuan: number;
  evidence: RowRef[];
}

/**
 * Money for violations (§5): a fixed amount per violation plus an amount per point.
 *
 * @example violationYuan(2, 3, DEFAULT_PARAMETERS) // => 20
 */
export function violationYuan(count: number, points: number, parameters: SchemeParameters): number {
  return roundHalfAway(count * parameters.yuanPerViolation + points * parameters.yuanPerPoint, 2);
}

/** A person's, or a department's own, records of the period, each list in reading order. */
export interface SubjectRecords {
  member: StaffMember | null;
  department: string;
  violations: readonly Violation[];
  fines: readonly FineRecord[];
}

/**
 * One row per person (or department) per calendar month with at least one violation or valid
 * fines row (§5, §10): the subjects in the order given, each one's rows by month. Each subject's
 * rows are made from its own short lists, so no record is looked up by its person.
 */
export function deductions(subjects: Iterable<SubjectRecords>, parameters: SchemeParameters): Deduction[] {
  const list: Deduction[] = [];
  for (const { member, department, violations, fines } of subjects) {
    const months: Deduction[] = [];
    for (const v of violations) {
      const row = monthRow(months, member, department, monthKey(v.day));
      row.violations++;
      row.points += v.points;
      row.evidence.push(v);
    }
    for (const f of fines) {
      if (!f.valid) continue;
      const row = monthRow(months, member, department, monthKey(f.day));
      row.complaints++;
      row.complaintYuan += f.yuan;
      row.evidence.push(f);
    }
    for (const row of months) {
      row.violationYuan = violationYuan(row.violations, row.points, parameters);
      row.complaintYuan = roundHalfAway(row.complaintYuan, 2);
      row.totalYuan = roundHalfAway(row.violationYuan + row.complaintYuan, 2);
      list.push(row);
    }
  }
  return list;
}

/** The subject's row of a month, made in month order ('yyyy-mm' sorts as text) when it is the first. */
function monthRow(months: Deduction[], member: StaffMember | null, department: string, month: string): Deduction {
  let at = months.length;
  for (let k = 0; k < months.length; k++) {
    const row = months[k] as Deduction;
    if (row.month === month) return row;
    if (row.month > month) {
      at = k;
      break;
    }
  }
  const row: Deduction = {
    member, department, month, violations: 0, points: 0, violationYuan: 0, complaints: 0, complaintYuan: 0, totalYuan: 0, evidence: [],
  };
  if (at === months.length) months.push(row);
  else months.splice(at, 0, row);
  return row;
}
