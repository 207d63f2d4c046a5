import { assignmentChoice, type AssignmentChoice } from '../engine/assign';
import { dayFromParts } from '../engine/dates';
import { explanationLines } from '../engine/explain';
import { fingerprint } from '../engine/fingerprint';
import { FIELD_NAMES } from '../engine/headers';
import { historySheet } from '../engine/history';
import { problemAddress, tableMapping } from '../engine/mapping';
import { messages, TABLE_NAMES, type Problem } from '../engine/messages';
import { lastFinishedQuarter, parsePeriod } from '../engine/period';
import { findPreset, KEY_PARAMETERS, parameterText, parseParameter, PRESETS, resolveScheme, type KeyParameter } from '../engine/scheme';
import { runSelection, type SelectionOutcome, type SelectionResult } from '../engine/select';
import { awardTable, resultSheets, type ResultSheet, type ResultSheetKind } from '../engine/sheets';
import type { Lang, PersonAssignment, TableInput, TableKey } from '../engine/types';
import { ExcelSink, ExcelSource, openAsNewWorkbook, type RunUndo } from '../io/office';
import { chooseTables, loadSheets, tableOf as tableInputOf, type FoundTable, type LoadedSheet } from '../io/tables';
import { XlsxResultWriter } from '../io/xlsxWriter';
import { $, blockTable, el, problemItem, tableOf } from './dom';
import { openFiles } from './files';
import { loadChoices, loadUndo, saveChoices, saveUndo, type Choices, type SettingsStore } from './settings';
import { STEPS, STRINGS, uiLanguage, type StepId, type Words } from './strings';

/**
 * The task pane: a quarter's selection in five steps (sources, columns, rules, preview, write).
 * Every rule is the engine's; this file only gathers choices, shows results and moves data.
 */

/** The tables in the engine's order (staff first). */
const TABLE_ORDER = Object.keys(TABLE_NAMES) as TableKey[];
/** Problems about people (同名, not on the roster, name and id differ): the office resolves them by hand. */
const PEOPLE_CODES = new Set(['AMBIGUOUS_NAME', 'UNKNOWN_PERSON', 'NAME_MISMATCH', 'ASSIGNED_PERSON']);
/** More candidates than this: the row is better fixed in the sheet than picked from a list. */
const MAX_CANDIDATES = 200;
const LIST_LIMIT = 100;

const excelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);

const state = {
  lang: 'zh' as Lang,
  /** Inside Excel the task pane reads this workbook's sheets and writes the result sheets into it. */
  inExcel: false,
  step: 'sources' as StepId,
  loaded: [] as LoadedSheet[],
  /** The sheet of each table as found automatically in `loaded` (§9), worked out once per read. */
  found: {} as Partial<Record<TableKey, FoundTable>>,
  /** Whether `loaded` came from this workbook (so problems can select their cells). */
  loadedFromWorkbook: false,
  choices: {} as Choices,
  /** What the user typed per parameter, shown back as typed. */
  paramText: {} as Record<string, string>,
  period: '',
  outcome: null as SelectionOutcome | null,
  tables: {} as Partial<Record<TableKey, TableInput>>,
  /** The result sheets of this period exist: the next click on Write replaces them. */
  confirmingReplace: false,
  undo: null as RunUndo | null,
  explained: null as number | null,
};

const words = () => STRINGS[state.lang];
const settings = (): SettingsStore => (state.inExcel ? Office.context.document?.settings : undefined);
const useWorkbook = () => state.inExcel && document.querySelector<HTMLInputElement>('input[name=source]:checked')?.value === 'workbook';
const result = (): SelectionResult | null => (state.outcome?.ok ? state.outcome.result : null);

/** A message in the UI language of the moment, so switching the language re-words it; plain text stays as it is. */
type Say = string | ((s: Words, lang: Lang) => string);
let statusSay: Say = '';
let errorSay: Say = '';
const said = (say: Say) => (typeof say === 'string' ? say : say(words(), state.lang));

function setStatus(say: Say): void {
  statusSay = say;
  $('status').textContent = said(say);
}

