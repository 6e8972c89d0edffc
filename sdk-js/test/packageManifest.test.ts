// @vitest-environment node
// What bundlers make of package.json, as an app bundling the npm package meets it. The classic script's
// entry (`@seatguard/browser/classic`) does its whole job by defining the global `Seatguard`: a package
// marked free of side effects has a bare import of it dropped, silently under webpack's production mode.
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const manifest = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
const app = mkdtempSync(join(tmpdir(), 'seatguard-bundled-'));

afterAll(() => rmSync(app, { recursive: true, force: true }));

/** The package as installed, its bundles stood in for by marked stubs (this test is about the manifest, not the build). */
function install(): void {
  const installed = join(app, 'node_modules', '@seatguard', 'browser');
  mkdirSync(join(installed, 'dist'), { recursive: true });
  cpSync(manifest, join(installed, 'package.json'));
  writeFileSync(join(installed, 'dist', 'seatguard.js'), 'globalThis.Seatguard = "classic script ran";\n');
  writeFileSync(join(installed, 'dist', 'seatguard.mjs'), 'globalThis.sideEffect = "module ran";\nexport class Seatguard {}\n');
}

async function bundle(entry: string): Promise<string> {
  writeFileSync(join(app, 'entry.js'), entry);
  const result = await build({ entryPoints: [join(app, 'entry.js')], absWorkingDir: app, bundle: true, write: false, format: 'esm', logLevel: 'silent' });
  return result.outputFiles[0].text;
}

describe('the npm package as bundled into an app', () => {
  install();

  it('keeps a bare import of the classic script, whose job is to define the global', async () => {
    expect(await bundle("import '@seatguard/browser/classic';\n")).toContain('classic script ran');
  });

  it('still marks the ES module free of side effects, so an import an app does not use is dropped', async () => {
    expect(await bundle("import { Seatguard } from '@seatguard/browser';\n")).not.toContain('module ran');
  });
});
