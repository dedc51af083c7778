/**
 * Compiles the WebAssembly GD kernel, assembly/gd-step.ts → build/gd-step.wasm, with the
 * AssemblyScript compiler from node_modules, and records the source's SHA-256 in
 * build/gd-step.json (the loader refuses a module built from another source). Run by `npm ci` /
 * `npm install` (the `prepare` script) and by `npm run build:kernel`.
 *
 * A failed compile does not fail the install: it removes any previous module, says so on stderr,
 * and lemmacheck then runs the TypeScript kernel (kernelInfo() reports why). `--strict` makes it
 * exit 1 instead.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import asc from 'assemblyscript/asc';
import { sourceHash, WASM_PATHS } from '../src/gd/step-wasm.ts';

const strict = process.argv.includes('--strict');

async function build(): Promise<void> {
  rmSync(WASM_PATHS.stamp, { force: true });
  rmSync(WASM_PATHS.wasm, { force: true });
  mkdirSync(dirname(WASM_PATHS.wasm), { recursive: true });
  const source = readFileSync(WASM_PATHS.source, 'utf8');
  const { error, stderr } = await asc.main([
    WASM_PATHS.source,
    '--outFile', WASM_PATHS.wasm,
    '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd',
  ]);
  if (error) throw new Error(`${error.message}\n${stderr.toString()}`);
  new WebAssembly.Module(readFileSync(WASM_PATHS.wasm)); // validates
  writeFileSync(WASM_PATHS.stamp, JSON.stringify({ sourceSha256: sourceHash(source) }) + '\n');
  console.error(`built ${WASM_PATHS.wasm}`);
}

try {
  await build();
} catch (e) {
  rmSync(WASM_PATHS.wasm, { force: true });
  console.error(`lemmacheck: could not build the WebAssembly kernel; the TypeScript kernel will be used.\n${e instanceof Error ? e.message : e}`);
  if (strict) process.exit(1);
}
