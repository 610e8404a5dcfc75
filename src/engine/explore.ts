/**
 * The timing explorer (issue 17): boot one scenario N times with seeded
 * perturbation of method durations and group the boots by outcome.
 *
 * Boot k (0 ≤ k < N) is the scenario with `seed` = base + k and the given
 * `jitter`: every method run takes its duration × [1 − jitter, 1 + jitter)
 * (src/engine/jitter.ts), exactly as a scenario with that seed boots in the
 * player or the CLI, so each boot can be replayed from its seed alone.
 *
 * An outcome is the final state of every instance; an outcome class is a set
 * of boots with the same outcome, described by the states of the instances
 * whose final state is not the same in every boot. Everything is a pure
 * function of (scenario, N, jitter, base seed): no real time, no real
 * randomness. The explorer is incremental (runBoots) so that a worker can
 * report progress and be cancelled between batches.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { checkParams, EXPLORE_DEFAULTS, type ExploreParams } from './explore-params.ts';
import { simulate } from './simulate.ts';
import type { Trace } from './trace.ts';

export { checkParams, EXPLORE_DEFAULTS, type ExploreParams } from './explore-params.ts';

/** What an explorer keeps of one boot, beyond its final states: per-boot facts to group by (e.g. hazard orders). */
export interface BootFacts {
  /** key → value; a key whose value is constant within a class and differs across boots decides it. */
  readonly [key: string]: string;
}

/** Extracts per-boot facts from a trace (the hazard detector supplies one). */
export type FactsOf = (trace: Trace) => BootFacts;

export interface DecidingFact {
  readonly key: string;
  /** Its value in every boot of this class. */
  readonly value: string;
}

export interface OutcomeClass {
  /** 1 = the most frequent class. */
  readonly rank: number;
  readonly count: number;
  /** count / boots, in [0, 1]. */
  readonly share: number;
  /** The representative boot: the first boot (lowest seed) of the class. */
  readonly seed: number;
  /** Every seed of the class, ascending. */
  readonly seeds: readonly number[];
  /** The final state of each varying instance in this class (fmri → state). */
  readonly states: Readonly<Record<string, string>>;
  /** Boot length (simulated ms) over the class. */
  readonly endTime: { readonly min: number; readonly max: number };
  /** Facts whose value is the same in every boot of the class and not in every boot explored. */
  readonly deciding: readonly DecidingFact[];
  /**
   * Facts that vary across the exploration but split within this class: the
   * class happens either way (e.g. a start method that failed on the wrong
   * order and succeeded when svc.startd retried it). Each value's boots.
   */
  readonly mixed: readonly MixedFact[];
}

export interface MixedFact {
  readonly key: string;
  /** value → boots of this class with it, most first. */
  readonly counts: readonly { readonly value: string; readonly boots: number }[];
}

export interface Exploration {
  readonly scenario: string;
  readonly params: ExploreParams;
  /** Boots actually run (less than params.boots if stopped early). */
  readonly booted: number;
  readonly instances: number;
  /** Instances whose final state differs between boots, in trace order. */
  readonly varying: readonly string[];
  /** Most frequent first; ties by representative seed. */
  readonly classes: readonly OutcomeClass[];
}

/** The state svcs would show at the end; an instance never imported is "absent". */
export function finalStates(trace: Trace): string[] {
  const index = new Map<string, number>();
  const out: string[] = [];
  trace.instances.forEach((i, k) => {
    index.set(i.fmri, k);
    out.push(i.initial.present ? i.initial.state : 'absent');
  });
  for (const r of trace.records) {
    if (r.kind !== 'status') continue;
    const k = index.get(r.fmri);
    if (k !== undefined) out[k] = r.status.present ? r.status.state : 'absent';
  }
  return out;
}

/** The scenario boot k of an exploration runs. */
export function bootScenario(scenario: Scenario, seed: number, jitter: number): Scenario {
  return { ...scenario, seed, jitter };
}

interface Group {
  readonly states: readonly string[];
  readonly seeds: number[];
  minEnd: number;
  maxEnd: number;
  /** Each fact's values over the group's boots: key → value → boots. */
  readonly facts: Map<string, Map<string, number>>;
}

export class Explorer {
  private readonly groups = new Map<string, Group>();
  private fmris: readonly string[] = [];
  private next = 0;
  /** Every fact key seen, with the values it took and in how many boots. */
  private readonly factValues = new Map<string, { readonly values: Set<string>; boots: number }>();

