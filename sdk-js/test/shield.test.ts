import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkAuthenticatedUser } from '../src/shield';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('checkAuthenticatedUser', () => {
  it('evaluates a login of the user and calls back with the ip and the evaluation id', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ evaluation_id: 'ev-9', verdict: 'allow', redirect: null, device_id: 'd', logout: false,
      ip: '198.51.100.4' }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const callback = vi.fn();
    await checkAuthenticatedUser('8a9f-hashed', callback, { clientId: 'pk_abc', endpoint: 'https://seatguard.example' });
    expect(callback).toHaveBeenCalledWith('198.51.100.4', 'ev-9');
    const body = JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body));
    expect(body).toMatchObject({ client_id: 'pk_abc', action: 'login', user: '8a9f-hashed' });
  });

  it('leaves nothing listening on the page once it has called back, however often a single-page app calls it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ evaluation_id: 'ev-9', verdict: 'allow', ip: '198.51.100.4' }), { status: 200 })));
    const listening = new Map<string, number>();
    const count = (type: string, by: number) => listening.set(type, (listening.get(type) ?? 0) + by);
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation(((type: string, ...rest: [EventListener]) => (count(type, 1), add(type, ...rest))) as typeof target.addEventListener);
      vi.spyOn(target, 'removeEventListener').mockImplementation(((type: string, ...rest: [EventListener]) => (count(type, -1), remove(type, ...rest))) as typeof target.removeEventListener);
    }
    const open = () => Object.fromEntries([...listening].filter(([, count]) => count !== 0));
    await checkAuthenticatedUser('user-0', () => {}, { clientId: 'pk_abc', endpoint: 'https://seatguard.example' });
    // The page's STUN gatherings are forgotten on a network change: listened for once a page (if not already), by no client.
    const pageWide = open();
    expect(Object.entries(pageWide).filter(([type, count]) => !['online', 'visibilitychange'].includes(type) || count !== 1)).toEqual([]);
    for (let i = 1; i < 4; i++) await checkAuthenticatedUser(`user-${i}`, () => {}, { clientId: 'pk_abc', endpoint: 'https://seatguard.example' });
    // Each call's client listened for the back/forward cache for good, holding it, though a login has no page view to evaluate again.
    expect(open()).toEqual(pageWide);
  });

  it('calls back with nulls when the call fails or no client id is known', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('offline');
    }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failed = vi.fn();
    await checkAuthenticatedUser('u', failed, { clientId: 'pk_abc', endpoint: 'https://seatguard.example' });
    expect(failed).toHaveBeenCalledWith(null, null);
    const noClient = vi.fn();
    await checkAuthenticatedUser('u', noClient);
    expect(noClient).toHaveBeenCalledWith(null, null);
    const throwing = vi.fn(() => {
      throw new Error('page bug');
    });
    await expect(checkAuthenticatedUser('u', throwing)).resolves.toBeUndefined();
    warn.mockRestore();
  });
});
