// tsc writes `from './types'` in declarations; Node's ESM resolution (and TypeScript's NodeNext) need
// the file: `./types.js` or `./definitions/index.js`. Rewrites every relative import in dist-core/types.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist-core/types');
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
for (const file of walk(root).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(file, 'utf8').replace(/(from |import\()'(\.\.?\/[^']+)'/g, (whole, head, spec) => {
    if (spec.endsWith('.js')) return whole;
    const base = resolve(dirname(file), spec);
    if (existsSync(`${base}.d.ts`)) return `${head}'${spec}.js'`;
    if (existsSync(join(base, 'index.d.ts'))) return `${head}'${spec}/index.js'`;
    return whole;
  });
  writeFileSync(file, text);
}
