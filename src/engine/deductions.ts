import { monthKey } from './dates';
import { roundHalfAway } from './numbers';
import type { Roster, StaffMember } from './people';
import type { FineRecord, RowRef, Subject, Violation } from './records';
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

/** A person's or a department's deduction rows, one a month, and where the subject stands in the roster. */
interface SubjectRows {
  rank: number;
  months: Deduction[];
}

/**
 * One row per person (or department) per calendar month with at least one violation or valid
 * fines row (§5, §10). Rows come in the roster's order — department by department as they first
 * appear, each department's people in roster order and its own records after them — then by month.
 */
export function deductions(
  violations: readonly Violation[], fines: readonly FineRecord[], parameters: SchemeParameters,
  roster: Pick<Roster, 'members' | 'departments'>,
): Deduction[] {
  const count = roster.members.length;
  const departmentIndex = new Map(roster.departments.map((d, i) => [d, i]));
  const rank = (subject: Subject) => (departmentIndex.get(subject.department) ?? 0) * (count + 1) + (subject.member ? subject.member.index : count);
  // A person's rows in an array slot (StaffMember.index), a department's own in a map: every
  // record finds its subject without hashing. A subject has a few months: a short list.
  const ofMember = new Array<SubjectRows | undefined>(count);
  const ofDepartment = new Map<string, SubjectRows>();
  const all: SubjectRows[] = [];
  const rowFor = (subject: Subject, month: string): Deduction => {
    const member = subject.member;
    let entry = member ? ofMember[member.index] : ofDepartment.get(subject.department);
    if (!entry) {
      entry = { rank: rank(subject), months: [] };
      if (member) ofMember[member.index] = entry;
      else ofDepartment.set(subject.department, entry);
      all.push(entry);
    }
    const months = entry.months;
    // Kept in month order as they come (months are 'yyyy-mm'): no sort of each subject's few rows later.
    let at = months.length;
    for (let k = 0; k < months.length; k++) {
      const m = (months[k] as Deduction).month;
      if (m === month) return months[k] as Deduction;
      if (m > month) {
        at = k;
        break;
      }
    }
    const row: Deduction = {
      member, department: subject.department, month, violations: 0, points: 0, violationYuan: 0,
      complaints: 0, complaintYuan: 0, totalYuan: 0, evidence: [],
    };
    if (at === months.length) months.push(row);
    else months.splice(at, 0, row);
    return row;
  };
  for (const v of violations) {
    const row = rowFor(v.subject, monthKey(v.day));
    row.violations++;
    row.points += v.points;
    row.evidence.push(v);
  }
  for (const f of fines) {
    if (!f.valid) continue;
    const row = rowFor(f.subject, monthKey(f.day));
    row.complaints++;
    row.complaintYuan += f.yuan;
    row.evidence.push(f);
  }
  const entries = all.sort((a, b) => a.rank - b.rank);
  const list: Deduction[] = [];
  for (const { months } of entries) {
    for (const row of months) {
      row.violationYuan = violationYuan(row.violations, row.points, parameters);
      row.complaintYuan = roundHalfAway(row.complaintYuan, 2);
      row.totalYuan = roundHalfAway(row.violationYuan + row.complaintYuan, 2);
      list.push(row);
    }
  }
  return list;
}
