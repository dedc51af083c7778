/**
 * `list [--json]`: the registry, one line per claim. A lemma file that did not load is listed as an
 * `error` row naming the file (the other claims are still listed) and makes the exit code 1.
 */
import { loadRegistry } from '../claims/registry.ts';

export async function listCommand(opts: { json?: boolean }): Promise<number> {
  const { claims, errors } = await loadRegistry();
  const rows = claims.map((c) => ({ id: c.id, paper: c.source.paper, where: c.source.where, kind: c.kind, expected: c.expected }));
  if (opts.json) {
    const broken = errors.map((e) => ({ id: e.file, paper: '—', where: e.file, kind: 'error', expected: 'holds', error: e.message }));
    process.stdout.write(`${JSON.stringify([...rows, ...broken], null, 2)}\n`);
  } else {
    const width = Math.max(...rows.map((r) => r.id.length), ...errors.map((e) => e.file.length));
    for (const r of rows) process.stdout.write(`${r.id.padEnd(width)}  ${r.kind.padEnd(10)}  expected ${r.expected.padEnd(7)}  ${r.paper} ${r.where}\n`);
    for (const e of errors) process.stdout.write(`${e.file.padEnd(width)}  ${'error'.padEnd(10)}  did not load: ${e.message}\n`);
  }
  if (errors.length)
    process.stderr.write(`error: ${errors.length} lemma file${errors.length > 1 ? 's' : ''} did not load: ${errors.map((e) => e.file).join(', ')}\n`);
  return errors.length ? 1 : 0;
}
