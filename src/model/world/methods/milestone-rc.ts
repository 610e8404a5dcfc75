/**
 * The milestones' start methods run the legacy rc directories
 * (/sbin/rcS start, /sbin/rc2 start, /sbin/rc3; docs/boot-graph.md §3.3). No
 * legacy scripts are modelled, so they succeed at once.
 */
import type { MethodModel } from './types.ts';

export const milestoneRc: MethodModel = () => ({ duration: 50, exit: 0 });
