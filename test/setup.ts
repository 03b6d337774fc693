// Shared test setup: jest-dom matchers for the jsdom suites; harmless in node.
import '@testing-library/jest-dom/vitest';

// `findBy…` and `waitFor` wait 1 s by default. Rendering the whole app once (and again when a
// lazily loaded view arrives) takes longer than that on a loaded two-core machine, and much longer
// on a fresh clone while Vite transforms every module for the first time: the "with one buyer there
// is nobody to race" test failed that way (its race panel still showed "Loading…"). A query that
// will succeed must not fail for lack of patience; one that will not still fails, after 10 s.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}
