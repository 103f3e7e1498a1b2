import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from './trusted-proxies';

describe('trusted proxies', () => {
  it('are addresses and networks, IPv4 and IPv6, matched as a dual-stack socket reports them', () => {
    const proxies = parseTrustedProxies('10.0.0.5, 192.168.0.0/16 fd00::/8');
    expect(['10.0.0.5', '::ffff:10.0.0.5', '192.168.44.1', 'fd12::1'].map(proxies.trusts)).toEqual([true, true, true, true]);
    expect(['10.0.0.6', '193.168.0.1', 'fe80::1', '', undefined, 'not-an-ip'].map(proxies.trusts)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it.each([
    ['', /lists no address/],
    ['10.0.0.256', /"10\.0\.0\.256" is not an IP address/],
    ['proxy.example.com', /is not an IP address/],
    ['10.0.0.0/33', /prefix length that is not from 0 to 32/],
    ['fd00::/129', /prefix length that is not from 0 to 128/],
    ['10.0.0.0/8/8', /is not an IP address/],
  ])('refuses %j', (value, message) => {
    expect(() => parseTrustedProxies(value)).toThrow(message);
  });
});
