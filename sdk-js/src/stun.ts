/**
 * The browser's real network as Seatguard's STUN responder sees it: the server-reflexive (`srflx`) ICE
 * candidate. Browsers hide local addresses behind mDNS names, but not this one; it travels over UDP,
 * which an HTTP-only proxy or a browser VPN extension does not carry, so Seatguard can compare it with
 * the address the HTTP request came from (`local_ip`, `detection_flags.proxy`).
 */

/**
 * How long a gathering may take before it gives up. It starts when the SDK is created and runs in the
 * background (an evaluation waits for it at most 250 ms), so this bounds only how long a peer connection
 * stays open where STUN is blocked. 1.5 s was too short for a browser's first peer connection on a busy
 * machine (a cold WebRTC stack; a low-end phone): the gathering gave up, and its lack was reused for minutes.
 */
export const STUN_BUDGET_MS = 5000;
/** The port Seatguard answers STUN on by default (`--stun-port`). */
export const DEFAULT_STUN_PORT = 3478;

/**
 * A `stun:`/`stuns:` URL as browsers take it (RFC 7064): the scheme in any case (Chromium takes
 * `STUN:`, which was refused), and no query or fragment (`?transport=udp` is a TURN parameter:
 * Chromium throws on it, and STUN was off without a word).
 */
const STUN_URL = /^stuns?:[^\s?#]+$/i;

/**
 * The STUN URL to use: `false` turns it off; a string is used as given (it must start with `stun:`);
 * absent (`undefined`, or `null` as a config file may give it) means the endpoint's host on the default
 * port. Null when none can be made. Anything else turns STUN off, with a console warning: a string that
 * is not a STUN URL (silently, a typo like `stun.example.com:3478`, no scheme, left the page without the
 * reflexive address and its owner without a clue), and a value that is no string at all (a port number,
 * `true`, an object or array of ICE servers), which was silently taken for the default, so a page asking
 * for another responder, or meaning to turn STUN off, got the endpoint's without a word. Called once per client.
 */
export function stunUrl(option: unknown, endpoint: string | null): string | null {
  if (option === false) return null;
  if (typeof option === 'string') {
    if (STUN_URL.test(option)) return option;
    console.warn(`Seatguard: stun is ${JSON.stringify(option.slice(0, 100))}, not a STUN URL (stun:host:port); STUN is off.`);
    return null;
  }
  if (option !== undefined && option !== null) {
    console.warn(`Seatguard: stun is ${described(option)}, not a STUN URL (stun:host:port) or false; STUN is off.`);
    return null;
  }
  if (!endpoint) return null;
  try {
    const host = new URL(endpoint).hostname;
    return host ? `stun:${host}:${DEFAULT_STUN_PORT}` : null;
  } catch {
    return null;
  }
}

/** A value that is not a string, named for the warning without reading into it (an object may throw from a getter or hold a cycle). */
function described(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    case 'object':
      try {
        return Array.isArray(value) ? 'an array' : 'an object';
      } catch {
        return 'an object'; // a revoked Proxy: Array.isArray throws on it
      }
    default:
      return `a ${typeof value}`;
  }
}

/** The address of a `typ srflx` candidate line, or null. */
export function reflexiveAddress(candidate: string): string | null {
  const parts = candidate.split(' ');
  const typ = parts.indexOf('typ');
  if (typ < 0 || parts[typ + 1] !== 'srflx') return null;
  const address = parts[4];
  return address && !address.endsWith('.local') ? address : null;
}

/** Gathers one server-reflexive address through `url`; resolves null on any failure or after the budget. Never rejects. */
export function gatherReflexive(url: string, budgetMs: number = STUN_BUDGET_MS): Promise<string | null> {
  const Connection = (globalThis as unknown as { RTCPeerConnection?: typeof RTCPeerConnection }).RTCPeerConnection;
  if (!Connection) return Promise.resolve(null);
  return new Promise((resolve) => {
    let connection: RTCPeerConnection | null = null;
    let done = false;
    const finish = (address: string | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        connection?.close();
      } catch {
        // already closed
      }
      resolve(address);
    };
    const timer = setTimeout(() => finish(null), budgetMs);
    try {
      connection = new Connection({ iceServers: [{ urls: url }] });
      connection.createDataChannel('seatguard-stun');
      connection.onicecandidate = (event) => {
        if (!event.candidate) return finish(null);
        const address = reflexiveAddress(event.candidate.candidate);
        if (address) finish(address);
      };
      connection
        .createOffer()
        .then((offer) => connection?.setLocalDescription(offer))
        .catch(() => finish(null));
    } catch {
      finish(null);
    }
  });
}

/**
 * How long a gathered address (or the lack of one) is reused. Gathering opens a peer connection, and a
 * page calling `checkAuthenticatedUser` on each route change made a client, and so a gathering, per call.
 * Not for the page's lifetime: a laptop carried to another network keeps its pages open, and an address
 * of the old one beside a request from the new one reads as a proxy.
 */
export const REFLEXIVE_REUSE_MS = 5 * 60 * 1000;

interface Gathering {
  readonly address: Promise<string | null>;
  /** When it settled (Date.now()), or null while it is on its way. */
  settledAt: number | null;
}

/** The page's gatherings by STUN URL: one on its way is shared by every caller, one settled is reused for a while. */
const gatherings = new Map<string, Gathering>();
let gatheringAgainOnNetworkChange = false;

/**
 * The server-reflexive address through `url`, from this page's gathering if one is on its way or settled
 * less than {@link REFLEXIVE_REUSE_MS} ago and the network has not seemed to change since; else from a new
 * one. Never rejects.
 */
export function sharedReflexive(url: string): Promise<string | null> {
  const kept = gatherings.get(url);
  if (kept && (kept.settledAt === null || Date.now() - kept.settledAt < REFLEXIVE_REUSE_MS)) return kept.address;
  gatherAgainOnNetworkChange();
  const gathering: Gathering = { address: gatherReflexive(url), settledAt: null };
  void gathering.address.then(() => (gathering.settledAt = Date.now()));
  gatherings.set(url, gathering);
  return gathering.address;
}

/**
 * Back online, or the page shown again (a laptop waking up, perhaps elsewhere): the network may have
 * changed, so every URL the page used is gathered through anew at once. Not merely forgotten until the
 * next call: that call then waited at most 250 ms for a gathering of its own, and a login submitted once
 * the user was back with a code from another app (the page hidden meanwhile) often went without the
 * address. Listened for once per page, not per client or call.
 */
function gatherAgainOnNetworkChange(): void {
  if (gatheringAgainOnNetworkChange || typeof window === 'undefined' || typeof document === 'undefined') return;
  gatheringAgainOnNetworkChange = true;
  window.addEventListener('online', () => gatherAgain(0));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') gatherAgain(SHOWN_AGAIN_MIN_AGE_MS);
  });
}

/**
 * A page shown again gathers anew only what settled this long ago: people switch tabs every few seconds,
 * and each gathering is a STUN request that counts against the server's per-address limit, which a
 * shared NAT's users share; a network change behind a tab switch of a few seconds is rare.
 */
const SHOWN_AGAIN_MIN_AGE_MS = 30_000;

function gatherAgain(minAgeMs: number): void {
  for (const [url, kept] of [...gatherings.entries()]) {
    if (kept.settledAt === null || Date.now() - kept.settledAt < minAgeMs) continue;
    gatherings.delete(url);
    void sharedReflexive(url);
  }
}

/** Waits for `pending` at most `waitMs`; null if it has not settled by then. */
export function within<T>(pending: Promise<T | null>, waitMs: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}
