export { simulate } from './simulate.ts';
export { createSeeker, type Seeker } from './seek.ts';
export { explain, type Explanation } from './explain.ts';
export { formatStime, stateLabel } from './svcs-format.ts';
export type * from './trace.ts';
