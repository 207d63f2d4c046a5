import { runSelection, type SelectionInput, type SelectionOutcome } from '../../engine/select';

export interface EngineRequest {
  id: number;
  input: SelectionInput;
}

export type EngineReply = { id: number; outcome: SelectionOutcome } | { id: number; failure: string };

/** The worker's script: a bundle of its own beside the page (webpack entry `engine-worker`). */
export const WORKER_SCRIPT = 'engine-worker.js';

/**
 * Runs the engine in a Web Worker; where a worker cannot start (a page opened from disk in some
 * browsers), in the page itself, so the wizard still works, only less smoothly.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { input: SelectionInput; resolve: (o: SelectionOutcome) => void; reject: (e: Error) => void }>();

  constructor(scriptUrl: string | null) {
    if (scriptUrl === null || typeof Worker === 'undefined') return;
    try {
      this.worker = new Worker(scriptUrl);
      this.worker.onmessage = (event: MessageEvent<EngineReply>) => this.settle(event.data);
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.fallBack();
      };
    } catch {
      this.worker = null;
    }
  }

  run(input: SelectionInput): Promise<SelectionOutcome> {
    if (!this.worker) return Promise.resolve().then(() => runSelection(input));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { input, resolve, reject });
      this.worker?.postMessage({ id, input } satisfies EngineRequest);
    });
  }

  private settle(reply: EngineReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if ('outcome' in reply) waiter.resolve(reply.outcome);
    else waiter.reject(new Error(reply.failure));
  }

  /** The worker could not load its script: answer what it was asked in the page, and from now on. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, waiter] of this.waiting) {
      this.waiting.delete(id);
      try {
        waiter.resolve(runSelection(waiter.input));
      } catch (error) {
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}
