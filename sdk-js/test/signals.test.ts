import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectSignals, gatherSignals, PROBE_BUDGET_MS, PROBES } from '../src/signals';

describe('gathering signals', () => {
  it('keeps what probes return and leaves out a probe that throws, rejects or overruns', async () => {
    const signals = await gatherSignals([
      () => ({ cores: 8, platform: 'Linux x86_64' }),
      () => {
        throw new Error('blocked');
      },
      () => Promise.reject(new Error('denied')),
      () => new Promise((resolve) => setTimeout(() => resolve({ slow: 'late' }), PROBE_BUDGET_MS * 3)),
      async () => ({ audio: '123.456' }),
    ], null);
    expect(signals.components).toEqual({ cores: 8, platform: 'Linux x86_64', audio: '123.456' });
    expect(signals.duration_ms).toBeLessThan(PROBE_BUDGET_MS * 3);
  });

  it('never guesses: values that are not strings, finite numbers or booleans are dropped', async () => {
    const signals = await gatherSignals([() => ({ ok: true, nan: Number.NaN, list: [1, 2], nothing: undefined, text: 'x', zero: 0 })]);
    expect(signals.components).toEqual({ ok: true, text: 'x', zero: 0 });
  });

  it('carries a token, the time zone and the local addresses alongside', async () => {
    const signals = await gatherSignals([]);
    expect(signals.token).toMatch(/^[0-9a-f]{32}$/);
    expect(signals.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(Array.isArray(signals.local_ips)).toBe(true);
  });

  it('leaves the time zone out when the browser knows none (Chromium says Etc/Unknown), which servers before 2026-12 refused', async () => {
    const original = Intl.DateTimeFormat;
    const unknownZone = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      const format = new original(...args);
      const resolved = format.resolvedOptions();
      return Object.assign(Object.create(format), { resolvedOptions: () => ({ ...resolved, timeZone: 'Etc/Unknown' }) });
    } as unknown as typeof Intl.DateTimeFormat;
    vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: unknownZone });
    try {
      const signals = await gatherSignals(PROBES, null);
      expect(signals.timezone).toBeNull();
      expect(signals.components).not.toHaveProperty('timezone');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sends at most the 16 local addresses the server takes, however many the machine shows', async () => {
    class ManyInterfaces {
      onicecandidate: ((event: { candidate: { candidate: string } | null }) => void) | null = null;
      createDataChannel() {}
      async createOffer() {
        return {};
      }
      async setLocalDescription() {
        for (let i = 1; i <= 20; i++) this.onicecandidate?.({ candidate: { candidate: `candidate:${i} 1 udp 1 172.17.${i}.1 5000 typ host` } });
        this.onicecandidate?.({ candidate: null });
      }
      close() {}
    }
    vi.stubGlobal('RTCPeerConnection', ManyInterfaces);
    try {
      const signals = await collectSignals();
      expect(signals.local_ips).toHaveLength(16);
      expect(signals.local_ips[0]).toBe('172.17.1.1');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('collects the standard probes without throwing, whatever this environment lacks', async () => {
    const signals = await gatherSignals(PROBES, null);
    expect(signals.components.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(typeof signals.components.math).toBe('string');
    for (const value of Object.values(signals.components)) {
      expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
  });
});

describe('collectSignals', () => {
  const page = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
  afterEach(() => {
    vi.restoreAllMocks();
    page().setURL('http://localhost:3000/');
  });

  it('runs every standard probe when called as the docs show', async () => {
    const signals = await collectSignals();
    expect(signals.token).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof signals.components.math).toBe('string');
  });

  it('keeps the token in the shared cookie of the cookieDomain it is given, as the pages\' clients do', async () => {
    page().setURL('http://auth.example.com/login');
    const token = (await collectSignals({ cookieDomain: 'example.com' })).token;
    // Another subdomain's localStorage is its own (and this environment has no IndexedDB): only a
    // shared cookie carries the token there.
    page().setURL('http://app.example.com/');
    localStorage.clear();
    expect((await collectSignals({ cookieDomain: 'example.com' })).token).toBe(token);
  });

  it('keeps the cookie on the page host, and says why, for a cookieDomain the page is not under', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const signals = await collectSignals({ cookieDomain: 'example.org' });
    expect(signals.token).toMatch(/^[0-9a-f]{32}$/);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`cookieDomain example.org is not this page's host (${location.hostname})`));
  });
});
