import {
  committeeVeto, type Decision, type DecisionIndex, indexDecisions, readDecisions, resolveTies, settleAward,
} from './decisions';
import { type Change, changesSince } from './changes';
import { type Deduction, deductions as deductionRows, type SubjectRecords } from './deductions';
import { messages, type Problem } from './messages';
import { roundHalfAway } from './numbers';
import type { Roster, StaffMember } from './people';
import { parsePeriod, yearToDate, type Period } from './period';
import { allocatePlaces, compareCandidates, denseRank, equalOnEveryKey, type RankKeys } from './places';
import {
  readFines, readHistory, readInspections, readPraise, readRecommendations, readSatisfaction, readStaff,
} from './read';
import type { FineRecord, PastWin, PraiseRecord, SatisfactionRecord, Subject, TableReport, Violation } from './records';
import { type Publicity, publicityOf } from './publicity';
import { resolveScheme, type Scheme } from './scheme';
import { evaluationRate, pooledSatisfaction } from './satisfaction';
import { pointsByKind, inspectionScore, praiseBonus, score as scoreOf } from './score';
import { locateTables, type LocatedTables } from './layout';
import { normalizeKey } from './text';
import type { TableInput, TableKey } from './types';
import {
  annualLimitVeto, complaintVeto, evaluationRateVeto, inactiveVeto, rawPoints, satisfactionVeto, tenureVeto, type Veto,
} from './vetoes';

export type PersonStatus = 'winner' | 'tie' | 'candidate' | 'vetoed' | 'not_recommended' | 'inactive';

/** Everything computed for one staff member, with the rows behind it (for explanations). */
export interface PersonResult {
  member: StaffMember;
  violations: Violation[];
  onsitePoints: number;
  offsitePoints: number;
  praise: PraiseRecord[];
  praiseBonus: number;
  inspectionScore: number;
  satisfaction: number | null;
  satisfactionRows: SatisfactionRecord[];
  evaluationRate: number | null;
  fines: FineRecord[];
  yearToDatePoints: number;
  score: number;
  vetoes: Veto[];
  /** Null when recommendations do not apply in this run. */
  recommended: boolean | null;
  status: PersonStatus;
  /** Dense rank of the score within the department (中国式排名). */
  rankInDepartment: number;
  /** Stars in the year, this period's included (年度累计). */
  starsThisYear: number;
  /** 年度优先推荐: at least annualPriorityWins stars in the year. */
  priority: boolean;
  /** The committee's decision that counted for this person, applied or not (§12). */
  decision: Decision | null;
}

export type WinnerStatus = 'winner' | 'tie' | 'vacant';

export interface WinnerRow {
  department: string;
  person: PersonResult | null;
  status: WinnerStatus;
  awardYuan: number;
  /** A winner made by the committee's award decision (§12). */
  decided: boolean;
}

export type DepartmentStatus = 'winner' | 'tie' | 'ranked' | 'vetoed';

export interface DepartmentResult {
  department: string;
  /** Mean of the rounded scores of active members, rounded; null without active members. */
  score: number | null;
  vetoed: boolean;
  vetoes: Veto[];
  status: DepartmentStatus;
  awardYuan: number;
  members: number;
  activeMembers: number;
  /** The committee's decision that counted for this department, applied or not (§12). */
  decision: Decision | null;
}

export interface SelectionResult {
  period: Period;
  scheme: Scheme;
  people: PersonResult[];
  winners: WinnerRow[];
  departments: DepartmentResult[];
  departmentAwardsGiven: boolean;
  deductions: Deduction[];
  inputs: TableReport[];
  warnings: Problem[];
  /** Whether recommendations limited the candidates. */
  recommendationsApply: boolean;
  /** The committee's decisions that counted, in reading order, each marked applied or not (§12). */
  decisions: Decision[];
  /** The public notice's dates (§13). */
  publicity: Publicity;
  /** Places that changed since the history's block for this period (§13). */
  changes: Change[];
  /**
   * The people tied for each contested place as §6 leaves them, before the committee's awards: one
   * group per place, for the committee to see side by side (§12); a group's members may be settled since.
   */
  tieGroups: PersonResult[][];
  /** The departments tied for the last department award place, before the committee's awards (empty: none). */
  departmentTies: DepartmentResult[];
}

export interface SelectionInput {
  /** Any form of §2, or a parsed period. */
  period: string | Period;
  /** A preset id (§7); the default scheme when omitted. */
  scheme?: string;
  /** Parameter overrides (any parameter of the scheme). */
  overrides?: Readonly<Record<string, unknown>>;
  tables: Partial<Record<TableKey, TableInput>>;
}

