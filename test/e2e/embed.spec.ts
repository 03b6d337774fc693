import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, type FrameLocator, type Page, test } from '@playwright/test';

// A course page on another site hosts the README's own snippet: a lesson is answered inside the
// sandboxed frame, the host hears every field, the resizer sizes the frame, and the host drives it.

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** The first html block after "An embed snippet" in the README: exactly what an instructor copies. */
const README_SNIPPET = /An embed snippet[\s\S]*?```html\n([\s\S]*?)```/.exec(README)?.[1] ?? '';

/** Port of the host page: another origin, and another site (localhost vs 127.0.0.1). */
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 10);

interface Message {
  type: string;
  [key: string]: unknown;
}

/** Serves one host page on the other site while `body` runs. */
async function withHost(html: string, body: (hostUrl: string) => Promise<void>): Promise<void> {
  const server: Server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, '127.0.0.1', resolve));
  try {
    await body(`http://localhost:${HOST_PORT}/`);
  } finally {
    server.close();
  }
}

/** A course page around `snippet`, recording what the frame posts. */
const hostPage = (snippet: string) => `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Course page</title><style>body { margin: 8px; } iframe { border: 0; display: block; }</style></head><body>
  <h1>Week 3: sagas</h1>
  <script>
    window.messages = [];
    addEventListener('message', (e) => { if (e.data && e.data.source === 'saga-sim') window.messages.push(e.data); });
  </script>
  ${snippet}
  <p>After the lesson.</p></body></html>`;

/** The README's snippet pointed at the app under test (served at the origin's root). */
function snippetFor(appOrigin: string): string {
  expect(README_SNIPPET).toContain('<iframe');
  return README_SNIPPET.replaceAll('https://your.host/saga-sim/', `${appOrigin}/`);
}

const messagesOf = (page: Page, type?: string) =>
  page.evaluate((t) => (window as unknown as { messages: Message[] }).messages.filter((m) => !t || m.type === t), type);

/** Picks an answer to lesson 2's question and plays its run to the end, by mouse and keyboard as a learner would. */
async function answer(frame: FrameLocator, option: RegExp, byKeyboard: boolean): Promise<void> {
  const radio = frame.getByRole('radio', { name: option });
  await radio.check();
  if (byKeyboard) await radio.press('Enter');
  else await frame.getByRole('button', { name: 'Lock in my prediction and run it' }).click();
  await frame.getByRole('button', { name: 'Jump to end' }).click();
  // As a learner would: check once the page says the run has finished.
  await expect(frame.getByText('The run has finished: check your prediction.')).toBeVisible();
  await frame.getByRole('button', { name: 'Check my prediction' }).click();
}

