import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// base './' keeps asset paths relative, so dist/ works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1', strictPort: true },
  test: {
    include: ['test/core/**/*.test.ts', 'test/ui/**/*.test.tsx', 'test/embed/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/lessons/**/*.test.ts', 'test/store/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
  },
});
