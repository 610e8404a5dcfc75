/** Messages between the page and the explorer worker (issue 17). */
import type { Exploration, ExploreParams } from '../engine/explore.ts';
import type { Scenario } from '../model/scenario/types.ts';

export type ToWorker =
  | { readonly type: 'start'; readonly id: number; readonly scenario: Scenario; readonly params: ExploreParams }
  | { readonly type: 'cancel'; readonly id: number };

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly classes: number }
  | { readonly type: 'done'; readonly id: number; readonly result: Exploration; readonly ms: number }
  | { readonly type: 'cancelled'; readonly id: number; readonly done: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
