// @ts-nocheck
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/playwright.config';
import { startPreview } from './browser';
const preview = await startPreview();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(`${preview.url}${process.argv[2] ?? '?failAt=delivery'}`, { waitUntil: 'networkidle' });
await page.waitForTimeout(1000);
const slider = page.getByRole('slider', { name: /scrub/i });
const box = (await slider.boundingBox())!;
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
const y = box.y + box.height / 2;
await page.mouse.move(box.x + 2, y);
await page.mouse.down();
for (let s = 0; s < 4; s++) await page.mouse.move(s % 2 ? box.x + 2 : box.x + box.width - 2, y, { steps: 40 });
await page.mouse.up();
await page.waitForTimeout(800);
const trace = await browser.stopTracing();
const { profile } = await cdp.send('Profiler.stop');
// self time by function
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const self = new Map<string, number>();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id); const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); total += (dt[i] ?? 0) / 1000;
});
console.log('total ms', Math.round(total));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(Math.round(v), k.slice(0, 120));
// trace: top-level event categories
const events = JSON.parse(trace.toString()).traceEvents as any[];
const agg = new Map<string, number>();
for (const e of events) if (e.ph === 'X' && e.dur) agg.set(e.name, (agg.get(e.name) ?? 0) + e.dur / 1000);
console.log('--- trace events (ms, inclusive)');
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(Math.round(v), k);
// long tasks: RunTask > 50 ms on the renderer main thread, with their direct children
const names = new Map(); for (const e of events) if (e.dur > 50000) names.set(e.name, (names.get(e.name) ?? 0) + 1); console.log([...names].slice(0,20));
const main = events.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 50000);
const tid = (() => { const m = new Map(); for (const e of main) m.set(e.tid, (m.get(e.tid) ?? 0) + 1); return [...m].sort((a,b)=>b[1]-a[1])[0]?.[0]; })();
const rt = main.filter((e) => e.tid === tid);
console.log('--- long tasks', rt.length);
for (const t of rt.slice(0, 40)) {
  const kids = events.filter((e) => e.tid === tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && ['FunctionCall','EventDispatch','Paint','Layout','UpdateLayoutTree','PrePaint','Layerize','TimerFire','FireAnimationFrame','Commit','RunMicrotasks','ParseHTML','EvaluateScript','v8.callFunction'].includes(e.name));
  const agg = new Map(); for (const k of kids) agg.set(k.name, (agg.get(k.name) ?? 0) + k.dur / 1000);
  console.log(Math.round(t.dur / 1000), [...agg].map(([k, v]) => `${k}:${Math.round(v)}`).join(' '));
}
await browser.close(); await preview.stop();
