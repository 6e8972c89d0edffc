// Which domain the token's cookie is scoped to. By default it is the page's host only, like the SDK's
// localStorage and IndexedDB copies, so an app whose pages live on two subdomains (a sign-in page on
// auth.example.com, the app on app.example.com) gives each browser two tokens. The server keeps them on
// one device only while both first appear within minutes of each other; `cookieDomain` lets every
// subdomain share one token instead.

/** Dot-separated labels of letters, digits and inner hyphens, at least two of them. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The cookie's scope: `domain` null means the page's host only; `problem` says why an option was not used. */
export interface CookieScope {
  domain: string | null;
  problem: string | null;
}

/**
 * Reads the `cookieDomain` option for a page on `hostname`: absent means host-only; a domain name that
 * is the page's host or one of its parents is used, lower-cased and without a leading dot. Anything
 * else is not used (the cookie stays host-only, which still works) and `problem` says why.
 */
export function cookieScope(option: unknown, hostname: string): CookieScope {
  if (option === undefined || option === null || option === '') return { domain: null, problem: null };
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
 * The `cookieDomain` option of a page's client or `collectSignals` call, checked against this page's
 * host: the domain to share the cookie with, or null for the host only, after saying on the console
 * why an option given was not used.
 */
export function pageCookieDomain(option: unknown): string | null {
  const scope = cookieScope(option, typeof location !== 'undefined' ? location.hostname : '');
  if (scope.problem) console.warn(`Seatguard: ${scope.problem}; the token's cookie stays on this host.`);
  return scope.domain;
}
