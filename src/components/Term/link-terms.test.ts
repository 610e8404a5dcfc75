import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../teaching/glossary.ts';
import { glossaryTermFor, linkTerms } from './link-terms.ts';

const terms = (text: string, extra?: string[]): string[] => linkTerms(text, extra).flatMap((p) => ('term' in p ? [`${p.text}=${p.term}`] : []));

describe('linking glossary terms in text', () => {
  it('links the first occurrence of each term and keeps the text intact', () => {
    const text = 'It exits 96: svc.startd does not retry, the instance goes to maintenance. Still in maintenance.';
    const parts = linkTerms(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(terms(text)).toEqual(['svc.startd=svc.startd', 'maintenance=maintenance']);
  });

  it('leaves FMRIs and paths alone', () => {
    expect(terms('svc:/milestone/network:default and milestone/single-user and svc:/system/svc/restarter:default')).toEqual([]);
    expect(terms('Select milestone/network; the milestone is not reached.')).toEqual(['milestone=milestone']);
  });

  it('understands groupings, aliases, plurals, capitals and the * states', () => {
    expect(terms('(optional_all) and require_all')).toEqual(['optional_all=optional_all', 'require_all=require_all']);
    expect(terms('read its svcs -xv explanation')).toEqual(['svcs -xv=svcs -x']);
    expect(terms('Milestones and FMRIs')).toEqual(['Milestones=milestone', 'FMRIs=FMRI']);
    expect(terms('a boot environment (BE)')).toEqual(['boot environment=BE']);
    expect(terms('shown as offline* while starting')).toEqual(['offline*=offline*']);
  });

  it('matches acronyms exactly, and everyday words only when asked', () => {
    expect(terms('BEFORE the ipmp group')).toEqual([]);
    expect(terms('the service and its instance are online')).toEqual([]);
    expect(terms('the instance is online', ['instance'])).toEqual(['instance=instance']);
  });

  it('resolves every glossary term and alias', () => {
    for (const g of GLOSSARY) expect(glossaryTermFor(g.term)).toBe(g.term);
    expect(glossaryTermFor('manifest-import')).toBe('manifest import');
    expect(glossaryTermFor('nothing like it')).toBeUndefined();
  });
});

describe('linking terms for a panel that renders again (issue 16)', () => {
  it('answers the same text and terms with the same parts, without splitting it again', () => {
    const text = 'When the devfsadm link appears late, the ipmp group is created after network/physical starts (require_all).';
    const a = linkTerms(text, ['instance']);
    // A new terms array with the same words (a new run's condition definitions) is the same question.
    expect(linkTerms(text, ['instance'])).toBe(a);
    expect(linkTerms(text)).not.toBe(a);
    expect(a.map((p) => p.text).join('')).toBe(text);
  });
});
