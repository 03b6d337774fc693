import { describe, expect, it } from 'vitest';
import { type EmbedChoices, embedCode } from '../../src/embed/embedChoices';
import { ALL_PANELS } from '../../src/embed/viewOptions';
import { parseQuery } from '../../src/embed/urlSchema';

const APP = 'https://sim.example/saga/?lesson=undo-is-a-new-action&failAt=payment';
const base: EmbedChoices = { target: 'lesson', autoplay: false, panels: [...ALL_PANELS], speed: 1, height: 'auto', parentOrigin: '' };
const srcOf = (code: string) => new URL((/src="([^"]+)"/.exec(code)?.[1] ?? '').replaceAll('&amp;', '&'));

describe('embedCode', () => {
  it('embeds a lesson by its id alone, fitted with the resizer script from the app folder', () => {
    const { url, code, problems } = embedCode(APP, { failAt: 'payment' }, 'undo-is-a-new-action', base);
    expect(problems).toEqual([]);
    expect(url).toBe('https://sim.example/saga/?lesson=undo-is-a-new-action&embed=1');
    expect(code).toContain('height="600"');
    expect(code).toContain('title="Saga Simulator lesson"');
    expect(code.split('\n')[1]).toBe('<script src="https://sim.example/saga/embed.js" async></script>');
  });

  it('embeds the run as it is, with every choice in the link the frame reads', () => {
    const choices: EmbedChoices = { ...base, target: 'run', autoplay: true, panels: ['timeline', 'services'], speed: 4, height: 480, step: 5, parentOrigin: ' https://school.example ' };
    const { code, problems } = embedCode(APP, { failAt: 'payment' }, 'undo-is-a-new-action', choices);
    expect(problems).toEqual([]);
    expect(code).not.toContain('<script');
    expect(code).toContain('height="480"');
    const parsed = parseQuery(srcOf(code).search);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.scenario.failAt).toBe('payment');
    expect(parsed.view).toMatchObject({ speed: 4, autoplay: true, panels: ['services', 'timeline'], embed: true, step: 5, parentOrigin: 'https://school.example' });
    expect(parsed.view.lesson).toBeUndefined();
  });

  it('leaves autoplay and the moment out of a lesson, which waits for the prediction', () => {
    const { url } = embedCode(APP, {}, 'undo-is-a-new-action', { ...base, autoplay: true, step: 3 });
    expect(url).toBe('https://sim.example/saga/?lesson=undo-is-a-new-action&embed=1');
  });

  it('names an origin it cannot use, and leaves it out of the snippet', () => {
    for (const bad of ['school.example', 'https://school.example/course', 'javascript:alert(1)']) {
      const { code, problems } = embedCode(APP, {}, null, { ...base, parentOrigin: bad });
      expect(problems[0]).toMatch(/is not an origin: write it like https:\/\/school\.example/);
      expect(code).not.toContain('parentOrigin');
    }
  });

  it('refuses an app that is not served over http(s)', () => {
    expect(() => embedCode('file:///home/me/saga-sim.html', {}, null, base)).toThrow(RangeError);
  });
});
