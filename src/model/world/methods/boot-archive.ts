/**
 * /lib/svc/method/boot-archive (system/boot-archive): `bootadm update-archive
 * -vnC` checks the archive; a stale one is only flagged. Always exits 0
 * (docs/boot-graph.md §4). Stale archives are not modelled.
 */
import type { MethodModel } from './types.ts';

export const bootArchive: MethodModel = () => ({ duration: 200, exit: 0 });
