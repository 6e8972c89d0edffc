import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __FORMAT__: '"esm"' },
  test: { environment: 'happy-dom', include: ['test/**/*.test.ts'] },
});
