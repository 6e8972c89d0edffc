// Installs the locked devDependencies with `npm ci`, but only when node_modules does not already match
// package-lock.json, so repeated builds stay fast and offline. Checks node's version first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 18) {
  console.error(`Seatguard's browser SDK needs node >= 18 and npm to build; found node ${process.versions.node}.`);
  process.exit(1);
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const installedPath = 'node_modules/.package-lock.json';
const installed = existsSync(installedPath) ? JSON.parse(readFileSync(installedPath, 'utf8')) : null;
// Up to date when every installed package is the locked version and every package the lock requires
// (optional platform binaries aside) is installed.
const locked = lock.packages ?? {};
const present = installed?.packages ?? {};
const upToDate = installed !== null
  && Object.entries(present).every(([path, p]) => !path || locked[path]?.version === p.version)
  && Object.entries(locked).every(([path, p]) => !path || p.optional || present[path]?.version === p.version);
if (upToDate) {
  console.log('node_modules matches package-lock.json');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { stdio: 'inherit' });
}
