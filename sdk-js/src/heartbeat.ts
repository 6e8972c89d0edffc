import { postJson } from './transport.js';

/** What a heartbeat needs to know and do. */
export interface HeartbeatTarget {
  url: string;
  endUrl: string;
  body: () => Record<string, unknown>;
  endBody: () => Record<string, unknown>;
  intervalMs: number;
  timeoutMs: number;
  onLogout: () => void;
  /**
   * The session was live and the server no longer counts it (`active: false`): it was lost (a single
   * node restarted, whose memory held it) or ended elsewhere (a duplicated tab, which shares this one's
   * session id, closed). Called once per such change, not for every beat that stays inactive.
   */
  onInactive?: () => void;
}

/**
 * Keeps a protected page's session live (CONTRACT.md "Presence"): beats every `intervalMs` while the
 * page is visible, pauses while it is hidden, beats at once when it shows again, ends the session when
 * the page is hidden for good (pagehide) and stops for good after a logout.
 */
export class Heartbeat {
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  /** Whether the last beat answered `active: true`: only a change from live to not live is reported. */
  private wasActive = false;
  /** Beats sent so far, and the number of the newest one whose answer was read. */
  private sent = 0;
  private read = 0;
  private readonly onVisibility = () => (document.visibilityState === 'visible' ? this.resume() : this.pause());
  private readonly onPageHide = () => this.end();

  constructor(private readonly target: HeartbeatTarget) {
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('pagehide', this.onPageHide);
    if (document.visibilityState === 'visible') this.schedule();
  }

  /**
   * Sends one heartbeat now; a `logout: true` answer fires the callback and stops the heartbeats. A
   * refusal that no retry can change (a 4xx other than 408 and 429: an unknown client id, a body the
   * server rejects) stops them too, with one console warning, instead of repeating it every interval for
   * as long as the page is open. Timeouts, network failures, 408, 429 and 5xx answers are passing
   * trouble: the next beat goes out as usual. (A refused origin is not among the refusals: the browser
   * hides an answer without CORS headers, so it reaches the page as a network failure.) An answer that
   * arrives after the heartbeat was stopped or ended is ignored, and so is one older than an answer
   * already read. A session that was live and answers `active: false` calls `onInactive` once.
   */
  async beat(): Promise<void> {
    if (this.stopped) return;
    const number = ++this.sent;
    const result = await postJson(this.target.url, this.target.body(), this.target.timeoutMs);
    // Ended while the beat was on its way (a sign-out, another account signed in on the page): its answer
    // is about a session no longer kept, and a late "logged out" must not sign out whoever is there now.
    if (this.stopped) return;
    // Overtaken by a newer beat (a slow one, and one at once when the page showed again) whose answer was
    // read: this one tells of the session as it was before, and its late active: false after a live
    // answer looked like a lost session, evaluated again for nothing.
    if (number < this.read) return;
    if (!result.ok) {
      const status = result.error.status;
      if (result.error.kind === 'http' && status !== undefined && refusedForGood(status)) {
        this.stop();
        console.warn(`Seatguard: heartbeats stopped, the server refused them (HTTP ${status}): ${result.error.detail}`);
      }
      return;
    }
    this.read = number;
    const answer = result.body && typeof result.body === 'object' ? (result.body as { active?: unknown; logout?: unknown }) : {};
    if (answer.logout === true) {
      this.stop();
      this.target.onLogout();
      return;
    }
    const active = answer.active === true;
    const lost = this.wasActive && answer.active === false;
    this.wasActive = active;
    if (lost) this.target.onInactive?.();
  }

  /** Ends the session at once (sign-out or page hide) and stops beating. */
  end(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.stop();
    return postJson(this.target.endUrl, this.target.endBody(), this.target.timeoutMs, true).then(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    this.pause();
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.onPageHide);
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** Stopped for good: ended (sign-out, page hide) or logged out. */
  get ended(): boolean {
    return this.stopped;
  }

  private resume(): void {
    if (this.stopped || this.timer) return;
    void this.beat();
    this.schedule();
  }

  private schedule(): void {
    this.timer = setInterval(() => void this.beat(), this.target.intervalMs);
  }

  private pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** A client error that the same request will meet again: all 4xx but a timeout (408) and a rate limit (429). */
function refusedForGood(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
