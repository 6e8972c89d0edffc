// Builds the SDK with esbuild (ES module and classic script) and its type declarations with tsc.
// Uses only the machine's node and the locked devDependencies: no toolchain download.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { bundles } from './bundles.mjs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 18) {
  console.error(`Seatguard's browser SDK needs node >= 18 to build (found ${process.versions.node}).`);
  process.exit(1);
}

rmSync('dist', { recursive: true, force: true });
for (const options of bundles) await build(options);
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
console.log('built dist/seatguard.mjs, dist/seatguard.js and dist/types/');