function showError(say: Say): void {
  errorSay = say;
  const text = said(say);
  $('error').textContent = text;
  $('error').hidden = text === '';
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The outcome of the last computation: its summary in the status line, its errors in the error box. */
function showOutcome(): void {
  const outcome = state.outcome;
  if (!outcome) {
    setStatus('');
    showError('');
  } else if (outcome.ok) {
    const r = outcome.result;
    setStatus((s) => s.done(r.people.length, r.warnings.length));
    showError('');
  } else {
    const errors = outcome.errors;
    setStatus('');
    showError((s, lang) => `${s.errorsTitle}\n${errors.map((e) => e.message[lang]).join('\n')}`);
  }
}

function setLoaded(sheets: LoadedSheet[]): void {
  state.loaded = sheets;
  state.found = chooseTables(sheets);
}

function remember(): void {
  state.choices.scheme = $<HTMLSelectElement>('scheme').value;
  state.choices.source = useWorkbook() ? 'workbook' : 'files';
  saveChoices(settings(), state.choices);
}

// ---------------------------------------------------------------------------------------------
// Step 1: sources

/**
 * The sheets of each table: the user's pick by name where it still exists (that one sheet), else
 * the ones found automatically (several when the table is split by period, §11).
 */
function pickedSheets(): Partial<Record<TableKey, FoundTable>> {
  const auto = state.found;
  const out: Partial<Record<TableKey, FoundTable>> = {};
  for (const table of TABLE_ORDER) {
    const chosen = state.choices.sheets?.[table];
    if (chosen === null) continue;
    const sheet = chosen === undefined ? undefined : state.loaded.find((s) => s.label === chosen);
    const found = sheet ? { sheets: [sheet], passedOver: [] } : auto[table];
    if (found) out[table] = found;
  }
  return out;
}

async function readSources(): Promise<void> {
  const s = words();
  showError('');
  const workbook = useWorkbook();
  const files = [...($<HTMLInputElement>('files').files ?? [])];
  if (!workbook && files.length === 0) {
    setLoaded([]);
    render();
    return;
  }
  setStatus((w) => w.reading);
  try {
    const books = workbook ? [new ExcelSource(excelRun, s.sourceWorkbook)]
      : await openFiles(files);
    setLoaded(await loadSheets(books));
    state.loadedFromWorkbook = workbook;
    state.outcome = null;
    const count = state.loaded.length;
    setStatus((w) => (count === 0 ? w.noSheets : w.readSheets(count)));
  } catch (error) {
    setLoaded([]);
    setStatus('');
    showError(errorText(error));
  }
  render();
}

function renderSources(): void {
  const s = words();
  $('source').hidden = !state.inExcel;
  $('files-box').hidden = useWorkbook();
  $('reload').hidden = !useWorkbook();
  $('tables-box').hidden = state.loaded.length === 0;
  if (state.loaded.length === 0) return;
  const picked = pickedSheets();
  const rows = TABLE_ORDER.map((table) => {
    const tr = el('tr');
    const label = el('label', TABLE_NAMES[table][state.lang] + (table === 'staff' ? ` (${s.required})` : ''));
    label.htmlFor = `pick-${table}`;
    tr.appendChild(el('td')).appendChild(label);
    const select = el('select');
    select.id = `pick-${table}`;
    select.dataset['table'] = table;
    select.append(new Option(s.notUsed, ''), ...state.loaded.map((sh) => new Option(sh.label, sh.label)));
    select.value = picked[table]?.sheets[0]?.label ?? '';
    select.addEventListener('change', () => {
      state.choices.sheets = { ...state.choices.sheets, [table]: select.value === '' ? null : select.value };
      state.outcome = null;
      render();
    });
    tr.appendChild(el('td')).appendChild(select);
    return tr;
  });
  const table = el('table', '', 'mapping');
  const head = table.createTHead().insertRow();
  for (const h of s.tableHeaders) head.appendChild(el('th', h));
  table.createTBody().append(...rows);
  $('tables').replaceChildren(table);
}

// ---------------------------------------------------------------------------------------------
// Step 2: columns and data quality

function inputTables(): Partial<Record<TableKey, TableInput>> {
  const out: Partial<Record<TableKey, TableInput>> = {};
  for (const [table, found] of Object.entries(pickedSheets()) as [TableKey, FoundTable][]) {
    const assignments = assignmentsOf(table);
    out[table] = { ...tableInputOf(found, state.choices.columns?.[table]), ...(assignments.length > 0 ? { assignments } : {}) };
  }
  return out;
}

function assignmentsOf(table: TableKey): PersonAssignment[] {
  return state.choices.assignments?.[table] ?? [];
}

/** Names (or, with '', un-names) the person of one record, then runs again. */
function assign(table: TableKey, row: number, choice: AssignmentChoice, id: string): void {
  const rest = assignmentsOf(table).filter((a) => a.row !== row || a.sheet !== choice.sheet);
  const list = id === '' ? rest : [...rest, { row, written: choice.written, record: choice.record, id, ...(choice.sheet ? { sheet: choice.sheet } : {}) }];
  state.choices.assignments = { ...state.choices.assignments, [table]: list };
  recompute(`assign-${table}-${row}`);
}

/** The drop-down that names a row's person, when the row can be settled that way. */
function assignSelect(p: Problem): HTMLSelectElement | null {
  const r = result();
  const input = p.table ? state.tables[p.table] : undefined;
  const choice = r && input ? assignmentChoice(r, p, input) : null;
  if (!choice || choice.candidates.length > MAX_CANDIDATES || p.table === null || p.row === null) return null;
  const s = words();
  const table = p.table;
  const row = p.row;
  const select = el('select');
  select.id = `assign-${table}-${row}`;
  select.setAttribute('aria-label', s.assignTo(choice.written));
  select.append(new Option(s.notAssigned, ''), ...choice.candidates.map((m) => new Option(`${m.id} ${m.name} · ${m.department}`, m.id)));
  // Shown as chosen only when the engine applied the assignment (it still holds for this record).
  select.value = p.code === 'ASSIGNED_PERSON' ? assignmentsOf(table).find((a) => a.row === row && a.sheet === choice.sheet)?.id ?? '' : '';
  select.addEventListener('change', () => assign(table, row, choice, select.value));
  return select;
}

/** Runs again after a change of choices or inputs, and shows the outcome; the focus goes back to `focusId`. */
function recompute(focusId?: string): void {
  compute();
  showOutcome();
  render();
  if (focusId) document.getElementById(focusId)?.focus();
}

/** Runs the engine on the current choices; cheap enough to run on every change. */
function compute(): void {
  state.tables = inputTables();
  state.outcome = runSelection({
    period: state.period, scheme: $<HTMLSelectElement>('scheme').value, overrides: state.choices.overrides ?? {}, tables: state.tables,
  });
  state.confirmingReplace = false;
  if (state.outcome.ok) remember();
}

/** The tables whose column mapping the user opened: kept open across renders. */
const openMappings = new Set<TableKey>();

function renderMapping(): void {
  const s = words();
  const lang = state.lang;
  const sections = (Object.entries(state.tables) as [TableKey, TableInput][]).map(([table, input]) => {
    const mapping = tableMapping(table, input);
    // A table whose columns were all found starts folded (most quarters need no change here) and
    // stays as the user left it.
    const box = el('details');
    box.dataset['table'] = table;
    box.open = mapping.missing.length > 0 || openMappings.has(table);
    box.addEventListener('toggle', () => {
      if (box.open) openMappings.add(table);
      else openMappings.delete(table);
    });
    box.appendChild(el('summary', s.mappingTitle(TABLE_NAMES[table][lang], input.sheet, mapping.headerRow)));
    const t = el('table', '', 'mapping');
    const body = t.createTBody();
    for (const f of mapping.fields) {
      const tr = body.insertRow();
      if (mapping.missing.includes(f.field)) tr.className = 'missing';
      const label = el('label', f.name[lang]);
      label.htmlFor = `map-${table}-${f.field}`;
      const need = f.need === 'required' ? s.needRequired : f.need === 'person' ? s.needPerson : '';
      tr.insertCell().append(label, ...(need ? [el('div', need, 'need')] : []));
      const select = el('select');
      select.id = `map-${table}-${f.field}`;
      select.dataset['field'] = f.field;
      select.append(new Option(s.none, ''), ...mapping.options.map((o) => new Option(`${o.letter} · ${o.header}`, o.letter)));
      select.value = f.column?.letter ?? '';
      select.addEventListener('change', () => {
        openMappings.add(table);
        const columns = { ...state.choices.columns?.[table], [f.field]: select.value };
        state.choices.columns = { ...state.choices.columns, [table]: columns };
        recompute(`map-${table}-${f.field}`);
      });
      tr.insertCell().appendChild(select);
    }
    box.appendChild(t);
    if (mapping.missing.length > 0) box.appendChild(el('p', s.missing(mapping.missing.map((m) => FIELD_NAMES[m][lang]).join(lang === 'zh' ? '、' : ', ')), 'message'));
    return box;
  });
  $('mapping').replaceChildren(...sections);
}

/** Selects the cell a problem is about, in this workbook (inputs are read only: selecting is safe). */
function selectAction(p: Problem): (() => void) | null {
  if (!state.loadedFromWorkbook || p.sheet === null) return null;
  const input = Object.values(state.tables).flatMap((t) => [t, ...(t.moreSheets ?? [])]).find((t) => t.sheet === p.sheet);
  const address = input ? problemAddress(p, input) : null;
  if (!address) return null;
  return () => {
    void new ExcelSink(excelRun, new Set()).select(p.sheet as string, address)
      .catch((error: unknown) => showError(errorText(error)));
  };
}

function problemList(id: string, problems: readonly Problem[]): void {
  const s = words();
  const items = problems.slice(0, LIST_LIMIT).map((p) => {
    const item = problemItem(p.message[state.lang], selectAction(p));
    const select = assignSelect(p);
    if (select) item.appendChild(select);
    return item;
  });
  if (problems.length > LIST_LIMIT) items.push(problemItem(s.more(problems.length - LIST_LIMIT), null));
  if (items.length === 0) items.push(problemItem(s.noProblems, null));
  $(id).replaceChildren(...items);
}

function renderQuality(): void {
  const s = words();
  const outcome = state.outcome;
  if (!outcome) return;
  const inputs = outcome.ok ? outcome.result.inputs : outcome.inputs;
  const warnings = outcome.ok ? outcome.result.warnings : outcome.warnings;
  $('checked-for').textContent = s.checkedFor(state.period);
  $('inputs').replaceChildren(tableOf(s.inputHeaders, inputs.map((i) => [i.sheet, i.rows, i.used, i.outOfPeriod, i.skippedBlank, i.rejected])));
  $('select-hint').hidden = !state.loadedFromWorkbook;
  $('reread').hidden = !state.loadedFromWorkbook;
  problemList('rejected', warnings.filter((w) => w.row !== null && !PEOPLE_CODES.has(w.code)));
  problemList('people', warnings.filter((w) => PEOPLE_CODES.has(w.code)));
  problemList('other', warnings.filter((w) => w.row === null && !PEOPLE_CODES.has(w.code)));
}

// ---------------------------------------------------------------------------------------------
// Step 3: rules

/** What the parameter boxes were built for: they are rebuilt only when it changes, never under the user's cursor. */
let paramsBuiltFor = '';
let paramsVersion = 0;

/** Marks a parameter box valid or not, with the problem or the default beside it. */
function markParameter(p: KeyParameter, input: HTMLInputElement | HTMLSelectElement, note: HTMLElement, fallback: string): void {
  const s = words();
  const overrides = state.choices.overrides ?? {};
  const problem = p.key in overrides ? resolveScheme($<HTMLSelectElement>('scheme').value, { [p.key]: overrides[p.key] }).problems[0] : undefined;
  input.classList.toggle('invalid', problem !== undefined);
  if (problem) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  note.className = problem ? 'message' : 'default';
  note.textContent = problem ? problem.message[state.lang] : s.defaultIs(p.kind === 'candidates' ? s.candidates[fallback] ?? fallback : fallback);
}

function renderRules(): void {
  const s = words();
  const lang = state.lang;
  const scheme = $<HTMLSelectElement>('scheme');
  const chosen = scheme.value || state.choices.scheme || PRESETS[0]?.id || '';
  scheme.replaceChildren(...PRESETS.map((p) => new Option(`${p.name[lang]} (${p.id})`, p.id)));
  scheme.value = PRESETS.some((p) => p.id === chosen) ? chosen : PRESETS[0]?.id ?? '';
  const preset = findPreset(scheme.value);
  $('period-hint').textContent = preset ? s.periodHint(s.kinds[preset.period] ?? preset.period) : '';
  const builtFor = `${scheme.value}|${lang}|${paramsVersion}`;
  if (builtFor === paramsBuiltFor) return;
  paramsBuiltFor = builtFor;
  const rows = KEY_PARAMETERS.map((p) => {
    const box = el('div', '', 'param');
    const id = `param-${p.key}`;
    const label = el('label', p.label[lang]);
    label.htmlFor = id;
    const fallback = preset ? parameterText(p, preset.parameters[p.key]) : '';
    const overrides = state.choices.overrides ?? {};
    const overridden = p.key in overrides;
    let input: HTMLInputElement | HTMLSelectElement;
    if (p.kind === 'candidates') {
      input = el('select');
      input.append(...Object.entries(s.candidates).map(([k, v]) => new Option(v, k)));
      input.value = overridden ? String(overrides[p.key]) : fallback;
    } else {
      input = el('input');
      input.type = 'text';
      input.value = state.paramText[p.key] ?? (overridden ? parameterText(p, overrides[p.key]) : '');
      input.placeholder = fallback;
    }
    input.id = id;
    input.dataset['param'] = p.key;
    const note = el('div');
    markParameter(p, input, note, fallback);
    input.addEventListener('change', () => {
      const text = input.value.trim();
      state.paramText[p.key] = input.value;
      const next = { ...state.choices.overrides };
      if (text === '' || (p.kind === 'candidates' && text === fallback)) delete next[p.key];
      else next[p.key] = parseParameter(p.key, text);
      state.choices.overrides = next;
      markParameter(p, input, note, fallback);
      state.outcome = null;
      showOutcome();
      render();
    });
    box.append(label, input, note);
    return box;
  });
  $('params').replaceChildren(...rows);
}

// ---------------------------------------------------------------------------------------------
// Step 4: preview

function sheetOf(sheets: readonly ResultSheet[], kind: ResultSheetKind): ResultSheet | undefined {
  return sheets.find((sh) => sh.kind === kind);
}

function explain(index: number | null): void {
  const r = result();
  state.explained = index;
  const person = index === null ? undefined : r?.people[index];
  $<HTMLSelectElement>('person').value = index === null ? '' : String(index);
  $('explanation').textContent = person && r ? explanationLines(person, r, state.lang).join('\n') : '';
}

function explainWinner(r: SelectionResult, row: number): void {
  const person = r.winners[row]?.person;
  if (!person) return;
  explain(r.people.indexOf(person));
  $('explain-box').setAttribute('open', '');
  $('person').focus();
}

function renderPreview(): void {
  const s = words();
  const lang = state.lang;
  const r = result();
  $('results').hidden = r === null;
  if (!r) return;
  const sheets = resultSheets(r, { when: '', tool: '', fingerprint: '' }, lang);
  const awards = awardTable(r, lang);
  $('award-title').textContent = awards.title ?? '';
  $('awards').replaceChildren(...awards.blocks.flatMap((b, i) => [
    ...(b.caption ? [el('h3', b.caption)] : []),
    blockTable(b, i === 0 ? { onRow: (row) => explainWinner(r, row), rowClass: (row) => (r.winners[row]?.status === 'tie' ? 'tie' : '') } : {}),
  ]));
  const winners = sheetOf(sheets, 'winners');
  $('tie-note').hidden = !r.winners.some((w) => w.status === 'tie');
  $('winners').replaceChildren(...(winners?.blocks ?? []).map((b) => blockTable(b, {
    onRow: (row) => explainWinner(r, row), rowClass: (row) => (r.winners[row]?.status === 'tie' ? 'tie' : ''),
  })));
  const vetoes = sheetOf(sheets, 'vetoes')?.blocks[0];
  $('vetoes').replaceChildren(vetoes && vetoes.rows.length > 0 ? blockTable(vetoes) : el('p', s.nothing, 'note'));
  const deductions = sheetOf(sheets, 'deductions')?.blocks[0];
  $('deductions').replaceChildren(deductions && deductions.rows.length > 0 ? blockTable(deductions) : el('p', s.nothing, 'note'));
  const side = sheetOf(sheets, 'results')?.side;
  $('departments').replaceChildren(...(side ? [blockTable(side.block)] : []));
  const person = $<HTMLSelectElement>('person');
  const order = r.people.map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.member.department.localeCompare(b.p.member.department, 'zh-CN') || a.p.member.name.localeCompare(b.p.member.name, 'zh-CN'));
  person.replaceChildren(new Option('', ''), ...order.map(({ p, i }) => new Option(`${p.member.department} · ${p.member.name} (${p.member.id})`, String(i))));
  explain(state.explained);
  const items = r.warnings.slice(0, LIST_LIMIT).map((w) => problemItem(w.message[lang], null));
  if (r.warnings.length > LIST_LIMIT) items.push(problemItem(s.more(r.warnings.length - LIST_LIMIT), null));
  if (items.length === 0) items.push(problemItem(s.noWarnings, null));
  $('warnings').replaceChildren(...items);
}

