import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run build:core`: src/core as one ES module for plain Node 20 (`import … from 'saga-simulator/core'`).
// XState stays a dependency, not a copy; the declarations come from tsc (see tsconfig.core.json).
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: 'dist-core',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    target: 'node20',
    lib: { entry: 'src/core/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: { external: ['xstate'] },
  },
});
