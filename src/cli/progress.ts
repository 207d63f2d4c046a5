/**
 * How a long run shows where it is on stderr: a one-line bar redrawn in place on a terminal; one
 * plain line per stage elsewhere (a batch job's log, a pipe), since a redrawn bar there is noise.
 */
export type ProgressMode = 'bar' | 'lines' | 'off';

export class Progress {
  private shown = false;
  private lastLabel = '';
  private readonly started = Date.now();

  constructor(private readonly mode: ProgressMode, private readonly write: (text: string) => void) {}

  update(fraction: number, label: string): void {
    if (this.mode === 'lines') {
      if (label === this.lastLabel) return;
      this.lastLabel = label;
      const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
      this.write(`service-star: ${String(Math.round(fraction * 100)).padStart(3)}% ${seconds} s ${label}\n`);
      return;
    }
    if (this.mode !== 'bar') return;
    const width = 24;
    const done = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    this.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}\x1b[K`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}
