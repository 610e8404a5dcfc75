import { describe, expect, it } from 'vitest';
import { lineStarts, locateJsonPaths, pathSegments, positionAt } from './json-path-position.ts';

const text = `{
  "format": "bootgraph/1",
  "name": "x",
  "services": [
    { "fmri": "svc:/a" },
    {
      "fmri": "svc:/b",
      "dependencies": [
        { "name": "d", "grouping": "bogus", "restart_on": "none", "targets": ["svc:/a"] }
      ]
    }
  ]
}`;

describe('where a JSON path is written', () => {
  it('splits paths', () => {
    expect(pathSegments('$.services[1].dependencies[0].grouping')).toEqual(['.services', '[1]', '.dependencies', '[0]', '.grouping']);
    expect(pathSegments('$')).toEqual([]);
  });

  it('points at the member key, or the array element', () => {
    const m = locateJsonPaths(text, ['$.services[1].dependencies[0].grouping', '$.services[0]', '$.name']);
    expect(m.get('$.services[1].dependencies[0].grouping')).toMatchObject({ line: 9, column: 24 });
    expect(m.get('$.services[0]')).toMatchObject({ line: 5, column: 5 });
    expect(m.get('$.name')).toMatchObject({ line: 3, column: 3 });
  });

  it('a path that is not in the text resolves to its deepest parent', () => {
    const m = locateJsonPaths(text, ['$.services[0].start.duration', '$.nothing']);
    expect(m.get('$.services[0].start.duration')).toMatchObject({ line: 5, column: 5 });
    expect(m.get('$.nothing')).toMatchObject({ line: 1, column: 1 });
  });

  it('keys with escapes are compared decoded', () => {
    const m = locateJsonPaths('{"a\\u0062": {"c": 1}}', ['$.ab.c']);
    expect(m.get('$.ab.c')).toMatchObject({ line: 1, column: 14 });
  });

  it('invalid JSON gives no positions, never a throw', () => {
    expect(locateJsonPaths('{"a": [1, 2', ['$.a[1]']).size).toBe(0);
    expect(locateJsonPaths('', ['$']).size).toBe(0);
  });

  it('turns offsets into lines and columns', () => {
    const s = 'ab\ncd\n\nef';
    const starts = lineStarts(s);
    expect(positionAt(s, 0, starts)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(positionAt(s, 4, starts)).toEqual({ offset: 4, line: 2, column: 2 });
    expect(positionAt(s, 7, starts)).toEqual({ offset: 7, line: 4, column: 1 });
  });
});
