import { expect, type Page, test } from '@playwright/test';

// Monkey test: thousands of random actions on what a user can really reach — visible, enabled buttons,
// checkboxes, radios, selects, range inputs, <summary> and links that stay on this page — and the
// playback keys, chosen by a seeded PRNG. Any page error, console error, navigation away or
// dialog fails it. Replay a failure with MONKEY_SEED=<seed> (printed at the start and in the message);
// playback runs on a wall-clock timer, so a replay repeats the same choices, not always the same timing.
// 2,000 actions; 5,000 with DEEP=1. MONKEY_PROGRESS=1 logs progress every 250 actions.
// Not exercised: typing into text and number fields, Enter and Escape, links that leave the page
// (other origin or path, another query, target, download), and controls that are disabled, inert,
// invisible or covered by something else (a covered pick becomes a key press instead).

const DEEP = !!process.env.DEEP;
const ACTIONS = DEEP ? 5000 : 2000;
const KEYS = ['Space', 'ArrowLeft', 'ArrowRight', 'Home', 'Tab'] as const;
/** Share of actions that are key presses (to wherever focus is); the rest act on a control. */
const KEY_SHARE = 0.25;

/** mulberry32: a tiny seeded generator, floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedFromEnv(): number {
  const raw = process.env.MONKEY_SEED;
  if (raw === undefined || raw === '') return Math.floor(Math.random() * 2 ** 32);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** 32) throw new Error(`MONKEY_SEED must be an integer from 0 to 2^32-1, got "${raw}"`);
  return n;
}

interface Target {
  kind: 'click' | 'select' | 'range';
  label: string;
  x: number;
  y: number;
  width: number;
  /** The centre is not covered by something else. */
  reachable: boolean;
  /** For a select: the option it now has (chosen in the page, as Playwright's selectOption does). */
  option?: number;
}

/**
 * In the page, in one round trip (React has rendered the last action by the time this runs): lists every
 * reachable control, takes candidate `r` of them, scrolls it into view and hit-tests its centre. A select
 * gets option `detail` at once: selected and `input` + `change` dispatched, exactly what selectOption does.
 */
async function pickTarget(page: Page, r: number, detail: number): Promise<Target | null> {
  return page.evaluate(
    ([r, detail]) => {
      const here = new URL(location.href);
      const staysHere = (a: HTMLAnchorElement) => {
        if ((a.target && a.target !== '_self') || a.hasAttribute('download')) return false;
        const to = new URL(a.href, location.href);
        return to.origin === here.origin && to.pathname === here.pathname && to.search === here.search;
      };
      const usable = (el: Element): el is HTMLElement => {
        if (!(el instanceof HTMLElement) || el.matches(':disabled') || el.closest('[inert]')) return false;
        if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
        const box = el.getBoundingClientRect();
        if (box.width < 1 || box.height < 1) return false;
        return !(el instanceof HTMLAnchorElement) || staysHere(el);
      };
      const selector = 'button, summary, select, a[href], input[type=checkbox], input[type=radio], input[type=range]';
      const all = [...document.querySelectorAll(selector)].filter(usable);
      if (all.length === 0) return null;
      const el = all[Math.floor(r * all.length)];
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      const labels = el instanceof HTMLInputElement && el.labels ? [...el.labels] : [];
      const reachable = !!hit && (el === hit || el.contains(hit) || labels.some((l) => l.contains(hit)));
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const label = `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} "${name}"`;
      if (el instanceof HTMLSelectElement) {
        const option = Math.floor(detail * el.options.length);
        if (reachable && el.options.length > 0) {
          el.focus();
          el.options[option].selected = true;
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
        return { kind: 'select', label, x, y, width: box.width, reachable, option } as const;
      }
      const kind = el instanceof HTMLInputElement && el.type === 'range' ? 'range' : 'click';
      return { kind, label, x, y, width: box.width, reachable } as const;
    },
    [r, detail] as const,
  );
}

// A trace records a DOM snapshot for every action: thousands of them would make this test ten times slower.
test.use({ trace: 'off' });

test('monkey: random clicks, selects, slider drags and playback keys never raise an error', async ({ page }) => {
  // About 20 ms an action on a quiet 2-core machine; the timeouts leave room for a busy one.
  test.setTimeout(DEEP ? 600_000 : 150_000);
  const seed = seedFromEnv();
  console.log(`monkey seed ${seed}: ${ACTIONS} actions (replay with MONKEY_SEED=${seed})`);
  const random = prng(seed);
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.context().on('page', (popup) => {
    problems.push(`opened a new page: ${popup.url()}`);
    void popup.close();
  });

  await page.goto('/?seed=1'); // any parameter: the sandbox (a bare first visit opens lesson 1)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const home = new URL(page.url());
  const recent: string[] = [];
  const counts = { click: 0, select: 0, range: 0, key: 0, covered: 0 };
  const started = Date.now();

  for (let i = 0; i < ACTIONS; i++) {
    // Three draws every action, whatever happens, so a seed always replays the same sequence of choices.
    const [kindDraw, targetDraw, detailDraw] = [random(), random(), random()];
    const target = kindDraw < KEY_SHARE ? null : await pickTarget(page, targetDraw, detailDraw);
    let action: string;
    if (!target?.reachable) {
      if (kindDraw >= KEY_SHARE) counts.covered++;
      const key = KEYS[Math.floor(detailDraw * KEYS.length)];
      await page.keyboard.press(key);
      counts.key++;
      action = `key ${key}${target ? ` (${target.label} was covered)` : ''}`;
    } else if (target.kind === 'select') {
      counts.select++;
      action = `select option ${target.option} of ${target.label}`;
    } else if (target.kind === 'range') {
      const x = target.x - target.width / 2 + 2 + detailDraw * Math.max(0, target.width - 4);
      await page.mouse.click(x, target.y);
      counts.range++;
      action = `click ${Math.round(detailDraw * 100)}% along ${target.label}`;
    } else {
      await page.mouse.click(target.x, target.y);
      counts.click++;
      action = `click ${target.label}`;
    }
    recent.push(`#${i} ${action}`);
    if (process.env.MONKEY_PROGRESS && i % 250 === 0) console.log(`#${i} after ${((Date.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(counts));
    if (recent.length > 15) recent.shift();

    const now = new URL(page.url());
    if (now.origin !== home.origin || now.pathname !== home.pathname) problems.push(`navigated away to ${page.url()}`);
    if (problems.length > 0) {
      throw new Error(`monkey seed ${seed} (replay with MONKEY_SEED=${seed}) failed at action #${i}:\n${problems.join('\n')}\nlast actions:\n${recent.join('\n')}`);
    }
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`monkey seed ${seed}: ${ACTIONS} actions in ${seconds} s — ${JSON.stringify(counts)}`);
  await expect(page.getByRole('heading', { level: 1 }), `monkey seed ${seed}: the page lost its heading`).toBeVisible();
});
