// Type-checks every browser snippet of docs/integration-guide.md and of the README's integration section
// against the SDK's sources, read from the pages themselves, so that a renamed option, a misspelt input
// field or a callback given the wrong shape fails this test rather than the adopter who copies it.
// Object literals are checked for excess properties, so `onLogout` for `on_logout`, say, is caught.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const tsc = join(root, 'sdk-js', 'node_modules', 'typescript', 'bin', 'tsc');
mkdirSync(join(root, 'sdk-js', 'target'), { recursive: true });

/** The ```js blocks of a page, and the module scripts inside its ```html blocks. */
export function browserSnippets(markdown: string): string[] {
  const found: string[] = [];
  for (const block of markdown.matchAll(/^[ \t]*```(js|html)\n([\s\S]*?)^[ \t]*```/gm)) {
    if (block[1] === 'js') found.push(block[2]);
    else for (const script of block[2].matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) found.push(script[1]);
  }
  return found;
}

/**
 * A snippet as a module of its own: its imports of the served SDK (or of the page's shared client module)
 * become the sources', and the names the page takes as its own (the form, the signed-in user, the page's
 * rendered values) are declared loosely, since the guide does not say their types.
 */
function asModule(snippet: string): string {
  const body = snippet.replace(/^\s*import\s*\{[^}]*\}\s*from\s*'(https:\/\/seatguard\.example\.com\/v3\/sdk\.js|\/js\/seatguard\.js)';\s*$/gm, '');
  const declaresClient = /\b(const|let|var)\s+seatguard\b/.test(body);
  return [
    "import { Seatguard, checkAuthenticatedUser, collectSignals } from '../src/index';",
    declaresClient ? '' : 'declare const seatguard: Seatguard;',
    'declare const form: any, currentUser: any, page: any, user: any;',
    'declare function signOutLocally(): void;',
    'void [Seatguard, checkAuthenticatedUser, collectSignals];',
    body,
    'export {};',
  ].join('\n');
}

/**
 * tsc's errors in the snippets, each snippet a module in a folder of its own under target/ (TypeScript 7's
 * compiler is a program, with no API to hand it files in memory).
 */
function diagnostics(snippets: string[]): string[] {
  const dir = mkdtempSync(join(root, 'sdk-js', 'target', 'guide-snippets-'));
  try {
    const files = snippets.map((snippet, i) => {
      const name = `guide-snippet-${i}.ts`;
      writeFileSync(join(dir, name), asModule(snippet).replace("'../src/index'", `'${relative(dir, join(root, 'sdk-js', 'src', 'index'))}'`));
      return name;
    });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true, noEmit: true, skipLibCheck: true, types: [],
      },
      files: [...files, relative(dir, join(root, 'sdk-js', 'src', 'globals.d.ts'))],
    }));
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
      return [];
    } catch (e) {
      const output = String((e as { stdout?: string }).stdout ?? e);
      // Only the snippets' own errors: the sources are type-checked by the build.
      const own = output.split('\n').filter((line) => line.startsWith('guide-snippet-'));
      // A failure outside the snippets (the configuration, the sources) is reported whole, never taken for a pass.
      if (own.length === 0) return [output];
      return own.map((line) => {
        const [, file, row] = /^(guide-snippet-\d+\.ts)\((\d+),/.exec(line) ?? [];
        return file ? `${line}\n    ${readFileSync(join(dir, file), 'utf8').split('\n')[Number(row) - 1]}` : line;
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the browser snippets of the integration guide and the README', () => {
  it('finds them', () => {
    expect(browserSnippets(readFileSync(join(root, 'docs', 'integration-guide.md'), 'utf8')).length).toBeGreaterThanOrEqual(8);
    expect(browserSnippets(readFileSync(join(root, 'README.md'), 'utf8')).length).toBeGreaterThanOrEqual(1);
  });

  it('type-check against the SDK as written', () => {
    const snippets = ['docs/integration-guide.md', 'README.md'].flatMap((page) => browserSnippets(readFileSync(join(root, page), 'utf8')));
    expect(diagnostics(snippets)).toEqual([]);
  }, 60_000);

  // The signature any backend language must compute, as the guide writes it for Node, against the known
  // answers of sdk-java's IdentitySignatureTest (computed with Python's hmac).
  it("give Node's identity signature as the Java SDK computes it", () => {
    const guide = readFileSync(join(root, 'docs', 'integration-guide.md'), 'utf8');
    const expression = /`(createHmac\('sha256', secret\)[^`]*)`/.exec(guide)?.[1];
    expect(expression, "the guide's Node one-liner").toBeDefined();
    const sign = new Function('createHmac', 'secret', 'user', 'email', 'phone', `return ${expression};`);
    const secret = 'ids_0123456789abcdefghijABCDEFGHIJ0123456789x';
    expect(sign(createHmac, secret, 'mia', 'mia@example.com', undefined)).toBe('6d8d3ec796119c9bdf31771d19ed01d13dac22f0778f7b93c055ed077544d696');
    expect(sign(createHmac, secret, undefined, 'new@example.com', '+33612345678')).toBe('fadffa46918ecdd0242c6e349cafb567b211be6218907376aa775e00b134be19');
  });

  it('would catch a misspelt option or input field', () => {
    expect(diagnostics(["new Seatguard({ clientId: 'pk_1', onLogout: () => {} });"]).join('\n')).toContain('onLogout');
    expect(diagnostics(["await seatguard.evaluate.access({ user: 'u', identitySignature: 's' });"]).join('\n')).toContain('identitySignature');
  }, 60_000);
});
