/** The embed snippet: the link with the embed flag, in an iframe whose attributes are escaped. */
import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeShareFragment } from './codec.ts';
import { embedFragment, embedSnippet } from './embed.ts';

describe('embed code', () => {
  it('is the same state with e: 1', () => {
    const f = embedFragment({ p: 'lesson-cycles', t: 300, sel: 'svc:/site/audit:default' });
    expect(f.ok).toBe(true);
    const d = f.ok ? decodeShareFragment(f.fragment) : undefined;
    expect(d?.ok && d.state).toEqual({ p: 'lesson-cycles', t: 300, sel: 'svc:/site/audit:default', e: 1 });
  });

  it('escapes the address and the title for an HTML attribute', () => {
    const s = embedSnippet('https://x.example/a?b=1&c="2"#v1.abc', 'a "quoted" <b>name</b> & co');
    expect(s).toBe('<iframe src="https://x.example/a?b=1&amp;c=&quot;2&quot;#v1.abc" title="bootgraph: a &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt; &amp; co" width="100%" height="560" style="border:0;max-width:1100px" loading="lazy"></iframe>');
  });

  it('a malformed embed flag is ignored with a notice, never the link', () => {
    const d = decodeShareFragment(`#v1.${compressToEncodedURIComponent(JSON.stringify({ p: 'lesson-cycles', e: 'yes' }))}`);
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.state).toEqual({ p: 'lesson-cycles' });
      expect(d.notices).toEqual(["the link's embed flag is malformed and was ignored"]);
    }
  });
});