  constructor(
    private readonly scenario: Scenario,
    readonly params: ExploreParams,
    private readonly factsOf?: FactsOf,
  ) {
    const bad = checkParams(params);
    if (bad !== undefined) throw new RangeError(bad);
  }

  get booted(): number {
    return this.next;
  }

  /** Outcome classes so far. */
  get classCount(): number {
    return this.groups.size;
  }

  get finished(): boolean {
    return this.next >= this.params.boots;
  }

  /** Run up to `count` more boots; returns how many ran. */
  runBoots(count: number): number {
    const end = Math.min(this.params.boots, this.next + Math.max(0, count));
    const ran = end - this.next;
    for (; this.next < end; this.next++) this.boot(this.params.baseSeed + this.next);
    return ran;
  }

  private boot(seed: number): void {
    const trace = simulate(bootScenario(this.scenario, seed, this.params.jitter));
    if (this.fmris.length === 0) this.fmris = trace.instances.map((i) => i.fmri);
    const states = finalStates(trace);
    const key = states.join('\u0000');
    const facts = this.factsOf?.(trace) ?? {};
    for (const [k, v] of Object.entries(facts)) {
      let seen = this.factValues.get(k);
      if (seen === undefined) this.factValues.set(k, (seen = { values: new Set(), boots: 0 }));
      seen.values.add(v);
      seen.boots++;
    }
    let g = this.groups.get(key);
    if (g === undefined) {
      g = { states, seeds: [], minEnd: trace.endTime, maxEnd: trace.endTime, facts: new Map() };
      this.groups.set(key, g);
    }
    g.seeds.push(seed);
    g.minEnd = Math.min(g.minEnd, trace.endTime);
    g.maxEnd = Math.max(g.maxEnd, trace.endTime);
    for (const [k, v] of Object.entries(facts)) {
      let values = g.facts.get(k);
      if (values === undefined) g.facts.set(k, (values = new Map()));
      values.set(v, (values.get(v) ?? 0) + 1);
    }
  }

  result(): Exploration {
    const groups = [...this.groups.values()];
    const varyingIdx: number[] = [];
    const first = groups[0];
    if (first !== undefined) {
      for (let k = 0; k < this.fmris.length; k++) if (groups.some((g) => g.states[k] !== first.states[k])) varyingIdx.push(k);
    }
    // A fact that took one value in every boot decides nothing; one that some boots lacked varies.
    const varyingFact = (k: string): boolean => {
      const seen = this.factValues.get(k);
      return seen !== undefined && (seen.values.size > 1 || seen.boots < this.next);
    };
    const sorted = groups.sort((a, b) => b.seeds.length - a.seeds.length || (a.seeds[0] ?? 0) - (b.seeds[0] ?? 0));
    const classes = sorted.map((g, n): OutcomeClass => {
      const states: Record<string, string> = {};
      for (const k of varyingIdx) {
        const f = this.fmris[k];
        const s = g.states[k];
        if (f !== undefined && s !== undefined) states[f] = s;
      }
      const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      const deciding: DecidingFact[] = [];
      const mixed: MixedFact[] = [];
      for (const [key, values] of g.facts) {
        if (!varyingFact(key)) continue;
        const [only] = values;
        if (values.size === 1 && only !== undefined && only[1] === g.seeds.length) deciding.push({ key, value: only[0] });
        else mixed.push({ key, counts: [...values].map(([value, boots]) => ({ value, boots })).sort((a, b) => b.boots - a.boots || (a.value < b.value ? -1 : 1)) });
      }
      deciding.sort(byKey);
      mixed.sort(byKey);
      return {
        rank: n + 1,
        count: g.seeds.length,
        share: this.next === 0 ? 0 : g.seeds.length / this.next,
        seed: g.seeds[0] ?? this.params.baseSeed,
        seeds: g.seeds,
        states,
        endTime: { min: g.minEnd, max: g.maxEnd },
        deciding,
        mixed,
      };
    });
    return {
      scenario: this.scenario.name,
      params: this.params,
      booted: this.next,
      instances: this.fmris.length,
      varying: varyingIdx.map((k) => this.fmris[k] ?? ''),
      classes,
    };
  }
}

/** Run a whole exploration at once (CLI, tests, benches). */
export function explore(scenario: Scenario, params: Partial<ExploreParams> = {}, factsOf?: FactsOf): Exploration {
  const e = new Explorer(scenario, { ...EXPLORE_DEFAULTS, ...params }, factsOf);
  e.runBoots(e.params.boots);
  return e.result();
}
