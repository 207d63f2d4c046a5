import { Button, Link, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { assignmentChoice } from '../../../engine/assign';
import { FIELD_NAMES } from '../../../engine/headers';
import type { LocatedTable } from '../../../engine/layout';
import { tableMapping } from '../../../engine/mapping';
import { TABLE_NAMES, type Problem } from '../../../engine/messages';
import { groupLine, groupProblems } from '../../../engine/summary';
import { STRINGS } from '../../strings';
import { Note } from '../components';
import type { ViewProps } from '../props';
import { assignmentsOf } from '../state';

/** Problems about people (同名, not on the roster, name and id differ): the office resolves them by hand. */
export const PEOPLE_CODES = new Set(['AMBIGUOUS_NAME', 'UNKNOWN_PERSON', 'NAME_MISMATCH', 'ASSIGNED_PERSON']);
/** More candidates than this: the row is better fixed in the sheet than picked from a list. */
const MAX_CANDIDATES = 200;
/** Rows of a group offered as "select in the sheet" buttons. */
const ROW_BUTTONS = 8;
const LIST_LIMIT = 100;

/** Step 2: the row check, the problems grouped (people to name one by one), the column mapping. */
export function ColumnsView(props: ViewProps): ReactNode {
  const { state } = props;
  const s = STRINGS[state.lang];
  // The last outcome, also while the next one is computed (the busy line says so).
  const outcome = state.outcome;
  if (!outcome) return <Note>{s.stages['checking']}</Note>;
  const inputs = outcome.ok ? outcome.result.inputs : outcome.inputs;
  const warnings = outcome.ok ? outcome.result.warnings : outcome.warnings;
  const people = warnings.filter((w) => PEOPLE_CODES.has(w.code));
  // Rows left out first, with what that means; then rows counted as the engine read them, to check.
  const rows = warnings.filter((w) => w.row !== null && !PEOPLE_CODES.has(w.code));
  const notCounted = rows.filter((w) => w.notCounted);
  const counted = rows.filter((w) => !w.notCounted);
  const other = warnings.filter((w) => w.row === null && !PEOPLE_CODES.has(w.code));
  return (
    <>
      <Note id="checked-for">{s.checkedFor(state.period)}</Note>
      <h3 id="inputs-title">{s.inputs}</h3>
      <div id="inputs" className="scroll" tabIndex={0} role="region" aria-label={s.inputs}>
        <Table size="small" aria-label={s.inputs}>
          <TableHeader><TableRow>{s.inputHeaders.map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
          <TableBody>
            {inputs.map((i) => (
              <TableRow key={i.sheet}>
                {[i.sheet, i.rows, i.used, i.outOfPeriod, i.skippedBlank, i.rejected].map((c, k) => (
                  <TableCell key={k} className={k > 0 ? 'num' : 'short'}>{String(c)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {state.loadedFromWorkbook && (
        <>
          <Note id="select-hint">{s.selectHint}</Note>
          <Button id="reread" onClick={props.actions.readAgain}>{s.reread}</Button>
        </>
      )}
      <h3 id="rejected-title">{s.rejectedTitle}</h3>
      <GroupedList {...props} id="rejected" problems={notCounted} />
      <h3 id="people-title">{s.peopleTitle}</h3>
      <PeopleList {...props} problems={people} />
      <h3 id="counted-title">{s.countedTitle}</h3>
      <GroupedList {...props} id="counted" problems={counted} />
      <h3 id="other-title">{s.otherTitle}</h3>
      <GroupedList {...props} id="other" problems={other} />
      <h3 id="mapping-title">{s.mappingHead}</h3>
      <Mapping {...props} />
    </>
  );
}

/** Identical problems on many rows as one line, with their first rows as buttons that select the cell. */
function GroupedList({ state, actions, id, problems }: ViewProps & { id: string; problems: readonly Problem[] }): ReactNode {
  const s = STRINGS[state.lang];
  const groups = groupProblems(problems);
  if (groups.length === 0) return <ul id={id} className="problems"><li><span>{s.noProblems}</span></li></ul>;
  return (
    <ul id={id} className="problems">
      {groups.slice(0, LIST_LIMIT).map((g, k) => {
        const members = problems.filter((p) => p.code === g.code && p.sheet === g.sheet && p.column === g.column && p.detail.zh === g.detail.zh);
        const first = members[0];
        const single = members.length === 1 && first ? actions.selectAction(first) : null;
        // One consequence for the group when its rows share it (the same person), else how many are left out.
        const consequences = new Set(members.map((p) => p.notCounted?.[state.lang]).filter((c): c is string => c !== undefined));
        const [only] = consequences;
        const consequence = consequences.size === 0 ? null : consequences.size === 1 && only ? only : s.rowsNotCounted(members.length);
        return (
          <li key={k}>
            {single && first ? <Link as="button" onClick={single}>{first.message[state.lang]}</Link>
              : <span>{members.length === 1 && first ? first.message[state.lang] : groupLine(g, state.lang)}</span>}
            {consequence && <div className="consequence">{consequence}</div>}
            {members.length > 1 && (
              <span className="rows">
                {members.slice(0, ROW_BUTTONS).map((p) => {
                  const act = actions.selectAction(p);
                  return act && p.row !== null ? <Link key={p.row} as="button" aria-label={s.selectRow(p.row)} onClick={act}>{p.row}</Link> : null;
                })}
              </span>
            )}
          </li>
        );
      })}
      {groups.length > LIST_LIMIT && <li><span>{s.more(groups.length - LIST_LIMIT)}</span></li>}
    </ul>
  );
}

/** 人员指认: one item per row, each with the drop-down that names its person when the engine offers a choice. */
function PeopleList({ state, located, dispatch, actions, problems }: ViewProps & { problems: readonly Problem[] }): ReactNode {
  const s = STRINGS[state.lang];
  const result = state.outcome?.ok ? state.outcome.result : null;
  if (problems.length === 0) return <ul id="people" className="problems"><li><span>{s.noProblems}</span></li></ul>;
  return (
    <ul id="people" className="problems">
      {problems.slice(0, LIST_LIMIT).map((p, k) => {
        const act = actions.selectAction(p);
        const found = p.table ? located[p.table] : undefined;
        const choice = result && found ? assignmentChoice(result, p, found) : null;
        const table = p.table;
        const row = p.row;
        const usable = choice && choice.candidates.length <= MAX_CANDIDATES && table !== null && row !== null;
        // Shown as chosen only when the engine applied the assignment (it still holds for this record).
        const chosen = usable && p.code === 'ASSIGNED_PERSON' ? assignmentsOf(state, table).find((a) => a.row === row && a.sheet === choice.sheet)?.id ?? '' : '';
        return (
          <li key={k}>
            {act ? <Link as="button" onClick={act}>{p.message[state.lang]}</Link> : <span>{p.message[state.lang]}</span>}
            {p.notCounted && <div className="consequence">{p.notCounted[state.lang]}</div>}
            {usable && (
              <Select id={`assign-${table}-${row}`} aria-label={s.assignTo(choice.written)} value={chosen} size="small"
                onChange={(_, d) => {
                  const rest = assignmentsOf(state, table).filter((a) => a.row !== row || a.sheet !== choice.sheet);
                  const list = d.value === '' ? rest
                    : [...rest, { row, written: choice.written, record: choice.record, id: d.value, ...(choice.sheet ? { sheet: choice.sheet } : {}) }];
                  dispatch({ type: 'assign', table, assignments: list });
                }}>
                <option value="">{s.notAssigned}</option>
                {choice.candidates.map((m) => <option key={m.id} value={m.id}>{`${m.id} ${m.name} · ${m.department}`}</option>)}
              </Select>
            )}
          </li>
        );
      })}
      {problems.length > LIST_LIMIT && <li><span>{s.more(problems.length - LIST_LIMIT)}</span></li>}
    </ul>
  );
}

/** The columns read per table, changeable; a table whose columns were all found starts folded. */
function Mapping({ state, dispatch, located }: ViewProps): ReactNode {
  const s = STRINGS[state.lang];
  const lang = state.lang;
  const entries = (Object.values(located) as LocatedTable[]).map((t) => ({ table: t.table, input: t.input, mapping: tableMapping(t) }));
  const open = entries.filter((e) => e.mapping.missing.length > 0 || state.openMappings.includes(e.table)).map((e) => e.table);
  return (
    <div id="mapping">
      {entries.map(({ table, input, mapping }) => (
        <details key={table} data-table={table} open={open.includes(table)}
          onToggle={(e) => { if (e.currentTarget.open !== open.includes(table)) dispatch({ type: 'mappingOpen', table, open: e.currentTarget.open }); }}>
          <summary>{s.mappingTitle(TABLE_NAMES[table][lang], input.sheet, mapping.headerRow)}</summary>
            <Table size="small" className="mapping" aria-label={TABLE_NAMES[table][lang]}>
              <TableBody>
                {mapping.fields.map((f) => {
                  const need = f.need === 'required' ? s.needRequired : f.need === 'person' ? s.needPerson : '';
                  return (
                    <TableRow key={f.field} className={mapping.missing.includes(f.field) ? 'missing' : undefined}>
                      <TableCell>
                        <label htmlFor={`map-${table}-${f.field}`}>{f.name[lang]}</label>
                        {need && <div className="need">{need}</div>}
                      </TableCell>
                      <TableCell>
                        <Select id={`map-${table}-${f.field}`} data-field={f.field} value={f.column?.letter ?? ''} size="small"
                          onChange={(_, d) => dispatch({ type: 'column', table, field: f.field, letter: d.value })}>
                          <option value="">{s.none}</option>
                          {mapping.options.map((o) => <option key={o.letter} value={o.letter}>{`${o.letter} · ${o.header}`}</option>)}
                        </Select>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {mapping.missing.length > 0 && (
              <p className="message">{s.missing(mapping.missing.map((m) => FIELD_NAMES[m][lang]).join(lang === 'zh' ? '、' : ', '))}</p>
            )}
        </details>
      ))}
    </div>
  );
}
