/**
 * Compiles the GD kernels at install time (`npm ci` / `npm install` run this as the `prepare`
 * script; `npm run build:kernel` runs it by hand):
 *
 * - WebAssembly: assembly/gd-step.ts → build/gd-step.wasm, with the AssemblyScript compiler from
 *   node_modules; build/gd-step.json records the source's SHA-256.
 * - native: native/*.c → build/lemmacheck-native.node (one Node-API module: the GD kernel and the Gram matrix of opNorm), with
 *   the machine's C compiler (`$CC`, else `cc`) against Node's own headers, `-O3 -march=native`
 *   (AVX-512 where the processor has it) and `-ffp-contract=off` (no fused multiply-add, so the
 *   iterates stay bitwise those of the other kernels); build/lemmacheck-native.json records the
 *   sources' SHA-256, the processor it was compiled for and the flags.
 *
 * A failed compile does not fail the install: it removes that kernel's previous output, says so on
 * stderr, and lemmacheck runs the next kernel (native → WebAssembly → TypeScript; kernelInfo() says
 * which and why). `--strict` makes any failure exit 1 instead. Nothing is downloaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import asc from 'assemblyscript/asc';
import { cpuSignature, NATIVE_PATHS, nativeSourceHash, sha256 } from '../src/native.ts';
import { WASM_PATHS } from '../src/gd/step-wasm.ts';

const strict = process.argv.includes('--strict');

async function buildWasm(): Promise<void> {
  rmSync(WASM_PATHS.stamp, { force: true });
  rmSync(WASM_PATHS.wasm, { force: true });
  mkdirSync(dirname(WASM_PATHS.wasm), { recursive: true });
  const source = readFileSync(WASM_PATHS.source, 'utf8');
  const { error, stderr } = await asc.main([WASM_PATHS.source, '--outFile', WASM_PATHS.wasm, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd']);
  if (error) throw new Error(`${error.message}\n${stderr.toString()}`);
  new WebAssembly.Module(readFileSync(WASM_PATHS.wasm)); // validates
  writeFileSync(WASM_PATHS.stamp, `${JSON.stringify({ sourceSha256: sha256(source) })}\n`);
  console.error(`built ${WASM_PATHS.wasm}`);
}

/** The directory holding node_api.h: Node's own headers (beside the binary, or npm's nodedir). */
function nodeHeaders(): string {
  const candidates = [join(dirname(dirname(process.execPath)), 'include', 'node')];
  if (process.env.npm_config_nodedir) candidates.push(join(process.env.npm_config_nodedir, 'include', 'node'));
  const found = candidates.find((dir) => existsSync(join(dir, 'node_api.h')));
  if (!found) throw new Error(`Node's headers (node_api.h) not found in ${candidates.join(', ')}`);
  return found;
}

/**
 * The compiler flags; the module's code depends on them (they are recorded in the stamp).
 * -fno-semantic-interposition: nothing interposes the module's own functions, and without it, under
 * -fPIC, GCC 12 compiled native/gd-small-loop.h 15–25% slower than with it or than the same source in
 * an executable (measured on the AVX2 host: 10×10×4 285 against 240, 6×6×3 100 against 81 ns/step).
 * It changes no floating-point result.
 */
const NATIVE_FLAGS = ['-O3', '-march=native', '-ffp-contract=off', '-fno-fast-math', '-std=gnu11', '-fPIC', '-fno-semantic-interposition', '-shared'];

function buildNative(): void {
  rmSync(NATIVE_PATHS.stamp, { force: true });
  rmSync(NATIVE_PATHS.module, { force: true });
  mkdirSync(dirname(NATIVE_PATHS.module), { recursive: true });
  const cc = process.env.CC || 'cc';
  const sources = NATIVE_PATHS.sources.filter((p) => p.endsWith('.c'));
  const args = [...NATIVE_FLAGS, '-I', nodeHeaders(), ...sources, '-o', NATIVE_PATHS.module];
  const run = spawnSync(cc, args, { encoding: 'utf8' });
  if (run.error) throw new Error(`${cc}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${cc} ${args.join(' ')}\n${run.stderr}`);
  writeFileSync(NATIVE_PATHS.stamp, `${JSON.stringify({ sourceSha256: nativeSourceHash(), cpu: cpuSignature(), flags: `${cc} ${NATIVE_FLAGS.join(' ')}` })}\n`);
  console.error(`built ${NATIVE_PATHS.module}`);
}

let failed = false;
try {
  await buildWasm();
} catch (e) {
  failed = true;
  rmSync(WASM_PATHS.wasm, { force: true });
  console.error(`lemmacheck: could not build the WebAssembly kernel; it will not be used.\n${e instanceof Error ? e.message : e}`);
}
try {
  buildNative();
} catch (e) {
  failed = true;
  rmSync(NATIVE_PATHS.module, { force: true });
  console.error(
    `lemmacheck: could not build the native module; the GD step and opNorm will use their WebAssembly / TypeScript code.\n${e instanceof Error ? e.message : e}`,
  );
}
if (failed && strict) process.exit(1);
