import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { invalidField } from '../../http/errors.js';

export interface CallbackUrlPolicy {
  allowHttp: boolean;
  allowPrivateNetworks: boolean;
}

/*
 * The SSRF guard: addresses a receiver on the public internet never has. Without WEBHOOK_ALLOW_PRIVATE_NETWORKS
 * (the production default) the server refuses to call into them, at registration and again at every delivery,
 * on the address the connection actually uses (so a DNS answer that changes after registration does not help).
 */
const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is on the public internet (an IPv4-mapped IPv6 address is judged by its IPv4 part). */
export function isPublicAddress(address: string): boolean {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  const ip = mapped?.[1] ?? address;
  const family = isIP(ip);
  if (family === 0) return false;
  return !nonPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Checks a callback URL an API client registers, refusing it with the rule it breaks: `url` (not an absolute
 * http(s) URL), `credentials_not_allowed`, `https_required` (plain http, except to localhost or when allowed),
 * `private_address` (a non-public address, unless allowed) or `unresolvable` (no DNS answer).
 */
export async function checkCallbackUrl(raw: string, policy: CallbackUrlPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidField('url', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidField('url', 'url');
  if (url.username || url.password) throw invalidField('url', 'credentials_not_allowed');
  if (url.protocol === 'http:' && !policy.allowHttp && !LOOPBACK_NAMES.has(url.hostname))
    throw invalidField('url', 'https_required');
  url.hash = '';
  if (!policy.allowPrivateNetworks) {
    const host = hostOf(url);
    const addresses = isIP(host)
      ? [host]
      : await lookup(host, { all: true }).then(
          (found) => found.map((a) => a.address),
          () => {
            throw invalidField('url', 'unresolvable');
          },
        );
    if (addresses.some((address) => !isPublicAddress(address))) throw invalidField('url', 'private_address');
  }
  return url.toString();
}
