/**
 * Progress for long runs, on stderr: a bar on a terminal; in a log (CI), either one line per step
 * (`everyStep`: the caller prints each finished step with `line`) or a line every 10%.
 */
import cliProgress from 'cli-progress';

/** The label of the audit phase of `check`. */
export const AUDIT_LABEL = 'auditing constants and hypotheses';

export interface Progress {
  update(done: number, total: number, detail?: string): void;
  /** In a log with `everyStep`: prints one finished step (undefined on a terminal, where the bar shows it). */
  line?: (text: string) => void;
  stop(): void;
}

export function progress(label: string, opts: { everyStep?: boolean } = {}): Progress {
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
  if (opts.everyStep) return { update() {}, line: (text) => process.stderr.write(`${text}\n`), stop() {} };
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
