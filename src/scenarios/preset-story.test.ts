/**
 * The story the flagship's first view tells (issue 12, story.ts), computed
 * from its trace: network/physical fails, and system/device/local — which
 * creates /dev/ipmpstub only after physical's method could not open it (the
 * cause chain, docs/access-log.md) — is drawn as itself, so the ordering
 * hazard between the two is an edge between two services on screen.
 */
import { describe, expect, it } from 'vitest';
import { deriveRun } from '../session/derive-run.ts';
import { findPreset } from './catalog.ts';

describe('the flagship story', () => {
  it('names network/physical as failed and system/device/local as what provided its missing file too late', async () => {
    const preset = findPreset('clearview-ipmp-first-boot');
    expect(preset).toBeDefined();
    if (preset === undefined) return;
    const run = deriveRun(await preset.load(), { conditions: {}, interventions: [], boot: 0 });
    expect(run.story.failed.has('svc:/network/physical:default')).toBe(true);
    expect(run.story.causes.has('svc:/system/device/local:default')).toBe(true);
    expect(run.story.all.has('svc:/system/device/local:default')).toBe(true);
  });
});
