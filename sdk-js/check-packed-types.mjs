// Type-checks an adopter's page (test/packed-types/consumer.ts) against the declarations in the npm
// tarball the build packed, installed as an adopter installs it, under each module resolution an adopter
// may use. The package is "type": "module", so under node16 and nodenext its declarations must name
// relative files with their extensions: an extensionless one is an error there, and under skipLibCheck
// it silently turns every export into `any` (which the consumer's @ts-expect-error lines catch).
// Offline: the tarball is local, and tsc is the locked devDependency.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const target = resolve(process.argv[2] ?? 'target');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const tarball = join(target, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
const tsc = resolve('node_modules/typescript/bin/tsc');

const app = join(target, 'packed-types');
rmSync(app, { recursive: true, force: true });
mkdirSync(app, { recursive: true });
// An ES module app of its own, so nothing resolves to this checkout's sources or dist/.
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'packed-types-check', private: true, type: 'module' }));
for (const file of ['consumer.ts', 'tsconfig.json']) copyFileSync(join('test/packed-types', file), join(app, file));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', tarball], { cwd: app, stdio: 'inherit' });

const resolutions = [
  { module: 'nodenext', moduleResolution: 'nodenext' },
  { module: 'node16', moduleResolution: 'node16' },
  { module: 'esnext', moduleResolution: 'bundler' },
];
let failed = false;
for (const { module, moduleResolution } of resolutions) {
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--module', module, '--moduleResolution', moduleResolution], { cwd: app, stdio: 'inherit' });
    console.log(`packed types: an adopter's page type-checks under moduleResolution ${moduleResolution}`);
  } catch {
    console.error(`packed types: an adopter's page does not type-check under moduleResolution ${moduleResolution} (above)`);
    failed = true;
  }
}
if (failed) process.exit(1);
