import { dayFromParts } from '../engine/dates';
import { fingerprint } from '../engine/fingerprint';
import { historySheet } from '../engine/history';
import { lastFinishedQuarter } from '../engine/period';
import { PRESETS } from '../engine/scheme';
import { runSelection, type SelectionResult } from '../engine/select';
import { awardTable, displayText, resultSheets, type ResultSheet, type SheetBlock } from '../engine/sheets';
import type { Cell, Lang, TableInput } from '../engine/types';
import { ExcelSink, ExcelSource } from '../io/office';
import { collectTables } from '../io/tables';
import { openSource } from '../io/xlsx';
import { XlsxResultWriter } from '../io/xlsxWriter';
import { STRINGS, uiLanguage } from './strings';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let lang: Lang = uiLanguage(undefined, navigator.language);
/** Inside Excel the task pane can read this workbook's sheets and write the result sheets into it. */
let inExcel = false;
let last: { result: SelectionResult; history: TableInput | null; fingerprint: string; inputSheets: Set<string> } | null = null;
/** The result sheets of this period exist: the next click on Write replaces them. */
let confirmingReplace = false;

const excelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);

/** Choices kept in the workbook (document settings), so next quarter's run starts from them. */
const CHOICES_KEY = 'serviceStar.choices';

interface Choices {
  scheme?: string;
  source?: 'workbook' | 'files';
}

function workbookSettings(): Office.Settings | undefined {
  return inExcel ? Office.context.document?.settings : undefined;
}

function savedChoices(): Choices {
  const value = workbookSettings()?.get(CHOICES_KEY) as unknown;
  return typeof value === 'object' && value !== null ? value as Choices : {};
}

function saveChoices(): void {
  const settings = workbookSettings();
  if (!settings) return;
  const choices: Choices = { scheme: $<HTMLSelectElement>('scheme').value, source: useWorkbook() ? 'workbook' : 'files' };
  settings.set(CHOICES_KEY, choices);
  settings.saveAsync(() => undefined);
}

function useWorkbook(): boolean {
  return inExcel && document.querySelector<HTMLInputElement>('input[name=source]:checked')?.value === 'workbook';
}

/** A table built with text nodes only: names and cells are never parsed as HTML. */
function tableOf(headers: readonly string[], rows: readonly (readonly Cell[])[]): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of headers) {
    const th = document.createElement('th');
    th.textContent = h;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      td.textContent = displayText(cell);
      if (typeof cell === 'number') td.className = 'num';
    }
  }
  return table;
}

function blockTable(block: SheetBlock): HTMLTableElement {
  return tableOf(block.columns.map((c) => c.header), block.total ? [...block.rows, block.total] : block.rows);
}

