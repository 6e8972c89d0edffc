import type { EvaluateResult, SeatguardError } from './types.js';

/** The answer every failed evaluation resolves with, so apps can fail open (seed 003). */
export function failed(error: SeatguardError): EvaluateResult {
  return { evaluation_id: null, verdict: null, redirect: null, device_id: null, logout: false, ip: null, error };
}

const VERDICTS = ['allow', 'deny', 'challenge'];

/** Reads the server's answer, refusing anything that is not the contract's shape. */
export function readResult(body: unknown): EvaluateResult {
  if (!body || typeof body !== 'object') return failed({ kind: 'invalid_response', detail: 'the answer is not a JSON object' });
  const answer = body as Record<string, unknown>;
  if (typeof answer.evaluation_id !== 'string' || typeof answer.verdict !== 'string' || !VERDICTS.includes(answer.verdict)) {
    return failed({ kind: 'invalid_response', detail: 'the answer lacks evaluation_id or a known verdict' });
  }
  return {
    evaluation_id: answer.evaluation_id,
    verdict: answer.verdict as EvaluateResult['verdict'],
    redirect: typeof answer.redirect === 'string' ? answer.redirect : null,
    device_id: typeof answer.device_id === 'string' ? answer.device_id : null,
    logout: answer.logout === true,
    ip: typeof answer.ip === 'string' ? answer.ip : null,
    error: null,
  };
}
