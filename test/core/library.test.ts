import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// A course's own repository drives the simulator headlessly: `import { runScenario } from 'saga-simulator/core'`
// in plain Node 20 — no tsx, no bundler. Node resolves the package's own name through its `exports`.
const root = resolve(__dirname, '../..');

/** The latest modification time of any file under a folder. */
function newestIn(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestIn(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

describe('the core as a library', () => {
  beforeAll(() => {
    // `npm ci` / `npm install` build it (prepare); rebuild only when src/core changed since.
    if (!existsSync(join(root, 'dist-core/index.js')) || newestIn(join(root, 'src/core')) > statSync(join(root, 'dist-core/index.js')).mtimeMs) {
      execFileSync('npm', ['run', '-s', 'build:core'], { cwd: root, stdio: 'pipe' });
    }
  }, 120_000);

  it('imports saga-simulator/core in plain Node and runs the trip', () => {
    {
      const script = join(root, 'test-results', 'library-smoke.mjs');
      execFileSync('mkdir', ['-p', join(root, 'test-results')]);
      writeFileSync(
        script,
        "import { runScenario, serializeRun } from 'saga-simulator/core';\n" +
          "const run = runScenario({ definition: 'trip', failAt: 'car' });\n" +
          'console.log(JSON.stringify({ outcome: run.outcome, tables: Object.keys(run.databases), json: serializeRun(run.scenario, 0) }));\n',
      );
      const out = JSON.parse(execFileSync(process.execPath, [script], { cwd: root, encoding: 'utf8' }));
      expect(out.outcome).toBe('compensated');
      expect(out.tables).toEqual(['flight', 'hotel', 'car', 'payment', 'sagaLog']);
    }
  });

  it('ships type declarations whose imports resolve under NodeNext', () => {
    expect(existsSync(join(root, 'dist-core/types/index.d.ts'))).toBe(true);
    const consumer = join(root, 'test-results', 'library-types');
    execFileSync('mkdir', ['-p', consumer]);
    writeFileSync(join(consumer, 'use.mts'), "import { runScenario, type RunResult } from 'saga-simulator/core';\nconst run: RunResult = runScenario({ definition: 'trip' });\nexport const outcome: 'completed' | 'compensated' | 'needs-attention' | 'stuck' = run.outcome;\n// @ts-expect-error the types are real (not any): an outcome is not a number\nexport const wrong: number = run.outcome;\n");
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.mts'] }),
    );
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', consumer], { cwd: root, encoding: 'utf8' });
  }, 60_000);
});
