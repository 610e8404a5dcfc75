/** Names and limits svc.startd hard-codes (restarter.c, graph.c, startd.h). */
/* timeout_ovr_svcs[] (restarter.c, §7.2) differs by era: src/model/smf/era-rules.ts. */

export const SINGLE_USER = 'svc:/milestone/single-user:default';
export const MULTI_USER = 'svc:/milestone/multi-user:default';
export const MULTI_USER_SERVER = 'svc:/milestone/multi-user-server:default';
export const CONSOLE_LOGIN = 'svc:/system/console-login:default';
export const MANIFEST_IMPORT = 'svc:/system/manifest-import:default';
export const FS_ROOT = 'svc:/system/filesystem/root:default';
export const FS_MINIMAL = 'svc:/system/filesystem/minimal:default';
export const SYSTEM_LOG = 'svc:/system/system-log:default';
export const STARTD_SELF = 'svc:/system/svc/restarter:default';
export const EARLY_MANIFEST_IMPORT = 'svc:/system/early-manifest-import:default';
/** graph.c up_svcs[] (§6.7). */
export const UP_SVCS = [SINGLE_USER, CONSOLE_LOGIN, 'svc:/system/install-setup:default', 'svc:/system/install:default'];
export const STANDARD_MILESTONES = new Set([SINGLE_USER, MULTI_USER, MULTI_USER_SERVER]);
/**
 * Safety net: a scenario that never quiesces (a crash loop without rate limit)
 * stops after this many trace records, plus RECORDS_PER_INSTANCE for each
 * instance: a boot writes about 5 per instance, so a large graph is never
 * called unsettled before it has run (issue 15: 100,000 services were, at t=0).
 */
export const MAX_RECORDS = 400_000;
export const RECORDS_PER_INSTANCE = 40;
