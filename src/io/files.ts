import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openSource, SourceError } from './xlsx';
import type { TableSource } from './types';

/** Opens an .xlsx or .csv file from disk; a missing or unreadable file is a SourceError. */
export async function openFile(path: string): Promise<TableSource> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError('UNREADABLE', path, null, code === 'ENOENT' ? '文件不存在 / no such file' : String(code ?? error));
  }
  return openSource(path, data);
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
