import { afterEach, describe, expect, it, vi } from 'vitest';
import { postJson, type CallResult } from '../src/transport';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a JSON call', () => {
  it('gives up after its timeout also where fetch cannot be aborted (no AbortController, a fetch that ignores it)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('AbortController', undefined);
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
    let outcome: CallResult | undefined;
    void postJson('https://seatguard.example/v3/evaluate', {}, 50).then((result) => (outcome = result));
    await vi.advanceTimersByTimeAsync(50);
    expect(outcome).toEqual({ ok: false, error: { kind: 'timeout', detail: 'no answer within 50 ms' } });
  });

  it('gives up after its timeout on an answer whose body never ends', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('AbortController', undefined);
    const stalled = { status: 200, ok: true, text: () => new Promise<string>(() => {}) };
    vi.stubGlobal('fetch', vi.fn(async () => stalled));
    let outcome: CallResult | undefined;
    void postJson('https://seatguard.example/v3/evaluate', {}, 50).then((result) => (outcome = result));
    await vi.advanceTimersByTimeAsync(50);
    expect(outcome).toEqual({ ok: false, error: { kind: 'timeout', detail: 'no answer within 50 ms' } });
  });
});