// ---------------------------------------------------------------------------------------------
// Step 5: write

function sheetsToWrite(r: SelectionResult): ResultSheet[] {
  const run = { when: new Date().toISOString(), tool: 'Service Star task pane', fingerprint: fingerprint(state.tables) };
  return [...resultSheets(r, run, state.lang), historySheet(state.tables.history ?? null, r, state.lang)];
}

/** Writes the result sheets into this workbook, asking once before replacing this period's sheets. */
async function writeIntoWorkbook(): Promise<void> {
  const r = result();
  if (!r) return;
  showError('');
  const sheets = sheetsToWrite(r);
  const progress = $<HTMLProgressElement>('progress');
  try {
    const existing = new Set(await new ExcelSource(excelRun).sheetNames());
    const replaced = sheets.filter((sh) => sh.kind !== 'history' && existing.has(sh.name)).map((sh) => sh.name);
    if (replaced.length > 0 && !state.confirmingReplace) {
      state.confirmingReplace = true;
      setStatus((w, lang) => w.confirmReplace(replaced.join(lang === 'zh' ? '、' : ', ')));
      render();
      return;
    }
    state.confirmingReplace = false;
    $<HTMLButtonElement>('write').disabled = true;
    setStatus((w) => w.writing);
    progress.hidden = false;
    progress.value = 0;
    // Sheets this run read from the workbook are never written (the history sheet is ours to update).
    const inputs = new Set(state.loadedFromWorkbook
      ? (Object.entries(state.tables) as [TableKey, TableInput][]).filter(([k]) => k !== 'history')
        .flatMap(([, t]) => [t.sheet, ...(t.moreSheets ?? []).map((m) => m.sheet)]) : []);
    const sink = new ExcelSink(excelRun, inputs, { onProgress: (done, total) => { progress.value = done / total; } });
    try {
      await sink.writeSheets(sheets);
    } finally {
      // Whatever was written can be undone, even after a failure part way.
      state.undo = sink.undo.created.length > 0 ? sink.undo : state.undo;
      saveUndo(settings(), state.undo);
    }
    const awards = sheets.find((sh) => sh.kind === 'awards');
    if (awards) await sink.activate(awards.name);
    setStatus((w) => w.written(awards?.name ?? ''));
  } catch (error) {
    showError(errorText(error));
  } finally {
    $<HTMLButtonElement>('write').disabled = false;
    progress.hidden = true;
    render();
  }
}

