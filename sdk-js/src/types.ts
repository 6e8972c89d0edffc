/** A component value: the server accepts strings, numbers and booleans only. */
export type ComponentValue = string | number | boolean;

/** What the SDK collected about the browser, as sent in `device`. */
export interface CollectedSignals {
  /** The persistent token, restored from cookie, localStorage or IndexedDB, or newly made. */
  token: string | null;
  /** Stable components by name; a probe that failed is absent, never guessed. */
  components: Record<string, ComponentValue>;
  /** Local addresses WebRTC exposed (usually none: Chromium hides them behind mDNS names). */
  local_ips: string[];
  /** The browser's IANA time zone. */
  timezone: string | null;
  /** How long the collection took, in milliseconds. */
  duration_ms: number;
}

/** Why a call failed. Every failure resolves with one of these; the SDK never throws into the page. */
export interface SeatguardError {
  /**
   * `invalid_options`: the SDK's options are unusable (a client id that is not `pk_…`, an endpoint that is
   * not http(s)); `invalid_argument`: an evaluation's input cannot be sent (`metadata` that cannot be written
   * as JSON: a cycle, a BigInt), and `detail` names it. Neither sends a request.
   */
  kind: 'timeout' | 'network' | 'http' | 'invalid_response' | 'invalid_options' | 'invalid_argument';
  /** The HTTP status, for `http` failures. */
  status?: number;
  /** A human-readable reason (the server's problem `detail` for `http` failures). */
  detail: string;
  /** The id Seatguard gave the refused request (the problem's `request_id`), to quote when reporting it. */
  request_id?: string;
}

/** The answer to an evaluation. On failure every field is null (logout false) and `error` says why. */
export interface EvaluateResult {
  evaluation_id: string | null;
  verdict: 'allow' | 'deny' | 'challenge' | null;
  /**
   * The hosted challenge page; for a logged-out device, where the app's policy says it should land
   * (`logout_url`); else null.
   */
  redirect: string | null;
  device_id: string | null;
  /**
   * True when this device has been logged out of the account; `on_logout` has been called, unless the
   * page signed out (`endSession`) or another account's evaluation started while this one was on its way.
   */
  logout: boolean;
  /** The client IP as Seatguard saw it. */
  ip: string | null;
  error: SeatguardError | null;
}

/** What an evaluation may say about the person. */
export interface EvaluateInput {
  /** Your account id (required for login and access; optional for signup). */
  user?: string;
  email?: string;
  /** E.164, like +14155550123. */
  phone?: string;
  /**
   * Up to 4 KB of JSON your policies can read (e.g. `{ plan: 'premium' }`). Metadata that cannot be written
   * as JSON (a cycle, a BigInt) fails the call with `error.kind` `invalid_argument` naming `metadata`, unsent.
   */
  metadata?: Record<string, unknown>;
  /**
   * Where an access challenge returns to; defaults to the current page without its fragment (`#…`, which
   * may hold tokens and is never sent), query included. One you pass is sent as given.
   */
  return_to?: string;
  /**
   * Your server's signature of `user`, `email` and `phone` (signed identity): the hex HMAC-SHA256, keyed by
   * the app's identity secret (`ids_…`), of `user + "\u0000" + email + "\u0000" + phone` exactly as you pass
   * them here (one you leave out is the empty string in that text; leave it out rather than pass `''`,
   * which the server refuses). Render it into the page with the values; never compute it in the browser,
   * which must not hold the secret. A wrong one fails the call with a 401.
   */
  identity_signature?: string;
  /**
   * When `identity_signature` stops vouching, in whole seconds since 1970, if your server signed it with
   * one: the message is then `user + "\u0000" + email + "\u0000" + phone + "\u0000" + identity_expires`.
   * Render it into the page with the signature; a signature copied out of the page stops working then.
   */
  identity_expires?: number;
}

/** What {@link SeatguardOptions.on_logout} is told. */
export interface LogoutInfo {
  redirect: string | null;
}

/** Options of {@link Seatguard}. */
/** Why the SDK evaluated a page view again by itself (`SeatguardOptions.onReevaluated`). */
export type ReevaluationCause = 'restored' | 'session_lost';

export interface SeatguardOptions {
  /** The app's public client id (`pk_…`). */
  clientId: string;
  /**
   * Seatguard's origin, like `https://seatguard.example.com`; defaults to where the SDK was loaded from,
   * which is your app's own origin when you bundle the npm package: pass it then.
   */
  endpoint?: string;
  /**
   * Called when the server says this device was logged out of the account: clear your session here.
   * `redirect` is the page `evaluate.access` goes to next (the policy's `logout_url`), or null when
   * the SDK will not navigate and the app should.
   */
  on_logout?: (info: LogoutInfo) => void;
  /**
   * Per-request timeout in milliseconds (default 5000, at most 2147483647, the longest timer browsers keep:
   * a longer one is taken as that, with a console warning).
   */
  timeoutMs?: number;
  /**
   * Heartbeat period while a protected page is visible, in milliseconds (default 30000, at least 5000: a
   * shorter one is raised to 5000 with a console warning, as every beat counts against the server's
   * browser rate limit for the page's address; at most 2147483647, the longest timer browsers keep: a
   * longer one, which would beat at once and on and on, is taken as that, with a console warning).
   */
  heartbeatIntervalMs?: number;
  /**
   * Called with the result of a page view the SDK evaluated again by itself: `'restored'` when the page
   * came back from the back/forward cache, `'session_lost'` when the server no longer had the view's live
   * session (it restarted, or the session was ended elsewhere). A challenge or logout it answers is
   * followed as `evaluate.access` follows it; this hands your page the new `evaluation_id`, for your
   * backend to read or consume as it does the first. Never called for calls your code made.
   */
  onReevaluated?: (result: EvaluateResult, cause: ReevaluationCause) => void;
  /** How the SDK follows an access challenge's redirect; defaults to `location.assign`. For tests and SPAs. */
  navigate?: (url: string) => void;
  /**
   * Seatguard's STUN responder, through which the SDK finds the browser's real network (`local_ip`):
   * a `stun:host:port` URL (the scheme in any case; no query), or `false` to skip it. Defaults to the
   * endpoint's host on port 3478. Any other value (a string that is not a STUN URL, a number, `true`,
   * an object) also skips it, with a console warning.
   */
  stun?: string | false;
  /**
   * Shares the device token's cookie with every subdomain of this domain (like `example.com` for pages
   * on `auth.example.com` and `app.example.com`), so a browser keeps one token across them. Give every
   * page the same value. Default: the page's host only. A value that is not this page's host or a
   * parent of it is ignored with a console warning. A page on an IP address, or `localhost` given on
   * localhost's subdomains, cannot share the cookie: it stays host-only, with a warning saying so for a
   * parent and none for the page's own host.
   */
  cookieDomain?: string;
}
