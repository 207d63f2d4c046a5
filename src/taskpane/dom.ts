import { displayText, type SheetBlock } from '../engine/sheets';
import type { Cell } from '../engine/types';

/** The element with this id; the page has every id the task pane uses. */
export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** An element with text content only: names and cells are never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== '') node.textContent = text;
  if (className !== '') node.className = className;
  return node;
}

export interface RowOptions {
  /** Called when a row is clicked or chosen with Enter: the row's index among `rows`. */
  onRow?: (index: number) => void;
  /** A class for a row (e.g. ties). */
  rowClass?: (index: number) => string;
}

/** A table of cells shown as the result sheets show them; clickable rows are keyboard reachable too. */
export function tableOf(headers: readonly string[], rows: readonly (readonly Cell[])[], options: RowOptions = {}): HTMLTableElement {
  const table = el('table');
  const head = table.createTHead().insertRow();
  for (const h of headers) head.appendChild(el('th', h));
  const body = table.createTBody();
  rows.forEach((row, i) => {
    const tr = body.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      const text = displayText(cell);
      td.textContent = text;
      // Numbers align right; short words (names, ids, departments) never wrap in a narrow pane.
      if (typeof cell === 'number') td.className = 'num';
      else if (text.length <= 6) td.className = 'short';
    }
    const extra = options.rowClass?.(i) ?? '';
    if (options.onRow) {
      const choose = options.onRow;
      tr.className = `clickable ${extra}`.trim();
      tr.tabIndex = 0;
      tr.addEventListener('click', () => choose(i));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          choose(i);
        }
      });
    } else if (extra !== '') tr.className = extra;
  });
  return table;
}

/** A result sheet's block as a table (its total row last). */
export function blockTable(block: SheetBlock, options: RowOptions = {}): HTMLTableElement {
  return tableOf(block.columns.map((c) => c.header), block.total ? [...block.rows, block.total] : block.rows, options);
}

/** A list item with a message; a button when it can be acted on (select the cell). */
export function problemItem(text: string, act: (() => void) | null): HTMLLIElement {
  const li = el('li');
  if (act) {
    const button = el('button', text);
    button.type = 'button';
    button.addEventListener('click', act);
    li.appendChild(button);
  } else li.appendChild(el('span', text));
  return li;
}
