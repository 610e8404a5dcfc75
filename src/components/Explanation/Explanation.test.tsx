/**
 * Rendered with react-dom/server in the node environment (jsdom 31 needs
 * Node ≥ 22): enough to check what text and markup the component produces.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../../session/react/context.tsx';
import { createSession } from '../../session/create-session.ts';
import { createSeeker, explain, simulate } from '../../engine/index.ts';
import { failingBootScenario } from '../../testing/fixtures.ts';
import { Explanation } from './Explanation.tsx';

function explanationFor(fmri: string, extra: { at: number; run: string }[] = []) {
  const scenario = { ...failingBootScenario(), actions: extra };
  const trace = simulate(scenario);
  const seeker = createSeeker(trace);
  const ex = explain({ trace, statuses: seeker.atTime(trace.endTime), files: seeker.filesAtTime(trace.endTime) }, fmri);
  if (ex === undefined) throw new Error('no explanation');
  return ex;
}

function html(fmri: string, extra: { at: number; run: string }[] = []): string {
  return renderToStaticMarkup(
    <SessionProvider session={createSession()}>
      <Explanation ex={explanationFor(fmri, extra)} />
    </SessionProvider>,
  );
}

describe('<Explanation>', () => {
  it('links the SMF-8000 id and shows the reason, the path and the impact', () => {
    const out = html('svc:/site/db:default');
    expect(out).toContain('href="http://illumos.org/msg/SMF-8000-KS"');
    expect(out).toContain('Start method failed repeatedly, last exited with status 1.');
    expect(out).toContain('1 dependent is not running');
    const app = html('svc:/site/app:default');
    expect(app).toContain('SMF-8000-GE');
    expect(app).toContain('aria-label="Path to the root cause"');
    expect(app).toMatch(/site\/app:default.*→.*site\/db:default/s);
  });

  it('renders text from a scenario as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const out = html('svc:/site/web:default', [{ at: 2000, run: `svcadm disable -c '${hostile}' svc:/site/web:default` }]);
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
  });
});
