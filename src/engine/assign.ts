import { findHeader } from './headers';
import type { Problem } from './messages';
import type { StaffMember } from './people';
import type { SelectionResult } from './select';
import { cleanText, idText, normalizeKey, recordText } from './text';
import type { TableInput } from './types';

/** Problems the office can settle by naming the person (人员指认). */
const ASSIGNABLE = new Set(['AMBIGUOUS_NAME', 'UNKNOWN_PERSON', 'ASSIGNED_PERSON']);

export interface AssignmentChoice {
  /** What the row says (the name, or the id when it has no name): an assignment is kept with it. */
  written: string;
  /** The whole row as text: the assignment applies to this record only. */
  record: string;
  /** Whom it can be: the staff of that name, else of the row's department, else everyone. */
  candidates: StaffMember[];
}

/**
 * Whom a row that names no one for sure can be assigned to, for the wizard's drop-down.
 *
 * @example assignmentChoice(result, ambiguousProblem, finesTable)?.candidates.map((m) => m.id) // => ['H0101', 'H0207']
 */
export function assignmentChoice(result: SelectionResult, p: Problem, input: TableInput): AssignmentChoice | null {
  if (!ASSIGNABLE.has(p.code) || p.table === null || p.row === null) return null;
  const header = findHeader(p.table, input.grid, input.columns, input.firstColumn ?? 1);
  if (!('columns' in header)) return null;
  const row = input.grid[p.row - (input.firstRow ?? 1)] ?? [];
  const at = (field: 'id' | 'name' | 'department') => (header.columns[field] === undefined ? null : row[header.columns[field]]);
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
    candidates: [...candidates].sort((a, b) => a.department.localeCompare(b.department, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
