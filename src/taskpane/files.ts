import { readBook, type ReadBook } from '../io/tables';
import { openSource } from '../io/xlsx';
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

/**
 * The files the user picked, every sheet read (in the engine's worker: unzipping and scanning a large
 * office's workbook took half a second of the page's thread). DecompressionStream is there in workers
 * too (compression.spec.whatwg.org: [Exposed=*]).
 */
export function readFiles(files: readonly File[]): Promise<ReadBook[]> {
  return Promise.all(files.map(async (f) => readBook(await openSource(f.name, new Uint8Array(await f.arrayBuffer()), inflateWeb))));
}
