import { pageCookieDomain } from './cookieDomain.js';
import { resolveEndpoint } from './endpoint.js';
import { Heartbeat } from './heartbeat.js';
import { failed, readResult } from './result.js';
import { tabSession } from './session.js';
import { gatherSignals, MAX_LOCAL_IPS, PROBES } from './signals.js';
import { sharedReflexive, stunUrl, within } from './stun.js';
import { postJson } from './transport.js';
import type { EvaluateInput, EvaluateResult, ReevaluationCause, SeatguardOptions } from './types.js';

const CLIENT_ID = /^pk_[A-Za-z0-9]{1,64}$/;
const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_HEARTBEAT_MS = 30000;
/**
 * The shortest heartbeat period taken; a shorter one is raised to it, with a console warning. Every beat
 * counts against the server's browser rate limit for the client's address and app (`--browser-rate-limit`,
 * 1,200 a minute by default): a period meant in seconds (`30`) beat every 30 ms and used that up in about
 * 36 s, for everyone behind the address.
 */
const MIN_HEARTBEAT_MS = 5000;
/**
 * The longest delay a timer keeps: browsers hold it in 32 bits, and a longer one fires at once. A
 * heartbeat period meant as "never" (`Number.MAX_SAFE_INTEGER`) beat every few milliseconds and used up
 * the address's browser rate limit within a second; a timeout as long made every call time out at once.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** An evaluation waits at most this long for the STUN candidate still on its way (the first ones of a page, and those after the network may have changed). */
const STUN_WAIT_MS = 250;
/**
 * The longest return_to the server takes (docs/configuration.md). A page whose URL is longer is evaluated
 * without one: refused, the whole evaluation would fail, and a sharer could pad the URL to skip it.
 */
const MAX_RETURN_TO = 2048;

/** The evaluations the SDK can run; `custom` takes your own action name (`[a-z0-9_.-]{1,64}`). */
export interface Evaluate {
  login(input?: EvaluateInput): Promise<EvaluateResult>;
  signup(input?: EvaluateInput): Promise<EvaluateResult>;
  /**
   * Evaluates a protected page view, follows a challenge redirect by itself and keeps an allowed view's
   * session live, until a later view of the tab is denied or challenged.
   */
  access(input?: EvaluateInput): Promise<EvaluateResult>;
  custom(action: string, input?: EvaluateInput): Promise<EvaluateResult>;
}

/**
 * The browser client. Create one per page:
 *
 * ```js
 * const seatguard = new Seatguard({ clientId: 'pk_…', on_logout: () => signOutLocally() });
 * const { evaluation_id } = await seatguard.evaluate.login({ user: user.id, email: form.email });
 * ```
 *
 * No method ever throws or rejects: a failure resolves with `error` set and every other field null,
 * so your page can fail open.
 */
export class Seatguard {
  readonly evaluate: Evaluate;
  private readonly endpoint: string | null;
  private readonly problem: string | null;
  private readonly timeoutMs: number;
  private readonly heartbeatMs: number;
  private readonly session: string;
  /** The token cookie's shared domain, or null for the page's host only. */
  private readonly cookieDomain: string | null;
  private heartbeat: Heartbeat | null = null;
  private heartbeatUser: string | null = null;
  /** The account this tab's session was last evaluated for: an evaluation with a user keeps the session live too. */
  private sessionUser: string | null = null;
  /** The page's last access evaluation, run again when the page comes back from the back/forward cache. */
  private lastAccess: EvaluateInput | null = null;
  /**
   * The account of the evaluation started last with one, or null after endSession: whose session the tab
   * keeps from now on. It changes when an evaluation for another account starts or the page signs out,
   * and `ownerChanges` counts those changes. An evaluation answered after one (`superseded`) is about a
   * session the page has moved on from: its answer goes back to the caller but acts on nothing (no
   * heartbeats, no challenge followed, no on_logout, not kept as the tab's account).
   */
  private owner: string | null = null;
  private ownerChanges = 0;
  /** The STUN URL, or null for none: its address is gathered from the moment the client is created, and shared by the page's clients (stun.ts). */
  private readonly stun: string | null;

