import { describe, expect, it } from 'vitest';
import { collectSignals, PROBE_BUDGET_MS } from '../src/signals';

describe('collectSignals', () => {
  it('keeps what probes return and leaves out a probe that throws, rejects or overruns', async () => {
    const signals = await collectSignals([
      () => ({ cores: 8, platform: 'Linux x86_64' }),
      () => {
        throw new Error('blocked');
      },
      () => Promise.reject(new Error('denied')),
      () => new Promise((resolve) => setTimeout(() => resolve({ slow: 'late' }), PROBE_BUDGET_MS * 3)),
      async () => ({ audio: '123.456' }),
    ]);
    expect(signals.components).toEqual({ cores: 8, platform: 'Linux x86_64', audio: '123.456' });
    expect(signals.duration_ms).toBeLessThan(PROBE_BUDGET_MS * 3);
  });

  it('never guesses: values that are not strings, finite numbers or booleans are dropped', async () => {
    const signals = await collectSignals([() => ({ ok: true, nan: Number.NaN, list: [1, 2], nothing: undefined, text: 'x', zero: 0 })]);
    expect(signals.components).toEqual({ ok: true, text: 'x', zero: 0 });
  });

  it('carries a token, the time zone and the local addresses alongside', async () => {
    const signals = await collectSignals([]);
    expect(signals.token).toMatch(/^[0-9a-f]{32}$/);
    expect(signals.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(Array.isArray(signals.local_ips)).toBe(true);
  });

  it('collects the standard probes without throwing, whatever this environment lacks', async () => {
    const signals = await collectSignals();
    expect(signals.components.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(typeof signals.components.math).toBe('string');
    for (const value of Object.values(signals.components)) {
      expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
  });
});
