/**
 * Progress for long runs, on stderr: a bar on a terminal, a line every 10% otherwise (CI logs).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, detail?: string): void;
  stop(): void;
}

export function progress(label: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} {detail}`, clearOnComplete: true, hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, detail = '') {
        if (!started) bar.start(total, done, { detail });
        started = true;
        bar.setTotal(total);
        bar.update(done, { detail });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastDecile = -1;
  return {
    update(done, total, detail = '') {
      const decile = Math.floor((10 * done) / Math.max(1, total));
      if (decile !== lastDecile) process.stderr.write(`${label}: ${done}/${total}${detail ? ` ${detail}` : ''}\n`);
      lastDecile = decile;
    },
    stop() {},
  };
}