  constructor(private readonly options: SeatguardOptions) {
    this.endpoint = resolveEndpoint(options?.endpoint);
    this.timeoutMs = atMost(positive(options?.timeoutMs, DEFAULT_TIMEOUT_MS), MAX_TIMER_MS, 'timeoutMs');
    this.heartbeatMs = atMost(atLeast(positive(options?.heartbeatIntervalMs, DEFAULT_HEARTBEAT_MS), MIN_HEARTBEAT_MS, 'heartbeatIntervalMs'), MAX_TIMER_MS, 'heartbeatIntervalMs');
    this.problem = !options || typeof options.clientId !== 'string' || !CLIENT_ID.test(options.clientId)
      ? 'clientId must be the app\'s client id (pk_…)'
      : this.endpoint === null ? 'endpoint must be an http(s) URL' : null;
    if (this.problem) console.warn(`Seatguard: ${this.problem}; every call will resolve with an error.`);
    this.cookieDomain = pageCookieDomain(options?.cookieDomain);
    this.session = tabSession();
    this.stun = this.problem ? null : stunUrl(options.stun, this.endpoint);
    if (this.stun) void sharedReflexive(this.stun);
    this.evaluate = {
      login: (input) => this.run('login', input),
      signup: (input) => this.run('signup', input),
      access: (input) => this.access(input),
      custom: (action, input) => this.run(action, input),
    };
  }

  /**
   * Ends this tab's session now (call it on sign-out) and stops its heartbeats. Never rejects. Also on a
   * page without heartbeats (a login page, an access that sent the tab to a challenge): the evaluation
   * kept the session live too. The page view is no longer evaluated again when the page comes back from
   * the back/forward cache, until the page evaluates an access again. An evaluation still on its way
   * resolves with its answer as usual, but that answer acts on nothing (no heartbeats, no challenge
   * followed, no `on_logout`, no `onReevaluated`), and a session it opened is ended too; the same goes for
   * an evaluation of one account answered after another account's evaluation started.
   */
  async endSession(): Promise<void> {
    // Forgotten before the end goes out, not once it is answered: an account signed in meanwhile keeps its
    // heartbeats (they were dropped, still beating, and no later endSession could end them), and an
    // evaluation still on its way is superseded (its late allow started heartbeats for the ended session).
    const heartbeat = this.heartbeat;
    const user = this.sessionUser;
    this.heartbeat = null;
    this.sessionUser = null;
    this.claim(null);
    // Signed out: a page restored from the back/forward cache later must not evaluate the signed-out
    // account's view again, which would open its session anew and keep it live with heartbeats.
    this.lastAccess = null;
    try {
      if (heartbeat && !heartbeat.ended) {
        await heartbeat.end();
      } else if (user && !this.problem) {
        await this.endSessionOf(user);
      }
    } catch {
      // never into the page
    }
  }

  private async access(input: EvaluateInput = {}): Promise<EvaluateResult> {
    return (await this.viewPage(input)).result;
  }

  /** Evaluates a page view and acts on its answer, unless a sign-out or another account superseded it. */
  private async viewPage(input: EvaluateInput): Promise<Answer> {
    this.lastAccess = input;
    this.listenForRestore();
    const answer = await this.exchange('access', input, true);
    const result = answer.result;
    if (answer.superseded) return answer;
    if (result.verdict !== null && result.verdict !== 'allow') {
      // A later page view of this tab refused (a single-page app keeps one session for all its views):
      // the server ended the session with that answer, and an earlier view's heartbeats must not keep it.
      // A failed evaluation decided nothing, so its heartbeats go on.
      this.heartbeat?.stop();
      this.heartbeat = null;
    }
    try {
      if (result.logout) {
        // Logged out: go where the app's policy sends logged-out devices, if it names a place.
        if (result.redirect) (this.options.navigate ?? ((url: string) => location.assign(url)))(new URL(result.redirect, location.href).toString());
      } else if (result.redirect) {
        // The challenge comes back to the return_to the evaluation sent: the link carries nothing more (the
        // page's whole URL added to it took the request line past 8 KB, and the challenge page answered 414).
        (this.options.navigate ?? ((url: string) => location.assign(url)))(new URL(result.redirect, location.href).toString());
      } else if (result.verdict === 'allow' && !result.logout && input.user) {
        // Only a page view let in has a session to keep: a denied one opened none, and its heartbeats
        // must not make it live (the owner's next page would then see a concurrent session).
        this.keepAlive(input.user);
      }
    } catch (e) {
      console.warn('Seatguard: could not follow the challenge', e);
    }
    return answer;
  }

