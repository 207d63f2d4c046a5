import { isLocated, type LocatedTable } from './layout';
import type { Problem } from './messages';
import type { StaffMember } from './people';
import type { SelectionResult } from './select';
import { cleanText, idText, normalizeKey, recordText } from './text';

/** Problems the office can settle by naming the person (人员指认). */
const ASSIGNABLE = new Set(['AMBIGUOUS_NAME', 'UNKNOWN_PERSON', 'ASSIGNED_PERSON']);

export interface AssignmentChoice {
  /** What the row says (the name, or the id when it has no name): an assignment is kept with it. */
  written: string;
  /** The whole row as text: the assignment applies to this record only. */
  record: string;
  /** Whom it can be: the staff of that name, else of the row's department, else everyone. */
  candidates: StaffMember[];
  /** The row's sheet when it is not the table's first (a table of several sheets, §11). */
  sheet?: string;
}

/**
 * Whom a row that names no one for sure can be assigned to, for the wizard's drop-down.
 *
 * @example assignmentChoice(result, ambiguousProblem, finesTable)?.candidates.map((m) => m.id) // => ['H0101', 'H0207']
 */
export function assignmentChoice(result: SelectionResult, p: Problem, located: LocatedTable): AssignmentChoice | null {
  if (!ASSIGNABLE.has(p.code) || p.table === null || p.row === null) return null;
  const found = located.sheets.find((s) => s.part.sheet === p.sheet) ?? located.sheets[0];
  if (!found || !isLocated(found)) return null;
  const { part } = found;
  const index = p.row - (part.firstRow ?? 1);
  // The record is the row as stored (what the reader compares); its person as laid out (merged cells filled).
  const row = part.grid[index] ?? [];
  const laidOut = found.at.grid[index] ?? [];
  const columns = found.at.header.columns;
  const at = (field: 'id' | 'name' | 'department') => (columns[field] === undefined ? null : laidOut[columns[field]]);
  const written = cleanText(at('name')) || idText(at('id'));
  if (written === '') return null;
  const members = result.people.map((x) => x.member);
  const byName = members.filter((m) => normalizeKey(m.name) === normalizeKey(written));
  const department = normalizeKey(at('department'));
  const byDepartment = department === '' ? [] : members.filter((m) => normalizeKey(m.department) === department);
  const candidates = byName.length > 0 ? byName : byDepartment.length > 0 ? byDepartment : members;
  return {
    written,
    record: recordText(row),
    ...(part === located.input ? {} : { sheet: part.sheet }),
    candidates: [...candidates].sort((a, b) => a.department.localeCompare(b.department, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
