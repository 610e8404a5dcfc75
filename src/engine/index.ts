export { simulate } from './simulate.ts';
export { createSeeker, type Seeker } from './seek.ts';
export { explain, explainAll, type Explanation } from './explain.ts';
export { formatStime, stateLabel } from './svcs-format.ts';
export type * from './trace.ts';
export { accessLog, accessesBy, accessesTo, isProvide, isUse, type WorldAccess, type AccessObjectKind, type AccessOp, type AccessPhase } from './access-log.ts';
