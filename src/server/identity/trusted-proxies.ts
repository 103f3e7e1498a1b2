import { BlockList, isIP } from 'node:net';

export class TrustedProxiesError extends Error {
  override name = 'TrustedProxiesError';
}

/** Addresses (and networks) whose requests may say who the person is; nobody else's may. */
export type TrustedProxies = { list: readonly string[]; trusts(address: string | undefined): boolean };

/**
 * Reads `VIEWER_TRUSTED_PROXIES`: IPv4 and IPv6 addresses and CIDR networks, separated by commas or
 * spaces (`10.0.0.5, 10.1.0.0/16, fd00::/8`). Node's BlockList matches them, IPv4-mapped IPv6
 * addresses (`::ffff:10.0.0.5`, as a dual-stack socket reports them) included.
 */
export function parseTrustedProxies(value: string): TrustedProxies {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) throw new TrustedProxiesError('VIEWER_TRUSTED_PROXIES lists no address.');
  const blocks = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (family === 0 || extra !== undefined) {
      throw new TrustedProxiesError(
        `VIEWER_TRUSTED_PROXIES: "${entry}" is not an IP address or a network such as 10.0.0.0/8 or fd00::/8.`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      blocks.addAddress(address, type);
      continue;
    }
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
      throw new TrustedProxiesError(`VIEWER_TRUSTED_PROXIES: "${entry}" has a prefix length that is not from 0 to ${bits}.`);
    }
    blocks.addSubnet(address, Number(prefix), type);
  }
  return {
    list: entries,
    trusts: (peer) => {
      const family = peer === undefined ? 0 : isIP(peer);
      return family !== 0 && blocks.check(peer!, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
