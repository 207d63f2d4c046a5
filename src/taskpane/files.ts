import type { TableSource } from '../io/types';
import { tooLarge, type Inflate } from '../io/zip';

/** Raw deflate with the browser's DecompressionStream, chunk by chunk, stopping past the limit. */
export const inflateWeb: Inflate = async function* inflateWeb(compressed, limit) {
  const stream = new Blob([compressed as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > limit) throw tooLarge(limit);
      yield value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
};

/** The files the user picked as table sources; the readers load only now, in a chunk of their own. */
export async function openFiles(files: readonly File[]): Promise<TableSource[]> {
  const { openSource } = await import('../io/xlsx');
  return Promise.all(files.map(async (f) => openSource(f.name, new Uint8Array(await f.arrayBuffer()), inflateWeb)));
}
