/** The world commands scenario actions can run (src/model/scenario/actions.ts WORLD_COMMANDS). */
import { cfgadm } from './cfgadm.ts';
import { devfsadm } from './devfsadm.ts';
import { rm, touch } from './files.ts';
import { ifconfig } from './ifconfig.ts';
import { ifMpadm } from './if-mpadm.ts';
import { mount, umount } from './mount.ts';
import { patchadd } from './patchadd.ts';
import { pkg } from './pkg.ts';
import type { WorldCommand } from './types.ts';

export const WORLD_COMMAND_MODELS: Readonly<Record<string, WorldCommand>> = { cfgadm, touch, rm, devfsadm, mount, umount, pkg, patchadd, ifconfig, if_mpadm: ifMpadm };
