// A progress report on stderr for long CLI jobs: a redrawn bar with rate and ETA on a terminal,
// a plain line every few seconds otherwise (logs, CI), so stdout stays the command's result.
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(private readonly total: number, private readonly unit: string, private readonly out: NodeJS.WriteStream = process.stderr) {
    this.tty = out.isTTY === true;
  }

  update(done: number): void {
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < (this.tty ? 100 : 5000)) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const share = this.total === 0 ? 1 : done / this.total;
    const counts = `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit}`;
    const tail = `${Math.round(rate).toLocaleString('en-US')}/s  ${done < this.total ? `ETA ${formatSeconds(eta)}` : `in ${formatSeconds(seconds)}`}`;
    if (this.tty) {
      const width = 30;
      const filled = Math.round(share * width);
      this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${counts}  ${tail}\x1b[K`);
      if (done >= this.total) this.out.write('\n');
    } else {
      this.out.write(`${(share * 100).toFixed(0)}%  ${counts}  ${tail}\n`);
    }
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
