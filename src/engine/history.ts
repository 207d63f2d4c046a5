import { isLocated, type LocatedTable } from './layout';
import { parsePeriodCell } from './period';
import type { SelectionResult } from './select';
import { noticeSheet, type ResultSheet, resultSheetName, resultSheets, type RunInfo, safeSheet } from './sheets';
import { STATUS_WORDS } from './labels';
import type { Cell, Lang } from './types';

const HISTORY_COLUMNS = [
  { zh: '期间', en: 'Period', field: 'period', width: 10 },
  { zh: '科室', en: 'Department', field: 'department', width: 14 },
  { zh: '工号', en: 'Id', field: 'id', width: 10 },
  { zh: '姓名', en: 'Name', field: 'name', width: 10 },
  { zh: '得分', en: 'Score', field: 'score', width: 8 },
  { zh: '状态', en: 'Status', field: 'status', width: 10 },
  { zh: '奖励（元）', en: 'Award (yuan)', field: 'award', width: 11 },
] as const;

/**
 * The history of winners (获奖记录) after this run: every earlier block kept as it was, this
 * period's block replaced by this run's winners and ties. One block per period (§6).
 */
export function historySheet(previous: LocatedTable | null, r: SelectionResult, lang: Lang): ResultSheet {
  const kept: Cell[][] = [];
  // The first sheet's rows as stored (its header as the reader found it): the sheet this one replaces.
  const first = previous?.sheets[0];
  if (previous && first && isLocated(first)) {
    const { columns, headerIndex } = first.at.header;
    for (const row of first.part.grid.slice(headerIndex + 1)) {
      const period = parsePeriodCell(row[columns.period ?? -1], previous.input.date1904 ?? false);
      if (period?.id === r.period.id) continue;
      const cells = HISTORY_COLUMNS.map((c) => {
        const index = columns[c.field];
        return index === undefined ? null : row[index] ?? null;
      });
      if (cells.some((c) => c !== null && c !== '')) kept.push(cells);
    }
  }
  const block = r.winners.filter((w) => w.person !== null).map((w) => [
    r.period.id, w.department, w.person?.member.id ?? null, w.person?.member.name ?? null, w.person?.score ?? null,
    STATUS_WORDS[w.status][lang], w.awardYuan,
  ]);
  return safeSheet({
    kind: 'history', name: resultSheetName('history', r.period.id, lang), title: null, printable: false,
    blocks: [{
      caption: null, total: null,
      columns: HISTORY_COLUMNS.map((c) => ({ header: c[lang], width: c.width, format: c.field === 'score' ? 'score' : c.field === 'award' ? 'money' : 'text' })),
      rows: [...kept, ...block],
    }],
  }, []);
}

/**
 * Every sheet a run writes, in order: the six result sheets of §8, the public notice (§13) and the
 * updated history of winners — one list for the command line, the task pane and the download.
 */
export function runSheets(previous: LocatedTable | null, r: SelectionResult, run: RunInfo, lang: Lang): ResultSheet[] {
  return [...resultSheets(r, run, lang), noticeSheet(r, lang), historySheet(previous, r, lang)];
}
