// @vitest-environment node
// No window, document, location or storage, as in server-side rendering or a worker: the SDK can be
// imported and its documented promises hold (collectSignals never rejects, an evaluation resolves).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectSignals, Seatguard } from '../src/index';

afterEach(() => vi.unstubAllGlobals());

describe('without a window', () => {
  it('has no window here', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('collects signals without rejecting', async () => {
    const signals = await collectSignals();
    expect(signals.token).toMatch(/^[0-9a-f]{32}$/);
    expect(signals.local_ips).toEqual([]);
  });

  it('evaluates a login', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ evaluation_id: 'ev-ssr', verdict: 'allow', redirect: null, device_id: 'd', logout: false, ip: null }),
      { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const result = await new Seatguard({ clientId: 'pk_test123', endpoint: 'https://seatguard.example', stun: false }).evaluate.login({ user: 'u1' });
    expect(result.error).toBeNull();
    expect(result.evaluation_id).toBe('ev-ssr');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
