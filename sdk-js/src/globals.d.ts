/** Which bundle is being built: set by build.mjs (and vitest.config.ts) through esbuild's define. */
declare const __FORMAT__: 'esm' | 'iife';
