// Where the SDK was loaded from: the default endpoint, and the source of checkAuthenticatedUser's client id.

/** The classic script's own URL, which is only readable while the script first runs. */
const CLASSIC_SCRIPT_URL: string | undefined =
  __FORMAT__ === 'iife' && typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript.src
    : undefined;

/** The URL the SDK itself was loaded from, if known. */
export function sdkUrl(): URL | null {
  try {
    const raw = __FORMAT__ === 'esm' ? import.meta.url : CLASSIC_SCRIPT_URL;
    if (!raw) return null;
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The origin to call: the given endpoint, else the SDK's own origin, else the page's. */
export function resolveEndpoint(endpoint: string | undefined): string | null {
  try {
    const base = endpoint ?? sdkUrl()?.origin ?? location.origin;
    const url = new URL(base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
}
