// The persistent device token, kept in three places so that clearing one (cookies, say) does not lose
// it: a first-party cookie, localStorage and IndexedDB. Whichever survives is written back to the others.
// The cookie is the page's host's only, unless the app shares it with its subdomains (cookieDomain.ts).

const COOKIE = 'sg_token';
const STORAGE_KEY = 'seatguard.token';
const DATABASE = 'seatguard';
const STORE = 'kv';
const MAX_AGE_SECONDS = 400 * 24 * 3600; // the longest lifetime browsers honour
/**
 * When the cookie was last written (ms since the epoch), in localStorage: a page cannot read a cookie's
 * expiry, and a second cookie would go out with every request to the site.
 */
const COOKIE_WRITTEN_KEY = 'seatguard.token.cookie_written_at';
/**
 * A cookie read older than this is written again with a fresh 400 days: written only when missing, it
 * expired 400 days after the first visit of a device visited every day. Not on every read: once a day
 * keeps it as good as new without a write per evaluation.
 */
const COOKIE_REFRESH_MS = 24 * 3600 * 1000;
const IDB_TIMEOUT_MS = 60;
/**
 * With no token in the cookie or localStorage, a new one would replace the device's identity for good:
 * IndexedDB then gets this long, since opening it on a cold start can take hundreds of milliseconds. So it
 * does when it alone can say which of several cookies is this page's ({@link readStores}).
 */
const IDB_COLD_TIMEOUT_MS = 1000;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
/** The Web Lock a token is made under, by one of this origin's tabs at a time. */
const LOCK_NAME = 'seatguard.token';
/**
 * The longest wait for that lock: a tab holds it while reading and writing the stores (a second at most
 * on a cold IndexedDB), so a longer wait means a tab stuck with it, and the token is made without it.
 */
const LOCK_WAIT_MS = 3000;

/**
 * The token this page restored or made last, used before making a new one. With no store working
 * (cookies and site data blocked) it is what keeps one token for the page's lifetime, and it keeps two
 * calls started together on a first visit (an access and a custom action, say) from making one each:
 * both used to find every store empty, and the page sent two tokens the server took for two devices.
 */
let pageToken: string | null = null;

/** A new random token: 128 bits as 32 hex characters. */
export function newToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function valid(token: string | null | undefined): token is string {
  return typeof token === 'string' && TOKEN.test(token);
}

/**
 * The valid tokens among the cookies of that name, in the browser's order: a host-only one and a
 * domain one (left by a page that ran with `cookieDomain`, here or on a parent domain) can both be
 * there, and the browser sends both (the order says nothing about which is which).
 */
function readCookies(): string[] {
  let cookies: string;
  try {
    cookies = document.cookie;
  } catch {
    return []; // cookies disabled
  }
  const found: string[] = [];
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== COOKIE) continue;
    try {
      const value = decodeURIComponent(rest.join('='));
      if (valid(value) && !found.includes(value)) found.push(value);
    } catch {
      // a value that is not URI-encoded: not ours
    }
  }
  return found;
}

/**
 * The cookie's token: of several, the one this origin's localStorage, else its IndexedDB, also holds
 * (the token this page kept last); else the first. Taking the first always, a page without
 * `cookieDomain` could read a stale domain cookie of the same name and give up its own token for it.
 */
function pickCookie(cookies: string[], local: string | null, indexed: string | null | undefined): string | null {
  return cookies.find((token) => token === local) ?? cookies.find((token) => token === indexed) ?? cookies[0] ?? null;
}

function setCookie(token: string, maxAge: number, domain: string | null): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  const scope = domain ? `; Domain=${domain}` : '';
  document.cookie = `${COOKIE}=${encodeURIComponent(token)}; Max-Age=${maxAge}; Path=/${scope}; SameSite=Lax${secure}`;
}

/**
 * Writes the cookie for the page's host, or for `domain` and every host under it. A shared cookie
 * replaces the host-only one (which would otherwise be read first on this host and keep its own
 * token); if the browser refuses the domain (a public suffix, say), the host-only cookie is kept.
 */
