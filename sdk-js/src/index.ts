/**
 * Seatguard's browser SDK.
 *
 * - {@link Seatguard}: `evaluate.login | signup | access | custom`, heartbeats, `on_logout`.
 * - {@link checkAuthenticatedUser}: ShieldLabs-style one call.
 * - {@link collectSignals}: the token and components the SDK sends, for diagnostics and benchmarks.
 */
export { Seatguard } from './client';
export type { Evaluate } from './client';
export { checkAuthenticatedUser } from './shield';
export type { CheckOptions } from './shield';
export { collectSignals } from './signals';
export type { CollectedSignals, ComponentValue, EvaluateInput, EvaluateResult, LogoutInfo, SeatguardError, SeatguardOptions } from './types';
