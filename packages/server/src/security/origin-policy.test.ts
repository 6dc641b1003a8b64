import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from './origin-policy.js';

describe('createOriginPolicy', () => {
  it('matches exact origins and subdomain wildcards, not the bare domain or look-alikes', () => {
    const policy = createOriginPolicy([
      'https://app.example.org',
      '*.example.com',
      'https://*.corp.test',
    ]);
    expect(policy.allows('https://app.example.org')).toBe(true);
    expect(policy.allows('https://APP.example.org/')).toBe(true);
    expect(policy.allows('http://app.example.org')).toBe(false);
    expect(policy.allows('https://a.example.com')).toBe(true);
    expect(policy.allows('http://a.b.example.com')).toBe(true);
    expect(policy.allows('https://example.com')).toBe(false);
    expect(policy.allows('https://evilexample.com')).toBe(false);
    expect(policy.allows('https://a.example.com.evil.net')).toBe(false);
    expect(policy.allows('https://x.corp.test')).toBe(true);
    expect(policy.allows('http://x.corp.test')).toBe(false);
    expect(policy.allows('null')).toBe(false);
    expect(policy.allowsAny).toBe(false);
  });

  it('allows everything with *', () => {
    const policy = createOriginPolicy(['*']);
    expect(policy.allows('https://anything.test')).toBe(true);
    expect(policy.allowsAny).toBe(true);
  });
});
