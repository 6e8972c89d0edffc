import { afterEach, describe, expect, it, vi } from 'vitest';
import { Seatguard } from '../src/client';
import { gatherReflexive, reflexiveAddress, stunUrl, within } from '../src/stun';

describe('stunUrl', () => {
  it('defaults to the endpoint host on port 3478', () => {
    expect(stunUrl(undefined, 'https://seatguard.example.com')).toBe('stun:seatguard.example.com:3478');
    expect(stunUrl(undefined, 'http://127.0.0.1:8080')).toBe('stun:127.0.0.1:3478');
    expect(stunUrl(undefined, 'http://[::1]:8080')).toBe('stun:[::1]:3478');
  });

  it('takes a stun: URL as given, and false turns it off quietly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(stunUrl('stun:stun.example.com:19302', 'https://x.example')).toBe('stun:stun.example.com:19302');
      // The scheme is case-insensitive (RFC 7064), and Chromium takes it so.
      expect(stunUrl('STUN:stun.example.com:19302', 'https://x.example')).toBe('STUN:stun.example.com:19302');
      expect(stunUrl(false, 'https://x.example')).toBeNull();
      expect(stunUrl(undefined, null)).toBeNull();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('turns STUN off for a value that is not a STUN URL, saying so once and naming the option', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })));
    try {
      expect(stunUrl('https://not-stun.example', 'https://x.example')).toBeNull();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('stun is "https://not-stun.example", not a STUN URL'));

      warn.mockClear();
      // A TURN-style query: Chromium's RTCPeerConnection throws on it, which turned STUN off without a word.
      expect(stunUrl('stun:stun.example.com:3478?transport=udp', 'https://x.example')).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('stun is "stun:stun.example.com:3478?transport=udp", not a STUN URL'));

      warn.mockClear();
      const client = new Seatguard({ clientId: 'pk_test123', endpoint: 'https://seatguard.example', stun: 'seatguard.example:3478' });
      await client.evaluate.login({ user: 'ann' });
      await client.evaluate.login({ user: 'ann' });
      expect(warn, 'once per client, not per evaluation').toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('stun is "seatguard.example:3478"'));
    } finally {
      warn.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});

