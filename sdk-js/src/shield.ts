import { Seatguard } from './client.js';
import { sdkUrl } from './endpoint.js';

/**
 * Where {@link checkAuthenticatedUser} finds the app: the SDK URL's `?client_id=` and origin, or these
 * options (bundled from the npm package, pass both: the SDK's URL is then your app's).
 */
export interface CheckOptions {
  clientId?: string;
  /** As `SeatguardOptions.endpoint`. */
  endpoint?: string;
  /** As `SeatguardOptions.cookieDomain`: shares the token's cookie with this domain's subdomains. */
  cookieDomain?: string;
}

/**
 * A one-call helper in ShieldLabs' shape: evaluates a login of `userId` and calls back with the client
 * IP and the evaluation id, for your backend to check. On any failure the callback gets `(null, null)`;
 * it is always called once, and never throws into the page. It cannot carry an identity signature, so
 * for an app with `require_signed_identity` it is always refused (401) and always calls back
 * `(null, null)`: there, evaluate the login from your backend instead.
 *
 * ```js
 * import { checkAuthenticatedUser } from 'https://seatguard.example/v3/sdk.js?client_id=pk_…';
 * checkAuthenticatedUser(hashedAccountId, (ip, evaluationId) => { form.evaluation_id.value = evaluationId; });
 * ```
 */
export async function checkAuthenticatedUser(
  userId: string,
  callback: (ip: string | null, evaluationId: string | null) => void,
  options: CheckOptions = {},
): Promise<void> {
  let ip: string | null = null;
  let evaluationId: string | null = null;
  try {
    const clientId = options.clientId ?? sdkUrl()?.searchParams.get('client_id') ?? '';
    const result = await new Seatguard({ clientId, endpoint: options.endpoint, cookieDomain: options.cookieDomain }).evaluate.login({ user: userId });
    ip = result.ip;
    evaluationId = result.evaluation_id;
  } catch {
    // reported as nulls below
  }
  try {
    callback(ip, evaluationId);
  } catch (e) {
    console.warn('Seatguard: the checkAuthenticatedUser callback threw', e);
  }
}