export type SelectionOutcome =
  | { ok: true; result: SelectionResult }
  | { ok: false; errors: Problem[]; warnings: Problem[]; inputs: TableReport[] };

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Records grouped by a numbered slot (a member's or a department's place), in reading order. An
 * array slot a record, where a map keyed by text hashes a string for each of a large table's rows;
 * counted first, so each list is made at its size (a list grown by push starts at 17 slots, and a
 * person has a few records).
 */
function groupInto<T>(items: readonly T[], slotOf: (t: T) => number | undefined, slots: number): readonly (T[] | undefined)[] {
  const counts = new Uint32Array(slots);
  for (const item of items) {
    const slot = slotOf(item);
    if (slot !== undefined) counts[slot] = (counts[slot] as number) + 1;
  }
  const groups = new Array<T[] | undefined>(slots);
  const filled = new Uint32Array(slots);
  for (const item of items) {
    const slot = slotOf(item);
    if (slot === undefined) continue;
    const list = (groups[slot] ??= new Array<T>(counts[slot] as number));
    list[(filled[slot] as number)++] = item;
  }
  return groups;
}

/** Records of staff members grouped by member (StaffMember.index). */
function byMember<T extends { member: StaffMember }>(items: readonly T[], members: number): readonly (T[] | undefined)[] {
  return groupInto(items, (item) => item.member.index, members);
}

/**
 * Records grouped by subject: a person's in the member's slot (StaffMember.index), a department's
 * own (科室记录) after the members', in its department's slot.
 */
function bySubject<T extends { subject: Subject }>(items: readonly T[], roster: Roster, departmentIndex: ReadonlyMap<string, number>): readonly (T[] | undefined)[] {
  const members = roster.members.length;
  return groupInto(items, ({ subject }) => {
    if (subject.member) return subject.member.index;
    const d = departmentIndex.get(subject.department);
    return d === undefined ? undefined : members + d;
  }, members + roster.departments.length);
}

function keysOf(p: PersonResult): RankKeys {
  return { score: p.score, violations: p.violations.length, praise: p.praise.length, satisfaction: p.satisfaction };
}

/**
 * Runs a selection (评选): reads the tables, scores every person, applies the vetoes, works out
 * the deductions, the winners and the department awards. Bad input is reported, never thrown.
 * A front end that has located the tables already (for its column mapping, problem addresses or
 * the history sheet) hands them over, so each is located once.
 */