describe('a stun option that is not a string', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns STUN off, saying so once per client and naming what was given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })));
    try {
      for (const [given, named] of [
        [3478, 'stun is the number 3478, not a STUN URL (stun:host:port) or false; STUN is off.'],
        [true, 'stun is the boolean true,'],
        [{ urls: 'stun:stun.example.com:3478' }, 'stun is an object,'],
        [['stun:stun.example.com:3478'], 'stun is an array,'],
      ] as const) {
        warn.mockClear();
        expect(stunUrl(given, 'https://x.example'), JSON.stringify(given)).toBeNull();
        expect(warn).toHaveBeenCalledTimes(1);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(named));
      }

      warn.mockClear();
      const constructed = vi.fn();
      vi.stubGlobal('RTCPeerConnection', function counted(config: { iceServers?: unknown[] }) {
        if (config?.iceServers?.length) constructed();
        throw new Error('no');
      });
      const client = new Seatguard({ clientId: 'pk_test123', endpoint: 'https://seatguard.example', stun: 3478 as unknown as string });
      await client.evaluate.login({ user: 'ann' });
      await client.evaluate.login({ user: 'ann' });
      expect(warn, 'once per client, not per evaluation').toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('stun is the number 3478'));
      expect(constructed, 'no STUN responder asked: not the endpoint\'s either').not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('is the default when null, as when absent, without a word', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(stunUrl(null, 'https://seatguard.example.com')).toBe('stun:seatguard.example.com:3478');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('reflexiveAddress', () => {
  it('reads the address of srflx candidates only', () => {
    expect(reflexiveAddress('candidate:842163049 1 udp 1677729535 203.0.113.7 54321 typ srflx raddr 0.0.0.0 rport 0 generation 0')).toBe('203.0.113.7');
    expect(reflexiveAddress('candidate:1 1 udp 2122260223 4f2c1b3e.local 54321 typ host generation 0')).toBeNull();
    expect(reflexiveAddress('candidate:2 1 udp 2122260223 192.168.1.20 54321 typ host')).toBeNull();
    expect(reflexiveAddress('garbage')).toBeNull();
  });
});

describe('gatherReflexive', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resolves null without WebRTC, and never rejects when the connection throws', async () => {
    vi.stubGlobal('RTCPeerConnection', undefined);
    await expect(gatherReflexive('stun:x:3478', 50)).resolves.toBeNull();
    vi.stubGlobal('RTCPeerConnection', function broken() {
      throw new Error('blocked by policy');
    });
    await expect(gatherReflexive('stun:x:3478', 50)).resolves.toBeNull();
  });

  it('resolves the first srflx candidate, asking the given STUN server', async () => {
    const configs: unknown[] = [];
    class FakeConnection {
      onicecandidate: ((event: { candidate: { candidate: string } | null }) => void) | null = null;
      constructor(config: unknown) {
        configs.push(config);
      }
      createDataChannel() {}
      async createOffer() {
        return {};
      }
      async setLocalDescription() {
        this.onicecandidate?.({ candidate: { candidate: 'candidate:1 1 udp 1 abc.local 5000 typ host' } });
        this.onicecandidate?.({ candidate: { candidate: 'candidate:2 1 udp 1 198.51.100.9 5001 typ srflx raddr 0.0.0.0 rport 0' } });
      }
      close() {}
    }
    vi.stubGlobal('RTCPeerConnection', FakeConnection);
    await expect(gatherReflexive('stun:seatguard.example:3478', 500)).resolves.toBe('198.51.100.9');
    expect(configs).toEqual([{ iceServers: [{ urls: 'stun:seatguard.example:3478' }] }]);
  });

  it('gives up after its budget', async () => {
    class SilentConnection {
      onicecandidate = null;
      createDataChannel() {}
      async createOffer() {
        return {};
      }
      async setLocalDescription() {}
      close() {}
    }
    vi.stubGlobal('RTCPeerConnection', SilentConnection);
    const started = Date.now();
    await expect(gatherReflexive('stun:x:3478', 60)).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('within', () => {
  it('returns what settles in time and null otherwise', async () => {
    await expect(within(Promise.resolve('a'), 50)).resolves.toBe('a');
    await expect(within(new Promise<string | null>(() => {}), 20)).resolves.toBeNull();
    await expect(within(Promise.reject(new Error('x')), 50)).resolves.toBeNull();
  });
});

describe('the client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the reflexive address first in local_ips', async () => {
    class FakeConnection {
      onicecandidate: ((event: { candidate: { candidate: string } | null }) => void) | null = null;
      createDataChannel() {}
      async createOffer() {
        return {};
      }
      async setLocalDescription() {
        this.onicecandidate?.({ candidate: { candidate: 'candidate:2 1 udp 1 198.51.100.9 5001 typ srflx raddr 0.0.0.0 rport 0' } });
        this.onicecandidate?.({ candidate: null });
      }
      close() {}
    }
    vi.stubGlobal('RTCPeerConnection', FakeConnection);
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
      return new Response(JSON.stringify({ evaluation_id: 'ev', verdict: 'allow', redirect: null, device_id: 'd', logout: false, ip: '1.2.3.4' }),
        { status: 200, headers: { 'content-type': 'application/json' } });
    }));
    const client = new Seatguard({ clientId: 'pk_test123', endpoint: 'https://seatguard.example' });
    await client.evaluate.login({ user: 'ann' });
    const device = bodies[0].device as { local_ips: string[] };
    expect(device.local_ips[0]).toBe('198.51.100.9');
  });

  it('does not gather when stun is false', async () => {
    const constructed = vi.fn();
    vi.stubGlobal('RTCPeerConnection', function counted() {
      constructed();
      throw new Error('no');
    });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })));
    const client = new Seatguard({ clientId: 'pk_test123', endpoint: 'https://seatguard.example', stun: false });
    await client.evaluate.login({ user: 'ann' });
    // collectSignals' own host-candidate probe may construct one; STUN gathering must not add another.
    expect(constructed.mock.calls.length).toBeLessThanOrEqual(1);
  });
});

