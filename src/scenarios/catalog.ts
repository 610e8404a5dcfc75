/**
 * The built-in scenarios. Each preset is loaded lazily (the big illumos graphs
 * are only fetched when chosen) and is a plain v1 scenario.
 */
import type { Scenario } from '../model/scenario/types.ts';

export interface PresetInfo {
  readonly id: string;
  readonly title: string;
  /** One line: what happens and why it matters. */
  readonly story: string;
  /** The seed document it comes from, if any. */
  readonly seed?: string;
  load(): Promise<Scenario>;
}

const PRESETS: PresetInfo[] = [
  {
    id: 'demo-restart-on',
    title: 'restart_on in action',
    story: 'A database crashes and restarts; which dependents restart with it depends on their restart_on.',
    load: async () => (await import('./presets/demo-restart-on.ts')).default,
  },
];

export function presets(): readonly PresetInfo[] {
  return PRESETS;
}

export function presetIds(): string[] {
  return PRESETS.map((p) => p.id);
}

export function findPreset(id: string): PresetInfo | undefined {
  return PRESETS.find((p) => p.id === id);
}

export function registerPreset(p: PresetInfo): void {
  if (!PRESETS.some((x) => x.id === p.id)) PRESETS.push(p);
}
