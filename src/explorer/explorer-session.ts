/**
 * The Explore panel's state outside React (issue 17): the parameters, the
 * exploration running in the worker (progress, cancel) and its result, and
 * what was explored (so a result that no longer matches the scenario on
 * screen says so). Framework-free; React reads it with useExplorer().
 */
import { checkParams, EXPLORE_DEFAULTS, type Exploration, type ExploreParams } from '../engine/explore.ts';
import type { Scenario } from '../model/scenario/types.ts';
import type { ExploreJob, ExploreProgress, ExplorerClient } from './explorer-client.ts';

export type ExplorerState =
  /** `autorun`: start as soon as the panel has a boot to explore (a link asked for it). */
  | { readonly status: 'idle'; readonly params: ExploreParams; readonly autorun?: boolean }
  | { readonly status: 'running'; readonly params: ExploreParams; readonly key: string; readonly progress: ExploreProgress }
  | { readonly status: 'done'; readonly params: ExploreParams; readonly key: string; readonly result: Exploration; readonly ms: number }
  | { readonly status: 'cancelled'; readonly params: ExploreParams; readonly key: string; readonly progress: ExploreProgress }
  | { readonly status: 'error'; readonly params: ExploreParams; readonly message: string };

export class ExplorerSession {
  private state: ExplorerState = { status: 'idle', params: EXPLORE_DEFAULTS };
  private readonly listeners = new Set<() => void>();
  private job: ExploreJob | undefined;

  constructor(private readonly client: ExplorerClient) {}

  getState = (): ExplorerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: ExplorerState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** Change the parameters (refused with a sentence if out of range); a result stays until the next run. */
  setParams(p: Partial<ExploreParams>): string | undefined {
    const params = { ...this.state.params, ...p };
    const bad = checkParams(params);
    if (bad !== undefined) return bad;
    this.set({ ...this.state, params } as ExplorerState);
    return undefined;
  }

  /**
   * Explore `scenario` (the boot on screen, without its own seed) with the
   * current parameters. `key` names what it is (scenario and conditions), so
   * the panel can tell when the result is for something else.
   */
  start(scenario: Scenario, key: string): void {
    this.job?.cancel();
    const params = this.state.params;
    const { seed: _seed, jitter: _jitter, ...plain } = scenario;
    void _seed;
    void _jitter;
    this.set({ status: 'running', params, key, progress: { done: 0, total: params.boots, classes: 0 } });
    const job = this.client.start(plain, params, (progress) => {
      if (this.job === job && this.state.status === 'running') this.set({ status: 'running', params, key, progress });
    });
    this.job = job;
    void job.outcome.then((o) => {
      if (this.job !== job) return;
      this.job = undefined;
      const progress = this.state.status === 'running' ? this.state.progress : { done: 0, total: params.boots, classes: 0 };
      if (o.status === 'done') this.set({ status: 'done', params, key, result: o.result, ms: o.ms });
      else if (o.status === 'cancelled') this.set({ status: 'cancelled', params, key, progress });
      else this.set({ status: 'error', params, message: o.message });
    });
  }

  /** Run with the current parameters as soon as the panel can (opening a link that carries them). */
  requestRun(): void {
    this.job?.cancel();
    this.job = undefined;
    this.set({ status: 'idle', params: this.state.params, autorun: true });
  }

  cancel(): void {
    this.job?.cancel();
  }

  /** Forget the result (the scenario changed for good). */
  reset(): void {
    this.job?.cancel();
    this.job = undefined;
    this.set({ status: 'idle', params: this.state.params });
  }
}