export function runSelection(input: SelectionInput, located: LocatedTables = locateTables(input.tables)): SelectionOutcome {
  const warnings: Problem[] = Object.values(input.tables)
    .flatMap((t) => (t ? [t, ...t.moreSheets ?? []] : []).flatMap((s) => s.readWarnings ?? []));
  const errors: Problem[] = [];
  const period = typeof input.period === 'string' ? parsePeriod(input.period) : input.period;
  if (!period) errors.push(messages.badPeriod(String(input.period)));
  const { scheme, problems } = resolveScheme(input.scheme, input.overrides);
  errors.push(...problems);
  const staffInput = located.staff;
  if (!staffInput) errors.push(messages.missingTable('staff'));
  if (!period || !scheme || !staffInput) return { ok: false, errors, warnings, inputs: [] };
  const parameters = scheme.parameters;

  const staff = readStaff(staffInput, warnings);
  errors.push(...staff.errors);
  const roster = staff.roster;
  const inputs: TableReport[] = staff.report ? [staff.report] : [];
  const ytd = yearToDate(period);
  const t = located;
  const inspections = t.inspections ? readInspections(t.inspections, roster, period, ytd.first, parameters, warnings, errors) : null;
  const fines = t.fines ? readFines(t.fines, roster, period, parameters, warnings, errors) : null;
  const praise = t.praise ? readPraise(t.praise, roster, period, parameters, warnings, errors) : null;
  const satisfaction = t.satisfaction ? readSatisfaction(t.satisfaction, roster, period, warnings, errors) : null;
  const recommendations = t.recommendations ? readRecommendations(t.recommendations, roster, period, warnings, errors) : null;
  const decisionsRead = t.decisions ? readDecisions(t.decisions, roster, period, warnings, errors) : null;
  const history = t.history ? readHistory(t.history, period, warnings, errors) : null;
  for (const read of [inspections, fines, praise, satisfaction, recommendations, decisionsRead, history]) {
    if (read?.report) inputs.push(read.report);
  }
  if (errors.length > 0) return { ok: false, errors, warnings, inputs };

  const violations = inspections?.violations ?? [];
  const fineRows = fines?.fines ?? [];
  const count = roster.members.length;
  const departmentIndex = new Map(roster.departments.map((d, i) => [d, i]));
  const violationsOf = bySubject(violations, roster, departmentIndex);
  const ytdOf = bySubject(inspections?.yearToDate ?? [], roster, departmentIndex);
  const finesOf = bySubject(fineRows, roster, departmentIndex);
  const praiseOf = byMember(praise?.praise ?? [], count);
  const satisfactionOf = byMember(satisfaction?.satisfaction ?? [], count);
  const recommended = new Set((recommendations?.recommendations ?? []).map((r) => r.member.key));
  const recommendationsApply = parameters.candidates === 'recommended'
    || (parameters.candidates === 'auto' && (recommendations?.recommendations.length ?? 0) > 0);
  const pastWins = groupBy(history?.wins ?? [], (w) => w.personKey);
  const decisions = decisionsRead?.decisions ?? [];
  const decided = indexDecisions(decisions);

  const people: PersonResult[] = roster.members.map((member) => {
    const own = violationsOf[member.index] ?? [];
    const points = pointsByKind(own);
    const praiseRows = praiseOf[member.index] ?? [];
    const satisfactionRows = satisfactionOf[member.index] ?? [];
    const sat = pooledSatisfaction(satisfactionRows);
    const evalRate = evaluationRate(satisfactionRows);
    const ownFines = finesOf[member.index] ?? [];
    const ownYtd = ytdOf[member.index] ?? [];
    const vetoes = [
      complaintVeto(ownFines),
      annualLimitVeto(ownYtd, parameters.annualPointLimit),
      satisfactionVeto(sat, satisfactionRows, parameters.minSatisfaction),
      evaluationRateVeto(evalRate, satisfactionRows, parameters.minEvaluationRate),
      inactiveVeto(member),
      tenureVeto(member, period, parameters),
      committeeVeto(decided.people.get(member.key)),
    ].filter((v): v is Veto => v !== null);
    if (parameters.minTenureYears > 0 && member.windowSince === null) {
      warnings.push(messages.tenureUnknown({ table: 'staff', sheet: member.sheet, row: member.row }));
    }
    const isRecommended = recommendationsApply ? recommended.has(member.key) : null;
    const status: PersonStatus = !member.active ? 'inactive' : vetoes.length > 0 ? 'vetoed'
      : isRecommended === false ? 'not_recommended' : 'candidate';
    return {
      member, violations: own, onsitePoints: roundHalfAway(points.onsite, 2), offsitePoints: roundHalfAway(points.offsite, 2),
      praise: praiseRows, praiseBonus: praiseBonus(praiseRows, parameters), inspectionScore: inspectionScore(points, parameters),
      satisfaction: sat, satisfactionRows, evaluationRate: evalRate, fines: ownFines, yearToDatePoints: rawPoints(ownYtd),
      score: scoreOf(points, praiseRows, parameters), vetoes, recommended: isRecommended, status,
      rankInDepartment: 0, starsThisYear: 0, priority: false, decision: decided.people.get(member.key) ?? null,
    };
  });

  // Each department's people in roster order, grouped once for ranks, department awards and deductions.
  const memberDepartment = roster.members.map((m) => departmentIndex.get(m.department));
  const peopleOf = groupInto(people, (p) => memberDepartment[p.member.index], roster.departments.length);
  for (const members of peopleOf) {
    if (!members) continue;
    const ranks = denseRank(members.map((p) => p.score));
    members.forEach((p, i) => { p.rankInDepartment = ranks[i] as number; });
  }

  const places = chooseWinners(people, roster.departments, scheme);
  const winners = awardTies(places, people, scheme, warnings);
  for (const p of people) {
    p.starsThisYear = pastStars(pastWins, p.member) + (p.status === 'winner' ? 1 : 0);
    p.priority = p.status === 'winner' && p.starsThisYear >= parameters.annualPriorityWins;
  }

  const departmentAwardsGiven = parameters.departmentAwards > 0
    && (parameters.departmentAwardPeriods === null || parameters.departmentAwardPeriods.includes(period.kind));
  const { results: departments, ties: departmentTies } = rankDepartments(peopleOf, roster.departments, departmentIndex, memberDepartment, inspections?.yearToDate ?? [], fineRows, scheme, departmentAwardsGiven, decided, warnings);
  const deductions = deductionRows(deductionSubjects(roster, peopleOf, violationsOf, finesOf), parameters);

  return {
    ok: true,
    result: { period, scheme, people, winners, departments, departmentAwardsGiven, deductions, inputs, warnings, recommendationsApply, decisions,
      publicity: publicityOf(parameters), changes: changesSince(history?.block ?? [], winners, people, roster.departments),
      tieGroups: places.tieGroups, departmentTies,
    },
  };
}

