import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkAuthenticatedUser } from '../src/shield';

afterEach(() => vi.unstubAllGlobals());

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
