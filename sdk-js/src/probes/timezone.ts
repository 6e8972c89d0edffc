import type { Probe } from './probe.js';

/** The IANA time zone the browser resolves to (changes when the person travels; weighed lightly). */
export function browserTimezone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === 'string' && zone ? zone : null;
  } catch {
    return null;
  }
}

export const timezoneProbe: Probe = () => {
  const zone = browserTimezone();
  return zone ? { timezone: zone } : {};
};