/** The distinct earlier periods of the year a person won, found by id or by name (people who left still count). */
function pastStars(pastWins: ReadonlyMap<string, PastWin[]>, member: StaffMember): number {
  const byId = pastWins.get(member.key);
  const nameKey = normalizeKey(member.name);
  const byName = nameKey === member.key ? undefined : pastWins.get(nameKey);
  // Most people won nothing this year: no set is made for them.
  if (!byId && !byName) return 0;
  return new Set([...byId ?? [], ...byName ?? []].map((w) => w.periodId)).size;
}

/**
 * Whose deductions, in the roster's order (§5): department by department as they first appear,
 * each department's people in roster order, then the department's own records (科室记录).
 */
function deductionSubjects(
  roster: Roster, peopleOf: readonly (PersonResult[] | undefined)[],
  violationsOf: readonly (Violation[] | undefined)[], finesOf: readonly (FineRecord[] | undefined)[],
): SubjectRecords[] {
  const members = roster.members.length;
  const subjects: SubjectRecords[] = [];
  roster.departments.forEach((department, d) => {
    for (const { member } of peopleOf[d] ?? []) {
      const own = violationsOf[member.index];
      const ownFinesRows = finesOf[member.index];
      if (own || ownFinesRows) subjects.push({ member, department: member.department, violations: own ?? [], fines: ownFinesRows ?? [] });
    }
    const v = violationsOf[members + d];
    const f = finesOf[members + d];
    if (v || f) subjects.push({ member: null, department, violations: v ?? [], fines: f ?? [] });
  });
  return subjects;
}

interface Places {
  rows: WinnerRow[];
  /** The people tied for each contested place, one group per place (§6), for the committee (§12). */
  tieGroups: PersonResult[][];
}

/** Winners per department, then top-N places over the rest (§6). Sets each person's status. */
function chooseWinners(people: PersonResult[], departments: readonly string[], scheme: Scheme): Places {
  const parameters = scheme.parameters;
  // Each candidate's keys built once and sorted beside it: a comparison reads them, not a map.
  const ranked = people.filter((p) => p.status === 'candidate').map((p) => ({ p, keys: keysOf(p) }))
    .sort((a, b) => compareCandidates(a.keys, b.keys));
  const keys = new Map(ranked.map((r) => [r.p, r.keys]));
  const keyOf = (p: PersonResult) => keys.get(p) as RankKeys;
  const candidates = ranked.map((r) => r.p);
  const equal = (a: PersonResult, b: PersonResult) => equalOnEveryKey(keyOf(a), keyOf(b));
  const rows: WinnerRow[] = [];
  const tieGroups: PersonResult[][] = [];
  const allocate = (places: Iterable<[PersonResult, 'winner' | 'tie']>) => {
    const tied: PersonResult[] = [];
    for (const [p, status] of places) {
      p.status = status;
      if (status === 'tie') tied.push(p);
      rows.push({ department: p.member.department, person: p, status, awardYuan: status === 'winner' ? parameters.starAwardYuan : 0, decided: false });
    }
    if (tied.length > 0) tieGroups.push(tied);
  };
  if (parameters.winnersPerDepartment > 0) {
    // Grouped once: a filter per department costs staff × departments (80 million steps for a city).
    const byDepartment = groupBy(candidates, (p) => p.member.department);
    for (const department of departments) {
      const own = byDepartment.get(department) ?? [];
      if (own.length === 0) {
        rows.push({ department, person: null, status: 'vacant', awardYuan: 0, decided: false });
        continue;
      }
      allocate(allocatePlaces(own, parameters.winnersPerDepartment, equal));
    }
  }
  if (parameters.topN !== null && parameters.topN > 0) {
    const rest = candidates.filter((p) => p.status === 'candidate');
    const places = allocatePlaces(rest, parameters.topN, equal, (p) => normalizeKey(p.member.department), parameters.maxPerDepartment);
    allocate(places);
  }
  const order = new Map(departments.map((d, i) => [d, i]));
  rows.sort((a, b) => (order.get(a.department) ?? 0) - (order.get(b.department) ?? 0)
    || (b.person?.score ?? -Infinity) - (a.person?.score ?? -Infinity));
  return { rows, tieGroups };
}

