/**
 * Documentation comes from pull requests: a link must not make doclint probe the machine it
 * runs on or its network (loopback, private ranges, link-local and cloud metadata addresses).
 * The guard runs on every address a host name resolves to, and on literal IP hosts.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Whether an IP address (v4, or v6 with or without brackets) is one a link must not reach.
 * IPv6 forms that carry an IPv4 address are judged by it: mapped (`::ffff:7f00:1`, which is how
 * URL() writes `[::ffff:127.0.0.1]`), compatible (`::127.0.0.1`), NAT64 (`64:ff9b::/96`,
 * `64:ff9b:1::/48`) and 6to4 (`2002::/16`). Host names are not addresses: they are judged by
 * what they resolve to (guardedLookup). IPv4 in decimal, octal or hex is normalised by URL().
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(ip) === 4) return isPrivateV4(ip.split('.').map(Number) as V4);
  if (isIP(ip) !== 6) return false;
  const words = ipv6Words(ip);
  const v4 = (high: number, low: number): V4 => [high >> 8, high & 255, low >> 8, low & 255];
  const zeros = (from: number, to: number): boolean => words.slice(from, to).every((w) => w === 0);
  if (zeros(0, 8) || (zeros(0, 7) && words[7] === 1)) return true;
  if (zeros(0, 5) && words[5] === 0xffff) return isPrivateV4(v4(words[6]!, words[7]!));
  if (zeros(0, 6)) return isPrivateV4(v4(words[6]!, words[7]!));
  if (words[0] === 0x64 && words[1] === 0xff9b && (zeros(2, 6) || words[2] === 1)) return isPrivateV4(v4(words[6]!, words[7]!));
  if (words[0] === 0x2002) return isPrivateV4(v4(words[1]!, words[2]!));
  const first = words[0]!;
  // Unique local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0 || (first & 0xff00) === 0xff00;
}

type V4 = [number, number, number, number];

function isPrivateV4([a, b]: V4): boolean {
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224
  );
}

/** The eight 16-bit words of a valid IPv6 address (`::` expanded, a dotted IPv4 tail read). */
function ipv6Words(ip: string): number[] {
  const zone = ip.indexOf('%');
  let text = zone === -1 ? ip : ip.slice(0, zone);
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as V4;
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined): number[] => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATE';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for net.connect that refuses private addresses unless they are allowed. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = addresses.find((a) => isPrivateAddress(a.address));
      if (blocked && !allowPrivate) return callback(new PrivateAddressError(`${hostname} resolves to the private address ${blocked.address}`), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
