import type { Probe } from './probe.js';

/**
 * What Chromium (ICU) reports when the system names no zone it knows (no /etc/localtime, an unreadable
 * TZ): CLDR's "unknown", no IANA zone. A failed probe, left out: servers before 2026-12 refused the
 * whole evaluation for it.
 */
const UNKNOWN_ZONE = 'Etc/Unknown';

/** The IANA time zone the browser resolves to (changes when the person travels; weighed lightly). */
export function browserTimezone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === 'string' && zone && zone !== UNKNOWN_ZONE ? zone : null;
  } catch {
    return null;
  }
}

export const timezoneProbe: Probe = () => {
  const zone = browserTimezone();
  return zone ? { timezone: zone } : {};
};
