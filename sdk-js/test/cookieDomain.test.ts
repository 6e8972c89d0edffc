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

  it('keeps an IP address\'s cookie on it, saying why when a parent is given: no other host shares it', () => {
    // Found in review: 0.0.1 passed as a parent of 127.0.0.1 and was written as the cookie's Domain, which
    // the browser refuses; the warning that followed blamed a public suffix.
    expect(cookieScope('0.0.1', '127.0.0.1')).toEqual({
      domain: null,
      problem: 'cookieDomain 0.0.1 is not used: this page\'s host 127.0.0.1 is an IP address, whose cookies no other host shares',
    });
    expect(cookieScope('::1', '[::1]').domain).toBeNull();
    expect(cookieScope('.0.1', '10.0.0.1').problem).toContain('10.0.0.1 is an IP address');
  });

  it('keeps a localhost subdomain\'s cookie on its host, saying why, when localhost is given: no subdomain shares that', () => {
    // Found in review: 'localhost' was refused as "must be a domain name like example.com".
    expect(cookieScope('localhost', 'app.localhost')).toEqual({
      domain: null,
      problem: 'cookieDomain localhost is not used: this page\'s host app.localhost is under localhost, whose subdomains share no cookie set for localhost itself',
    });
    // One level down they share it, as under any domain (checked in Chromium).
    expect(cookieScope('app.localhost', 'auth.app.localhost')).toEqual({ domain: 'app.localhost', problem: null });
  });

  it('says nothing when the option is an IP address page\'s host itself, or localhost on localhost: the host-only cookie is all it can be', () => {
    for (const [option, host] of [['127.0.0.1', '127.0.0.1'], ['localhost', 'localhost'], ['LOCALHOST', 'localhost'], ['[::1]', '[::1]'], ['::1', '[::1]']]) {
      expect(cookieScope(option, host), `${option} on ${host}`).toEqual({ domain: null, problem: null });
    }
  });

  it('still names both a domain that is not the local page\'s host and the host', () => {
    expect(cookieScope('example.com', 'localhost').problem).toBe('cookieDomain example.com is not this page\'s host (localhost) or a parent of it');
    expect(cookieScope('example.com', '127.0.0.1').problem).toBe('cookieDomain example.com is not this page\'s host (127.0.0.1) or a parent of it');
  });
});
