import { addYears, formatDay } from './dates';
import { roundHalfAway, stableSum } from './numbers';
import type { StaffMember } from './people';
import type { Period } from './period';
import type { FineRecord, RowRef, SatisfactionRecord, Violation } from './records';
import type { SchemeParameters } from './scheme';
import type { Bilingual } from './types';

export type VetoCode = 'COMPLAINT' | 'ANNUAL_LIMIT' | 'SATISFACTION' | 'EVAL_RATE' | 'INACTIVE' | 'TENURE' | 'COMMITTEE';

/** A reason a person (or department) is not eligible (一票否决), with the rows that prove it. */
export interface Veto {
  code: VetoCode;
  reason: Bilingual;
  evidence: RowRef[];
}

const percent = (x: number) => `${roundHalfAway(x * 100, 2)}%`;

/** COMPLAINT: valid veto-type rows in the period (投诉作为一票否决条件). */
export function complaintVeto(fines: readonly FineRecord[]): Veto | null {
  const counts = (f: FineRecord) => f.valid && f.isVeto;
  // Most people have no valid complaint: no list is made for them.
  if (!fines.some(counts)) return null;
  const rows = fines.filter(counts);
  const list = rows.map((f) => `${f.type || '投诉'} ${formatDay(f.day)}`).join('；');
  const listEn = rows.map((f) => `${f.type || 'complaint'} ${formatDay(f.day)}`).join('; ');
  return {
    code: 'COMPLAINT',
    reason: { zh: `有效投诉 ${rows.length} 件：${list}`, en: `${rows.length} valid complaint(s): ${listEn}` },
    evidence: rows,
  };
}

/** Raw violation points, unweighted, over the year to date. */
export function rawPoints(violations: readonly Violation[]): number {
  let sum = 0;
  for (const v of violations) sum += v.points;
  return stableSum(sum);
}

/** ANNUAL_LIMIT: year-to-date points strictly above the limit (年度扣分累计超过…取消评先评优资格). */
export function annualLimitVeto(ytd: readonly Violation[], limit: number | null): Veto | null {
  if (limit === null) return null;
  const points = rawPoints(ytd);
  if (!(points > limit)) return null;
  return {
    code: 'ANNUAL_LIMIT',
    reason: { zh: `年度累计扣分 ${roundHalfAway(points, 2)} 分，超过 ${limit} 分`, en: `${roundHalfAway(points, 2)} points this year, over the limit of ${limit}` },
    evidence: [...ytd],
  };
}

/** SATISFACTION: satisfaction strictly below the minimum. */
export function satisfactionVeto(satisfaction: number | null, rows: readonly SatisfactionRecord[], min: number | null): Veto | null {
  if (min === null || satisfaction === null || !(satisfaction < min)) return null;
  return {
    code: 'SATISFACTION',
    reason: { zh: `满意度 ${percent(satisfaction)}，低于 ${percent(min)}`, en: `satisfaction ${percent(satisfaction)}, below ${percent(min)}` },
    evidence: rows.map((r) => r.source),
  };
}

/** EVAL_RATE: the share of served people who gave an evaluation, below the minimum (only when set). */
export function evaluationRateVeto(rate: number | null, rows: readonly SatisfactionRecord[], min: number | null): Veto | null {
  if (min === null || rate === null || !(rate < min)) return null;
  return {
    code: 'EVAL_RATE',
    reason: { zh: `接受评价率 ${percent(rate)}，低于 ${percent(min)}`, en: `evaluation rate ${percent(rate)}, below ${percent(min)}` },
    evidence: rows.map((r) => r.source),
  };
}

function staffRef(member: StaffMember): RowRef {
  return { table: 'staff', sheet: member.sheet, row: member.row, day: member.windowSince };
}

/** INACTIVE: no longer at the window (目前仍在窗口工作). */
export function inactiveVeto(member: StaffMember): Veto | null {
  if (member.active) return null;
  return { code: 'INACTIVE', reason: { zh: '已不在窗口岗位（离岗）', en: 'no longer at the window (inactive)' }, evidence: [staffRef(member)] };
}

/** TENURE: at the window for less than the required years by the period's last day. */
export function tenureVeto(member: StaffMember, period: Period, parameters: SchemeParameters): Veto | null {
  const years = parameters.minTenureYears;
  if (!(years > 0) || member.windowSince === null) return null;
  if (!(addYears(member.windowSince, years) > period.last)) return null;
  return {
    code: 'TENURE',
    reason: {
      zh: `${formatDay(member.windowSince)} 起在窗口工作，截至 ${formatDay(period.last)} 不满 ${years} 年`,
      en: `at the window since ${formatDay(member.windowSince)}: less than ${years} years by ${formatDay(period.last)}`,
    },
    evidence: [staffRef(member)],
  };
}