function writeCookie(token: string, domain: string | null): void {
  try {
    if (domain) {
      setCookie('', 0, null);
      setCookie(token, MAX_AGE_SECONDS, domain);
      if (readCookies().includes(token)) return noteCookieWritten();
    }
    setCookie(token, MAX_AGE_SECONDS, null);
    noteCookieWritten();
    // The host took the cookie and the domain did not: said once a page, as a bad cookieDomain is.
    if (domain && !refusedDomainSaid && readCookies().includes(token)) {
      refusedDomainSaid = true;
      console.warn(`Seatguard: the browser refused cookies for ${domain} (a public suffix?); the token's cookie stays on this host.`);
    }
  } catch {
    // cookies disabled
  }
}

let refusedDomainSaid = false;

function noteCookieWritten(): void {
  try {
    localStorage.setItem(COOKIE_WRITTEN_KEY, String(Date.now()));
  } catch {
    // storage disabled or full: the cookie is then written on every read
  }
}

/** Whether the cookie was written more than a day ago, or when is not known (an older SDK wrote it, storage is blocked, the clock went back). */
function cookieDueForRefresh(): boolean {
  let writtenAt: number;
  try {
    writtenAt = Number(localStorage.getItem(COOKIE_WRITTEN_KEY));
  } catch {
    return true;
  }
  const age = Date.now() - writtenAt;
  return !(writtenAt > 0 && age >= 0 && age < COOKIE_REFRESH_MS);
}

function readLocal(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeLocal(token: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // storage disabled or full
  }
}

/**
 * The page's IndexedDB, or null when it has none or may not use it. Firefox with cookies blocked (and
 * a third-party frame there) throws a SecurityError from the `indexedDB` getter itself, which even
 * `typeof indexedDB` does not escape: unguarded, it rejected the whole restore, and evaluations went
 * out with no token although the cookie or localStorage held one.
 */
function indexedDbFactory(): IDBFactory | null {
  try {
    return typeof indexedDB === 'undefined' ? null : indexedDB;
  } catch {
    return null;
  }
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function withTimeout<T>(promise: Promise<T>, fallback: T, timeoutMs = IDB_TIMEOUT_MS): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), timeoutMs))]);
}

/** The stored token, null when there is none or IndexedDB cannot be used; however long that takes. */
function readIndexedDb(): Promise<string | null> {
  const factory = indexedDbFactory();
  if (!factory) return Promise.resolve(null);
  return openDatabase(factory).then(
    (db) =>
      new Promise<string | null>((resolve) => {
        if (!db) return resolve(null);
        try {
          const request = db.transaction(STORE, 'readonly').objectStore(STORE).get('token');
          request.onsuccess = () => resolve(typeof request.result === 'string' ? request.result : null);
          request.onerror = () => resolve(null);
        } catch {
          resolve(null);
        } finally {
          db.close();
        }
      }),
  );
}

async function writeIndexedDb(token: string, timeoutMs = IDB_TIMEOUT_MS): Promise<void> {
  const factory = indexedDbFactory();
  if (!factory) return;
  const opening = openDatabase(factory);
  const db = await withTimeout(opening, null, timeoutMs);
  if (!db) {
    // Opened after the wait: closed, or it would block a later upgrade or deletion of the database.
    void opening.then((late) => late?.close());
    return;
  }
  try {
    db.transaction(STORE, 'readwrite').objectStore(STORE).put(token, 'token');
  } catch {
    // private mode without IndexedDB
  } finally {
    db.close();
  }
}

/**
 * The device's token: restored from the first store that still has a valid one (cookie, then
 * localStorage, then IndexedDB; of several cookies, the one the others hold: {@link pickCookie}), else the page's own token (one this page already restored or made),
 * else made anew; then written to every store that lacks it, and to the cookie once a day anyway (for
 * a fresh 400 days). When no store works (storage disabled),
 * the token lives as long as the page: the device is then found by its components. A token is made
 * under a Web Lock where the browser has them, after reading the stores again: two tabs opened together on
 * a first visit each found no token and made one, and the server took them for two devices. With a shared `cookieDomain` (already checked against the page's host) the cookie
 * is rewritten on every call, since which of a host-only and a shared cookie was read cannot be told.
 */
