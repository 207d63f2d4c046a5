import { runSelection, type SelectionInput, type SelectionOutcome } from '../../engine/select';
import type { ReadBook } from '../../io/tables';

/** What the worker is asked: to compute a selection, or to read the files the user picked. */
export type EngineJob = { kind: 'run'; input: SelectionInput } | { kind: 'read'; files: readonly File[] };

export interface EngineRequest {
  id: number;
  job: EngineJob;
}

export type EngineReply = { id: number; value: SelectionOutcome | ReadBook[] } | { id: number; failure: string };

/** Does a job where it is called: in the worker, or in the page when no worker could start. */
export async function doJob(job: EngineJob): Promise<SelectionOutcome | ReadBook[]> {
  if (job.kind === 'run') return runSelection(job.input);
  // The readers load only now (in the page, a chunk of their own; the worker has them).
  const { readFiles } = await import('../files');
  return readFiles(job.files);
}

/**
 * Where the page finds the worker's script: the add-in's page names the built file, whose name has a
 * content hash (webpack.config.js), in <meta name="engine-worker">; the one-file page carries the
 * script itself in <script type="text/plain" id="engine-worker-source">, started from a blob: URL
 * (a page opened from disk cannot fetch a file beside it for a worker; see docs/decisions.md).
 */
export function workerScript(doc: Document): string | null {
  const inline = doc.getElementById('engine-worker-source');
  if (inline) return URL.createObjectURL(new Blob([inline.textContent ?? ''], { type: 'text/javascript' }));
  const named = doc.querySelector<HTMLMetaElement>('meta[name="engine-worker"]')?.content;
  return named ? new URL(named, doc.baseURI).href : null;
}

/**
 * Runs the engine and reads files in a Web Worker; where a worker cannot start, in the page itself,
 * so the wizard still works, only less smoothly.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { job: EngineJob; resolve: (v: SelectionOutcome | ReadBook[]) => void; reject: (e: Error) => void }>();

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
    return this.ask({ kind: 'run', input }) as Promise<SelectionOutcome>;
  }

  /** Every sheet of the files, read off the page's thread. */
  read(files: readonly File[]): Promise<ReadBook[]> {
    return this.ask({ kind: 'read', files }) as Promise<ReadBook[]>;
  }

  private ask(job: EngineJob): Promise<SelectionOutcome | ReadBook[]> {
    if (!this.worker) return doJob(job);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { job, resolve, reject });
      this.worker?.postMessage({ id, job } satisfies EngineRequest);
    });
  }

  private settle(reply: EngineReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if ('value' in reply) waiter.resolve(reply.value);
    else waiter.reject(new Error(reply.failure));
  }

  /** The worker could not load its script: do what it was asked in the page, and from now on. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, waiter] of this.waiting) {
      this.waiting.delete(id);
      doJob(waiter.job).then(waiter.resolve, (error: unknown) => waiter.reject(error instanceof Error ? error : new Error(String(error))));
    }
  }
}
