/** The built-in tours, one per preset and one per lesson (data in this directory). */
import type { Tour } from '../tour-types.ts';
import clearview from './clearview-ipmp-first-boot.json' with { type: 'json' };
import dr from './ipmp-dynamic-reconfiguration.json' with { type: 'json' };
import patching from './patching-milestone.json' with { type: 'json' };
import manifestImport from './manifest-import.json' with { type: 'json' };
import snap from './snap-upgrade-var-shared.json' with { type: 'json' };
import demo from './demo-restart-on.json' with { type: 'json' };
import groupings from './lesson-groupings.json' with { type: 'json' };
import restartOn from './lesson-restart-on.json' with { type: 'json' };
import milestones from './lesson-milestones.json' with { type: 'json' };
import maintenance from './lesson-maintenance.json' with { type: 'json' };
import cycles from './lesson-cycles.json' with { type: 'json' };
import fileDependencies from './lesson-file-dependencies.json' with { type: 'json' };
import delegated from './lesson-delegated-restarters.json' with { type: 'json' };
import disableTemporary from './lesson-disable-temporary.json' with { type: 'json' };

// The JSON files are checked by validateTour() in tours.test.ts.
export const TOURS: readonly Tour[] = [
  clearview,
  dr,
  patching,
  manifestImport,
  snap,
  demo,
  groupings,
  restartOn,
  milestones,
  maintenance,
  cycles,
  fileDependencies,
  delegated,
  disableTemporary,
] as readonly Tour[];

export function tourForPreset(preset: string): Tour | undefined {
  return TOURS.find((t) => t.preset === preset);
}

export function tourById(id: string): Tour | undefined {
  return TOURS.find((t) => t.id === id);
}