function render(): void {
  const s = STRINGS[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const labels: Record<string, string> = {
    title: s.title, intro: inExcel ? s.introExcel : s.intro, 'files-label': s.files, 'period-label': s.period, 'scheme-label': s.scheme,
    run: s.run, download: s.download, lang: s.other, 'inputs-title': s.inputs, 'warnings-title': s.warnings,
    'source-label': s.source, 'source-workbook': s.sourceWorkbook, 'source-files': s.sourceFiles,
    write: confirmingReplace ? s.replace : s.write,
  };
  for (const [id, value] of Object.entries(labels)) $(id).textContent = value;
  $('source').hidden = !inExcel;
  $('files-box').hidden = useWorkbook();
  const scheme = $<HTMLSelectElement>('scheme');
  const chosen = scheme.value;
  scheme.replaceChildren(...PRESETS.map((p) => new Option(`${p.name[lang]} (${p.id})`, p.id)));
  scheme.value = chosen || PRESETS[0]?.id || '';
  if (last) showResult(last.result);
}

function showResult(result: SelectionResult): void {
  const s = STRINGS[lang];
  const awards = awardTable(result, lang);
  $('award-title').textContent = awards.title ?? '';
  $('awards').replaceChildren(...awards.blocks.flatMap((b) => {
    const parts: HTMLElement[] = [];
    if (b.caption) {
      const caption = document.createElement('h2');
      caption.textContent = b.caption;
      parts.push(caption);
    }
    parts.push(blockTable(b));
    return parts;
  }));
  $('inputs').replaceChildren(tableOf(s.inputHeaders,
    result.inputs.map((i) => [i.sheet, i.rows, i.used, i.outOfPeriod, i.skippedBlank, i.rejected])));
  const items = result.warnings.slice(0, 50).map((w) => {
    const li = document.createElement('li');
    li.textContent = w.message[lang];
    return li;
  });
  if (result.warnings.length > 50) {
    const li = document.createElement('li');
    li.textContent = s.more(result.warnings.length - 50);
    items.push(li);
  }
  if (items.length === 0) {
    const li = document.createElement('li');
    li.textContent = s.noWarnings;
    items.push(li);
  }
  $('warnings').replaceChildren(...items);
  $('results').hidden = false;
  $('download').hidden = false;
  $('write').hidden = !inExcel;
}

function showError(message: string): void {
  $('error').textContent = message;
  $('error').hidden = false;
}

async function run(): Promise<void> {
  const s = STRINGS[lang];
  $('error').hidden = true;
  const files = [...($<HTMLInputElement>('files').files ?? [])];
  const workbook = useWorkbook();
  if (!workbook && files.length === 0) return showError(s.noFiles);
  $<HTMLButtonElement>('run').disabled = true;
  $('status').textContent = s.running;
  confirmingReplace = false;
  try {
    const sources = workbook ? [new ExcelSource(excelRun, s.sourceWorkbook)]
      : await Promise.all(files.map(async (f) => openSource(f.name, new Uint8Array(await f.arrayBuffer()))));
    const collected = await collectTables(sources, {});
    // Sheets this run read from the workbook: never written to (the history sheet is ours to update).
    const inputSheets = new Set(workbook ? Object.entries(collected.tables).filter(([k]) => k !== 'history').map(([, t]) => t.sheet) : []);
    const outcome = runSelection({
      period: $<HTMLInputElement>('period').value, scheme: $<HTMLSelectElement>('scheme').value, tables: collected.tables,
    });
    if (!outcome.ok) {
      last = null;
      $('results').hidden = true;
      $('download').hidden = true;
      $('status').textContent = '';
      return showError(outcome.errors.map((e) => e.message[lang]).join('\n'));
    }
    saveChoices();
    last = { result: outcome.result, history: collected.tables.history ?? null, fingerprint: fingerprint(collected.tables), inputSheets };
    render();
    $('status').textContent = s.done(outcome.result.people.length, outcome.result.warnings.length);
  } catch (error) {
    $('status').textContent = '';
    showError(error instanceof Error ? error.message : String(error));
  } finally {
    $<HTMLButtonElement>('run').disabled = false;
  }
}

function sheetsOfLastRun(): ResultSheet[] {
  if (!last) return [];
  const run = { when: new Date().toISOString(), tool: 'Service Star task pane', fingerprint: last.fingerprint };
  return [...resultSheets(last.result, run, lang), historySheet(last.history, last.result, lang)];
}

/** Writes the result sheets into this workbook, asking once before replacing this period's sheets. */
async function writeIntoWorkbook(): Promise<void> {
  if (!last) return;
  const s = STRINGS[lang];
  $('error').hidden = true;
  const sheets = sheetsOfLastRun();
  try {
    const existing = new Set(await new ExcelSource(excelRun).sheetNames());
    const replaced = sheets.filter((sh) => sh.kind !== 'history' && existing.has(sh.name)).map((sh) => sh.name);
    if (replaced.length > 0 && !confirmingReplace) {
      confirmingReplace = true;
      $('status').textContent = s.confirmReplace(replaced.join(lang === 'zh' ? '、' : ', '));
      render();
      return;
    }
    confirmingReplace = false;
    $<HTMLButtonElement>('write').disabled = true;
    $('status').textContent = s.writing;
    const sink = new ExcelSink(excelRun, last.inputSheets);
    await sink.writeSheets(sheets);
    const awards = sheets.find((sh) => sh.kind === 'awards');
    if (awards) await sink.activate(awards.name);
    $('status').textContent = s.written(awards?.name ?? '');
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  } finally {
    $<HTMLButtonElement>('write').disabled = false;
    render();
  }
}

async function download(): Promise<void> {
  if (!last) return;
  const writer = new XlsxResultWriter();
  await writer.writeSheets(sheetsOfLastRun());
  const blob = new Blob([await writer.toBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${lang === 'zh' ? '评选结果' : 'results'}-${last.result.period.id}.xlsx`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function start(officeLanguage?: string, excel = false): void {
  lang = uiLanguage(officeLanguage, navigator.language);
  inExcel = excel;
  const now = new Date();
  const today = dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  if (today !== null) $<HTMLInputElement>('period').value = lastFinishedQuarter(today).id;
  $('run').addEventListener('click', () => void run());
  $('download').addEventListener('click', () => void download());
  $('write').addEventListener('click', () => void writeIntoWorkbook());
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=source]')) radio.addEventListener('change', render);
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    render();
  });
  const choices = savedChoices();
  if (choices.source) {
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=source]')) radio.checked = radio.value === choices.source;
  }
  render();
  if (choices.scheme && PRESETS.some((p) => p.id === choices.scheme)) $<HTMLSelectElement>('scheme').value = choices.scheme;
}

if (typeof Office !== 'undefined') {
  void Office.onReady((info) => start(Office.context?.displayLanguage, info.host === Office.HostType.Excel));
}
else document.addEventListener('DOMContentLoaded', () => start());
