const KEY = 'seatguard.session';

/** One id per tab, kept in sessionStorage so reloads keep it; presence counts tabs by it. */
export function tabSession(): string {
  try {
    const existing = sessionStorage.getItem(KEY);
    if (existing) return existing;
    const created = randomId();
    sessionStorage.setItem(KEY, created);
    return created;
  } catch {
    return randomId();
  }
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'ses_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
