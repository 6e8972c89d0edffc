// An adopter's page as the README and docs/integration-guide.md write it, type-checked by
// check-packed-types.mjs against the npm tarball the build packs, under each module resolution an
// adopter may use. Every `@ts-expect-error` line must be refused: were the declarations unresolved and
// every export `any` (as under skipLibCheck when a relative path does not resolve), nothing would be,
// and tsc would fail on the unused directive.
import { Seatguard, checkAuthenticatedUser, collectSignals } from '@seatguard/browser';
import type { CheckOptions, CollectedSignals, CollectOptions, EvaluateInput, EvaluateResult, LogoutInfo, ReevaluationCause, SeatguardError, SeatguardOptions } from '@seatguard/browser';

declare const user: { id: string; email: string };
declare function signOutLocally(info: LogoutInfo): void;
declare function sendToBackend(evaluationId: string | null, cause: ReevaluationCause): void;

const options: SeatguardOptions = {
  clientId: 'pk_abc',
  endpoint: 'https://seatguard.example.com',
  on_logout: (info) => signOutLocally(info),
  timeoutMs: 5000,
  heartbeatIntervalMs: 30000,
  navigate: (url) => location.assign(url),
  onReevaluated: (result, cause) => sendToBackend(result.evaluation_id, cause),
  stun: false,
  cookieDomain: 'example.com',
};
export const seatguard = new Seatguard(options);

export async function flows(): Promise<unknown[]> {
  const input: EvaluateInput = { user: user.id, email: user.email, metadata: { plan: 'premium' }, identity_signature: 'ab', identity_expires: 1 };
  const login: EvaluateResult = await seatguard.evaluate.login(input);
  const signup = await seatguard.evaluate.signup({ email: user.email });
  const access = await seatguard.evaluate.access();
  const custom = await seatguard.evaluate.custom('export.csv', { user: user.id });
  await seatguard.endSession();
  const error: SeatguardError | null = access.error;
  const kind: 'timeout' | 'network' | 'http' | 'invalid_response' | 'invalid_options' | 'invalid_argument' | undefined = error?.kind;
  const check: CheckOptions = { clientId: 'pk_abc', cookieDomain: 'example.com' };
  await checkAuthenticatedUser('hashed', (ip: string | null, evaluationId: string | null) => [ip, evaluationId], check);
  const collectOptions: CollectOptions = { cookieDomain: 'example.com' };
  const signals: CollectedSignals = await collectSignals(collectOptions);
  const json: string = JSON.stringify(await collectSignals());
  return [login.evaluation_id, signup.verdict, custom.device_id, kind, signals.token, json];
}

export function misuse(): void {
  // @ts-expect-error clientId is a string
  new Seatguard({ clientId: 42 });
  // @ts-expect-error the client id is required
  new Seatguard({});
  // @ts-expect-error stun is a stun: URL or false
  new Seatguard({ clientId: 'pk_abc', stun: true });
  // @ts-expect-error the user is a string
  void seatguard.evaluate.login({ user: 7 });
  // @ts-expect-error there is no such method
  seatguard.nonexistent();
  // @ts-expect-error cookieDomain is a string
  void collectSignals({ cookieDomain: 1 });
  // @ts-expect-error the probes collectSignals runs are the SDK's own
  void collectSignals([() => ({})]);
  // @ts-expect-error the callback takes the IP and the evaluation id, which may be null
  void checkAuthenticatedUser('hashed', (ip: string, evaluationId: string) => [ip, evaluationId]);
}