  /**
   * From the page's first access evaluation on: a page restored from the back/forward cache had its
   * session ended on pagehide, and a heartbeat does not bring an ended session back, so the page view is
   * evaluated again, as a new one would be. Not before: a client that never evaluates an access (a login
   * page, each `checkAuthenticatedUser` call's own) has nothing to evaluate again, and a listener on the
   * window would hold it for as long as the page lives.
   */
  private listenForRestore(): void {
    if (this.listeningForRestore || typeof window === 'undefined') return;
    this.listeningForRestore = true;
    window.addEventListener('pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted && this.lastAccess) void this.reevaluate(this.lastAccess, 'restored');
    });
  }

  private listeningForRestore = false;

  /** Evaluates the page view again, as `evaluate.access` does, and tells the page what came of it. */
  private async reevaluate(input: EvaluateInput, cause: ReevaluationCause): Promise<void> {
    const { result, superseded } = await this.viewPage(input);
    // The page signed out, or another account signed in, while it was on its way: not the page's view any more.
    if (superseded) return;
    try {
      this.options.onReevaluated?.(result, cause);
    } catch (e) {
      console.warn('Seatguard: onReevaluated threw', e);
    }
  }

  private keepAlive(user: string): void {
    if (this.heartbeat && !this.heartbeat.ended && this.heartbeatUser === user) return;
    this.heartbeatUser = user;
    const device = () => ({ client_id: this.options.clientId, user, session: this.session });
    this.heartbeat = new Heartbeat({
      url: `${this.endpoint}/v3/sessions/heartbeat`,
      endUrl: `${this.endpoint}/v3/sessions/end`,
      body: () => ({ ...device(), device: { token: this.lastToken ?? undefined } }),
      endBody: device,
      intervalMs: this.heartbeatMs,
      timeoutMs: this.timeoutMs,
      onLogout: () => this.loggedOut(null),
      // A live session the server lost (its node restarted) or that was ended elsewhere (a duplicated tab
      // closed): heartbeats never bring an ended one back, so without a new evaluation this open page would
      // stay uncounted for concurrent sessions for as long as it is open. It is evaluated again, as the
      // back/forward cache's restored page is.
      onInactive: () => {
        if (this.lastAccess && this.lastAccess.user === user) void this.reevaluate(this.lastAccess, 'session_lost');
      },
    });
  }

  private lastToken: string | null = null;

  private async run(action: string, input: EvaluateInput = {}): Promise<EvaluateResult> {
    return (await this.exchange(action, input, false)).result;
  }

  private async exchange(action: string, input: EvaluateInput = {}, followsRedirect: boolean): Promise<Answer> {
    try {
      if (this.problem) return current(failed({ kind: 'invalid_options', detail: this.problem }));
      const metadataProblem = unsendable(input.metadata);
      if (metadataProblem) return current(failed({ kind: 'invalid_argument', detail: `metadata cannot be sent as JSON: ${metadataProblem}` }));
      if (input.user) this.claim(input.user);
      const turn = this.ownerChanges;
      const [signals, reflexive] = await Promise.all([gatherSignals(PROBES, this.cookieDomain), within(this.stun ? sharedReflexive(this.stun) : Promise.resolve(null), STUN_WAIT_MS)]);
      this.lastToken = signals.token;
      // The reflexive address first: the server takes the first routable address as local_ip.
      const localIps = reflexive ? [reflexive, ...signals.local_ips.filter((ip) => ip !== reflexive)] : signals.local_ips;
      const body = {
        client_id: this.options.clientId,
        action,
        user: input.user,
        email: input.email,
        phone: input.phone,
        metadata: input.metadata,
        session: this.session,
        return_to: action === 'access' ? input.return_to ?? thisPage() : input.return_to,
        identity_signature: input.identity_signature,
        identity_expires: input.identity_expires,
        device: { token: signals.token ?? undefined, components: signals.components, local_ips: localIps.slice(0, MAX_LOCAL_IPS), timezone: signals.timezone ?? undefined },
      };
      const answer = await postJson(`${this.endpoint}/v3/evaluate`, body, this.timeoutMs);
      const result = answer.ok ? readResult(answer.body) : failed(answer.error);
      if (turn !== this.ownerChanges) {
        // The evaluation may have reached the server after the sign-out's end, or after the account that
        // came next: the session it opened is kept by no one and is ended, unless its account is back.
        if (!result.error && input.user && input.user !== this.owner) void this.endSessionOf(input.user).catch(() => undefined);
        return { result, superseded: true };
      }
      if (!result.error && input.user) this.switchSessionUser(input.user);
      if (result.logout) this.loggedOut(followsRedirect ? result.redirect : null);
      return current(result);
    } catch (e) {
      return current(failed({ kind: 'network', detail: e instanceof Error ? e.message : String(e) }));
    }
  }

  /** The tab's session is `user`'s from now on, or no one's (null): evaluations on their way for another are superseded. */
  private claim(user: string | null): void {
    if (user === this.owner) return;
    this.owner = user;
    this.ownerChanges++;
  }

  private endSessionOf(user: string): Promise<unknown> {
    return postJson(`${this.endpoint}/v3/sessions/end`, { client_id: this.options.clientId, user, session: this.session }, this.timeoutMs, true);
  }

  /**
   * Another account evaluated on this page (a sign-out and sign-in without a reload): the previous one's
   * session ends now rather than lingering a presence window, whether heartbeats kept it live (access)
   * or only its evaluation did (a login page).
   */
  private switchSessionUser(user: string): void {
    const previous = this.sessionUser;
    this.sessionUser = user;
    if (previous === null || previous === user) return;
    if (this.heartbeat && !this.heartbeat.ended) {
      void this.heartbeat.end();
      this.heartbeat = null;
    } else {
      void this.endSessionOf(previous);
    }
  }

  private loggedOut(redirect: string | null): void {
    this.heartbeat?.stop();
    this.heartbeat = null;
    try {
      this.options.on_logout?.({ redirect });
    } catch (e) {
      console.warn('Seatguard: on_logout threw', e);
    }
  }
}

