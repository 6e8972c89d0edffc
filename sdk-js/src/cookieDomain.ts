// Which domain the token's cookie is scoped to. By default it is the page's host only, like the SDK's
// localStorage and IndexedDB copies, so an app whose pages live on two subdomains (a sign-in page on
// auth.example.com, the app on app.example.com) gives each browser two tokens. The server keeps them on
// one device only while both first appear within minutes of each other; `cookieDomain` lets every
// subdomain share one token instead.

/** Dot-separated labels of letters, digits and inner hyphens, at least two of them. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** An IPv4 address as a URL's host gives it; an IPv6 one is in brackets (`[::1]`). */
const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/;

/** The cookie's scope: `domain` null means the page's host only; `problem` says why an option was not used. */
export interface CookieScope {
  domain: string | null;
  problem: string | null;
}

/**
 * Reads the `cookieDomain` option for a page on `hostname`: absent means host-only; a domain name that
 * is the page's host or one of its parents is used, lower-cased and without a leading dot. Anything
 * else is not used (the cookie stays host-only, which still works) and `problem` says why. A page on an
 * IP address, or `localhost` given for a page on localhost or one of its subdomains (a development
 * machine, most often), cannot share the cookie: host-only, without a word for the page's own host.
 */
export function cookieScope(option: unknown, hostname: string): CookieScope {
  if (option === undefined || option === null || option === '') return { domain: null, problem: null };
  const local = localScope(option, hostname.toLowerCase());
  if (local) return local;
  if (typeof option !== 'string' || !DOMAIN.test(option.replace(/^\./, '').toLowerCase())) {
    return { domain: null, problem: 'cookieDomain must be a domain name like example.com' };
  }
  const domain = option.replace(/^\./, '').toLowerCase();
  const host = hostname.toLowerCase();
  if (host !== domain && !host.endsWith(`.${domain}`)) {
    return { domain: null, problem: `cookieDomain ${domain} is not this page's host (${host}) or a parent of it` };
  }
  return { domain, problem: null };
}

/**
 * The scope for an option no host can share a cookie under: an IP address or a parent of one (browsers
 * match a cookie's Domain against an address only as the whole address, RFC 6265 5.1.3), or localhost
 * itself (Chromium refuses `Domain=localhost` on its subdomains, as it does a top-level domain; one under
 * it, like `app.localhost`, is shared as usual). Given the page's own host, the cookie is host-only
 * without a word, as that is all it can be; given a parent, `problem` says why. Null for anything else,
 * which the domain checks answer as on any host. `0.0.1` for a page on `127.0.0.1` used to be written
 * as the cookie's Domain, which the browser refused (and the warning blamed a public suffix), and
 * `localhost` was called no domain name.
 */
function localScope(option: unknown, host: string): CookieScope | null {
  if (typeof option !== 'string') return null;
  const given = option.replace(/^\./, '').toLowerCase();
  const address = IP_ADDRESS.test(host);
  if (!address && given !== 'localhost') return null;
  if (given === host || `[${given}]` === host) return { domain: null, problem: null };
  if (!host.endsWith(`.${given}`)) return null;
  const why = address ? 'is an IP address, whose cookies no other host shares' : 'is under localhost, whose subdomains share no cookie set for localhost itself';
  return { domain: null, problem: `cookieDomain ${given} is not used: this page's host ${host} ${why}` };
}

/**
 * The `cookieDomain` option of a page's client or `collectSignals` call, checked against this page's
 * host: the domain to share the cookie with, or null for the host only, after saying on the console
 * why an option given was not used.
 */
export function pageCookieDomain(option: unknown): string | null {
  const scope = cookieScope(option, typeof location !== 'undefined' ? location.hostname : '');
  if (scope.problem) console.warn(`Seatguard: ${scope.problem}; the token's cookie stays on this host.`);
  return scope.domain;
}
