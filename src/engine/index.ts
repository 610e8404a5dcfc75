export { simulate, simulateUnknown, type SimulationResult } from './simulate.ts';
export { createSeeker, type Seeker } from './seek.ts';
export { explain, explainAll, summary, type Explanation, type ExplainReason } from './explain.ts';
export { formatSvcsTable, formatStime, stateLabel } from './svcs-format.ts';
export type * from './trace.ts';