/** An evaluation's result, and whether the page had moved on (signed out, another account) when it came. */
interface Answer {
  result: EvaluateResult;
  superseded: boolean;
}

function current(result: EvaluateResult): Answer {
  return { result, superseded: false };
}

/**
 * Where an access challenge should come back to: this page without its fragment, when its URL is not too
 * long to send. A fragment never leaves the browser on its own and may hold secrets (the tokens of an
 * OAuth implicit flow, a sharing key): sent, it would be stored with the evaluation and written back into
 * the challenge page. The query is kept, as the page may need it to show the same thing again.
 */
function thisPage(): string | undefined {
  const page = withoutFragment(location.href);
  return page.length <= MAX_RETURN_TO ? page : undefined;
}

/** The URL up to its fragment: a `#` in a serialised URL's path or query is percent-encoded, so the first one starts it. */
function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Why `value` cannot be written as JSON (a cycle, a BigInt, a `toJSON` that throws), or null when it can.
 * Found apart from the request's body so the error names the input at fault: the failure used to surface
 * as a network error.
 */
function unsendable(value: unknown): string | null {
  try {
    JSON.stringify(value);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** `value`, or `minimum` with a console warning naming the option when it is less. */
function atLeast(value: number, minimum: number, option: string): number {
  if (value >= minimum) return value;
  console.warn(`Seatguard: ${option} is ${value} ms, less than the minimum of ${minimum} ms (it is in milliseconds); using ${minimum} ms.`);
  return minimum;
}

/** `value`, or `maximum` with a console warning naming the option when it is more. */
function atMost(value: number, maximum: number, option: string): number {
  if (value <= maximum) return value;
  console.warn(`Seatguard: ${option} is ${value} ms, more than the longest timer browsers keep (${maximum} ms, about 24.8 days); using ${maximum} ms.`);
  return maximum;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
