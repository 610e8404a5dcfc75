import { describe, expect, it } from 'vitest';
import type { GraphModel } from './model.ts';
import { spotlightMarks } from './spotlight.ts';

const model = {
  key: 'k',
  nodes: [
    { id: 'a', kind: 'instance' },
    { id: 'b', kind: 'instance' },
    { id: 'g', kind: 'group' },
  ],
  edges: [
    { id: 'a>b', source: 'a', target: 'b' },
    { id: 'b>g', source: 'b', target: 'g' },
  ],
} as unknown as GraphModel;

describe('tour spotlight', () => {
  it('lights the drawn nodes (through collapsed groups) and the edges between them', () => {
    const s = spotlightMarks(model, new Map([['c', 'g']]), ['a', 'b', 'file://localhost/dev/x']);
    expect([...(s?.nodes ?? [])]).toEqual(['a', 'b']);
    expect([...(s?.lit ?? [])].sort()).toEqual(['a', 'a>b', 'b']);
    expect([...(spotlightMarks(model, new Map([['c', 'g']]), ['b', 'c'])?.lit ?? [])].sort()).toEqual(['b', 'b>g', 'g']);
  });

  it('nothing drawn: no spotlight', () => {
    expect(spotlightMarks(model, new Map(), ['file://localhost/dev/ipmpstub'])).toBeUndefined();
  });
});
