/// <reference lib="webworker" />
import { doJob, type EngineRequest, type EngineReply } from './engine-client';

/**
 * The engine and the file readers off the page's thread: a 3,000-person office takes about a second
 * to compute and half a second to read, and the page must stay responsive (and say so) meanwhile.
 * Requests and replies are plain data (a File is posted as a handle, its bytes are not copied).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const { id, job } = event.data;
  doJob(job).then(
    (value) => scope.postMessage({ id, value } satisfies EngineReply),
    (error: unknown) => scope.postMessage({ id, failure: error instanceof Error ? error.message : String(error) } satisfies EngineReply),
  );
};
