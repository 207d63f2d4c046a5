import { displayText, type ResultSheet } from '../engine/sheets';

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
      || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
      || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000 ? 2 : 1;
  }
  return width;
}

/** A result sheet as aligned plain text, for the terminal. */
export function sheetAsText(sheet: ResultSheet): string {
  const lines: string[] = [];
  if (sheet.title) lines.push(sheet.title, '');
  for (const block of sheet.blocks) {
    if (block.caption) lines.push(block.caption);
    const rows = [block.columns.map((c) => c.header), ...block.rows.map((r) => r.map(displayText)), ...(block.total ? [block.total.map(displayText)] : [])];
    const widths = block.columns.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
    for (const row of rows) {
      lines.push(row.map((text, i) => text + ' '.repeat((widths[i] ?? 0) - displayWidth(text))).join('  ').trimEnd());
    }
    lines.push('');
  }
  return lines.join('\n');
}
