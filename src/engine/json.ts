import type { PlaceStatus } from './changes';
import { formatDay } from './dates';
import type { DecisionKind } from './decisions';
import type { Problem } from './messages';
import type { SelectionResult } from './select';
import type { Lang } from './types';

/** The machine-readable result of §8, field names exactly as the rules book writes them. */
export interface ResultJson {
  period: string;
  scheme: string;
  people: {
    id: string; name: string; department: string; violations: number; onsitePoints: number; offsitePoints: number;
    praise: number; satisfaction: number | null; score: number; eligible: boolean; vetoes: string[]; status: string;
    decision: DecisionKind | null;
  }[];
  winners: {
    department: string; id: string | null; name: string | null; score: number | null; status: string; awardYuan: number; decided: boolean;
  }[];
  departments: { department: string; score: number | null; vetoed: boolean; status: string; awardYuan: number; decision: DecisionKind | null }[];
  deductions: {
    id: string | null; department: string; month: string; violations: number; violationYuan: number;
    complaints: number; complaintYuan: number; totalYuan: number;
  }[];
  inputs: { table: string; rows: number; used: number; outOfPeriod: number; skippedBlank: number; rejected: number }[];
  /** The message names the sheet, row and column. */
  warnings: { code: string; table: string | null; row: number | null; message: string }[];
  /** §12: the decisions that counted, in reading order. */
  decisions: { id: string | null; name: string | null; department: string; decision: DecisionKind; applied: boolean; reason: string | null }[];
  /** §13: the notice's first and last day (`2026-10-15`), null without publicityStart. */
  publicity: { start: string | null; end: string | null; days: number };
  /** §13: places changed since the history's block for the period. */
  changes: { department: string; id: string; name: string; before: PlaceStatus | null; after: PlaceStatus | null }[];
}

export function warningJson(w: Problem, lang: Lang): ResultJson['warnings'][number] {
  return { code: w.code, table: w.table, row: w.row, message: w.message[lang] };
}

/** The §8 object of a selection; messages in the given language. */
export function resultJson(result: SelectionResult, lang: Lang = 'zh'): ResultJson {
  return {
    period: result.period.id,
    scheme: result.scheme.id,
    people: result.people.map((p) => ({
      id: p.member.id,
      name: p.member.name,
      department: p.member.department,
      violations: p.violations.length,
      onsitePoints: p.onsitePoints,
      offsitePoints: p.offsitePoints,
      praise: p.praise.length,
      satisfaction: p.satisfaction,
      score: p.score,
      eligible: p.vetoes.length === 0,
      vetoes: p.vetoes.map((v) => v.code),
      status: p.status,
      decision: p.decision?.decision ?? null,
    })),
    winners: result.winners.map((w) => ({
      department: w.department,
      id: w.person?.member.id ?? null,
      name: w.person?.member.name ?? null,
      score: w.person?.score ?? null,
      status: w.status,
      awardYuan: w.awardYuan,
      decided: w.decided,
    })),
    departments: result.departments.map((d) => ({
      department: d.department, score: d.score, vetoed: d.vetoed, status: d.status, awardYuan: d.awardYuan,
      decision: d.decision?.decision ?? null,
    })),
    deductions: result.deductions.map((d) => ({
      id: d.member?.id ?? null,
      department: d.department,
      month: d.month,
      violations: d.violations,
      violationYuan: d.violationYuan,
      complaints: d.complaints,
      complaintYuan: d.complaintYuan,
      totalYuan: d.totalYuan,
    })),
    inputs: result.inputs.map((i) => ({
      table: i.table, rows: i.rows, used: i.used, outOfPeriod: i.outOfPeriod, skippedBlank: i.skippedBlank, rejected: i.rejected,
    })),
    warnings: result.warnings.map((w) => warningJson(w, lang)),
    decisions: result.decisions.map((d) => ({
      id: d.subject.member?.id ?? null, name: d.subject.member?.name ?? null, department: d.subject.department,
      decision: d.decision, applied: d.applied, reason: d.reason === '' ? null : d.reason,
    })),
    publicity: {
      start: result.publicity.start === null ? null : formatDay(result.publicity.start),
      end: result.publicity.end === null ? null : formatDay(result.publicity.end),
      days: result.publicity.days,
    },
    changes: result.changes.map((c) => ({ department: c.department, id: c.id, name: c.name, before: c.before, after: c.after })),
  };
}
