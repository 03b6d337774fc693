import { describe, expect, it } from 'vitest';
import { formatVirtualTime, secs } from '../../src/ui/panels/labels';

describe('one clock, one rounding', () => {
  it('the playback bar and the timeline say the same time (3,945 ms read "t = 3.94 s" beside "now 3.95 s")', () => {
    expect(formatVirtualTime(3945)).toBe('t = 3.95 s');
    expect(secs(3945)).toBe('3.95 s');
  });

  it('for every virtual time under 10 s, both name the same number of hundredths', () => {
    for (let ms = 0; ms < 10_000; ms++) {
      const bar = Number(formatVirtualTime(ms).slice(4, -2));
      const chart = Number(secs(ms).slice(0, -2));
      if (bar !== chart) throw new Error(`${ms} ms: bar ${formatVirtualTime(ms)}, timeline ${secs(ms)}`);
    }
    expect(formatVirtualTime(2000)).toBe('t = 2.00 s');
    expect(formatVirtualTime(1_234_567)).toBe('t = 1234.57 s');
  });
});