for (const variant of ['as documented', 'without allow-forms'] as const) {
  test(`the README's snippet on another site (${variant}): a lesson answered, every field reported, the frame sized to fit`, async ({
    page,
    baseURL,
  }) => {
    const app = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
    let snippet = snippetFor(app);
    expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-forms"');
    expect(snippet).toContain('width="100%"');
    // The second variant also asks for xAPI statements.
    if (variant === 'without allow-forms') snippet = snippet.replace(' allow-forms', '').replace('&embed=1', '&embed=1&xapi=1');
    await page.setViewportSize({ width: 375, height: 700 });
    await withHost(hostPage(snippet), async (hostUrl) => {
      await page.goto(hostUrl);
      const frame = page.frameLocator('iframe');
      await expect.poll(async () => (await messagesOf(page, 'ready')).length).toBe(1);

      // First try: wrong. The host hears it, with every field; the lesson is not done.
      await answer(frame, /^Completed/, false);
      await expect(frame.getByText('Not quite — the run went differently.')).toBeVisible();
      await expect.poll(async () => (await messagesOf(page, 'lesson-completed')).length).toBe(1);
      const [first] = await messagesOf(page, 'lesson-completed');
      expect(first).toEqual({
        source: 'saga-sim',
        type: 'lesson-completed',
        lesson: 'someone-has-to-drive',
        correct: false,
        answer: 'completed',
        expected: 'stuck',
        attempt: 1,
        durationMs: expect.any(Number),
        runId: expect.any(String),
        done: false,
      });
      expect(first.durationMs).toBeGreaterThan(0);

      // Second try, Enter on the choice: right, done, and a new run id.
      await frame.getByRole('button', { name: 'Answer again' }).click();
      await answer(frame, /^Stuck/, true);
      await expect(frame.getByText('Your prediction was right.')).toBeVisible();
      await expect.poll(async () => (await messagesOf(page, 'lesson-completed')).length).toBe(2);
      const second = (await messagesOf(page, 'lesson-completed'))[1];
      expect(second).toMatchObject({ correct: true, answer: 'stuck', expected: 'stuck', attempt: 2, done: true });
      expect(second.runId).not.toBe(first.runId);

      const xapi = (await messagesOf(page, 'xapi')).map((m) => (m.statement as { verb: { display: { 'en-US': string } } }).verb.display['en-US']);
      expect(xapi).toEqual(variant === 'as documented' ? [] : ['answered', 'answered', 'completed']);

      // One run-finished per watched run, each naming the run the answer was checked against, both sides reported.
      const finished = await messagesOf(page, 'run-finished');
      expect(finished.map((m) => m.runId)).toEqual([first.runId, second.runId]);
      expect(finished[0]).toMatchObject({ outcome: 'stuck', scenario: { mode: 'choreography', dropEvent: 'payment' } });
      expect(finished[0].sides).toMatchObject({ choreography: { outcome: 'stuck' }, orchestration: { outcome: 'completed' } });

      // The resizer: resize messages arrive, the frame takes the last height, nothing scrolls inside or sideways.
      const resizes = await messagesOf(page, 'resize');
      expect(resizes.length).toBeGreaterThan(0);
      const last = () => messagesOf(page, 'resize').then((r) => r.at(-1)?.height);
      await expect.poll(async () => page.locator('iframe').evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe(`${await last()}px`);
      expect(await last()).toBeGreaterThan(1000);
      const inner = await frame.locator('html').evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: window.innerHeight }));
      expect(inner.scroll).toBeLessThanOrEqual(inner.view + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    });
  });
}

test('the host drives a frame: ping is answered, load acknowledged or refused, seek pauses at a stop; step=N opens there', async ({
  page,
  baseURL,
}) => {
  const app = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
  const snippet = snippetFor(app).replace('lesson=someone-has-to-drive', 'failAt=payment&amp;step=3');
  await withHost(hostPage(snippet), async (hostUrl) => {
    await page.goto(hostUrl);
    const frame = page.frameLocator('iframe');
    await expect.poll(async () => (await messagesOf(page, 'ready')).length).toBe(1);
    // step=3: paused at the fourth stop, not playing.
    await expect(frame.locator('.clock')).toContainText(/event 3 of \d+/);
    await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();

    const send = (data: unknown) =>
      page.evaluate(
        ([d, origin]) => (document.querySelector('iframe') as HTMLIFrameElement).contentWindow?.postMessage(d, origin as string),
        [data, app] as const,
      );
    await send({ source: 'saga-sim', type: 'ping' });
    await expect.poll(async () => (await messagesOf(page, 'ready')).length).toBe(2);
    await send({ source: 'saga-sim', type: 'seek', step: 1 });
    await expect(frame.locator('.clock')).toContainText(/event 1 of \d+/);

    await send({ source: 'saga-sim', type: 'load', params: 'failAt=warehouse&bogus=1' });
    await expect.poll(async () => (await messagesOf(page, 'loaded')).length).toBe(1);
    expect((await messagesOf(page, 'loaded'))[0].warnings).toEqual([expect.objectContaining({ param: 'bogus' })]);
    await send({ source: 'saga-sim', type: 'load', params: 42 });
    await expect.poll(async () => (await messagesOf(page, 'load-failed')).length).toBe(1);
    expect((await messagesOf(page, 'load-failed'))[0].reasons).toEqual([expect.stringMatching(/params must be a query string/)]);
  });
});
