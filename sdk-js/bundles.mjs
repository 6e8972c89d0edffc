// The two bundles the SDK ships, as esbuild options: build.mjs writes them to dist/, and
// test/bundleSize.test.ts builds them in memory to hold them to their size budget.

const common = { bundle: true, minify: true, sourcemap: false, target: ['es2019'], legalComments: 'none', logLevel: 'warning' };

export const bundles = [
  // import.meta is ES2020, but every browser that loads ES modules has it: without this, targeting es2019
  // makes esbuild replace it with {}, and the module could not tell where it was loaded from (the default
  // endpoint, checkAuthenticatedUser's ?client_id=).
  { ...common, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/seatguard.mjs', define: { __FORMAT__: '"esm"' },
    supported: { 'import-meta': true } },
  // The classic script sets the global itself (src/classic.ts).
  { ...common, entryPoints: ['src/classic.ts'], format: 'iife', outfile: 'dist/seatguard.js', define: { __FORMAT__: '"iife"' },
    // The classic build never reads import.meta (the branch is compiled out), so esbuild's warning about it is noise.
    logOverride: { 'empty-import-meta': 'silent' } },
];
