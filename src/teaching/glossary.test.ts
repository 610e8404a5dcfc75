import { describe, expect, it } from 'vitest';
import { GLOSSARY, lookupTerm } from './glossary.ts';

describe('glossary', () => {
  it('explains every term issue 8 names', () => {
    for (const t of ['milestone', 'restarter', 'require_any', 'restart_on', 'maintenance', 'degraded', 'manifest import', 'FMRI', 'IPMP', 'devfsadm', 'BE', 'hazard', 'outcome class']) {
      expect(lookupTerm(t)?.text.length ?? 0, t).toBeGreaterThan(20);
    }
  });

  it('has unique terms and plain-text explanations (no markup)', () => {
    const terms = GLOSSARY.map((g) => g.term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
    for (const g of GLOSSARY) expect(g.text).not.toMatch(/<[a-z/]/i);
  });
});
