import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** A target refused by the SSRF guard. The message names the reason, never a key. */
export class SSRFError extends Error {
  readonly code = 'ssrf_blocked';
  constructor(message: string) {
    super(message);
    this.name = 'SSRFError';
  }
}

/** What the operator allows for targets that are not configured vendor origins. */
export interface TargetPolicy {
  /** Loopback and private addresses are allowed (Ollama, LM Studio on this machine). */
  allowLocalTargets: boolean;
  /** Plain `http://` is allowed for non-local targets. */
  allowInsecureTargets: boolean;
}

const forbiddenV4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches loopback on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT (also Alibaba's metadata 100.100.100.200)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const forbiddenV6: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0:0', 96], // SIIT IPv4-translated
  ['64:ff9b:1::', 48], // local-use NAT64 (any IPv4 behind it, private ones included)
  ['2001::', 32], // Teredo (tunnels to an embedded, obfuscated IPv4)
  ['100::', 64], // discard
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local (AWS metadata fd00:ec2::254)
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];
/** Link-local and cloud metadata ranges: refused even with `allowLocalTargets`. */
const metadataV4: Array<[string, number]> = [['169.254.0.0', 16]];
const metadataV6: Array<[string, number]> = [
  ['fd00:ec2::254', 128], // AWS IPv6 metadata, inside the unique-local range
  ['fe80::', 10],
];
/** Loopback and private ranges an operator can open with `allowLocalTargets`. */
const localV4: Array<[string, number]> = [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
];

const forbidden = new BlockList();
for (const [network, prefix] of forbiddenV4) forbidden.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of forbiddenV6) forbidden.addSubnet(network, prefix, 'ipv6');
const metadata = new BlockList();
for (const [network, prefix] of metadataV4) metadata.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of metadataV6) metadata.addSubnet(network, prefix, 'ipv6');
const local = new BlockList();
for (const [network, prefix] of localV4) local.addSubnet(network, prefix, 'ipv4');
local.addAddress('::1', 'ipv6');
local.addSubnet('fc00::', 7, 'ipv6');

/** Expands an IPv6 address (without brackets or zone) to eight 16-bit groups, or null. */
export function expandIPv6(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const bytes = dotted[1].split('.').map(Number) as [number, number, number, number];
    const high = ((bytes[0] << 8) | bytes[1]).toString(16);
    const low = ((bytes[2] << 8) | bytes[3]).toString(16);
    text = `${text.slice(0, -dotted[1].length)}${high}:${low}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(fill).fill('0'), ...tailGroups].map((group) =>
    Number.parseInt(group, 16),
  );
  return groups.length === 8 ? groups : null;
}

/** The IPv4 address embedded in an IPv4-mapped, NAT64 or 6to4 IPv6 address, if any. */
function embeddedIPv4(groups: readonly number[]): string | null {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups;
  const quad = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) return quad(g, h);
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return quad(g, h);
  if (a === 0x2002) return quad(b, c);
  return null;
}

/** Whether `address` (a canonical IPv4 or IPv6 literal) is reachable only as local. */
export function isLocalAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return local.check(address, 'ipv4');
  if (version !== 6) return false;
  const groups = expandIPv6(address);
  const embedded = groups ? embeddedIPv4(groups) : null;
  return embedded !== null ? local.check(embedded, 'ipv4') : local.check(address, 'ipv6');
}

/**
 * Whether `address` is loopback, private, link-local, CGNAT, metadata, multicast, reserved, or
 * an IPv6 form embedding one of those. Anything that is not an IP literal counts as forbidden.
 */
export function isForbiddenAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return forbidden.check(address, 'ipv4');
  if (version !== 6) return true;
  const groups = expandIPv6(address);
  if (!groups) return true;
  const embedded = embeddedIPv4(groups);
  if (embedded !== null) return forbidden.check(embedded, 'ipv4');
  return forbidden.check(address, 'ipv6');
}

/** Whether `address` (or the IPv4 address it embeds) is link-local or a metadata address. */
function isMetadataAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return metadata.check(address, 'ipv4');
  if (version !== 6) return false;
  const groups = expandIPv6(address);
  const embedded = groups ? embeddedIPv4(groups) : null;
  return embedded !== null ? metadata.check(embedded, 'ipv4') : metadata.check(address, 'ipv6');
}

function isAllowedAddress(address: string, policy: TargetPolicy): boolean {
  if (!isForbiddenAddress(address)) return true;
  return policy.allowLocalTargets && !isMetadataAddress(address) && isLocalAddress(address);
}

const forbiddenNames = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/**
 * Parses and checks a custom target URL before anything is sent: http(s) only, https unless
 * allowed or local, no credentials, and IP literals in every spelling (decimal, octal, hex,
 * shortened, IPv4-mapped IPv6) checked after WHATWG URL normalisation. Host names are checked
 * again at connect time by `createGuardedLookup`. Throws `SSRFError`.
 */
export function checkTargetUrl(target: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new SSRFError('The target is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SSRFError('Only http and https targets are allowed');
  }
  if (url.username !== '' || url.password !== '') {
    throw new SSRFError('Targets must not carry credentials');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  if (literal && !isAllowedAddress(host, policy)) {
    throw new SSRFError('The target address is not allowed');
  }
  if (!literal && forbiddenNames.test(host.replace(/\.$/, '')) && !policy.allowLocalTargets) {
    throw new SSRFError('The target host is not allowed');
  }
  const isLocal = literal ? isLocalAddress(host) : /^localhost\.?$/i.test(host);
  if (url.protocol === 'http:' && !policy.allowInsecureTargets && !isLocal) {
    throw new SSRFError('Only https targets are allowed');
  }
  return url;
}

/** A `dns.lookup`-shaped resolver (injectable for tests). */
export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

type LookupCallback = (
  error: Error | null,
  address: string | Array<{ address: string; family: number }>,
  family?: number,
) => void;

/** A `net.connect` lookup function. */
export type LookupFunction = (
  hostname: string,
  options: { all?: boolean | undefined },
  callback: LookupCallback,
) => void;

/**
 * A `lookup` for undici's connector: resolves the host once, refuses the connection when any
 * resolved address is forbidden, and hands the checked address to the socket, so a second DNS
 * answer (rebinding) can never be used.
 */
export function createGuardedLookup(
  policy: TargetPolicy,
  resolver: Resolver = systemResolver,
): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.replace(/^\[|\]$/g, '');
    const resolved =
      isIP(host) !== 0 ? Promise.resolve([{ address: host, family: isIP(host) }]) : resolver(host);
    resolved.then(
      (addresses) => {
        const first = addresses[0];
        if (!first || addresses.some((entry) => !isAllowedAddress(entry.address, policy))) {
          callback(new SSRFError('The target resolves to an address that is not allowed'), '');
          return;
        }
        if (options.all) callback(null, [first]);
        else callback(null, first.address, first.family);
      },
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error('DNS lookup failed'), ''),
    );
  };
}
