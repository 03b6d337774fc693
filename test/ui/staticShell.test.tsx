import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Brand } from '../../src/ui/Brand';

// jsdom ships no types; this is the one constructor used here.
const jsdomModule = 'jsdom';
const { JSDOM } = (await import(/* @vite-ignore */ jsdomModule)) as unknown as { JSDOM: new (html: string, options: object) => { window: Window } };
const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');

describe('index.html static shell', () => {
  it('paints the same brand React renders first, inside #root, so mounting replaces it without a visible change', () => {
    const shell = html.match(/<div id="root"><header class="app-header" id="static-shell">(.*?)<\/header><\/div>/)?.[1];
    expect(shell).toBe(renderToStaticMarkup(<Brand />));
  });

  it('drops the shell before it paints on an embedded page, which has no header', () => {
    // index.html's inline script, run as a browser would before any module loads.
    const shellAt = (search: string) => new JSDOM(html, { url: `http://localhost/${search}`, runScripts: 'dangerously' }).window.document.getElementById('static-shell');
    expect(shellAt('?embed=1&failAt=payment')).toBeNull();
    expect(shellAt('?failAt=payment&embed=1')).toBeNull();
    expect(shellAt('')).not.toBeNull();
    expect(shellAt('?embed=0')).not.toBeNull();
    expect(shellAt('?embed=10')).not.toBeNull();
  });

  it('promises what is true for another saga than the order', () => {
    expect(renderToStaticMarkup(<Brand definition="trip" />)).toContain('Book a trip: four services, no global undo.');
    expect(renderToStaticMarkup(<Brand definition="order-with-pivot" />)).toContain('One order, five services, no global undo.');
    expect(renderToStaticMarkup(<Brand definition={{ id: 'bad' } as never} />)).toContain('One order, five services, no global undo.');
  });
});
