// @ts-nocheck
import { spawn } from 'node:child_process';
import { launchBrowser } from './browser';
import { scrubOnce } from './interaction';
const dirs = process.argv.slice(2);
const servers = dirs.map((d, i) => { const port = 4210 + i; const c = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', d, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' }); return { c, url: `http://127.0.0.1:${port}/` }; });
await new Promise((r) => setTimeout(r, 2500));
const browser = await launchBrowser();
const res = dirs.map(() => []);
for (let round = 0; round < 4; round++) for (let i = 0; i < dirs.length; i++) { const r = await scrubOnce(browser, servers[i].url); res[i].push(`${r.over50}/${r.longestMs}/${r.blockedMs}`); }
dirs.forEach((d, i) => console.log(d, res[i].join('  ')));
await browser.close(); for (const s of servers) s.c.kill();
