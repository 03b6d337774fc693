// @ts-nocheck
import { chromium } from '@playwright/test';
const [url, out, w, h, clicks] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
await page.goto(url, { waitUntil: 'networkidle' });
for (let i = 0; i < Number(clicks ?? 0); i++) await page.getByRole('button', { name: 'Step forward' }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
