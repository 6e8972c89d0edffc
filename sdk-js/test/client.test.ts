import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Seatguard } from '../src/client';
import type { EvaluateResult } from '../src/types';

const CLIENT_ID = 'pk_test123';
const ENDPOINT = 'https://seatguard.example';
/** The heartbeat period of the tests that beat: the shortest the SDK takes. */
const BEAT_MS = 5000;

interface Call {
  url: string;
  body: Record<string, unknown>;
  keepalive: boolean;
}

let calls: Call[];

function answer(status: number, body: unknown, contentType = 'application/json'): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(status === 204 ? null : text, { status, headers: { 'content-type': contentType } });
}

function serve(handler: (url: string, body: Record<string, unknown>) => Response | Promise<Response>): void {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    calls.push({ url, body, keepalive: init.keepalive === true });
    return handler(url, body);
  }));
}

const ALLOW = { evaluation_id: 'ev-1', verdict: 'allow', redirect: null, device_id: 'dev-1', logout: false, ip: '203.0.113.7' };

/** A page transition into or out of the back/forward cache (jsdom has no PageTransitionEvent). */
function pageTransition(type: 'pagehide' | 'pageshow'): Event {
  return Object.assign(new Event(type), { persisted: true });
}

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  calls = [];
  setVisibility('visible');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('evaluate', () => {
  it('posts the contract body with the device signals and resolves with the answer', async () => {
    serve(() => answer(200, ALLOW));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT });
    const result = await seatguard.evaluate.login({ user: 'u1', email: 'u1@example.com', metadata: { plan: 'premium' } });
    expect(result).toEqual({ ...ALLOW, error: null });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(`${ENDPOINT}/v3/evaluate`);
    const body = calls[0].body;
    expect(body).toMatchObject({ client_id: CLIENT_ID, action: 'login', user: 'u1', email: 'u1@example.com', metadata: { plan: 'premium' } });
    expect(body.session).toMatch(/^ses_[0-9a-f]{24}$/);
    const device = body.device as Record<string, unknown>;
    expect(device.token).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof device.components).toBe('object');
    expect(device.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(body).not.toHaveProperty('phone');
  });

  it('passes the server-rendered identity signature through, and sends none when there is none', async () => {
    serve(() => answer(200, ALLOW));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT });
    const signature = 'ab'.repeat(32);
    // Not access: its heartbeats would outlive the test and land among later tests' calls.
    await seatguard.evaluate.login({ user: 'signed-user', email: 'signed@example.com', identity_signature: signature });
    await seatguard.evaluate.login({ user: 'signed-user' });
    await seatguard.evaluate.login({ user: 'signed-user', identity_signature: signature, identity_expires: 1767225600 });
    expect(calls[0].body).toMatchObject({ action: 'login', user: 'signed-user', email: 'signed@example.com', identity_signature: signature });
    expect(calls[0].body).not.toHaveProperty('identity_expires');
    expect(calls[1].body).not.toHaveProperty('identity_signature');
    expect(calls[2].body).toMatchObject({ identity_signature: signature, identity_expires: 1767225600 });
  });

  it('sends signup and custom actions under their names', async () => {
    serve(() => answer(200, ALLOW));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT });
    await seatguard.evaluate.signup({ email: 'new@example.com' });
    await seatguard.evaluate.custom('export.csv', { user: 'u1' });
    expect(calls.map((call) => call.body.action)).toEqual(['signup', 'export.csv']);
  });

  it.each([
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'network', undefined],
    ['a problem answer', () => answer(400, { status: 400, detail: 'user is required for login', errors: [] }, 'application/problem+json'), 'http', 400],
    ['a server error', () => answer(503, 'down', 'text/plain'), 'http', 503],
    ['a body that is not JSON', () => answer(200, 'not json', 'text/plain'), 'invalid_response', undefined],
    ['a JSON body of the wrong shape', () => answer(200, { verdict: 'maybe' }), 'invalid_response', undefined],
  ])('resolves with an error value on %s, never throwing', async (_name, reply, kind, status) => {
    serve(reply as () => Response);
    const result = await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT }).evaluate.login({ user: 'u1' });
    expect(result.evaluation_id).toBeNull();
    expect(result.verdict).toBeNull();
    expect(result.error?.kind).toBe(kind);
    expect(result.error?.status).toBe(status);
  });

  it('keeps the problem detail and the request id of a refused call', async () => {
    // A refusal the page can read (a refused origin cannot be: the browser hides it as a network failure).
    serve(() => answer(401, { detail: 'Unknown client_id', request_id: 'req-401' }, 'application/problem+json'));
    const result = await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT }).evaluate.access({ user: 'u1' });
    expect(result.error).toEqual({ kind: 'http', status: 401, detail: 'Unknown client_id', request_id: 'req-401' });
  });

  it('gives up after timeoutMs and resolves with a timeout', async () => {
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })));
    const result = await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, timeoutMs: 50 }).evaluate.login({ user: 'u1' });
    expect(result.error?.kind).toBe('timeout');
  });

  it('answers bad options with an error value and no request', async () => {
    serve(() => answer(200, ALLOW));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const options of [{ clientId: 'sk_secret' }, { clientId: CLIENT_ID, endpoint: 'ftp://x' }, undefined as never]) {
      const result = await new Seatguard(options).evaluate.login({ user: 'u1' });
      expect(result.error?.kind).toBe('invalid_options');
    }
    expect(calls).toHaveLength(0);
    warn.mockRestore();
  });

  it('answers metadata that cannot be written as JSON with an error naming metadata, and no request', async () => {
    // Found in review: JSON.stringify threw inside the request and the call resolved as a network failure.
    serve(() => answer(200, ALLOW));
    const cycle: Record<string, unknown> = { plan: 'premium' };
    cycle.self = cycle;
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, stun: false });
    for (const metadata of [cycle, { seats: BigInt(3) }]) {
      const result = await seatguard.evaluate.login({ user: 'u1', metadata });
      expect(result.verdict).toBeNull();
      expect(result.error?.kind).toBe('invalid_argument');
      expect(result.error?.detail).toMatch(/^metadata cannot be sent as JSON: /);
    }
    expect(calls).toHaveLength(0);
    expect((await seatguard.evaluate.login({ user: 'u1', metadata: { plan: 'premium' } })).error).toBeNull();
  });

  it('keeps the token cookie on the page host when cookieDomain is not a parent of it, and says so', async () => {
    serve(() => answer(200, ALLOW));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, cookieDomain: 'example.org', stun: false }).evaluate.login({ user: 'u1' });
    expect(result.error).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`cookieDomain example.org is not this page's host (${location.hostname})`));
    warn.mockRestore();
  });

  it('calls on_logout when the device was logged out, and survives a throwing callback', async () => {
    serve(() => answer(200, { ...ALLOW, logout: true }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onLogout = vi.fn(() => {
      throw new Error('app bug');
    });
    const result = await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, on_logout: onLogout }).evaluate.access({ user: 'u1' });
    expect(onLogout).toHaveBeenCalledTimes(1);
    expect(onLogout).toHaveBeenCalledWith({ redirect: null });
    expect(result.logout).toBe(true);
    warn.mockRestore();
  });

  it('sends a logged-out device to the logout_url on access, after telling the app', async () => {
    serve(() => answer(200, { ...ALLOW, logout: true, redirect: 'https://app.example/logged-out' }));
    const order: string[] = [];
    const navigate = vi.fn((url: string) => order.push(`navigate ${url}`));
    const onLogout = vi.fn((info: { redirect: string | null }) => order.push(`on_logout ${info.redirect}`));
    await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate, on_logout: onLogout }).evaluate.access({ user: 'u1' });
    expect(order).toEqual(['on_logout https://app.example/logged-out', 'navigate https://app.example/logged-out']);
    // A login never navigates by itself: the app decides.
    onLogout.mockClear();
    navigate.mockClear();
    await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate, on_logout: onLogout }).evaluate.login({ user: 'u1' });
    expect(onLogout).toHaveBeenCalledWith({ redirect: null });
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('access', () => {
  it('follows the challenge redirect as given: the return_to goes with the evaluation', async () => {
    serve(() => answer(200, { ...ALLOW, verdict: 'challenge', redirect: 'https://seatguard.example/challenge/ch_1?x=1' }));
    const navigate = vi.fn();
    await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate }).evaluate.access({ user: 'u1', return_to: 'https://app.example/watch/42' });
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate.mock.calls[0][0]).toBe('https://seatguard.example/challenge/ch_1?x=1');
    expect(calls[0].body.return_to).toBe('https://app.example/watch/42');
  });

  it('returns to the current page by default', async () => {
    serve(() => answer(200, { ...ALLOW, verdict: 'challenge', redirect: '/challenge/ch_2' }));
    const navigate = vi.fn();
    await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate }).evaluate.access({ user: 'u1' });
    expect(calls[0].body.return_to).toBe(location.href);
    expect(navigate.mock.calls[0][0]).toBe(new URL('/challenge/ch_2', location.href).toString());
  });

  it('returns to the current page without its fragment, which may hold tokens, and with its query', async () => {
    serve(() => answer(200, { ...ALLOW, verdict: 'challenge', redirect: '/challenge/ch_5' }));
    const navigate = vi.fn();
    const before = location.href;
    try {
      history.replaceState(null, '', '/watch/42?episode=3#access_token=secret&token_type=bearer');
      await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate, stun: false }).evaluate.access({ user: 'u1' });
      expect(calls[0].body.return_to).toBe(`${location.origin}/watch/42?episode=3`);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('keeps the challenge link short whatever the page URL: past 8 KB the challenge page answered 414', async () => {
    serve(() => answer(200, { ...ALLOW, verdict: 'challenge', redirect: 'https://seatguard.example/challenge/ch_4' }));
    const navigate = vi.fn();
    const before = location.href;
    try {
      history.replaceState(null, '', `/page?q=${'a'.repeat(9000)}`);
      await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate }).evaluate.access({ user: 'u1' });
    } finally {
      history.replaceState(null, '', before);
    }
    expect(navigate.mock.calls[0][0]).toBe('https://seatguard.example/challenge/ch_4');
  });

  it('evaluates a page whose URL is too long to send as return_to without one', async () => {
    // The server refuses a return_to over 2048 characters; sent, it would fail the whole evaluation.
    serve(() => answer(200, { ...ALLOW, verdict: 'challenge', redirect: '/challenge/ch_3' }));
    const navigate = vi.fn();
    const before = location.href;
    try {
      history.replaceState(null, '', `/page?x=%&pad=${'a'.repeat(2100)}`);
      const result = await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate }).evaluate.access({ user: 'u1' });
      expect(result.verdict).toBe('challenge');
      history.replaceState(null, '', `/page?x=%&pad=${'a'.repeat(100)}`);
      await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, navigate }).evaluate.access({ user: 'u1' });
      expect(calls[1].body.return_to).toBe(location.href);
    } finally {
      history.replaceState(null, '', before);
    }
    expect(calls[0].body).not.toHaveProperty('return_to');
  });

  it('beats while visible, pauses while hidden, beats at once when shown, and stops on logout', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let logoutOnBeat = false;
    serve((url) => (url.endsWith('/heartbeat') ? answer(200, { active: !logoutOnBeat, logout: logoutOnBeat }) : answer(200, ALLOW)));
    const onLogout = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, on_logout: onLogout });
    await seatguard.evaluate.access({ user: 'u1' });
    const beats = () => calls.filter((call) => call.url.endsWith('/v3/sessions/heartbeat'));

    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(beats()).toHaveLength(3);
    expect(beats()[0].body).toMatchObject({ client_id: CLIENT_ID, user: 'u1', session: calls[0].body.session });
    expect((beats()[0].body.device as Record<string, unknown>).token).toBe((calls[0].body.device as Record<string, unknown>).token);

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(5 * BEAT_MS);
    expect(beats()).toHaveLength(3);

    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(beats()).toHaveLength(4);

    logoutOnBeat = true;
    await vi.advanceTimersByTimeAsync(BEAT_MS);
    expect(onLogout).toHaveBeenCalledTimes(1);
    const afterLogout = beats().length;
    await vi.advanceTimersByTimeAsync(5 * BEAT_MS);
    expect(beats()).toHaveLength(afterLogout);
  });

  it('raises a heartbeat period under 5 s to 5 s, with a warning: one meant in seconds used up the address\'s rate limit in 36 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve((url) => (url.endsWith('/heartbeat') ? answer(200, { active: true, logout: false }) : answer(200, ALLOW)));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: 30, stun: false });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('heartbeatIntervalMs is 30 ms, less than the minimum of 5000 ms'));
    await seatguard.evaluate.access({ user: 'u1' });
    const beats = () => calls.filter((call) => call.url.endsWith('/v3/sessions/heartbeat'));
    await vi.advanceTimersByTimeAsync(4999);
    expect(beats()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(beats()).toHaveLength(1);
    await seatguard.endSession();
    warn.mockRestore();
  });

  it('takes a heartbeat period or a timeout past the longest timer as that timer: a longer one fired at once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // Fake timers overflow as browsers' do: with timeoutMs 2^31, an answer 20 ms away was a timeout.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise((resolve, reject) => {
        setTimeout(() => resolve(answer(200, ALLOW)), 20);
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })));
      const slow = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, timeoutMs: 2 ** 31, stun: false }).evaluate.login({ user: 'u1' });
      await vi.advanceTimersByTimeAsync(2000);
      expect((await slow).error).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('timeoutMs is 2147483648 ms, more than the longest timer browsers keep (2147483647 ms'));
      vi.useRealTimers();

      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      serve((url) => (url.endsWith('/heartbeat') ? answer(200, { active: true, logout: false }) : answer(200, ALLOW)));
      const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: Number.MAX_SAFE_INTEGER, stun: false });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('heartbeatIntervalMs is 9007199254740991 ms'));
      await seatguard.evaluate.access({ user: 'never-beats' });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls.filter((call) => call.url.endsWith('/heartbeat') && call.body.user === 'never-beats')).toHaveLength(0);
      await seatguard.endSession();
    } finally {
      warn.mockRestore();
    }
  });

  it('stops beating, with one warning, when the server refuses heartbeats for good, and keeps beating through passing trouble', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let heartbeatAnswer = () => answer(503, { title: 'Storage unavailable', status: 503, detail: 'try again' });
    serve((url) => (url.endsWith('/heartbeat') ? heartbeatAnswer() : answer(200, ALLOW)));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS });
    await seatguard.evaluate.access({ user: 'refused-user' });
    const beats = () => calls.filter((call) => call.url.endsWith('/v3/sessions/heartbeat') && call.body.user === 'refused-user');
    try {
      await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
      expect(beats()).toHaveLength(2);
      heartbeatAnswer = () => answer(429, { title: 'Too many requests', status: 429, detail: 'slow down' });
      await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
      expect(beats()).toHaveLength(4);
      expect(warn).not.toHaveBeenCalled();

      heartbeatAnswer = () => answer(401, { title: 'Unauthorized', status: 401, detail: 'No app has the client_id pk_test123' });
      await vi.advanceTimersByTimeAsync(BEAT_MS);
      expect(beats()).toHaveLength(5);
      await vi.advanceTimersByTimeAsync(5 * BEAT_MS);
      expect(beats()).toHaveLength(5);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain('HTTP 401');
    } finally {
      // Should a check fail with the heartbeat still running, it must not answer later tests' page events.
      await seatguard.endSession();
      warn.mockRestore();
    }
  });

  it('ignores a logout answer to a heartbeat sent for the account the page has since switched from', async () => {
    // A heartbeat of u1 is on its way when u2 signs in on the page: its late "logged out" is about u1's
    // device in u1's account, and must neither sign u2 out nor stop u2's heartbeats.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let releaseU1: () => void = () => undefined;
    serve((url, body) => {
      if (url.endsWith('/heartbeat') && body.user === 'switched-from') {
        return new Promise<Response>((resolve) => (releaseU1 = () => resolve(answer(200, { active: false, logout: true }))));
      }
      if (url.endsWith('/heartbeat')) return answer(200, { active: true, logout: false });
      return url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW);
    });
    const onLogout = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, on_logout: onLogout, stun: false });
    try {
      await seatguard.evaluate.access({ user: 'switched-from' });
      await vi.advanceTimersByTimeAsync(BEAT_MS);
      await seatguard.evaluate.access({ user: 'switched-to' });
      releaseU1();
      await vi.advanceTimersByTimeAsync(0);
      expect(onLogout).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
      const beatsOfNewUser = calls.filter((call) => call.url.endsWith('/v3/sessions/heartbeat') && call.body.user === 'switched-to');
      expect(beatsOfNewUser).toHaveLength(2);
    } finally {
      await seatguard.endSession();
    }
  });

  it('does not call on_logout for a heartbeat answered after the page signed out', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let release: () => void = () => undefined;
    serve((url) => {
      if (url.endsWith('/heartbeat')) return new Promise<Response>((resolve) => (release = () => resolve(answer(200, { active: false, logout: true }))));
      return url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW);
    });
    const onLogout = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, on_logout: onLogout, stun: false });
    await seatguard.evaluate.access({ user: 'signed-out' });
    await vi.advanceTimersByTimeAsync(BEAT_MS);
    await seatguard.endSession();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(onLogout).not.toHaveBeenCalled();
  });

  it('evaluates the page again once when its live session is lost (a restarted server), not on every inactive beat', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let live = true;
    serve((url) => {
      if (url.endsWith('/heartbeat')) return answer(200, { active: live, logout: false });
      return url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW);
    });
    const onReevaluated = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false, onReevaluated });
    const evaluations = () => calls.filter((call) => call.url.endsWith('/v3/evaluate'));
    try {
      await seatguard.evaluate.access({ user: 'long-watcher', metadata: { plan: 'premium' } });
      await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
      expect(evaluations()).toHaveLength(1);
      expect(onReevaluated, 'not for a call the page made').not.toHaveBeenCalled();

      // The server restarted and forgot the session; the evaluation reopens it only once it is live again.
      live = false;
      await vi.advanceTimersByTimeAsync(BEAT_MS);
      await vi.waitFor(() => expect(evaluations()).toHaveLength(2));
      expect(evaluations()[1].body).toMatchObject({ action: 'access', user: 'long-watcher', metadata: { plan: 'premium' }, session: calls[0].body.session });
      await vi.waitFor(() => expect(onReevaluated).toHaveBeenCalledTimes(1));
      expect(onReevaluated).toHaveBeenCalledWith(expect.objectContaining({ evaluation_id: ALLOW.evaluation_id, verdict: 'allow', error: null }), 'session_lost');
      await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
      expect(evaluations()).toHaveLength(2);

      live = true;
      await vi.advanceTimersByTimeAsync(BEAT_MS);
      live = false;
      await vi.advanceTimersByTimeAsync(BEAT_MS);
      await vi.waitFor(() => expect(evaluations()).toHaveLength(3));
    } finally {
      await seatguard.endSession();
    }
  });

  it('reads no heartbeat answer older than one already read: a slow beat\'s late inactive does not evaluate again', async () => {
    // A beat still on its way when the page shows again, which beats at once: its answer, read after the
    // newer beat's, used to overwrite it, and a stale active: false after a live one looked like a lost session.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const slow: Array<() => void> = [];
    serve((url, body) => {
      if (url.endsWith('/heartbeat') && body.user === 'slow-beat' && slow.length === 0) {
        return new Promise<Response>((resolve) => slow.push(() => resolve(answer(200, { active: false, logout: false }))));
      }
      if (url.endsWith('/heartbeat')) return answer(200, { active: true, logout: false });
      return url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW);
    });
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false });
    const own = (path: string) => calls.filter((call) => call.url.endsWith(path) && call.body.user === 'slow-beat');
    try {
      await seatguard.evaluate.access({ user: 'slow-beat' });
      await vi.advanceTimersByTimeAsync(BEAT_MS);
      expect(slow).toHaveLength(1);
      setVisibility('hidden');
      setVisibility('visible');
      await vi.waitFor(() => expect(own('/heartbeat')).toHaveLength(2));
      await vi.advanceTimersByTimeAsync(0);
      slow[0]();
      await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
      expect(own('/heartbeat')).toHaveLength(4);
      expect(own('/v3/evaluate')).toHaveLength(1);
    } finally {
      await seatguard.endSession();
    }
  });

  it('does not evaluate again for a session that was never live (one the server keeps out)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    serve((url) => {
      if (url.endsWith('/heartbeat')) return answer(200, { active: false, logout: false });
      return url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW);
    });
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false });
    try {
      await seatguard.evaluate.access({ user: 'kept-out' });
      await vi.advanceTimersByTimeAsync(5 * BEAT_MS);
      expect(calls.filter((call) => call.url.endsWith('/v3/evaluate'))).toHaveLength(1);
      expect(calls.filter((call) => call.url.endsWith('/v3/sessions/heartbeat'))).toHaveLength(5);
    } finally {
      await seatguard.endSession();
    }
  });

  it('ends the session on pagehide and on endSession, with keepalive', async () => {
    serve((url) => (url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW)));
    const first = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT });
    await first.evaluate.access({ user: 'u1' });
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    let ends = calls.filter((call) => call.url === `${ENDPOINT}/v3/sessions/end`);
    expect(ends).toHaveLength(1);
    expect(ends[0].keepalive).toBe(true);
    expect(ends[0].body).toEqual({ client_id: CLIENT_ID, user: 'u1', session: calls[0].body.session });

    const second = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT });
    await second.evaluate.access({ user: 'u2' });
    await second.endSession();
    await second.endSession();
    ends = calls.filter((call) => call.url === `${ENDPOINT}/v3/sessions/end`);
    expect(ends).toHaveLength(2);
    expect(ends[1].body.user).toBe('u2');
  });

  it('ends the session on endSession also when no heartbeat runs (a login page)', async () => {
    serve((url) => (url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW)));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT });
    await seatguard.evaluate.login({ user: 'u1' });
    await seatguard.endSession();
    const ends = calls.filter((call) => call.url === `${ENDPOINT}/v3/sessions/end`);
    expect(ends).toHaveLength(1);
    expect(ends[0].body).toEqual({ client_id: CLIENT_ID, user: 'u1', session: calls[0].body.session });
    expect(ends[0].keepalive).toBe(true);
  });

  it('ends the previous account\'s session when another signs in on the page', async () => {
    serve((url) => (url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW)));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT });
    await seatguard.evaluate.access({ user: 'u1' });
    await seatguard.evaluate.access({ user: 'u2' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const ends = calls.filter((call) => call.url === `${ENDPOINT}/v3/sessions/end`);
    expect(ends.map((call) => call.body.user)).toEqual(['u1']);
  });

  it('ends the previous account\'s session also when only its login kept it live', async () => {
    serve((url) => (url.endsWith('/end') ? answer(204, null) : url.endsWith('/heartbeat') ? answer(200, { active: true, logout: false }) : answer(200, ALLOW)));
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, stun: false });
    await seatguard.evaluate.login({ user: 'login-only' });
    await seatguard.evaluate.access({ user: 'next-user' });
    await seatguard.endSession();
    const ends = calls.filter((call) => call.url === `${ENDPOINT}/v3/sessions/end`);
    expect(ends.map((call) => call.body.user)).toEqual(['login-only', 'next-user']);
    expect(ends[0].body).toEqual({ client_id: CLIENT_ID, user: 'login-only', session: calls[0].body.session });
    expect(ends[0].keepalive).toBe(true);
  });

  it('evaluates the page again when it comes back from the back/forward cache', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    serve((url) => (url.endsWith('/end') ? answer(204, null) : url.endsWith('/heartbeat') ? answer(200, { active: true, logout: false }) : answer(200, ALLOW)));
    const reevaluated: Array<[string | null, string]> = [];
    // A callback that throws is the page's fault: the SDK goes on (heartbeats below) and says so in the console.
    const onReevaluated = (result: EvaluateResult, cause: string) => {
      reevaluated.push([result.evaluation_id, cause]);
      throw new Error('page bug');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, onReevaluated });
    await seatguard.evaluate.access({ user: 'bfcache-user', metadata: { plan: 'pro' } });
    window.dispatchEvent(pageTransition('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    // Earlier tests' clients listen on the same window: count this one's calls only.
    const evaluations = () => calls.filter((call) => call.url.endsWith('/v3/evaluate') && call.body.user === 'bfcache-user');
    const beats = () => calls.filter((call) => call.url.endsWith('/heartbeat') && call.body.user === 'bfcache-user');
    expect(evaluations()).toHaveLength(1);

    window.dispatchEvent(pageTransition('pageshow'));
    await vi.waitFor(() => expect(evaluations()).toHaveLength(2));
    expect(evaluations()[1].body).toMatchObject({ action: 'access', user: 'bfcache-user', metadata: { plan: 'pro' }, session: evaluations()[0].body.session });
    await vi.waitFor(() => expect(reevaluated).toEqual([[ALLOW.evaluation_id, 'restored']]));
    expect(warn).toHaveBeenCalledWith('Seatguard: onReevaluated threw', expect.any(Error));
    warn.mockRestore();
    const before = beats().length;
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(BEAT_MS);
      expect(beats().length).toBeGreaterThan(before);
    });
  });

  it('does not evaluate a signed-out page view again when the page comes back from the back/forward cache', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    serve((url) => (url.endsWith('/end') ? answer(204, null) : url.endsWith('/heartbeat') ? answer(200, { active: true, logout: false }) : answer(200, ALLOW)));
    const onReevaluated = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false, onReevaluated });
    await seatguard.evaluate.access({ user: 'signed-out-user' });
    await seatguard.endSession();
    // Signed out in place (a single-page app), then away and back: the page is restored from the cache.
    window.dispatchEvent(pageTransition('pagehide'));
    window.dispatchEvent(pageTransition('pageshow'));
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    const own = (path: string) => calls.filter((call) => call.url.endsWith(path) && call.body.user === 'signed-out-user');
    expect(own('/v3/evaluate')).toHaveLength(1);
    expect(own('/heartbeat')).toHaveLength(0);
    expect(own('/end')).toHaveLength(1);
    expect(onReevaluated).not.toHaveBeenCalled();

    // Signed in again: a restored page is evaluated again, as before.
    await seatguard.evaluate.access({ user: 'signed-out-user' });
    window.dispatchEvent(pageTransition('pagehide'));
    window.dispatchEvent(pageTransition('pageshow'));
    await vi.waitFor(() => expect(onReevaluated).toHaveBeenCalledTimes(1));
    expect(own('/v3/evaluate')).toHaveLength(3);
    await seatguard.endSession();
  });

  it('does not keep a session live for a denied page view', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    serve((url) => (url.endsWith('/heartbeat') ? answer(200, { active: true, logout: false }) : answer(200, { ...ALLOW, verdict: 'deny' })));
    const result = await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS }).evaluate.access({ user: 'denied-user' });
    expect(result.verdict).toBe('deny');
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(calls.filter((call) => call.url.endsWith('/heartbeat') && call.body.user === 'denied-user')).toHaveLength(0);
  });

  it('stops keeping a single-page app\'s session live once a later page view is denied or challenged, not when one fails', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let evaluation = () => answer(200, ALLOW);
    serve((url) => (url.endsWith('/heartbeat') ? answer(200, { active: true, logout: false }) : evaluation()));
    const navigate = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, navigate });
    const beats = () => calls.filter((call) => call.url.endsWith('/heartbeat') && call.body.user === 'spa-user').length;
    await seatguard.evaluate.access({ user: 'spa-user' });
    await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
    expect(beats()).toBe(2);

    evaluation = () => answer(503, { detail: 'try again' }, 'application/problem+json');
    await seatguard.evaluate.access({ user: 'spa-user' });
    await vi.advanceTimersByTimeAsync(BEAT_MS);
    expect(beats()).toBe(3);

    evaluation = () => answer(200, { ...ALLOW, verdict: 'deny' });
    expect((await seatguard.evaluate.access({ user: 'spa-user' })).verdict).toBe('deny');
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(beats()).toBe(3);

    evaluation = () => answer(200, ALLOW);
    await seatguard.evaluate.access({ user: 'spa-user' });
    await vi.advanceTimersByTimeAsync(BEAT_MS);
    expect(beats()).toBe(4);
    evaluation = () => answer(200, { ...ALLOW, verdict: 'challenge', redirect: '/challenge/ch_5' });
    await seatguard.evaluate.access({ user: 'spa-user' });
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(beats()).toBe(4);
  });

  it('does not keep a session live for a failed or anonymous evaluation', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    serve(() => answer(500, { detail: 'boom' }, 'application/problem+json'));
    await new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS }).evaluate.access({ user: 'u1' });
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(calls.filter((call) => call.url.endsWith('/heartbeat'))).toHaveLength(0);
  });
});

