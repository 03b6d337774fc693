import { runScenario, type Scenario } from '../../src/core';
import { type Figure, guarded, round } from './figure';

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

/** Runs `runScenario(scenario)` back to back for about `ms` milliseconds; returns runs, wall time and CPU time (ms). */
function timeRuns(scenario: Partial<Scenario>, ms: number): { runs: number; elapsed: number; cpu: number; outcome: string } {
  let runs = 0;
  let outcome = '';
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    // Check the clock every 10 runs: a run takes well under a millisecond.
    for (let i = 0; i < 10; i++) outcome = runScenario(scenario).outcome;
    runs += 10;
    elapsed = performance.now() - start;
  }
  const cpuUsed = process.cpuUsage(cpuStart);
  return { runs, elapsed, cpu: (cpuUsed.user + cpuUsed.system) / 1000, outcome };
}

/**
 * Headless throughput of `runScenario` on one core (this process's one JS thread):
 * warm up for `warmupMs`, then count whole runs for `measureMs` of wall time. Beside runs per
 * wall-clock second it prints runs per CPU-second of this process (GC threads included), which
 * other work on a busy machine disturbs far less.
 */
export async function measureThroughput(options: { warmupMs?: number; measureMs?: number } = {}): Promise<Figure[]> {
  const { warmupMs = 500, measureMs = 1500 } = options;
  const figures: Figure[] = [];
  for (const c of THROUGHPUT_CASES) {
    const id = `throughput.${c.id}`;
    const label = `runScenario runs/s, ${c.label}`;
    figures.push(
      ...(await guarded(id, label, () => {
        timeRuns(c.scenario, warmupMs);
        const { runs, elapsed, cpu, outcome } = timeRuns(c.scenario, measureMs);
        const perSecond = Math.round((runs / elapsed) * 1000);
        const perCpuSecond = Math.round((runs / cpu) * 1000);
        const msPerRun = round(elapsed / runs, 3);
        return [
          {
            id,
            label,
            text: `${perSecond.toLocaleString('en-US')} runs/s wall, ${perCpuSecond.toLocaleString('en-US')} runs per CPU-second (${msPerRun} ms/run, ${runs} runs in ${round(elapsed / 1000, 2)} s, outcome ${outcome})`,
            values: { runsPerSecond: perSecond, runsPerCpuSecond: perCpuSecond, msPerRun, runs, elapsedMs: round(elapsed), cpuMs: round(cpu), outcome },
          },
        ];
      })),
    );
  }
  return figures;
}
