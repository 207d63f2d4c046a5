import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SourceError } from './errors';
import { inflateNode } from './inflateNode';
import { openSource } from './xlsx';
import type { TableSource } from './types';

/** Opens a workbook or CSV file from disk; a missing or unreadable file is a SourceError. */
export async function openFile(path: string): Promise<TableSource> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? SourceError.unreadable(path, 'missing') : SourceError.unreadable(path, 'io', String(code ?? error));
  }
  return openSource(path, data, inflateNode);
}

/** Writes bytes or text to a file, making its folder first. */
export async function saveFile(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

/** Whether two paths name the same file, through links and case-insensitive file systems too. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}
