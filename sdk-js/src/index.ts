/**
 * Seatguard's browser SDK.
 *
 * - {@link Seatguard}: `evaluate.login | signup | access | custom`, heartbeats, `on_logout`.
 * - {@link checkAuthenticatedUser}: ShieldLabs-style one call.
 * - {@link collectSignals}: the token and components the SDK sends, for server-mode evaluations,
 *   diagnostics and benchmarks.
 */
export { Seatguard } from './client.js';
export type { Evaluate } from './client.js';
export { checkAuthenticatedUser } from './shield.js';
export type { CheckOptions } from './shield.js';
export { collectSignals } from './signals.js';
export type { CollectOptions } from './signals.js';
export type { CollectedSignals, ComponentValue, EvaluateInput, EvaluateResult, LogoutInfo, ReevaluationCause, SeatguardError, SeatguardOptions } from './types.js';
