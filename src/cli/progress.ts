/** A one-line progress bar on stderr, shown only on a terminal and for large inputs. */
export class Progress {
  private shown = false;

  constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(fraction: number, label: string): void {
    if (!this.enabled) return;
    const width = 24;
    const done = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    this.stream.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}\x1b[K`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
