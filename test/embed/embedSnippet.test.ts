import { describe, expect, it } from 'vitest';
import { embedSnippet, escapeAttribute, shareUrl } from '../../src/embed/embedSnippet';
import { parseQuery } from '../../src/embed/urlSchema';

/** Reads the attributes of the one tag in `html`, decoding the entities escapeAttribute writes. */
function attributes(html: string): Record<string, string> {
  const match = /^<iframe ((?:[a-z-]+="[^"]*" ?)+)><\/iframe>$/.exec(html);
  if (!match?.[1]) throw new Error(`not a single well-formed iframe: ${html}`);
  const decode = (v: string) =>
    v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return Object.fromEntries([...match[1].matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], decode(m[2] ?? '')]));
}

describe('embedSnippet', () => {
  it('produces one iframe with the sandbox, lazy loading, no referrer and clipboard access', () => {
    const url = 'https://sim.example/saga/?failAt=payment&embed=1';
    expect(attributes(embedSnippet(url))).toEqual({
      src: url,
      title: 'Saga Simulator',
      width: '100%',
      height: '600',
      loading: 'lazy',
      sandbox: 'allow-scripts allow-same-origin allow-popups allow-forms',
      referrerpolicy: 'no-referrer',
      allow: 'clipboard-write',
    });
  });

  it('escapes the ampersands of the URL', () => {
    const html = embedSnippet('https://sim.example/?seed=2&mode=choreography');
    expect(html).toContain('src="https://sim.example/?seed=2&amp;mode=choreography"');
  });

  it('escapes quotes and markup in the title and the URL, so nothing breaks out of an attribute', () => {
    const html = embedSnippet(`https://sim.example/?lesson=a"b'c<d>`, { title: `"><script>alert('x')</script>` });
    expect(html).not.toContain('<script');
    expect(html.match(/</g)).toHaveLength(2); // only <iframe and </iframe>
    const attrs = attributes(html);
    expect(attrs.title).toBe(`"><script>alert('x')</script>`);
    expect(new URL(attrs.src ?? '').searchParams.get('lesson')).toBe(`a"b'c<d>`);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)');
  });

  it('uses the given size when it is plainly a size, and the default otherwise', () => {
    expect(attributes(embedSnippet('https://sim.example/', { width: '100%', height: 480 }))).toMatchObject({ width: '100%', height: '480' });
    expect(attributes(embedSnippet('https://sim.example/', { width: '100" onload="x', height: -5 }))).toMatchObject({ width: '100%', height: '600' });
  });

  it('adds the resizer script after the frame when asked, and only for an http(s) URL', () => {
    const html = embedSnippet('https://sim.example/?embed=1', { resizerUrl: 'https://sim.example/embed.js?a=1&b=2' });
    const [frame, script] = html.split('\n');
    expect(attributes(frame ?? '')).toMatchObject({ src: 'https://sim.example/?embed=1' });
    expect(script).toBe('<script src="https://sim.example/embed.js?a=1&amp;b=2" async></script>');
    expect(() => embedSnippet('https://sim.example/', { resizerUrl: 'javascript:alert(1)' })).toThrow(RangeError);
  });

  it('refuses a URL that is not absolute http(s)', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>', '/relative/path', 'not a url']) {
      expect(() => embedSnippet(bad)).toThrow(RangeError);
    }
  });

  it('escapes all five HTML-special characters', () => {
    expect(escapeAttribute(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('shareUrl', () => {
  it('pins the scenario and view, and replaces the base URL’s own query and hash', () => {
    const url = shareUrl('https://sim.example/app/?seed=99#lesson-2', { failAt: 'payment', seed: 7 }, { embed: true, speed: 1 });
    expect(url).toBe('https://sim.example/app/?seed=7&failAt=payment&embed=1');
    const back = parseQuery(new URL(url).search);
    expect(back.warnings).toEqual([]);
    expect(back.scenario).toMatchObject({ failAt: 'payment', seed: 7 });
    expect(back.view.embed).toBe(true);
  });

  it('is the bare base URL for the default run', () => {
    expect(shareUrl('https://sim.example/app/?x=1', {}, {})).toBe('https://sim.example/app/');
  });

  it('keeps links readable and reads back through the browser URL parser', () => {
    const url = shareUrl('https://sim.example/', { lostResponses: { payment: 1 }, crash: { step: 'order', when: 'after-commit' } }, { parentOrigin: 'https://school.example' });
    expect(url).toBe('https://sim.example/?lost=payment:1&crash=order:after-commit&parentOrigin=https://school.example');
    expect(parseQuery(new URL(url).search).view.parentOrigin).toBe('https://school.example');
  });
});
