import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Tab, TabList } from '@fluentui/react-components';
import { startTransition, useCallback, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { fingerprint } from '../../engine/fingerprint';
import { runSheets } from '../../engine/history';
import { locateTables } from '../../engine/layout';
import { problemAddress } from '../../engine/mapping';
import { runSelection, type SelectionOutcome } from '../../engine/select';
import { DECISIONS_SHEET, type ResultSheet } from '../../engine/sheets';
import type { TableInput, TableKey } from '../../engine/types';
import { loadSheets, readSource } from '../../io/tables';
import { saveChoices, saveUndo } from '../settings';
import { STEPS, STRINGS, type StepId } from '../strings';
import type { EngineClient } from './engine-client';
import type { Host } from './host';
import type { Actions } from './props';
import { decisionsWrite, hasStaff, inputTables, readTables, isCurrent, reducer, resultOf, type Say, type State } from './state';
import { STEP_LIST } from './steps';
import { wrongParameters } from './steps/Rules';
import { schemeOf } from './steps/Sources';
import { downloadName } from './steps/Write';

const errorText = (error: unknown): Say => {
  const text = error instanceof Error ? error.message : String(error);
  return () => text;
};

/** Changes within this many ms are computed once (a large office takes about a second a run). */
const SETTLE_MS = 150;
/** Input rows up to which the page computes itself: well under the 50 ms of a long task. */
const IN_PAGE_ROWS = 3_000;

export function App({ host, engine, initial }: { host: Host; engine: EngineClient; initial: State }): ReactNode {
  const [state, dispatch] = useReducer(reducer, initial);
  const stateRef = useRef(state);
  stateRef.current = state;
  const s = STRINGS[state.lang];
  const lang = state.lang;
  const tables = useMemo(() => inputTables(state), [state.loaded, state.found, state.choices, state.pending, state.lang]);
  const located = useMemo(() => locateTables(tables), [tables]);

  useEffect(() => { document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; }, [lang]);

  // The run follows every change of choices; an outcome of older choices is dropped. A small office
  // is computed at once in the page (a few ms: the answer shows with the change); a large one in the
  // worker, once the changes settle, so typing never queues runs of a second each.
  useEffect(() => {
    if (!hasStaff(state) || isCurrent(state)) return;
    const version = state.version;
    const input = { period: state.period, scheme: schemeOf({ state }), overrides: state.choices.overrides ?? {}, tables };
    const done = (outcome: SelectionOutcome) => {
      startTransition(() => dispatch({ type: 'computed', version, outcome }));
      if (outcome.ok) saveChoices(host.settings, { ...stateRef.current.choices, scheme: input.scheme, source: stateRef.current.source });
    };
    const rows = Object.values(tables).reduce((n, t) => n + t.grid.length, 0);
    if (rows <= IN_PAGE_ROWS) {
      done(runSelection(input, located));
      return;
    }
    const timer = setTimeout(() => {
      dispatch({ type: 'computing', stage: state.step === 'columns' ? 'checking' : 'computing' });
      engine.run(input).then(done, (error: unknown) => dispatch({ type: 'error', error: errorText(error) }));
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [state.version, state.found]);

  // A preview that cannot be computed goes back to the step where its cause is.
  useEffect(() => {
    if (state.step !== 'preview' || !isCurrent(state) || state.outcome?.ok !== false) return;
    const rules = state.outcome.errors.some((e) => e.code === 'BAD_PERIOD' || e.code === 'BAD_PARAMETER' || e.code === 'UNKNOWN_SCHEME');
    dispatch({ type: 'go', step: rules ? (state.outcome.errors.some((e) => e.code === 'BAD_PERIOD') ? 'sources' : 'rules') : 'columns' });
  }, [state.step, state.outcome]);

  // Each step change puts the focus on the step's heading (for screen readers; never on the body).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>(`#step-${state.step} > h2`)?.focus();
  }, [state.step]);

  const readWorkbook = useCallback(() => {
    dispatch({ type: 'reading' });
    host.readWorkbook(STRINGS[stateRef.current.lang].sourceWorkbook).then(
      (sheets) => dispatch({ type: 'loaded', sheets, fromWorkbook: true }),
      (error: unknown) => dispatch({ type: 'failed', error: errorText(error) }),
    );
  }, [host]);

  useEffect(() => {
    if (state.inExcel && state.source === 'workbook') host.whenShown(readWorkbook);
  }, []);

  /** The sheets of a run, and the committee's decisions as a sheet of their own when they go in as one. */
  const sheetsToWrite = (into: 'workbook' | 'file'): ResultSheet[] => {
    const st = stateRef.current;
    const r = resultOf(st);
    if (!r) return [];
    const run = { when: new Date().toISOString(), tool: 'Service Star task pane', fingerprint: fingerprint(tables) };
    const decisions = decisionsWrite(st, into);
    return [...runSheets(located.history ?? null, r, run, st.lang), ...(decisions?.kind === 'sheet' ? [decisions.sheet] : [])];
  };

  const focusHeading = () => document.querySelector<HTMLElement>(`#step-${stateRef.current.step} > h2`)?.focus();

  const replace = async (): Promise<void> => {
    const sheets = sheetsToWrite('workbook');
    const st = stateRef.current;
    const decisions = decisionsWrite(st, 'workbook');
    dispatch({ type: 'busy', stage: 'writing', share: 0 });
    // Sheets this run read from the workbook are never written (the history sheet is ours to update;
    // the decisions sheet only gets rows appended), nor a 评选小组裁定 sheet the run did not read.
    const inputs = new Set(st.loadedFromWorkbook ? [...(Object.entries(readTables(st)) as [TableKey, TableInput][]).filter(([k]) => k !== 'history')
      .flatMap(([, t]) => [t.sheet, ...(t.moreSheets ?? []).map((m) => m.sheet)]), ...st.loaded.filter((l) => l.label === DECISIONS_SHEET).map((l) => l.label)] : []);
    const { undo, error } = await host.write(sheets, inputs, (share) => dispatch({ type: 'busy', stage: 'writing', share }),
      decisions?.kind === 'append' ? decisions.append : null);
    // Whatever was written can be undone, even after a failure part way.
    const kept = undo.created.length > 0 ? undo : st.undo;
    saveUndo(host.settings, kept);
    if (!error && st.loadedFromWorkbook && st.pending.length > 0) dispatch({ type: 'decisionsWritten', write: decisions });
    const awards = sheets.find((sh) => sh.kind === 'awards');
    if (!error && awards) {
      try {
        await host.activate(awards.name);
      } catch (failure) {
        dispatch({ type: 'done', status: null, undo: kept, error: errorText(failure) });
        return;
      }
    }
    dispatch(error ? { type: 'done', status: null, undo: kept, error: errorText(error) } : { type: 'done', status: (w) => w.written(awards?.name ?? ''), undo: kept });
    document.getElementById('write')?.focus();
  };

  const actions: Actions = {
    readWorkbook,
    readFiles: (files) => {
      if (files.length === 0) return;
      dispatch({ type: 'reading' });
      engine.read(files).then(async (books) => dispatch({ type: 'loaded', sheets: await loadSheets(books.map(readSource)), fromWorkbook: false }))
        .catch((error: unknown) => dispatch({ type: 'failed', error: errorText(error) }));
    },
    readAgain: readWorkbook,
    selectAction: (p) => {
      if (!stateRef.current.loadedFromWorkbook || p.sheet === null) return null;
      const address = problemAddress(p, located);
      if (!address) return null;
      const sheet = p.sheet;
      return () => { host.select(sheet, address).catch((error: unknown) => dispatch({ type: 'error', error: errorText(error) })); };
    },
    write: () => {
      const sheets = sheetsToWrite('workbook');
      host.sheetNames().then((names) => {
        const existing = new Set(names);
        const replaced = sheets.filter((sh) => sh.kind !== 'history' && existing.has(sh.name)).map((sh) => sh.name);
        if (replaced.length > 0) dispatch({ type: 'confirm', confirm: { kind: 'replace', names: replaced } });
        else void replace();
      }, (error: unknown) => dispatch({ type: 'error', error: errorText(error) }));
    },
    replace: () => void replace(),
    undo: () => {
      const undo = stateRef.current.undo;
      if (!undo) return;
      dispatch({ type: 'busy', stage: 'undoing', share: null });
      host.undoRun(undo).then(() => {
        saveUndo(host.settings, null);
        dispatch({ type: 'done', status: (w) => w.undone, undo: null });
        const decided = (undo.appended ?? []).length > 0 || undo.created.includes(DECISIONS_SHEET);
        if (decided && stateRef.current.loadedFromWorkbook) dispatch({ type: 'decisionsUndone', undo });
        focusHeading();
      }, (error: unknown) => dispatch({ type: 'done', status: null, error: errorText(error) }));
    },
    keep: () => {
      const undo = stateRef.current.undo;
      if (!undo) return;
      host.keep(undo).then(() => {
        saveUndo(host.settings, null);
        dispatch({ type: 'done', status: (w) => w.kept, undo: null });
        focusHeading();
      }, (error: unknown) => dispatch({ type: 'done', status: null, error: errorText(error) }));
    },
    download: () => {
      const st = stateRef.current;
      const r = resultOf(st);
      if (!r) return;
      const sheets = sheetsToWrite('file');
      // The workbook writer (exceljs) is loaded only when a download is asked for.
      import('../../io/xlsxWriter').then(async ({ XlsxResultWriter }) => {
        const writer = new XlsxResultWriter();
        await writer.writeSheets(sheets);
        const bytes = await writer.toBuffer();
        // Inside Excel the result workbook opens as a new workbook: a download link does nothing in the Mac webview.
        if (st.inExcel) {
          await host.openWorkbook(bytes);
          return;
        }
        const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = downloadName(st.lang, r.period.id);
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      }).catch((error: unknown) => dispatch({ type: 'error', error: errorText(error) }));
    },
  };

  const at = STEPS.indexOf(state.step);
  const step = STEP_LIST[at] ?? STEP_LIST[0];
  // A step of a large office is thousands of elements: drawn as a transition, React renders it in
  // slices that yield to the browser (react.dev/reference/react/startTransition) instead of one long task.
  const enter = (id: StepId) => startTransition(() => dispatch({ type: 'go', step: id }));
  const go = (id: StepId) => {
    const target = STEP_LIST.find((x) => x.id === id);
    if (target?.canEnter(state)) enter(id);
  };
  const next = () => {
    const target = STEP_LIST[at + 1];
    if (!target) return;
    if (state.step === 'sources' && !hasStaff(state)) {
      const noFiles = state.loaded.length === 0 && state.source === 'files';
      dispatch({ type: 'error', error: (w) => (noFiles ? w.noFiles : w.needStaff) });
      return;
    }
    if (target.canEnter(state)) enter(target.id);
    // The run's errors are shown already (at the top and at their fields); else the steps before are not done.
    else if (!(isCurrent(state) && state.outcome?.ok === false)) dispatch({ type: 'error', error: (w) => w.notComputed });
  };
  const label = (id: StepId) => (id === 'write' && !state.inExcel ? s.downloadStep : s.steps[id]);
  const outcomeErrors = isCurrent(state) && state.outcome?.ok === false && state.step !== 'sources' ? state.outcome.errors : [];
  // Parameters in the clerk's words (基础分, not baseScore), as at their fields; the rest as the engine says them.
  const wrong = outcomeErrors.some((e) => e.code === 'BAD_PARAMETER') ? wrongParameters(schemeOf({ state }), state.choices.overrides ?? {}, lang) : [];
  const errorLines = [
    ...wrong.map((w) => s.fieldError(w.label, w.why)),
    ...outcomeErrors.filter((e) => e.code !== 'BAD_PARAMETER' || wrong.length === 0).map((e) => e.message[lang]),
  ];
  const error = state.error ? state.error(s, lang) : errorLines.length > 0 ? `${s.errorsTitle}\n${errorLines.join('\n')}` : '';
  const busy = state.busy;
  const status = busy ? s.stages[busy.stage] ?? '' : state.status ? state.status(s, lang) : '';
  const View = (step ?? STEP_LIST[0])?.View;

  return (
    <>
      <header className="top">
        <h1 id="title">{s.title}</h1>
        <Button id="lang" size="small" appearance="subtle" lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => dispatch({ type: 'lang', lang: lang === 'zh' ? 'en' : 'zh' })}>{s.other}</Button>
      </header>
      <nav aria-label={s.stepsLabel}>
        <TabList id="steps" size="small" selectedValue={state.step} onTabSelect={(_, d) => go(d.value as StepId)}>
          {STEP_LIST.map((x, i) => (
            <Tab key={x.id} value={x.id} data-step={x.id} disabled={!x.canEnter(state)} aria-current={x.id === state.step ? 'step' : undefined}>
              {`${i + 1} ${label(x.id)}`}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main>
        <p className="step-of" id="step-of">{s.stepOf(at + 1, STEPS.length)}</p>
        {error !== '' && (
          <MessageBar intent="error" id="error" layout="multiline" role="alert"><MessageBarBody className="pre">{error}</MessageBarBody></MessageBar>
        )}
        {state.step === 'sources' && <p className="hint" id="intro">{state.inExcel ? s.introExcel : s.intro}</p>}
        <section className="step" id={`step-${state.step}`} aria-labelledby={`heading-${state.step}`}>
          <h2 tabIndex={-1} id={`heading-${state.step}`}>{label(state.step)}</h2>
          {View && <View state={state} located={located} dispatch={dispatch} actions={actions} />}
        </section>
        {busy && busy.stage !== 'writing' && <ProgressBar aria-label={status} />}
        <div id="status" className="status" role="status" aria-live="polite">{status}</div>
        {state.inExcel && state.undo && (
          <MessageBar id="undo-box" intent="info" layout="multiline">
            <MessageBarBody id="undo-note">{s.undoNote(state.undo.created.length, state.undo.created[0] ?? '')}</MessageBarBody>
            <MessageBarActions>
              <Button id="undo" size="small" onClick={actions.undo}>{s.undo}</Button>
              <Button id="keep" size="small" onClick={actions.keep}>{s.keep}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </main>
      <footer className="wizard-nav">
        {at > 0 && <Button id="back" onClick={() => { const prev = STEP_LIST[at - 1]; if (prev) go(prev.id); }}>{s.back}</Button>}
        {state.step !== 'write' && (
          <Button id="next" appearance="primary" onClick={next}>{state.step === 'rules' ? s.compute : state.step === 'preview' ? (state.inExcel ? s.toWrite : s.toDownload) : s.next}</Button>
        )}
      </footer>
    </>
  );
}
