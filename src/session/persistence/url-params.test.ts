import { describe, expect, it } from 'vitest';
import { parseUrlRequest } from './url-params.ts';

describe('parseUrlRequest', () => {
  const known = ['demo-restart-on', 'clearview-ipmp-first-boot'];
  it('reads a preset, an instant and a selection', () => {
    expect(parseUrlRequest('?preset=demo-restart-on&t=5020&select=svc:/site/db:default', known)).toEqual({
      preset: 'demo-restart-on',
      t: 5020,
      select: 'svc:/site/db:default',
      problems: [],
    });
  });

  it('ignores what it does not know, and says so', () => {
    const r = parseUrlRequest('?preset=<script>&t=-1&select=javascript:alert(1)', known);
    expect(r.preset).toBeUndefined();
    expect(r.t).toBeUndefined();
    expect(r.select).toBeUndefined();
    expect(r.problems).toHaveLength(2);
    expect(parseUrlRequest('', known)).toEqual({ problems: [] });
  });
});
