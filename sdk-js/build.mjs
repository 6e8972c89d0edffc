// Builds the SDK with esbuild (ES module and classic script) and its type declarations with tsc.
// Uses only the machine's node and the locked devDependencies: no toolchain download.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 18) {
  console.error(`Seatguard's browser SDK needs node >= 18 to build (found ${process.versions.node}).`);
  process.exit(1);
}

rmSync('dist', { recursive: true, force: true });
const common = { bundle: true, minify: true, sourcemap: false, target: ['es2019'], legalComments: 'none', logLevel: 'warning' };
// import.meta is ES2020, but every browser that loads ES modules has it: without this, targeting es2019
// makes esbuild replace it with {}, and the module could not tell where it was loaded from (the default
// endpoint, checkAuthenticatedUser's ?client_id=).
await build({ ...common, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/seatguard.mjs', define: { __FORMAT__: '"esm"' },
  supported: { 'import-meta': true } });
// The classic script sets the global itself (src/classic.ts).
await build({ ...common, entryPoints: ['src/classic.ts'], format: 'iife', outfile: 'dist/seatguard.js', define: { __FORMAT__: '"iife"' },
  // The classic build never reads import.meta (the branch is compiled out), so esbuild's warning about it is noise.
  logOverride: { 'empty-import-meta': 'silent' } });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
console.log('built dist/seatguard.mjs, dist/seatguard.js and dist/types/');
