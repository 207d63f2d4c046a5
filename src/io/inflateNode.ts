import { createInflateRaw } from 'node:zlib';
import { tooLarge, ZipError, type Inflate } from './zip';

/** Raw deflate with Node's zlib, in 64 KB chunks, stopping past the limit. */
export const inflateNode: Inflate = async function* inflateNode(compressed, limit) {
  const stream = createInflateRaw({ chunkSize: 65_536 });
  stream.end(compressed);
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw tooLarge(limit);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('damaged', error instanceof Error ? error.message : String(error));
  } finally {
    stream.destroy();
  }
};
