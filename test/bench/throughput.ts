import { runScenario, type Scenario } from '../../src/core';
import { type Figure, guarded, quantile, round } from './figure';

/** The three runs the throughput budget is about: the happy path, a late failure, and a compensation that fails twice. */
export const THROUGHPUT_CASES: { id: string; label: string; scenario: Partial<Scenario> }[] = [
  { id: 'happy', label: 'happy path', scenario: {} },
  { id: 'failDelivery', label: "failAt: 'delivery'", scenario: { failAt: 'delivery' } },
  {
    id: 'failingCompensation',
    label: "failAt: 'warehouse', compensationFailures: { payment: 2 }",
    scenario: { failAt: 'warehouse', compensationFailures: { payment: 2 } },
  },
];

/** Runs `runScenario(scenario)` `runs` times back to back; returns wall time and this process's CPU time (ms). */
function timeRuns(scenario: Partial<Scenario>, runs: number): { elapsed: number; cpu: number; outcome: string } {
  let outcome = '';
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < runs; i++) outcome = runScenario(scenario).outcome;
  const elapsed = performance.now() - start;
  const cpuUsed = process.cpuUsage(cpuStart);
  return { elapsed, cpu: (cpuUsed.user + cpuUsed.system) / 1000, outcome };
}

const spread = (values: number[]): string => {
  const lo = Math.min(...values).toLocaleString('en-US');
  const hi = Math.max(...values).toLocaleString('en-US');
  return lo === hi ? `[${lo}]` : `[${lo}–${hi}]`;
};

/**
 * Headless throughput of `runScenario` on one core (this process's one JS thread): `warmupRuns`
 * runs first (by count, so the JIT has warmed however busy the machine is), then `batches` timed
 * batches of `batchRuns` runs; the figure is the median batch, with the range. Beside runs per
 * wall-clock second it prints runs per CPU-second of this process (GC threads included), which
 * other work on a busy machine disturbs far less.
 */
export async function measureThroughput(options: { warmupRuns?: number; batchRuns?: number; batches?: number } = {}): Promise<Figure[]> {
  const { warmupRuns = 1000, batchRuns = 1000, batches = 3 } = options;
  const figures: Figure[] = [];
  for (const c of THROUGHPUT_CASES) {
    const id = `throughput.${c.id}`;
    const label = `runScenario runs/s, ${c.label}`;
    figures.push(
      ...(await guarded(id, label, () => {
        timeRuns(c.scenario, warmupRuns);
        const timed = Array.from({ length: batches }, () => timeRuns(c.scenario, batchRuns));
        const wall = timed.map((t) => Math.round((batchRuns / t.elapsed) * 1000));
        const perCpu = timed.map((t) => Math.round((batchRuns / t.cpu) * 1000));
        const perSecond = quantile(wall, 0.5);
        const perCpuSecond = quantile(perCpu, 0.5);
        const msPerRun = round(1000 / perSecond, 3);
        const outcome = timed[0].outcome;
        return [
          {
            id,
            label,
            text: `${perCpuSecond.toLocaleString('en-US')} runs per CPU-second ${spread(perCpu)}, ${perSecond.toLocaleString('en-US')} runs/s wall ${spread(wall)} (median [range] of ${batches} batches of ${batchRuns} runs after ${warmupRuns} warm-up runs; ${msPerRun} ms/run, outcome ${outcome})`,
            values: { runsPerSecond: perSecond, runsPerCpuSecond: perCpuSecond, runsPerCpuSecondMin: Math.min(...perCpu), runsPerCpuSecondMax: Math.max(...perCpu), msPerRun, batches, batchRuns, warmupRuns, outcome },
          },
        ];
      })),
    );
  }
  return figures;
}