describe('answers that arrive after the page moved on', () => {
  /**
   * Serves heartbeats and ends at once, and holds each evaluation until the test answers it: by user, as
   * earlier tests' clients also listen on this window and evaluate again on pageshow.
   */
  function serveHeld(): (user: string) => Array<(body: unknown) => void> {
    const held: Array<{ user: unknown; release: (body: unknown) => void }> = [];
    serve((url, body) => {
      if (url.endsWith('/heartbeat')) return answer(200, { active: true, logout: false });
      if (url.endsWith('/end')) return answer(204, null);
      return new Promise<Response>((resolve) => held.push({ user: body.user, release: (reply) => resolve(answer(200, reply)) }));
    });
    return (user) => held.filter((each) => each.user === user).map((each) => each.release);
  }
  const own = (path: string, user: string) => calls.filter((call) => call.url.endsWith(path) && call.body.user === user);

  it('starts no heartbeats, and keeps nothing, for an access answered allow after endSession', async () => {
    // Found in review: the late allow started heartbeats for the session just ended (a signed-out session kept live).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const held = serveHeld();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false });
    const access = seatguard.evaluate.access({ user: 'late-allowed' });
    await vi.waitFor(() => expect(held('late-allowed')).toHaveLength(1));
    await seatguard.endSession();
    held('late-allowed')[0](ALLOW);
    expect((await access).verdict, 'the caller still gets its answer').toBe('allow');
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(own('/heartbeat', 'late-allowed')).toHaveLength(0);
    // The evaluation may have reached the server after the end: the session it opened is ended too, once.
    await vi.waitFor(() => expect(own('/end', 'late-allowed')).toHaveLength(1));
    await seatguard.endSession();
    expect(own('/end', 'late-allowed'), 'the ended session was not kept as the tab\'s').toHaveLength(1);
  });

  it('starts no heartbeats for a later page view answered allow after endSession ended the live one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const held = serveHeld();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false });
    const first = seatguard.evaluate.access({ user: 'spa-leaver' });
    await vi.waitFor(() => expect(held('spa-leaver')).toHaveLength(1));
    held('spa-leaver')[0](ALLOW);
    await first;
    await vi.advanceTimersByTimeAsync(BEAT_MS);
    expect(own('/heartbeat', 'spa-leaver')).toHaveLength(1);
    const second = seatguard.evaluate.access({ user: 'spa-leaver' });
    await vi.waitFor(() => expect(held('spa-leaver')).toHaveLength(2));
    await seatguard.endSession();
    held('spa-leaver')[1](ALLOW);
    await second;
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(own('/heartbeat', 'spa-leaver')).toHaveLength(1);
  });

  it('neither follows a challenge nor calls on_logout for an answer that arrives after endSession', async () => {
    const held = serveHeld();
    const navigate = vi.fn();
    const onLogout = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, stun: false, navigate, on_logout: onLogout });
    const challenged = seatguard.evaluate.access({ user: 'late-challenged' });
    const loggedOut = seatguard.evaluate.login({ user: 'late-challenged' });
    await vi.waitFor(() => expect(held('late-challenged')).toHaveLength(2));
    await seatguard.endSession();
    held('late-challenged')[0]({ ...ALLOW, verdict: 'challenge', redirect: '/challenge/ch_late' });
    held('late-challenged')[1]({ ...ALLOW, logout: true });
    expect((await challenged).redirect).toBe('/challenge/ch_late');
    expect((await loggedOut).logout).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
    expect(onLogout).not.toHaveBeenCalled();
  });

  it('does not tell the page of a re-evaluation answered after endSession', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const held = serveHeld();
    const onReevaluated = vi.fn();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false, onReevaluated });
    const first = seatguard.evaluate.access({ user: 'restored-then-out' });
    await vi.waitFor(() => expect(held('restored-then-out')).toHaveLength(1));
    held('restored-then-out')[0](ALLOW);
    await first;
    window.dispatchEvent(pageTransition('pagehide'));
    window.dispatchEvent(pageTransition('pageshow'));
    await vi.waitFor(() => expect(own('/v3/evaluate', 'restored-then-out')).toHaveLength(2));
    await seatguard.endSession();
    held('restored-then-out')[1](ALLOW);
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(onReevaluated).not.toHaveBeenCalled();
    expect(own('/heartbeat', 'restored-then-out')).toHaveLength(0);
  });

  it('keeps the account that signed in while endSession was on its way', async () => {
    // endSession used to forget the tab's heartbeat only once its end was answered: a sign-in meanwhile had
    // its heartbeats dropped, still beating, and the next endSession could no longer end them.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const ends: Array<() => void> = [];
    const releaseEnd = () => ends.forEach((release) => release());
    serve((url, body) => {
      if (url.endsWith('/heartbeat')) return answer(200, { active: true, logout: false });
      if (url.endsWith('/end') && body.user === 'leaving') return new Promise<Response>((resolve) => ends.push(() => resolve(answer(204, null))));
      return url.endsWith('/end') ? answer(204, null) : answer(200, ALLOW);
    });
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false });
    await seatguard.evaluate.access({ user: 'leaving' });
    const ending = seatguard.endSession();
    await seatguard.evaluate.access({ user: 'arriving' });
    releaseEnd();
    await ending;
    await vi.advanceTimersByTimeAsync(BEAT_MS);
    expect(own('/heartbeat', 'arriving')).toHaveLength(1);
    await seatguard.endSession();
    expect(own('/end', 'arriving')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3 * BEAT_MS);
    expect(own('/heartbeat', 'arriving'), 'no heartbeat outlives the sign-out').toHaveLength(1);
  });

  it('keeps the account evaluated last when an earlier account\'s evaluation is answered after it', async () => {
    // Two sign-ins in a row whose answers cross: the first account's late allow used to end the second's
    // session and keep its own live instead.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const held = serveHeld();
    const seatguard = new Seatguard({ clientId: CLIENT_ID, endpoint: ENDPOINT, heartbeatIntervalMs: BEAT_MS, stun: false });
    try {
      const earlier = seatguard.evaluate.access({ user: 'crossed-earlier' });
      await vi.waitFor(() => expect(held('crossed-earlier')).toHaveLength(1));
      const later = seatguard.evaluate.access({ user: 'crossed-later' });
      await vi.waitFor(() => expect(held('crossed-later')).toHaveLength(1));
      held('crossed-later')[0](ALLOW);
      await later;
      held('crossed-earlier')[0](ALLOW);
      expect((await earlier).verdict).toBe('allow');
      await vi.advanceTimersByTimeAsync(2 * BEAT_MS);
      expect(own('/heartbeat', 'crossed-later')).toHaveLength(2);
      expect(own('/heartbeat', 'crossed-earlier')).toHaveLength(0);
      expect(own('/end', 'crossed-later')).toHaveLength(0);
      // The earlier account's evaluation opened a session on the server that nothing keeps: it is ended.
      expect(own('/end', 'crossed-earlier')).toHaveLength(1);
    } finally {
      await seatguard.endSession();
    }
  });
});
