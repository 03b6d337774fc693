import { createOrchestratorMachine, resolveDefinition, type Scenario } from '../../core';

/** One state of the orchestrator machine, as the statechart panel draws it. */
export interface ChartNode {
  /** Dotted path, the same form the machine stamps on its events (`executing.backingOff`). */
  path: string;
  /** The state's own name (`backingOff`). */
  key: string;
  /** A final state: the saga ends here. */
  final: boolean;
  /** Left at once by an eventless transition: drawn, but never where a run rests. */
  transient: boolean;
  children: ChartNode[];
}

/** The fields of an XState state node this reads (`always` is its eventless transitions). */
interface StateNodeLike {
  key: string;
  type: string;
  always?: unknown[];
  states: Record<string, StateNodeLike>;
}

function nodesOf(parent: StateNodeLike, prefix: string): ChartNode[] {
  return Object.values(parent.states).map((n) => {
    const path = prefix ? `${prefix}.${n.key}` : n.key;
    return { path, key: n.key, final: n.type === 'final', transient: (n.always?.length ?? 0) > 0, children: nodesOf(n, path) };
  });
}

const cache = new Map<string, ChartNode[]>();

/**
 * The orchestrator machine's own states for the scenario's definition, in the order the
 * machine declares them, read from the machine built by the core (its state nodes and their
 * children): a state added to the machine appears in the panel with no change here.
 */
export function machineChart(scenario: Pick<Scenario, 'definition'>): ChartNode[] {
  const key = typeof scenario.definition === 'string' ? scenario.definition : JSON.stringify(scenario.definition);
  let chart = cache.get(key);
  if (!chart) {
    const machine = createOrchestratorMachine(resolveDefinition(scenario.definition));
    chart = nodesOf(machine.root as unknown as StateNodeLike, '');
    if (cache.size > 16) cache.clear();
    cache.set(key, chart);
  }
  return chart;
}

/** Every state path of a chart, nested ones included. */
export const chartPaths = (chart: readonly ChartNode[]): ChartNode[] => chart.flatMap((n) => [n, ...chartPaths(n.children)]);