describe('a page\'s gatherings', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  let pages = 0;

  /**
   * A page whose STUN responder (at its own `endpoint`'s host) answers `address` after `delayMs`; counts
   * the peer connections opened to ask it (the host-candidate probe asks none). Its own host, as the
   * earlier tests' pages still listen on this window and gather again through theirs.
   */
  function stunAnswering(address: string, delayMs = 0): { asked: () => number; endpoint: string } {
    let asked = 0;
    const host = `seatguard-${++pages}.example`;
    class FakeConnection {
      onicecandidate: ((event: { candidate: { candidate: string } | null }) => void) | null = null;
      constructor(config: { iceServers: { urls: string }[] }) {
        if (config.iceServers.some((server) => server.urls === `stun:${host}:3478`)) asked++;
      }
      createDataChannel() {}
      async createOffer() {
        return {};
      }
      async setLocalDescription() {
        const answer = () => {
          this.onicecandidate?.({ candidate: { candidate: `candidate:2 1 udp 1 ${address} 5001 typ srflx raddr 0.0.0.0 rport 0` } });
          this.onicecandidate?.({ candidate: null });
        };
        if (delayMs > 0) setTimeout(answer, delayMs);
        else answer();
      }
      close() {}
    }
    vi.stubGlobal('RTCPeerConnection', FakeConnection);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ evaluation_id: 'ev', verdict: 'allow', ip: '203.0.113.1' }), { status: 200 })));
    return { asked: () => asked, endpoint: `https://${host}` };
  }

  /** The SDK as a new page loads it. */
  async function newPage(): Promise<typeof import('../src/index')> {
    vi.resetModules();
    return import('../src/index');
  }

  function sentLocalIps(): string[][] {
    return (vi.mocked(fetch).mock.calls as unknown as [string, RequestInit][])
      .map(([, init]) => (JSON.parse(String(init.body)) as { device: { local_ips: string[] } }).device.local_ips);
  }

  it('is one for checkAuthenticatedUser calls together and after each other, not one a call', async () => {
    const stun = stunAnswering('198.51.100.9');
    const { checkAuthenticatedUser } = await newPage();
    const options = { clientId: 'pk_abc', endpoint: stun.endpoint };
    await Promise.all([checkAuthenticatedUser('a', () => {}, options), checkAuthenticatedUser('b', () => {}, options)]);
    await checkAuthenticatedUser('c', () => {}, options);
    expect(stun.asked()).toBe(1);
    expect(sentLocalIps().map((ips) => ips[0])).toEqual(['198.51.100.9', '198.51.100.9', '198.51.100.9']);
  });

  it('is made again at once when the page is shown again or back online, ready for the next evaluation', async () => {
    // A responder 400 ms away: more than an evaluation waits for a gathering on its way (250 ms).
    const stun = stunAnswering('198.51.100.9', 400);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { Seatguard } = await newPage();
    const client = new Seatguard({ clientId: 'pk_abc', endpoint: stun.endpoint });
    await vi.advanceTimersByTimeAsync(1000);
    expect(stun.asked()).toBe(1);

    for (const [event, target] of [['visibilitychange', document], ['online', window]] as const) {
      // The user switched to another app for a code, came back a minute later (or the network came back), and signed in a second later.
      await vi.advanceTimersByTimeAsync(60_000);
      target.dispatchEvent(new Event(event));
      await vi.advanceTimersByTimeAsync(1000);
      const evaluating = client.evaluate.login({ user: 'a' });
      await vi.advanceTimersByTimeAsync(5000);
      await evaluating;
      // Forgotten, not gathered: the evaluation started its own gathering and went without the address.
      expect(sentLocalIps().at(-1)?.[0], `after ${event}`).toBe('198.51.100.9');
    }
    expect(stun.asked()).toBe(3);
  });

  it('is made again after five minutes, back online, or when the page is shown again', async () => {
    const stun = stunAnswering('198.51.100.9');
    vi.useFakeTimers({ toFake: ['Date'] });
    const { Seatguard } = await newPage();
    const client = new Seatguard({ clientId: 'pk_abc', endpoint: stun.endpoint });
    await client.evaluate.login({ user: 'a' });
    vi.setSystemTime(Date.now() + 4 * 60 * 1000);
    await client.evaluate.login({ user: 'a' });
    expect(stun.asked(), 'reused for a few minutes').toBe(1);

    vi.setSystemTime(Date.now() + 2 * 60 * 1000);
    await client.evaluate.login({ user: 'a' });
    expect(stun.asked(), 'five minutes after it settled').toBe(2);

    window.dispatchEvent(new Event('online'));
    await client.evaluate.login({ user: 'a' });
    expect(stun.asked(), 'back online').toBe(3);

    document.dispatchEvent(new Event('visibilitychange'));
    await client.evaluate.login({ user: 'a' });
    expect(stun.asked(), 'shown again moments after the last gathering').toBe(3);

    vi.setSystemTime(Date.now() + 31 * 1000);
    document.dispatchEvent(new Event('visibilitychange'));
    await client.evaluate.login({ user: 'a' });
    expect(stun.asked(), 'shown again half a minute after it').toBe(4);
    await client.evaluate.login({ user: 'a' });
    expect(stun.asked()).toBe(4);
  });
});
