import { Badge, Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { Fragment, useId, useState, type Dispatch, type ReactNode } from 'react';
import { dayFromParts, formatDay } from '../../../engine/dates';
import type { DecisionEntry } from '../../../engine/decisionRows';
import type { DecisionKind } from '../../../engine/decisions';
import type { DepartmentResult, PersonResult, SelectionResult } from '../../../engine/select';
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

/** A decision on a person (their id and name) or on a department (neither), with the fields as typed. */
const entryOf = (subject: { department: string; id: string | null; name: string | null }, decision: DecisionKind, f: Fields, period: string): DecisionEntry => ({
  period, department: subject.department, id: subject.id, name: subject.name, decision,
  reason: f.reason.trim(), date: f.date, decidedBy: f.decidedBy.trim(),
});

/**
 * After a decision is recorded, the focus goes to the list of decisions to write (the card it came
 * from may be gone). The preview is redrawn once the run with the decision is computed (a React
 * transition, later than the next frame), so the list is awaited frame by frame, for up to ~5 s.
 */
const focusPending = (frames = 300): void => {
  requestAnimationFrame(() => {
    const title = document.getElementById('pending-title');
    if (title) title.focus();
    else if (frames > 0) focusPending(frames - 1);
  });
};

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

/** One of a tie as its card shows it: a person, or a department tied for a department award. */
interface TieItem {
  key: string;
  name: string;
  /** Beside the name: the id (and department, in a tie across departments). */
  sub: string;
  /** The tie-break keys, label and value, as the clerk compares them. */
  keys: [string, string][];
  /** Still tied (the card offers the award), or made a winner (a badge). */
  tied: boolean;
  won: boolean;
  pick: string;
  entry: (f: Fields) => DecisionEntry;
}

/** A tied person: every tie-break key of §6 and the wins this year. */
function personItem(p: PersonResult, across: boolean, s: Words, period: string): TieItem {
  return {
    key: p.member.key, name: p.member.name, sub: across ? `${p.member.id} ${p.member.department}` : p.member.id,
    keys: [[s.keys.score, displayText(p.score)], [s.keys.violations, String(p.violations.length)], [s.keys.praise, String(p.praise.length)],
      [s.keys.satisfaction, percent(p.satisfaction, s)], [s.keys.wins, s.times(p.starsThisYear)]],
    tied: p.status === 'tie', won: p.status === 'winner', pick: s.awardPick(p.member.name, p.member.id),
    entry: (f) => entryOf(p.member, 'award', f, period),
  };
}

/** A tied department (文明窗口, §6): its score and its staff at the window. */
function departmentItem(d: DepartmentResult, s: Words, period: string): TieItem {
  return {
    key: `d:${d.department}`, name: d.department, sub: '',
    keys: [[s.keys.departmentScore, d.score === null ? '' : displayText(d.score)], [s.keys.activeMembers, String(d.activeMembers)]],
    tied: d.status === 'tie', won: d.status === 'winner', pick: s.awardDepartment(d.department),
    entry: (f) => entryOf({ department: d.department, id: null, name: null }, 'award', f, period),
  };
}

/**
 * The committee's part of the preview: each tie as a card, the tied people (or departments) side by
 * side with every tie-break key of §6 and their wins this year, where the clerk records who is awarded.
 */
export function TieCards({ state, dispatch, r }: CommitteeProps): ReactNode {
  const s = STRINGS[state.lang];
  if (r.tieGroups.length === 0 && r.departmentTies.length === 0) return null;
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
  const card = (title: string, items: TieItem[]) => <TieCard key={items.map((i) => i.key).join(' ')} title={title} items={items} state={state} dispatch={dispatch} />;
  return (
    <section id="committee" aria-labelledby="committee-title">
      <h3 id="committee-title">{s.committeeTitle}</h3>
      {shown.map((group) => {
        const across = new Set(group.map((p) => p.member.department)).size > 1;
        return card(s.tieTitle(across ? s.tieOverall : group[0]?.member.department ?? '', group.length), group.map((p) => personItem(p, across, s, r.period.id)));
      })}
      {r.tieGroups.length > shown.length && <Note id="more-ties">{s.moreTies(shown.length, r.tieGroups.length)}</Note>}
      {r.departmentTies.length > 0 && card(s.departmentTieTitle(r.scheme.parameters.windowTitle[state.lang], r.departmentTies.length),
        r.departmentTies.map((d) => departmentItem(d, s, r.period.id)))}
    </section>
  );
}

function TieCard({ title, items, state, dispatch }: Omit<CommitteeProps, 'r'> & { title: string; items: TieItem[] }): ReactNode {
  const s = STRINGS[state.lang];
  const titleId = useId();
  const [picked, setPicked] = useState<string[]>([]);
  const [fields, setFields] = useState<Fields>({ reason: '', date: today(), decidedBy: '' });
  const [tried, setTried] = useState(false);
  const open = items.some((i) => i.tied);
  const record = () => {
    const chosen = items.filter((i) => picked.includes(i.key));
    if (chosen.length === 0) {
      setTried(true);
      return;
    }
    dispatch({ type: 'decide', entries: chosen.map((i) => i.entry(fields)) });
    focusPending();
  };
  return (
    <div className="tie-card" role="group" aria-labelledby={titleId}>
      <h4 id={titleId}>{title}</h4>
      <ul className="tied">
        {items.slice(0, SHOWN_PER_TIE).map((i) => (
          <li key={i.key} className="tied-person" data-id={i.key}>
            <div className="who">{i.name}{i.sub !== '' && <span className="id"> {i.sub}</span>}</div>
            <dl className="keys">{i.keys.map(([label, value]) => <Fragment key={label}><dt>{label}</dt><dd>{value}</dd></Fragment>)}</dl>
            {open ? (
              <Checkbox label={i.pick} checked={picked.includes(i.key)}
                onChange={(_, d) => setPicked(d.checked === true ? [...picked, i.key] : picked.filter((k) => k !== i.key))} />
            ) : i.won && <Badge appearance="filled" color="success">{s.decisionWords['award']}</Badge>}
          </li>
        ))}
      </ul>
      {items.length > SHOWN_PER_TIE && <Note>{s.moreTied(items.length - SHOWN_PER_TIE)}</Note>}
      {open ? (
        <>
          <Note>{s.tieHint}</Note>
          <DecisionFields s={s} fields={fields} set={setFields} />
          {tried && picked.length === 0 && <p className="message" role="alert">{s.pickSomeone}</p>}
          <Button className="record" appearance="primary" onClick={record}>{s.record}</Button>
        </>
      ) : (
        <p className="settled">{s.settled(items.filter((i) => i.won).map((i) => i.name).join(state.lang === 'zh' ? '、' : ', '))}</p>
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
    dispatch({ type: 'decide', entries: [entryOf(person.member, 'exclude', fields, r.period.id)] });
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