async function undoRun(): Promise<void> {
  if (!state.undo) return;
  showError('');
  setStatus((w) => w.undoing);
  try {
    await new ExcelSink(excelRun, new Set()).undoRun(state.undo);
    state.undo = null;
    saveUndo(settings(), null);
    setStatus((w) => w.undone);
  } catch (error) {
    setStatus('');
    showError(errorText(error));
  }
  render();
}

async function keepRun(): Promise<void> {
  if (!state.undo) return;
  try {
    await new ExcelSink(excelRun, new Set()).discardUndo(state.undo);
    state.undo = null;
    saveUndo(settings(), null);
    setStatus((w) => w.kept);
  } catch (error) {
    showError(errorText(error));
  }
  render();
}

async function download(): Promise<void> {
  const r = result();
  if (!r) return;
  const writer = new XlsxResultWriter();
  await writer.writeSheets(sheetsToWrite(r));
  const bytes = await writer.toBuffer();
  // Inside Excel the result workbook opens as a new workbook: a download link does nothing in the Mac webview.
  if (state.inExcel) {
    try {
      await openAsNewWorkbook(bytes);
    } catch (error) {
      showError(errorText(error));
    }
    return;
  }
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${state.lang === 'zh' ? '评选结果' : 'results'}-${r.period.id}.xlsx`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function renderWrite(): void {
  const s = words();
  $('write-intro').textContent = state.inExcel ? s.writeIntro : s.downloadIntro;
  $('write').hidden = !state.inExcel || result() === null;
  $('write').textContent = state.confirmingReplace ? s.replace : s.write;
  $('download').hidden = result() === null;
  $('download').className = state.inExcel ? '' : 'primary';
  // The last write can be undone from any step, also after the task pane was closed and opened again.
  $('undo-box').hidden = !state.inExcel || state.undo === null;
  $('undo-note').textContent = state.undo ? s.undoNote(state.undo.created.length, state.undo.created[0] ?? '') : '';
}

// ---------------------------------------------------------------------------------------------
// The wizard

/** The furthest step the user can go to now: each step needs the one before it done. */
function reachable(step: StepId): boolean {
  const hasStaff = Boolean(pickedSheets().staff);
  switch (step) {
    case 'sources': return true;
    case 'columns': case 'rules': return hasStaff;
    case 'preview': case 'write': return hasStaff && result() !== null;
  }
}

function go(step: StepId): void {
  showError('');
  if (step === 'columns' || step === 'preview') {
    if (step === 'preview' || !state.outcome) compute();
    showOutcome();
    const outcome = state.outcome;
    if (step === 'preview' && outcome && !outcome.ok) {
      step = outcome.errors.some((e) => e.code === 'BAD_PERIOD' || e.code === 'BAD_PARAMETER') ? 'rules' : 'columns';
    }
  }
  if (!reachable(step)) return;
  state.step = step;
  render();
  $(`step-${step}`).querySelector<HTMLElement>('h2')?.focus();
}

function next(): void {
  const at = STEPS.indexOf(state.step);
  if (state.step === 'sources' && !pickedSheets().staff) {
    const noFiles = state.loaded.length === 0 && !useWorkbook();
    showError((w) => (noFiles ? w.noFiles : w.needStaff));
    return;
  }
  const target = STEPS[at + 1];
  if (target) go(target);
}

function render(): void {
  const s = words();
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  const labels: Record<string, string> = {
    title: s.title, intro: state.inExcel ? s.introExcel : s.intro, lang: s.other,
    'source-label': s.source, 'source-workbook': s.sourceWorkbook, 'source-files': s.sourceFiles, 'files-label': s.files,
    reload: s.reload, reread: s.reread, 'tables-title': s.tablesTitle, 'inputs-title': s.inputs, 'select-hint': s.selectHint,
    'rejected-title': s.rejectedTitle, 'mapping-title': s.mappingHead, 'people-title': s.peopleTitle, 'other-title': s.otherTitle,
    'scheme-label': s.scheme, 'period-label': s.period, 'params-title': s.paramsTitle, 'reset-params': s.resetParams,
    'winners-title': s.winnersTitle, 'tie-note': s.tieNote, 'vetoes-title': s.vetoesTitle, 'deductions-title': s.deductionsTitle,
    'departments-title': s.departmentsTitle, 'explain-title': s.explainTitle, 'person-label': s.explainPick, 'explain-hint': s.explainHint,
    'warnings-title': s.warnings, download: state.inExcel ? s.openWorkbook : s.download, undo: s.undo, keep: s.keep, back: s.back,
  };
  for (const [id, value] of Object.entries(labels)) $(id).textContent = value;
  setStatus(statusSay);
  showError(errorSay);
  $('progress').setAttribute('aria-label', s.progress);
  $('steps').setAttribute('aria-label', s.stepsLabel);
  const at = STEPS.indexOf(state.step);
  for (const button of document.querySelectorAll<HTMLButtonElement>('#steps button')) {
    const step = button.dataset['step'] as StepId;
    button.textContent = `${STEPS.indexOf(step) + 1} ${s.steps[step]}`;
    button.disabled = !reachable(step);
    if (step === state.step) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
  }
  for (const step of STEPS) {
    const section = $(`step-${step}`);
    section.hidden = step !== state.step;
    (section.querySelector('h2') as HTMLElement).textContent = s.steps[step];
  }
  $('step-of').textContent = s.stepOf(at + 1, STEPS.length);
  $('back').hidden = at === 0;
  $('next').hidden = state.step === 'write';
  $('next').textContent = state.step === 'rules' ? s.compute : state.step === 'preview' ? s.toWrite : s.next;
  renderSources();
  renderRules();
  if (state.step === 'columns') {
    renderMapping();
    renderQuality();
  }
  if (state.step === 'preview') renderPreview();
  renderWrite();
}

function start(officeLanguage?: string, excel = false): void {
  state.lang = uiLanguage(officeLanguage, navigator.language);
  state.inExcel = excel;
  state.choices = loadChoices(settings());
  state.undo = loadUndo(settings());
  const now = new Date();
  const today = dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  state.period = today === null ? '' : lastFinishedQuarter(today).id;
  $<HTMLInputElement>('period').value = state.period;
  if (state.choices.source) {
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=source]')) radio.checked = radio.value === state.choices.source;
  }
  $('files').addEventListener('change', () => void readSources());
  $('reload').addEventListener('click', () => void readSources());
  // After fixing a cell the problem pointed at: read the workbook again and check at once.
  $('reread').addEventListener('click', () => void readSources().then(() => {
    if (pickedSheets().staff) recompute();
  }));
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=source]')) {
    radio.addEventListener('change', () => {
      setLoaded([]);
      state.outcome = null;
      render();
      if (useWorkbook()) void readSources();
    });
  }
  $('period').addEventListener('change', () => {
    state.period = $<HTMLInputElement>('period').value.trim();
    state.outcome = null;
    setStatus('');
    const bad = parsePeriod(state.period) ? null : messages.badPeriod(state.period).message;
    showError((_, lang) => bad?.[lang] ?? '');
    render();
  });
  $('scheme').addEventListener('change', () => {
    state.outcome = null;
    showOutcome();
    render();
  });
  $('reset-params').addEventListener('click', () => {
    state.choices.overrides = {};
    state.paramText = {};
    paramsVersion++;
    state.outcome = null;
    showOutcome();
    render();
  });
  $('person').addEventListener('change', () => {
    const value = $<HTMLSelectElement>('person').value;
    explain(value === '' ? null : Number(value));
  });
  $('write').addEventListener('click', () => void writeIntoWorkbook());
  $('download').addEventListener('click', () => void download());
  $('undo').addEventListener('click', () => void undoRun());
  $('keep').addEventListener('click', () => void keepRun());
  $('back').addEventListener('click', () => {
    const previous = STEPS[STEPS.indexOf(state.step) - 1];
    if (previous) go(previous);
  });
  $('next').addEventListener('click', next);
  for (const button of document.querySelectorAll<HTMLButtonElement>('#steps button')) {
    button.addEventListener('click', () => go(button.dataset['step'] as StepId));
  }
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    render();
  });
  render();
  if (useWorkbook()) whenShown(() => void readSources());
}

/**
 * Runs `read` once the pane is on screen. In the shared runtime this page also loads, hidden, when a
 * cell computes a STAR function with the pane closed (one runtime for the ribbon, the pane and the
 * functions: learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in), and reading every
 * sheet then would only slow Excel down. Shown now: the page is visible (Page Visibility API);
 * shown later: Office.addin.onVisibilityModeChanged reports VisibilityMode.taskpane (SharedRuntime
 * 1.1), or the page becomes visible.
 */
function whenShown(read: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    read();
  };
  if (document.visibilityState === 'visible') {
    once();
    return;
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') once(); });
  if (Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) {
    void Office.addin.onVisibilityModeChanged((message) => { if (message.visibilityMode === Office.VisibilityMode.taskpane) once(); });
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady((info) => start(Office.context?.displayLanguage, info.host === Office.HostType.Excel));
}
else document.addEventListener('DOMContentLoaded', () => start());
