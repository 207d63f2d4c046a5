import { messages, type Problem } from './messages';
import type { Roster } from './people';
import { parsePeriodCell, type Period } from './period';
import type { LocatedTable } from './layout';
import { People, scan, type Verdict } from './read';
import type { RowRef, Subject, TableReport } from './records';
import { cleanText, isBlank, normalizeKey } from './text';
import type { Veto } from './vetoes';

export type DecisionKind = 'award' | 'exclude';

/** A committee decision (评选小组裁定, §12) that counts: the last one on its person or department. */
export interface Decision {
  subject: Subject;
  decision: DecisionKind;
  /** The row's reason as written; '' when blank. */
  reason: string;
  source: RowRef;
  /** Whether the decision changed or confirmed the result; set when it is applied. */
  applied: boolean;
}

const DECISION_WORDS: Record<string, DecisionKind> = {
  获奖: 'award', 评为: 'award', 当选: 'award', 同意: 'award', 确定: 'award', award: 'award',
  不予表彰: 'exclude', 取消: 'exclude', 取消资格: 'exclude', 否决: 'exclude', 不同意: 'exclude', exclude: 'exclude',
};

/**
 * A decision cell's word (§12): the whole cell must be one of the words.
 *
 * @example decisionKind('取消资格') // => 'exclude'
 */
export function decisionKind(value: unknown): DecisionKind | null {
  return DECISION_WORDS[normalizeKey(value)] ?? null;
}

/** Whom a decision is about, in messages: `YY314 汤怡峰`, or the department. */
export function decisionSubjectText(subject: Subject): string {
  return subject.member ? `${subject.member.id} ${subject.member.name}` : subject.department;
}

function subjectKey(subject: Subject): string {
  return subject.member ? `p:${subject.member.key}` : `d:${normalizeKey(subject.department)}`;
}

export interface DecisionsRead {
  report: TableReport | null;
  verdicts: Verdict[];
  /** The decisions that count, in reading order. */
  decisions: Decision[];
}

/**
 * Reads the decisions table (§12): checks, in order, the period (BAD_PERIOD), the run's period
 * (else outOfPeriod), the person or department, the decision word (BAD_DECISION); of several
 * rows on one subject the last counts and the earlier ones get DECISION_REPLACED.
 */
export function readDecisions(located: LocatedTable, roster: Roster, period: Period, warnings: Problem[], errors: Problem[]): DecisionsRead {
  const date1904 = located.input.date1904 ?? false;
  const people = new People(roster);
  const last = new Map<string, Decision>();
  const s = scan(located, warnings, errors, (r) => {
    const span = isBlank(r.cell('period')) ? null : parsePeriodCell(r.cell('period'), date1904);
    if (!span) {
      warnings.push(messages.decisionPeriod(r.where('period'), cleanText(r.cell('period'))));
      return 'rejected';
    }
    // Canonical comparison: a decision for 2026 is not one for 2026Q3.
    if (span.id !== period.id) return 'outOfPeriod';
    const subject = people.subjectOf(r, true, warnings);
    if (!subject) return 'rejected';
    const decision = decisionKind(r.cell('decision'));
    if (!decision) {
      warnings.push(messages.badDecision(r.where('decision'), cleanText(r.cell('decision'))));
      return 'rejected';
    }
    const key = subjectKey(subject);
    const earlier = last.get(key);
    if (earlier) warnings.push(messages.decisionReplaced(earlier.source, decisionSubjectText(subject), r.row));
    last.set(key, { subject, decision, reason: r.text('reason'), source: r.ref(null), applied: decision === 'exclude' });
    return 'used';
  });
  return { report: s?.report ?? null, verdicts: s?.verdicts ?? [], decisions: [...last.values()].sort((a, b) => a.source.row - b.source.row) };
}

/** The decisions by person key, and by department key, for applying them. */
export interface DecisionIndex {
  people: Map<string, Decision>;
  departments: Map<string, Decision>;
}

export function indexDecisions(decisions: readonly Decision[]): DecisionIndex {
  const index: DecisionIndex = { people: new Map(), departments: new Map() };
  for (const d of decisions) {
    if (d.subject.member) index.people.set(d.subject.member.key, d);
    else index.departments.set(normalizeKey(d.subject.department), d);
  }
  return index;
}

/** COMMITTEE: an exclude decision (不予表彰), with the decision row as its evidence. */
export function committeeVeto(decision: Decision | undefined): Veto | null {
  if (decision?.decision !== 'exclude') return null;
  return {
    code: 'COMMITTEE',
    reason: { zh: decision.reason || '评选小组决定不予表彰', en: decision.reason || 'the selection committee decided not to award' },
    evidence: [decision.source],
  };
}

/** What an award decision did (§12 step 3). */
export type AwardOutcome = 'resolved' | 'confirmed' | 'not_tied' | 'ineligible';

/**
 * Resolves the tie groups (§12 step 3), for people or departments alike: in a group with an
 * awarded member, the awarded ones win (more than the places allowed) and the others lose their
 * place, which stays empty; a group without one stays tied; nobody outside a tie group moves.
 * Returns the members made winners by a decision.
 */
export function resolveTies<T>(
  groups: readonly (readonly T[])[], awarded: (t: T) => boolean, win: (t: T) => void, lose: (t: T) => void,
): Set<T> {
  const decided = new Set<T>();
  for (const group of groups) {
    if (!group.some(awarded)) continue;
    for (const t of group) {
      if (awarded(t)) {
        win(t);
        decided.add(t);
      } else lose(t);
    }
  }
  return decided;
}

/** Marks an award decision applied or not; one not applied is warned at its row (§12 step 3). */
export function settleAward(decision: Decision, outcome: AwardOutcome, warnings: Problem[]): void {
  const who = decisionSubjectText(decision.subject);
  const where = { ...decision.source, column: null };
  decision.applied = outcome === 'resolved' || outcome === 'confirmed';
  if (outcome === 'not_tied') warnings.push(messages.decisionNotTied(where, who));
  else if (outcome === 'ineligible') warnings.push(messages.decisionIneligible(where, who));
}
