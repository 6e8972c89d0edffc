import { pageCookieDomain } from './cookieDomain.js';
import { audioProbe } from './probes/audio.js';
import { canvasProbe } from './probes/canvas.js';
import { clientHintsProbe } from './probes/clientHints.js';
import { fontsProbe } from './probes/fonts.js';
import { hardwareProbe } from './probes/hardware.js';
import { mathProbe } from './probes/math.js';
import { keepValid, type Probe } from './probes/probe.js';
import { screenProbe } from './probes/screen.js';
import { browserTimezone, timezoneProbe } from './probes/timezone.js';
import { webglProbe } from './probes/webgl.js';
import { localIps } from './probes/webrtc.js';
import { restoreToken } from './token.js';
import type { CollectedSignals, ComponentValue } from './types.js';

/** Every stable probe. Volatile values (window size, battery, storage quota, browser version) are left out on purpose. */
export const PROBES: readonly Probe[] = [canvasProbe, webglProbe, audioProbe, fontsProbe, screenProbe, hardwareProbe, timezoneProbe, clientHintsProbe, mathProbe];

/**
 * The most local addresses the server takes (`device.local_ips`): more fail the whole evaluation with a
 * 400, and a machine with Docker bridges, VPNs and IPv6 privacy addresses can show more once a page has
 * camera or microphone access (Chromium then lists real host candidates, not mDNS names).
 */
export const MAX_LOCAL_IPS = 16;

/** A probe that has not answered by then is treated as failed, so collection stays within its budget. */
export const PROBE_BUDGET_MS = 120;

function settle(probe: Probe): Promise<Record<string, ComponentValue>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({}), PROBE_BUDGET_MS);
    Promise.resolve()
      .then(probe)
      .then(
        (values) => resolve(keepValid(values || {})),
        () => resolve({}),
      )
      .finally(() => clearTimeout(timer));
  });
}

/** Options of {@link collectSignals}. */
export interface CollectOptions {
  /**
   * As `SeatguardOptions.cookieDomain`: shares the device token's cookie with every subdomain of this
   * domain. Give it the value the site's `Seatguard` clients have, or this call keeps (or makes) a
   * host-only token beside the shared one. A value that is not this page's host or a parent of it is
   * ignored with a console warning.
   */
  cookieDomain?: string;
}

/**
 * Collects what every evaluation sends as `device`: the token, every stable component and the local
 * addresses. For a page whose backend evaluates in server mode (post `JSON.stringify` of it with the
 * form), for diagnostics and for benchmarks. A probe that fails, throws or runs over its budget is
 * left out, never guessed. Never rejects.
 */
export function collectSignals(options: CollectOptions = {}): Promise<CollectedSignals> {
  return gatherSignals(PROBES, pageCookieDomain(options?.cookieDomain));
}

/**
 * {@link collectSignals} with the probes to run and the token cookie's shared domain, already checked
 * (cookieDomain.ts; null keeps it host-only).
 */
export async function gatherSignals(probes: readonly Probe[], cookieDomain: string | null): Promise<CollectedSignals> {
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const [token, ips, ...results] = await Promise.all([
    restoreToken(cookieDomain).catch(() => null),
    localIps().catch(() => [] as string[]),
    ...probes.map(settle),
  ]);
  const components: Record<string, ComponentValue> = {};
  for (const result of results) Object.assign(components, result);
  const ended = typeof performance !== 'undefined' ? performance.now() : Date.now();
  return { token, components, local_ips: ips.slice(0, MAX_LOCAL_IPS), timezone: browserTimezone(), duration_ms: ended - started };
}
