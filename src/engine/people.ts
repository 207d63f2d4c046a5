import type { Day } from './dates';
import { normalizeKey } from './text';

/** One row of the staff roster (人员名单). */
export interface StaffMember {
  /** The id as written (ids are text in the output). */
  id: string;
  /** The id's comparison key. */
  key: string;
  name: string;
  department: string;
  post: string;
  active: boolean;
  windowSince: Day | null;
  sheet: string;
  row: number;
  /** Its place in the roster: a large table's records are grouped by it in an array, not by a key in a map. */
  index: number;
}

/** The roster with its lookups; departments in the order they first appear, each spelled as it first does. */
export interface Roster {
  members: StaffMember[];
  byId: Map<string, StaffMember>;
  byName: Map<string, StaffMember[]>;
  departments: string[];
  departmentByKey: Map<string, string>;
}

export function buildRoster(members: StaffMember[]): Roster {
  const byId = new Map<string, StaffMember>();
  const byName = new Map<string, StaffMember[]>();
  const departments: string[] = [];
  const departmentByKey = new Map<string, string>();
  for (const m of members) {
    byId.set(m.key, m);
    const nameKey = normalizeKey(m.name);
    const same = byName.get(nameKey);
    if (same) same.push(m);
    else byName.set(nameKey, [m]);
    const dk = normalizeKey(m.department);
    const spelled = departmentByKey.get(dk);
    if (spelled === undefined) {
      departmentByKey.set(dk, m.department);
      departments.push(m.department);
    } else m.department = spelled;
  }
  return { members, byId, byName, departments, departmentByKey };
}

const ACTIVE_WORDS = new Set(['在岗', '是', 'y', 'yes', 'true', '1', '在职', '正常']);
const INACTIVE_WORDS = new Set(['离岗', '离职', '调离', '否', 'n', 'no', 'false', '0', '退休', '停岗']);

/**
 * Whether a staff member is active (在岗). Blank means active; words that are neither list count
 * as active too, since the roster is of window staff.
 *
 * @example isActive('调离') // => false
 */
export function isActive(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const key = normalizeKey(value);
  if (key === '' || ACTIVE_WORDS.has(key)) return true;
  return !INACTIVE_WORDS.has(key);
}

/** Whom a record is about, as written on it. */
export interface PersonRef {
  id: string;
  name: string;
  department: string;
}

export type PersonMatch =
  | { kind: 'person'; member: StaffMember; mismatch: boolean }
  | { kind: 'department'; department: string }
  | { kind: 'unknownPerson' }
  | { kind: 'ambiguous'; candidates: StaffMember[] }
  | { kind: 'unknownDepartment' }
  | { kind: 'none' };

function byName(roster: Roster, ref: PersonRef): PersonMatch {
  const same = roster.byName.get(normalizeKey(ref.name)) ?? [];
  if (same.length === 1) return { kind: 'person', member: same[0] as StaffMember, mismatch: false };
  if (same.length === 0) return { kind: 'unknownPerson' };
  const dk = normalizeKey(ref.department);
  const inDepartment = dk === '' ? [] : same.filter((m) => normalizeKey(m.department) === dk);
  if (inDepartment.length === 1) return { kind: 'person', member: inDepartment[0] as StaffMember, mismatch: false };
  return { kind: 'ambiguous', candidates: same };
}

/**
 * Finds the staff member a record names (§1): by id first; an id not on the roster falls back to
 * the name; same-name staff are told apart by the record's department. A record with only a
 * department is a department record.
 */
export function matchPerson(roster: Roster, ref: PersonRef): PersonMatch {
  const idKey = normalizeKey(ref.id);
  const nameKey = normalizeKey(ref.name);
  if (idKey !== '') {
    const member = roster.byId.get(idKey);
    if (member) return { kind: 'person', member, mismatch: nameKey !== '' && nameKey !== normalizeKey(member.name) };
    return nameKey === '' ? { kind: 'unknownPerson' } : byName(roster, ref);
  }
  if (nameKey !== '') return byName(roster, ref);
  const dk = normalizeKey(ref.department);
  if (dk === '') return { kind: 'none' };
  const department = roster.departmentByKey.get(dk);
  return department === undefined ? { kind: 'unknownDepartment' } : { kind: 'department', department };
}
