import type { SeatguardError } from './types.js';

/** The outcome of one JSON call: the parsed body, or why there is none. */
export type CallResult = { ok: true; status: number; body: unknown } | { ok: false; error: SeatguardError };

/**
 * POSTs JSON and reads a JSON answer within `timeoutMs`. Never rejects: a network failure, a timeout,
 * a non-2xx answer (problem+json, whose `detail` is kept) or an unreadable body become an error value.
 */
export async function postJson(url: string, body: unknown, timeoutMs: number, keepalive = false): Promise<CallResult> {
  const controller = typeof AbortController !== 'undefined' ? new AbortController() : null;
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Aborting frees the request where the browser can; the race is what ends the call where it cannot (a
  // browser without AbortController, a fetch that ignores the signal): without it the call waited for as
  // long as the server or the network kept it open.
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller?.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([expiry, fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      keepalive,
      signal: controller?.signal,
    })]);
    if (response.status === 204) return { ok: true, status: 204, body: null };
    const text = await Promise.race([expiry, response.text()]);
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      if (response.ok) return { ok: false, error: { kind: 'invalid_response', detail: 'the answer is not JSON' } };
    }
    if (!response.ok) {
      const problem = parsed && typeof parsed === 'object' ? (parsed as { detail?: unknown; request_id?: unknown }) : {};
      const detail = typeof problem.detail === 'string' ? problem.detail : `HTTP ${response.status}`;
      const error: SeatguardError = { kind: 'http', status: response.status, detail };
      if (typeof problem.request_id === 'string') error.request_id = problem.request_id;
      return { ok: false, error };
    }
    return { ok: true, status: response.status, body: parsed };
  } catch (e) {
    if (timedOut) return { ok: false, error: { kind: 'timeout', detail: `no answer within ${timeoutMs} ms` } };
    return { ok: false, error: { kind: 'network', detail: e instanceof Error ? e.message : String(e) } };
  } finally {
    clearTimeout(timer);
  }
}
