/** Names and limits svc.startd hard-codes (restarter.c, graph.c, startd.h). */
/** restarter.c: timeout_ovr_svcs[] ("services on the path to manifest import", §7.2). */
export const TIMEOUT_OVERRIDE_2025 = new Set([
  'svc:/system/manifest-import:default',
  'svc:/network/initial:default',
  'svc:/network/service:default',
  'svc:/system/rmtmpfiles:default',
  'svc:/network/loopback:default',
  'svc:/network/physical:default',
  'svc:/system/device/local:default',
  'svc:/system/filesystem/usr:default',
  'svc:/system/filesystem/minimal:default',
  'svc:/system/filesystem/local:default',
]);
export const TIMEOUT_OVERRIDE_2009 = new Set([...TIMEOUT_OVERRIDE_2025, 'svc:/system/metainit:default']);

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
/** Safety net: a scenario that never quiesces (a crash loop without rate limit) stops here. */
export const MAX_RECORDS = 400_000;
