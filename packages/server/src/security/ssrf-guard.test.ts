import { describe, expect, it } from 'vitest';
import {
  checkTargetUrl,
  createGuardedLookup,
  isForbiddenAddress,
  SSRFError,
} from './ssrf-guard.js';

const strict = { allowLocalTargets: false, allowInsecureTargets: false };
const insecure = { allowLocalTargets: false, allowInsecureTargets: true };

describe('metadata and tunnelled addresses', () => {
  const local = { allowLocalTargets: true, allowInsecureTargets: false };

  it('refuses metadata and link-local targets even when local targets are allowed', async () => {
    for (const target of [
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://169.254.169.254/',
      'http://[::ffff:169.254.169.254]/',
      'http://[fe80::1]/',
    ]) {
      expect(() => checkTargetUrl(target, local), target).toThrow(SSRFError);
    }
    expect(checkTargetUrl('http://[fd00::1]/', local).hostname).toBe('[fd00::1]');
    expect(checkTargetUrl('http://192.168.1.10:11434/', local).port).toBe('11434');
    const lookup = createGuardedLookup(local, async () => [
      { address: 'fd00:ec2::254', family: 6 },
    ]);
    const error = await new Promise<Error | null>((resolve) =>
      lookup('imds.example', {}, (failure) => resolve(failure)),
    );
    expect(error).toBeInstanceOf(SSRFError);
  });

  it('refuses local-use NAT64, Teredo and SIIT-translated addresses in strict mode', () => {
    for (const address of [
      '64:ff9b:1::a9fe:a9fe',
      '64:ff9b:1:ffff::1',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      '::ffff:0:7f00:1',
      '::ffff:0:a9fe:a9fe',
      '64:ff9b::c0a8:101',
    ]) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
    expect(isForbiddenAddress('64:ff9b::808:808')).toBe(false);
    expect(isForbiddenAddress('2606:4700::1111')).toBe(false);
  });
});

describe('checkTargetUrl', () => {
  const refused = [
    'http://127.0.0.1/',
    'http://2130706433/', // decimal
    'http://017700000001/', // octal integer
    'http://0177.0.0.1/', // octal dotted
    'http://0x7f.0.0.1/', // hex dotted
    'http://0x7f000001/', // hex integer
    'http://127.1/', // shortened
    'http://%31%32%37.0.0.1/', // percent-encoded
    'http://[::1]/',
    'http://[::]/',
    'http://0.0.0.0/',
    'http://0/',
    'http://[::ffff:127.0.0.1]/', // IPv4-mapped
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:a9fe:a9fe]/', // mapped metadata
    'http://[64:ff9b::a9fe:a9fe]/', // NAT64 metadata
    'http://[2002:a9fe:a9fe::]/', // 6to4 metadata
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00:ec2::254]/', // AWS IPv6 metadata
    'http://100.100.100.200/', // CGNAT (Alibaba metadata)
    'http://100.64.0.1/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://localhost/',
    'http://metadata.google.internal/',
    'https://user:pass@example.com/',
    'file:///etc/passwd',
    'gopher://example.com/',
  ];
  for (const target of refused) {
    it(`refuses ${target}`, () => {
      expect(() => checkTargetUrl(target, insecure)).toThrow(SSRFError);
    });
  }

  it('allows a public https host and refuses plain http unless allowed', () => {
    expect(checkTargetUrl('https://api.example.com/v1', strict).host).toBe('api.example.com');
    expect(() => checkTargetUrl('http://api.example.com/v1', strict)).toThrow(/https/);
    expect(checkTargetUrl('http://api.example.com/v1', insecure).protocol).toBe('http:');
  });

  it('allows loopback and private targets only with allowLocalTargets', () => {
    const local = { allowLocalTargets: true, allowInsecureTargets: false };
    expect(checkTargetUrl('http://127.0.0.1:11434', local).port).toBe('11434');
    expect(checkTargetUrl('http://localhost:1234', local).hostname).toBe('localhost');
    expect(checkTargetUrl('http://192.168.1.20:1234', local).hostname).toBe('192.168.1.20');
    // Metadata and link-local stay refused even for local targets.
    expect(() => checkTargetUrl('http://169.254.169.254/', local)).toThrow(SSRFError);
    expect(() => checkTargetUrl('http://[::ffff:a9fe:a9fe]/', local)).toThrow(SSRFError);
  });
});

describe('isForbiddenAddress', () => {
  it('separates public from internal addresses', () => {
    expect(isForbiddenAddress('8.8.8.8')).toBe(false);
    expect(isForbiddenAddress('2606:4700::1111')).toBe(false);
    expect(isForbiddenAddress('::ffff:8.8.8.8')).toBe(false);
    expect(isForbiddenAddress('::ffff:10.1.2.3')).toBe(true);
    expect(isForbiddenAddress('not-an-ip')).toBe(true);
  });
});

describe('createGuardedLookup', () => {
  const lookup = (
    resolved: Array<{ address: string; family: number }>,
    hostname = 'evil.example',
  ) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) => {
      createGuardedLookup(strict, async () => resolved)(hostname, {}, (error, address) =>
        resolve({ error, address }),
      );
    });

  it('connects to the checked address', async () => {
    const result = await lookup([{ address: '93.184.216.34', family: 4 }]);
    expect(result).toEqual({ error: null, address: '93.184.216.34' });
  });

  it('refuses a name that resolves to an internal address (DNS rebinding)', async () => {
    const result = await lookup([
      { address: '93.184.216.34', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ]);
    expect(result.error).toBeInstanceOf(SSRFError);
  });

  it('resolves only once per connection', async () => {
    let calls = 0;
    const guarded = createGuardedLookup(strict, async () => {
      calls++;
      return calls === 1
        ? [{ address: '93.184.216.34', family: 4 }]
        : [{ address: '127.0.0.1', family: 4 }];
    });
    const address = await new Promise((resolve) =>
      guarded('a.example', { all: true }, (_e, a) => resolve(a)),
    );
    expect(address).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect(calls).toBe(1);
  });
});
