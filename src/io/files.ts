import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/**
 * Writes bytes or text to a file, making its folder first. The data goes to a temporary file beside
 * the target, flushed to disk, and is then renamed over it (atomic on one file system): a run killed
 * or a disk filling up midway leaves the previous file whole, never a half-written one.
 */
export async function saveFile(path: string, data: Uint8Array | string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
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
