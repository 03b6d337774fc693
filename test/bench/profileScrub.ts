// npx tsx test/bench/profileScrub.ts [scrub|play]   (PROFILE_JS=1 adds a sampled JS profile; BENCH_PORT as for bench)
//
// One throttled scrub (or a page load plus 8× playback) of dist/ with a Chrome trace: prints the long tasks and
// where they spent their time (self time per trace event name: style, layout, paint, script…), and with
// PROFILE_JS=1 the hottest JS functions (minified names; build with --sourcemap to map them). The trace and
// profile are written to $PROFILE_OUT (default /tmp/saga-profile/) for DevTools. A profiling aid for issue 18, not a benchmark figure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchBrowser, newPage, startPreview } from './browser';
import { PHONE_THROTTLE } from './interaction';

const OUT = process.env.PROFILE_OUT ?? '/tmp/saga-profile';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; cat: string }

async function main() {
  const mode = process.argv[2] ?? 'scrub';
  mkdirSync(OUT, { recursive: true });
  const preview = await startPreview();
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser, PHONE_THROTTLE);
    const url = mode === 'scrub' ? `${preview.url}?failAt=delivery` : `${preview.url}?failAt=delivery&autoplay=1&speed=8`;
    const cdp = await context.newCDPSession(page);
    if (mode === 'scrub') {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000);
    }
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => {
      events.push(...(d.value as unknown as TraceEvent[]));
    });
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink', transferMode: 'ReportEvents' });
    // The sampling profiler costs time of its own; off unless asked for (PROFILE_JS=1).
    const js = process.env.PROFILE_JS === '1';
    if (js) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (mode === 'scrub') {
      const slider = page.getByRole('slider', { name: /scrub/i });
      const box = await slider.boundingBox();
      if (!box) throw new Error('the scrubber has no box');
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + 2, y);
      await page.mouse.down();
      for (let s = 0; s < 4; s++) await page.mouse.move(s % 2 === 0 ? box.x + box.width - 2 : box.x + 2, y, { steps: 40 });
      await page.mouse.up();
      await page.waitForTimeout(700);
    } else {
      await page.goto(url, { waitUntil: 'load' });
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 60_000 });
    }
    const profile = js ? (await cdp.send('Profiler.stop')).profile : { nodes: [], samples: [], timeDeltas: [] };
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(`${OUT}/${mode}.trace.json`, JSON.stringify({ traceEvents: events }));
    // The renderer main thread: the one with the most RunTask time.
    const threadName = new Map<string, string>();
    for (const e of events) if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, String(e.args?.name));
    const mainKeys = [...threadName].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
    const onMain = events.filter((e) => mainKeys.includes(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined);
    const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const longs = tasks.filter((t) => (t.dur ?? 0) > 50_000);
    console.log(`${mode}: ${longs.length} long tasks: ${longs.map((t) => Math.round((t.dur ?? 0) / 1000)).join(', ')} ms`);
    const self = new Map<string, number>();
    for (const t of longs) {
      const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const stack: { e: TraceEvent; child: number }[] = [{ e: t, child: 0 }];
      const close = (until: number) => {
        while (stack.length > 1 && stack[stack.length - 1].e.ts + (stack[stack.length - 1].e.dur ?? 0) <= until) {
          const top = stack.pop();
          if (!top) break;
          self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur ?? 0) - top.child);
          stack[stack.length - 1].child += top.e.dur ?? 0;
        }
      };
      for (const e of inside) {
        close(e.ts);
        stack.push({ e, child: 0 });
      }
      close(Number.POSITIVE_INFINITY);
      self.set('(task self)', (self.get('(task self)') ?? 0) + (t.dur ?? 0) - stack[0].child);
    }
    const total = longs.reduce((s, t) => s + (t.dur ?? 0), 0);
    console.log(`self time inside long tasks (total ${Math.round(total / 1000)} ms):`);
    for (const [n, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${n.padEnd(32)} ${Math.round(us / 1000)} ms  ${Math.round((100 * us) / total)}%`);
    // JS: self time per function from the sampling profile.
    const byFn = new Map<string, number>();
    const dt = profile.timeDeltas ?? [];
    const nodeTime = new Map<number, number>();
    const samples = profile.samples ?? [];
    for (let i = 0; i < samples.length; i++) nodeTime.set(samples[i], (nodeTime.get(samples[i]) ?? 0) + (dt[i] ?? 0));
    for (const n of profile.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (nodeTime.get(n.id) ?? 0));
    }
    console.log('hottest JS (self, whole recording):');
    for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${Math.round(us / 1000)} ms  ${k}`);
    writeFileSync(`${OUT}/${mode}.cpuprofile`, JSON.stringify(profile));
    await context.close();
  } finally {
    await browser.close();
    await preview.stop();
  }
}
main();
