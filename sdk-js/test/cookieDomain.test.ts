import { describe, expect, it } from 'vitest';
import { cookieScope } from '../src/cookieDomain';

describe('the token cookie scope', () => {
  it('is the host only when no domain is given', () => {
    expect(cookieScope(undefined, 'app.example.com')).toEqual({ domain: null, problem: null });
    expect(cookieScope(null, 'app.example.com')).toEqual({ domain: null, problem: null });
    expect(cookieScope('', 'app.example.com')).toEqual({ domain: null, problem: null });
  });

  it('takes a parent of the page host, or the host itself, lower-cased and without a leading dot', () => {
    expect(cookieScope('example.com', 'app.example.com')).toEqual({ domain: 'example.com', problem: null });
    expect(cookieScope('.Example.COM', 'auth.eu.example.com')).toEqual({ domain: 'example.com', problem: null });
    expect(cookieScope('app.example.com', 'APP.example.com')).toEqual({ domain: 'app.example.com', problem: null });
  });

  it('refuses a domain the page is not under, naming both', () => {
    const scope = cookieScope('example.com', 'app.example.org');
    expect(scope.domain).toBeNull();
    expect(scope.problem).toContain('example.com');
    expect(scope.problem).toContain('app.example.org');
    expect(cookieScope('ample.com', 'app.example.com').domain, 'a suffix that is not a whole label').toBeNull();
  });

  it('refuses what is not a domain name', () => {
    for (const bad of ['com', 'localhost', 'example..com', '-example.com', 'exa mple.com', 'example.com/', 'http://example.com', 42, {}, 'a'.repeat(64) + '.com']) {
      const scope = cookieScope(bad, 'app.example.com');
      expect(scope.domain, String(bad)).toBeNull();
      expect(scope.problem, String(bad)).toBe('cookieDomain must be a domain name like example.com');
    }
  });
});
