import { describe, expect, it } from 'vitest';
import { rankOf, rankSearch } from './search-rank.ts';

const items = [
  { id: 'svc:/network/inetd-upgrade:default', text: 'inetd configuration upgrade' },
  { id: 'svc:/network/inetd:default', text: 'inetd' },
  { id: 'svc:/network/rpc/bind:default', text: 'RPC bindings' },
  { id: 'svc:/network/physical:nwam', text: 'physical network interface configuration' },
  { id: 'svc:/network/physical:default', text: 'physical network interfaces' },
  { id: 'svc:/system/filesystem/local:default', text: 'local file system mounts' },
  { id: 'svc:/site/db:default', text: 'database' },
];

describe('search ranking (issue 12)', () => {
  it('puts an exact basename first: "inetd" is network/inetd:default, not inetd-upgrade', () => {
    expect(rankSearch('inetd', items).map((m) => m.id).slice(0, 2)).toEqual(['svc:/network/inetd:default', 'svc:/network/inetd-upgrade:default']);
  });

  it('takes every name svcs accepts as exact', () => {
    for (const q of ['svc:/network/physical:default', 'network/physical:default', 'network/physical', 'NETWORK/PHYSICAL']) {
      expect(rankSearch(q, items)[0]?.id, q).toBe('svc:/network/physical:default');
    }
    expect(rankSearch('physical:nwam', items)[0]?.id).toBe('svc:/network/physical:nwam');
    expect(rankOf('local', items[5] ?? { id: '', text: '' })).toBe(1);
  });

  it('ranks prefix over substring over common name, and drops non-matches', () => {
    const r = rankSearch('b', items).map((m) => `${m.rank} ${m.id}`);
    expect(r[0]).toBe('2 svc:/network/rpc/bind:default');
    expect(rankSearch('data', items)).toEqual([{ id: 'svc:/site/db:default', rank: 5 }]);
    expect(rankSearch('zzz', items)).toEqual([]);
    expect(rankSearch('  ', items)).toEqual([]);
  });
});
