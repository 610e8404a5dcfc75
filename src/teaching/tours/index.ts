/** The built-in tours, one per preset (data in this directory). */
import type { Tour } from '../tour-types.ts';
import clearview from './clearview-ipmp-first-boot.json' with { type: 'json' };
import dr from './ipmp-dynamic-reconfiguration.json' with { type: 'json' };
import patching from './patching-milestone.json' with { type: 'json' };
import manifestImport from './manifest-import.json' with { type: 'json' };
import snap from './snap-upgrade-var-shared.json' with { type: 'json' };
import demo from './demo-restart-on.json' with { type: 'json' };

// The JSON files are checked by validateTour() in tours.test.ts.
export const TOURS: readonly Tour[] = [clearview, dr, patching, manifestImport, snap, demo] as readonly Tour[];

export function tourForPreset(preset: string): Tour | undefined {
  return TOURS.find((t) => t.preset === preset);
}

export function tourById(id: string): Tour | undefined {
  return TOURS.find((t) => t.id === id);
}