export async function restoreToken(cookieDomain: string | null = null): Promise<string> {
  const found = await readStores();
  if (![found.cookie, found.local, found.indexed, pageToken].some(valid)) {
    // A token is about to be made: another tab may be making one too. Under the lock the stores are read
    // again, and hold the token of a tab that made it first. Only here: a found token needs no lock.
    const locked = await underTokenLock(async () => keep(await readStores(), cookieDomain));
    if ('value' in locked) return locked.value;
    // Given up on a tab holding the lock: it may have kept its token while this one waited, which the
    // stores read before the wait cannot show. Read again, or this tab makes a second token and writes
    // it over the other's in the cookie and localStorage.
    if (locked.gaveUp) return keep(await readStores(), cookieDomain);
  }
  return keep(found, cookieDomain);
}

/** What the stores hold; `indexed` is undefined when IndexedDB did not answer in time, and `reading` is its answer still to come. */
interface Stored {
  cookie: string | null;
  local: string | null;
  indexed: string | null | undefined;
  reading: Promise<string | null>;
}

async function readStores(): Promise<Stored> {
  const cookies = readCookies();
  const local = readLocal();
  const reading = readIndexedDb();
  // A store decides the token without IndexedDB when one cookie is there, or localStorage holds a token no
  // other cookie contradicts. Else IndexedDB gets the cold start's budget: with none, a new token would
  // replace the device's; with several cookies and none in localStorage, taking the first the browser
  // lists when it answered late could take a stale domain cookie, written to localStorage from then on.
  const decided = cookies.length === 1 || (valid(local) && (cookies.length === 0 || cookies.includes(local)));
  const indexed = await withTimeout<string | null | undefined>(reading, undefined, decided ? IDB_TIMEOUT_MS : IDB_COLD_TIMEOUT_MS);
  return { cookie: pickCookie(cookies, local, indexed), local, indexed, reading };
}

/** The token of the first store holding one, else the page's, else a new one; written to the stores that lack it. */
async function keep({ cookie, local, indexed, reading }: Stored, cookieDomain: string | null): Promise<string> {
  // Taken after the stores' wait, with no await before it is kept: a call that started beside this one finds it.
  const token = [cookie, local, indexed, pageToken].find(valid) ?? newToken();
  pageToken = token;
  if (cookie !== token || cookieDomain || cookieDueForRefresh()) writeCookie(token, cookieDomain);
  if (local !== token) writeLocal(token);
  if (indexed === undefined) {
    // Too slow to wait for (the page's own work often holds the main thread past the budget). Once it
    // answers, an IndexedDB that lost the token gets it back; one holding another token is left alone.
    void reading.then((late) => (late === null ? writeIndexedDb(token, IDB_COLD_TIMEOUT_MS) : undefined));
  } else if (indexed !== token) {
    await writeIndexedDb(token);
  }
  return token;
}

/** `work`'s result, or why it did not run under the lock: `gaveUp` when another tab held it too long. */
type Locked<T> = { value: T } | { gaveUp: boolean };

/**
 * `work`'s result, run while this origin's tabs hold the token's Web Lock one at a time; no value when
 * the browser has no Web Locks, refuses them (an opaque origin), `work` failed, or another tab held the
 * lock past {@link LOCK_WAIT_MS} (`gaveUp`; the caller then goes on without it, as before locks were used).
 */
async function underTokenLock<T>(work: () => Promise<T>): Promise<Locked<T>> {
  let locks: LockManager | undefined;
  try {
    locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  } catch {
    locks = undefined;
  }
  if (!locks || typeof locks.request !== 'function') return { gaveUp: false };
  const giveUp = new AbortController();
  const timer = setTimeout(() => giveUp.abort(), LOCK_WAIT_MS);
  let granted = false;
  try {
    return {
      value: await locks.request(LOCK_NAME, { signal: giveUp.signal }, () => {
        granted = true;
        clearTimeout(timer);
        return work();
      }),
    };
  } catch {
    return { gaveUp: !granted && giveUp.signal.aborted };
  } finally {
    clearTimeout(timer);
  }
}
