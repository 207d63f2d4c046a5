/// <reference lib="webworker" />
import { runSelection } from '../../engine/select';
import type { EngineRequest, EngineReply } from './engine-client';

/**
 * The engine off the page's thread: a 3,000-person office takes about a second to compute, and the
 * page must stay responsive (and say so) meanwhile. Requests and replies are plain data.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const { id, input } = event.data;
  let reply: EngineReply;
  try {
    reply = { id, outcome: runSelection(input) };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