/**
 * The committee's awards on people (§12 step 3): a tie group with an awarded member is resolved
 * (the others become candidates, their rows go); every award is then marked applied or not.
 */
function awardTies(places: Places, people: readonly PersonResult[], scheme: Scheme, warnings: Problem[]): WinnerRow[] {
  const rowOf = new Map(places.rows.map((r) => [r.person, r]));
  const gone = new Set<WinnerRow>();
  const decided = resolveTies(places.tieGroups, (p) => p.decision?.decision === 'award', (p) => {
    p.status = 'winner';
    Object.assign(rowOf.get(p) as WinnerRow, { status: 'winner', awardYuan: scheme.parameters.starAwardYuan, decided: true });
  }, (p) => {
    p.status = 'candidate';
    gone.add(rowOf.get(p) as WinnerRow);
  });
  for (const p of people) {
    if (p.decision?.decision !== 'award') continue;
    settleAward(p.decision, decided.has(p) ? 'resolved' : p.status === 'winner' ? 'confirmed'
      : p.status === 'candidate' ? 'not_tied' : 'ineligible', warnings);
  }
  return places.rows.filter((r) => !gone.has(r));
}

/**
 * Records grouped by department (its place in `departments`), in reading order: a person's by the
 * department of the member's place in the roster, a department's own by its name — a map lookup
 * only for the few department records, not for each of a large table's rows.
 */
function byDepartment<T extends { subject: Subject }>(
  items: readonly T[], departments: ReadonlyMap<string, number>, memberDepartment: readonly (number | undefined)[],
): readonly (T[] | undefined)[] {
  return groupInto(items, ({ subject }) => (subject.member ? memberDepartment[subject.member.index] : departments.get(subject.department)), departments.size);
}

/** Department scores, vetoes and awards (文明窗口 / 优质服务窗口, §6, §10). */
function rankDepartments(
  peopleOf: readonly (PersonResult[] | undefined)[], departments: readonly string[], departmentIndex: ReadonlyMap<string, number>,
  memberDepartment: readonly (number | undefined)[], yearToDate: readonly Violation[],
  fines: readonly FineRecord[], scheme: Scheme, awardsGiven: boolean, decided: DecisionIndex, warnings: Problem[],
): { results: DepartmentResult[]; ties: DepartmentResult[] } {
  const parameters = scheme.parameters;
  const finesOf = byDepartment(fines, departmentIndex, memberDepartment);
  const ytdOf = byDepartment(yearToDate, departmentIndex, memberDepartment);
  const results: DepartmentResult[] = departments.map((department, d) => {
    const members = peopleOf[d] ?? [];
    const active = members.filter((p) => p.member.active);
    const score = active.length === 0 ? null : roundHalfAway(active.reduce((s, p) => s + p.score, 0) / active.length, 2);
    const satisfactionRows = members.flatMap((p) => p.satisfactionRows);
    const vetoes = [
      complaintVeto(finesOf[d] ?? []),
      satisfactionVeto(pooledSatisfaction(satisfactionRows), satisfactionRows, parameters.minDepartmentSatisfaction),
      annualLimitVeto(ytdOf[d] ?? [], parameters.departmentAnnualPointLimit),
      committeeVeto(decided.departments.get(normalizeKey(department))),
    ].filter((v): v is Veto => v !== null);
    return {
      department, score, vetoed: vetoes.length > 0, vetoes, status: vetoes.length > 0 ? 'vetoed' : 'ranked',
      awardYuan: 0, members: members.length, activeMembers: active.length,
      decision: decided.departments.get(normalizeKey(department)) ?? null,
    };
  });
  if (awardsGiven) {
    const eligible = results.filter((d) => !d.vetoed && d.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
    for (const [d, status] of allocatePlaces(eligible, parameters.departmentAwards, (a, b) => a.score === b.score)) {
      d.status = status;
      d.awardYuan = status === 'winner' ? parameters.windowAwardYuan : 0;
    }
  }
  // The committee's awards on departments, as on people; a tied department not awarded is ranked.
  const ties = results.filter((d) => d.status === 'tie');
  const resolved = resolveTies([ties], (d) => d.decision?.decision === 'award', (d) => {
    d.status = 'winner';
    d.awardYuan = parameters.windowAwardYuan;
  }, (d) => { d.status = 'ranked'; });
  for (const d of results) {
    if (d.decision?.decision !== 'award') continue;
    settleAward(d.decision, resolved.has(d) ? 'resolved' : d.status === 'winner' ? 'confirmed'
      : d.status === 'vetoed' ? 'ineligible' : 'not_tied', warnings);
  }
  return { results, ties };
}

