import { checkInvariants } from './invariants';
import { resolveScenario } from './scenario';
import { Simulation } from './simulation';
import type { Scenario, Violation } from './types';

/** What the explorer found. */
export interface ExploreResult {
  /** Distinct states visited (interleavings that reach the same situation are merged). */
  explored: number;
  /** Distinct end states. */
  terminalStates: number;
  /** Distinct interleavings (paths of choices from start to an end state). */
  interleavings: number;
  /** Interleavings that end with at least one invariant violated. */
  violating: number;
  /** A shortest violating schedule; replay it with `runScenario({ ...scenario, schedule })`. */
  counterexample?: { schedule: number[]; violations: Violation[] };
  /** False when `maxStates` stopped the search early. */
  complete: boolean;
}

interface Node {
  sim: Simulation | null;
  path: number[];
  children: number[];
  terminal: boolean;
  violating: boolean;
}

/** Runs a branch until the next choice point or the end. */
function advance(sim: Simulation): void {
  for (;;) {
    const r = sim.step();
    if (r !== 'stepped') return;
  }
}

/**
 * Breadth-first search over every interleaving of the sagas' local transactions. Each
 * branch is a copy of the simulation state taken at a choice point (not a re-run from the
 * start), and states with equal futures are merged, so the work grows with the number of
 * distinct situations rather than the number of schedules. The search can be run in
 * slices (`runFor`) so a page never freezes.
 */
export class InterleavingExplorer {
  private readonly nodes: Node[] = [];
  private readonly seen = new Map<string, number>();
  private frontier = 0;
  private counterexample?: ExploreResult['counterexample'];
  readonly scenario: Scenario;

  constructor(scenario: Partial<Scenario>, private readonly maxStates = 250_000) {
    this.scenario = resolveScenario({ ...scenario, schedule: undefined });
    const root = new Simulation(this.scenario, { trace: false, scheduler: 'explorer' });
    advance(root);
    this.add(root, []);
  }

  private add(sim: Simulation, path: number[]): number {
    const key = sim.key();
    const known = this.seen.get(key);
    if (known !== undefined) return known;
    const id = this.nodes.length;
    const terminal = sim.idle;
    let violating = false;
    if (terminal) {
      const violations = checkInvariants(sim.databases(), true, { definition: sim.definition, sagas: sim.outcomes() });
      violating = violations.length > 0;
      // Breadth-first: the first violating end state found has a shortest schedule.
      if (violating && !this.counterexample) this.counterexample = { schedule: path, violations };
    }
    this.nodes.push({ sim: terminal ? null : sim, path, children: [], terminal, violating });
    this.seen.set(key, id);
    return id;
  }

  /** Expands up to `budget` states; returns true when the search is finished. */
  runFor(budget: number): boolean {
    let left = budget;
    while (this.frontier < this.nodes.length && left-- > 0) {
      const node = this.nodes[this.frontier++];
      if (!node.sim) continue;
      for (const choice of node.sim.nextChoices()) {
        if (this.nodes.length >= this.maxStates) return true;
        const branch = node.sim.fork();
        branch.choose(choice.saga);
        advance(branch);
        node.children.push(this.add(branch, [...node.path, choice.saga]));
      }
      node.sim = null; // expanded: free the state
    }
    return this.done;
  }

  /** True when every state has been expanded (or the cap was hit). */
  get done(): boolean {
    return this.frontier >= this.nodes.length || this.nodes.length >= this.maxStates;
  }

  /** Visited so far. */
  get explored(): number {
    return this.nodes.length;
  }

  /** The counts; interleavings are counted over the merged graph, not enumerated. */
  result(): ExploreResult {
    const paths = new Array<number>(this.nodes.length).fill(-1);
    const bad = new Array<number>(this.nodes.length).fill(0);
    // Children always have larger ids than... not necessarily, so count with an explicit post-order.
    const stack: [number, boolean][] = [[0, false]];
    while (stack.length) {
      const [id, ready] = stack.pop() as [number, boolean];
      if (paths[id] >= 0) continue;
      const n = this.nodes[id];
      if (n.terminal || n.children.length === 0) {
        paths[id] = n.terminal ? 1 : 0;
        bad[id] = n.violating ? 1 : 0;
        continue;
      }
      if (!ready) {
        stack.push([id, true]);
        for (const c of n.children) if (paths[c] < 0) stack.push([c, false]);
        continue;
      }
      paths[id] = n.children.reduce((sum, c) => sum + paths[c], 0);
      bad[id] = n.children.reduce((sum, c) => sum + bad[c], 0);
    }
    return {
      explored: this.nodes.length,
      terminalStates: this.nodes.filter((n) => n.terminal).length,
      interleavings: paths[0],
      violating: bad[0],
      counterexample: this.counterexample,
      complete: this.frontier >= this.nodes.length,
    };
  }
}

/**
 * Visits every distinct interleaving of the sagas in a scenario (typically `buyers` ≥ 2)
 * and reports how many end with a broken invariant, with a shortest counterexample.
 *
 * @example
 * const r = exploreInterleavings({ buyers: 2, semanticLock: false });
 * r.violating > 0; // the oversell
 * runScenario({ buyers: 2, semanticLock: false, schedule: r.counterexample!.schedule });
 */
export function exploreInterleavings(scenario: Partial<Scenario>, options: { maxStates?: number } = {}): ExploreResult {
  const explorer = new InterleavingExplorer(scenario, options.maxStates);
  while (!explorer.runFor(10_000)) {
    // keep going
  }
  return explorer.result();
}
