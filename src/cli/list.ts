/** `list [--json]`: the registry, one line per claim. */
import { loadClaims } from '../claims/registry.ts';

export async function listCommand(opts: { json?: boolean }): Promise<void> {
  const claims = await loadClaims();
  const rows = claims.map((c) => ({ id: c.id, paper: c.source.paper, where: c.source.where, kind: c.kind, expected: c.expected }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) process.stdout.write(`${r.id.padEnd(width)}  ${r.kind.padEnd(10)}  expected ${r.expected.padEnd(7)}  ${r.paper} ${r.where}\n`);
}
