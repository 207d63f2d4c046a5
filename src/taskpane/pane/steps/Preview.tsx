import { CounterBadge, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { Fragment, useMemo, useRef, type ReactNode } from 'react';
import { explanationLines } from '../../../engine/explain';
import { awardTable, resultSheets, type ResultSheetKind } from '../../../engine/sheets';
import { summaryLine } from '../../../engine/summary';
import { STRINGS } from '../../strings';
import { BlockTable, Note, SearchBox, useSearch } from '../components';
import type { ViewProps } from '../props';
import { resultOf } from '../state';
import { Changes, ExcludeForm, PendingDecisions, TieCards } from './Committee';

/** One collator for the whole sort: localeCompare with a locale builds one per call (seconds for 3,000 people). */
const ZH = new Intl.Collator('zh-CN');
/** Rows of a long table shown in the pane; the result sheet has them all. */
const SHOWN_ROWS = 50;
/** People offered in the explanation's list at once (a search narrows a large office). */
const SHOWN_PEOPLE = 300;

/**
 * Step 4: the answer first (one summary line), the committee's ties and the decisions recorded, what
 * changed since the last list of the period, then the award table, winners, vetoes, deductions,
 * departments, anyone's explanation (where the committee can strike the person).
 */
export function PreviewView({ state, dispatch }: ViewProps): ReactNode {
  const s = STRINGS[state.lang];
  const lang = state.lang;
  const r = resultOf(state);
  const personRef = useRef<HTMLSelectElement>(null);
  const sheets = useMemo(() => (r ? resultSheets(r, { when: '', tool: '', fingerprint: '' }, lang) : []), [r, lang]);
  const awards = useMemo(() => (r ? awardTable(r, lang) : null), [r, lang]);
  const order = useMemo(() => (r ? r.people.map((p, i) => ({ p, i }))
    .sort((a, b) => ZH.compare(a.p.member.department, b.p.member.department) || ZH.compare(a.p.member.name, b.p.member.name)) : []), [r]);
  const search = useSearch(order, ({ p }) => `${p.member.name} ${p.member.id} ${p.member.department}`);
  if (!r || !awards) return <Note>{s.stages['computing']}</Note>;
  const sheet = (kind: ResultSheetKind) => sheets.find((sh) => sh.kind === kind);
  const isTie = (row: number) => r.winners[row]?.status === 'tie';
  const explainWinner = (row: number) => {
    const person = r.winners[row]?.person;
    if (!person) return;
    dispatch({ type: 'explain', index: r.people.indexOf(person) });
    personRef.current?.focus();
  };
  const vetoes = sheet('vetoes')?.blocks[0];
  const deductions = sheet('deductions')?.blocks[0];
  const side = sheet('results')?.side;
  const winners = sheet('winners');
  const vetoed = r.people.filter((p) => p.status === 'vetoed').length;
  const explained = state.explained === null ? undefined : r.people[state.explained];
  const listed = search.matches.slice(0, SHOWN_PEOPLE);
  if (explained && !listed.some(({ p }) => p === explained) && state.explained !== null) listed.unshift({ p: explained, i: state.explained });
  const long = { limit: SHOWN_ROWS, firstRows: s.firstRows };
  return (
    <div id="results">
      <MessageBar intent={r.winners.some((w) => w.status === 'tie') ? 'warning' : 'success'} id="summary">
        <MessageBarBody>{summaryLine(r)[lang]}</MessageBarBody>
      </MessageBar>
      <TieCards state={state} dispatch={dispatch} r={r} />
      <PendingDecisions state={state} dispatch={dispatch} />
      <Changes r={r} lang={lang} />
      <h3 id="award-title">{awards.title ?? ''}</h3>
      <div id="awards">
        {awards.blocks.map((b, i) => (
          <Fragment key={i}>
            {b.caption && <h4>{b.caption}</h4>}
            <BlockTable block={b} label={b.caption ?? awards.title ?? ''}
              options={i === 0 ? { ...long, onRow: explainWinner, isTie, badgeColumn: b.columns.length - 1 } : long} />
          </Fragment>
        ))}
      </div>
        <details open>
          <summary>{s.winnersTitle}</summary>
          
            {r.winners.some((w) => w.status === 'tie') && <Note id="tie-note">{s.tieNote}</Note>}
            <div id="winners">
              {(winners?.blocks ?? []).map((b, i) => <BlockTable key={i} block={b} label={s.winnersTitle} options={{ ...long, onRow: explainWinner, isTie, badgeColumn: 4 }} />)}
            </div>
          
        </details>
        <details open>
          <summary>{s.vetoesTitle} <CounterBadge count={vetoed} showZero color="danger" size="small" aria-label={s.vetoCount(vetoed)} /></summary>
          
            <div id="vetoes">{vetoes && vetoes.rows.length > 0 ? <BlockTable block={vetoes} label={s.vetoesTitle} options={long} /> : <Note>{s.nothing}</Note>}</div>
          
        </details>
        <details>
          <summary>{s.deductionsTitle}</summary>
          
            <div id="deductions">{deductions && deductions.rows.length > 0 ? <BlockTable block={deductions} label={s.deductionsTitle} options={long} /> : <Note>{s.nothing}</Note>}</div>
          
        </details>
        <details>
          <summary>{s.departmentsTitle}</summary>
          <div id="departments">{side && <BlockTable block={side.block} label={s.departmentsTitle} />}</div>
        </details>
        <details open>
          <summary>{s.explainTitle}</summary>
          
            {order.length > SHOWN_PEOPLE && <SearchBox label={s.search} query={search.query} setQuery={search.setQuery} />}
            <label htmlFor="person" className="field-label">{s.explainPick}</label>
            <Select id="person" ref={personRef} value={state.explained === null ? '' : String(state.explained)}
              onChange={(_, d) => dispatch({ type: 'explain', index: d.value === '' ? null : Number(d.value) })}>
              <option value="" />
              {listed.map(({ p, i }) => <option key={i} value={String(i)}>{`${p.member.department} · ${p.member.name} (${p.member.id})`}</option>)}
            </Select>
            {listed.length === 0 && <Note>{s.noMatch}</Note>}
            <Note id="explain-hint">{s.explainHint}</Note>
            <pre className="explanation" id="explanation">{explained ? explanationLines(explained, r, lang).join('\n') : ''}</pre>
            {explained && <ExcludeForm key={explained.member.key} state={state} dispatch={dispatch} r={r} person={explained} />}
          
        </details>
        <details>
          <summary id="warnings-title">{s.warnings}</summary>
          
            <ul id="warnings" className="warnings">
              {r.warnings.slice(0, 100).map((w, k) => <li key={k}>{w.message[lang]}</li>)}
              {r.warnings.length > 100 && <li>{s.more(r.warnings.length - 100)}</li>}
              {r.warnings.length === 0 && <li>{s.noWarnings}</li>}
            </ul>
          
        </details>
    </div>
  );
}
