import type { HistoryEntry } from './records';
import type { PersonResult, WinnerRow } from './select';
import { normalizeKey } from './text';

export type PlaceStatus = 'winner' | 'tie';

/** One person whose place among the winners changed since the history's block for the period (§13). */
export interface Change {
  department: string;
  id: string;
  name: string;
  before: PlaceStatus | null;
  after: PlaceStatus | null;
}

/**
 * What changed (§13): the history's block for the run's period against the new winners and ties,
 * one entry per person whose status among them differs, departments in roster order then by id.
 * People are matched by id, else by name, as the year roll-up matches them.
 */
export function changesSince(
  block: readonly HistoryEntry[], winners: readonly WinnerRow[], people: readonly PersonResult[], departments: readonly string[],
): Change[] {
  if (block.length === 0) return [];
  const byKey = new Map<string, Change>();
  const memberOf = (e: HistoryEntry) => people.find((p) => (e.id !== '' && p.member.key === normalizeKey(e.id))
    || (e.id === '' && normalizeKey(p.member.name) === normalizeKey(e.name)));
  for (const e of block) {
    const p = memberOf(e);
    const key = p ? p.member.key : normalizeKey(e.id) || normalizeKey(e.name);
    byKey.set(key, { department: p?.member.department ?? e.department, id: p?.member.id ?? e.id, name: p?.member.name ?? e.name, before: e.status, after: null });
  }
  for (const w of winners) {
    if (!w.person || w.status === 'vacant') continue;
    const m = w.person.member;
    const change = byKey.get(m.key) ?? { department: m.department, id: m.id, name: m.name, before: null, after: null };
    change.after = w.status;
    byKey.set(m.key, change);
  }
  const order = new Map(departments.map((d, i) => [d, i]));
  return [...byKey.values()].filter((c) => c.before !== c.after).sort((a, b) =>
    (order.get(a.department) ?? departments.length) - (order.get(b.department) ?? departments.length) || a.id.localeCompare(b.id));
}
