import { Badge, Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { useId, useState, type Dispatch, type ReactNode } from 'react';
import { dayFromParts, formatDay } from '../../../engine/dates';
import type { DecisionEntry } from '../../../engine/decisionRows';
import type { DecisionKind } from '../../../engine/decisions';
import type { PersonResult, SelectionResult } from '../../../engine/select';
import { changeText, displayText } from '../../../engine/sheets';
import type { Lang } from '../../../engine/types';
import { STRINGS, type Words } from '../../strings';
import { Note } from '../components';
import type { Action, State } from '../state';

/** Today as the decision's date by default (the clerk records the meeting's day, usually today). */
function today(): string {
  const now = new Date();
  const day = dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  return day === null ? '' : formatDay(day);
}

interface Fields {
  reason: string;
  date: string;
  decidedBy: string;
}

/** The reason, the date and who decided: what every decision carries (§12). */
function DecisionFields({ s, fields, set, reasonError }: { s: Words; fields: Fields; set: (f: Fields) => void; reasonError?: string }): ReactNode {
  return (
    <div className="decision-fields">
      <Field label={s.reason} validationState={reasonError ? 'error' : 'none'} validationMessage={reasonError}>
        <Input data-field="reason" value={fields.reason} onChange={(_, d) => set({ ...fields, reason: d.value })} />
      </Field>
      <Field label={s.decisionDate}>
        <Input data-field="date" type="date" value={fields.date} onChange={(_, d) => set({ ...fields, date: d.value })} />
      </Field>
      <Field label={s.decidedBy}>
        <Input data-field="decidedBy" value={fields.decidedBy} onChange={(_, d) => set({ ...fields, decidedBy: d.value })} />
      </Field>
    </div>
  );
}

const entryOf = (p: PersonResult, decision: DecisionKind, f: Fields, period: string): DecisionEntry => ({
  period, department: p.member.department, id: p.member.id, name: p.member.name, decision,
  reason: f.reason.trim(), date: f.date, decidedBy: f.decidedBy.trim(),
});

/** After a decision is recorded, the focus goes to the list of decisions to write (the card it came from may be gone). */
const focusPending = () => requestAnimationFrame(() => document.getElementById('pending-title')?.focus());

/** Tie cards shown at once, and tied people in them; the others follow as these are settled. */
const SHOWN_TIES = 20;
const SHOWN_TIED = 60;
/** People of one tie shown in its card; the rest are awarded in the decisions sheet. */
const SHOWN_PER_TIE = 12;

const percent = (v: number | null, s: Words) => (v === null ? s.noSatisfaction : `${(v * 100).toFixed(2)}%`);

interface CommitteeProps {
  state: State;
  dispatch: Dispatch<Action>;
  r: SelectionResult;
}

/**
 * The committee's part of the preview: each tie as a card, the tied people side by side with every
 * tie-break key of §6 and their wins this year, where the clerk records who is awarded.
 */
export function TieCards({ state, dispatch, r }: CommitteeProps): ReactNode {
  const s = STRINGS[state.lang];
  if (r.tieGroups.length === 0) return null;
  // Open ties first. A large office can have hundreds of ties, some of dozens of people, and a person
  // is some thirty elements: the cards shown stop at SHOWN_TIES or SHOWN_TIED people, whichever comes first.
  const open = r.tieGroups.filter((g) => g.some((p) => p.status === 'tie'));
  const shown: PersonResult[][] = [];
  let people = 0;
  for (const g of [...open, ...r.tieGroups.filter((x) => !open.includes(x))]) {
    if (shown.length === SHOWN_TIES || (shown.length > 0 && people + g.length > SHOWN_TIED)) break;
    shown.push(g);
    people += Math.min(g.length, SHOWN_PER_TIE);
  }
  return (
    <section id="committee" aria-labelledby="committee-title">
      <h3 id="committee-title">{s.committeeTitle}</h3>
      {shown.map((group) => (
        <TieCard key={group.map((p) => p.member.key).join(' ')} group={group} state={state} dispatch={dispatch} r={r} />
      ))}
      {r.tieGroups.length > shown.length && <Note id="more-ties">{s.moreTies(shown.length, r.tieGroups.length)}</Note>}
    </section>
  );
}

function TieCard({ group, state, dispatch, r }: CommitteeProps & { group: PersonResult[] }): ReactNode {
  const s = STRINGS[state.lang];
  const titleId = useId();
  const [picked, setPicked] = useState<string[]>([]);
  const [fields, setFields] = useState<Fields>({ reason: '', date: today(), decidedBy: '' });
  const [tried, setTried] = useState(false);
  const open = group.some((p) => p.status === 'tie');
  const departments = new Set(group.map((p) => p.member.department));
  const where = departments.size === 1 ? group[0]?.member.department ?? '' : s.tieOverall;
  const record = () => {
    const chosen = group.filter((p) => picked.includes(p.member.key));
    if (chosen.length === 0) {
      setTried(true);
      return;
    }
    dispatch({ type: 'decide', entries: chosen.map((p) => entryOf(p, 'award', fields, r.period.id)) });
    focusPending();
  };
  return (
    <div className="tie-card" role="group" aria-labelledby={titleId}>
      <h4 id={titleId}>{s.tieTitle(where, group.length)}</h4>
      <ul className="tied">
        {group.slice(0, SHOWN_PER_TIE).map((p) => (
          <li key={p.member.key} className="tied-person" data-id={p.member.id}>
            <div className="who">{p.member.name} <span className="id">{p.member.id}</span>{departments.size > 1 && <span className="id"> {p.member.department}</span>}</div>
            <dl className="keys">
              <dt>{s.keys.score}</dt><dd>{displayText(p.score)}</dd>
              <dt>{s.keys.violations}</dt><dd>{p.violations.length}</dd>
              <dt>{s.keys.praise}</dt><dd>{p.praise.length}</dd>
              <dt>{s.keys.satisfaction}</dt><dd>{percent(p.satisfaction, s)}</dd>
              <dt>{s.keys.wins}</dt><dd>{s.times(p.starsThisYear)}</dd>
            </dl>
            {open ? (
              <Checkbox label={s.awardPick(p.member.name, p.member.id)} checked={picked.includes(p.member.key)}
                onChange={(_, d) => setPicked(d.checked === true ? [...picked, p.member.key] : picked.filter((k) => k !== p.member.key))} />
            ) : p.status === 'winner' && <Badge appearance="filled" color="success">{s.decisionWords['award']}</Badge>}
          </li>
        ))}
      </ul>
      {group.length > SHOWN_PER_TIE && <Note>{s.moreTied(group.length - SHOWN_PER_TIE)}</Note>}
      {open ? (
        <>
          <Note>{s.tieHint}</Note>
          <DecisionFields s={s} fields={fields} set={setFields} />
          {tried && picked.length === 0 && <p className="message" role="alert">{s.pickSomeone}</p>}
          <Button className="record" appearance="primary" onClick={record}>{s.record}</Button>
        </>
      ) : (
        <p className="settled">{s.settled(group.filter((p) => p.status === 'winner').map((p) => p.member.name).join(state.lang === 'zh' ? '、' : ', '))}</p>
      )}
    </div>
  );
}

/** Under a person's explanation: the committee strikes the person (不予表彰), with the reason. */
export function ExcludeForm({ state, dispatch, r, person }: CommitteeProps & { person: PersonResult }): ReactNode {
  const s = STRINGS[state.lang];
  const [fields, setFields] = useState<Fields>({ reason: '', date: today(), decidedBy: '' });
  const [tried, setTried] = useState(false);
  if (person.decision?.decision === 'exclude') return <Note id="excluded">{s.excluded(person.decision.reason || s.decisionWords['exclude'] || '')}</Note>;
  const exclude = () => {
    if (fields.reason.trim() === '') {
      setTried(true);
      return;
    }
    dispatch({ type: 'decide', entries: [entryOf(person, 'exclude', fields, r.period.id)] });
    setFields({ ...fields, reason: '' });
    setTried(false);
    focusPending();
  };
  return (
    <fieldset className="group" id="exclude">
      <legend>{s.excludeTitle(person.member.name)}</legend>
      <DecisionFields s={s} fields={fields} set={setFields} reasonError={tried && fields.reason.trim() === '' ? s.reasonNeeded : undefined} />
      <Button id="exclude-button" onClick={exclude}>{s.exclude}</Button>
    </fieldset>
  );
}

/** A decision in words: `门诊收费室 孙佳琪（H2003）：获奖，实地考察`. */
function entryText(e: DecisionEntry, s: Words, lang: Lang): string {
  const who = e.id === null ? e.department : `${e.department} ${e.name ?? ''}（${e.id}）`;
  const reason = e.reason === '' ? '' : `${lang === 'zh' ? '，' : ', '}${e.reason}`;
  return `${who}${lang === 'zh' ? '：' : ': '}${s.decisionWords[e.decision] ?? e.decision}${reason}`;
}

/** The decisions recorded and not written yet, each removable; where writing puts them. */
export function PendingDecisions({ state, dispatch }: Omit<CommitteeProps, 'r'>): ReactNode {
  const s = STRINGS[state.lang];
  if (state.pending.length === 0) return null;
  return (
    <section id="pending" aria-labelledby="pending-title">
      <h3 id="pending-title" tabIndex={-1}>{s.pendingTitle(state.pending.length)}</h3>
      <Note>{state.inExcel && state.loadedFromWorkbook ? s.pendingExcel : s.pendingFile}</Note>
      <ul className="pending">
        {state.pending.map((e, i) => {
          const text = entryText(e, s, state.lang);
          return (
            <li key={`${e.department} ${e.id ?? ''}`}>
              <span>{text}</span>
              <Button size="small" aria-label={s.removeLabel(text)} onClick={() => dispatch({ type: 'undecide', index: i })}>{s.remove}</Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What changed since the history's list for this period (§13), in words. */
export function Changes({ r, lang }: { r: SelectionResult; lang: Lang }): ReactNode {
  const s = STRINGS[lang];
  if (r.changes.length === 0) return null;
  return (
    <section id="changes" aria-labelledby="changes-title">
      <h3 id="changes-title">{s.changesTitle}</h3>
      <ul className="warnings">{r.changes.map((c) => <li key={`${c.department} ${c.id} ${c.name}`}>{changeText(c, lang)}</li>)}</ul>
    </section>
  );
}
