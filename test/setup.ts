// Shared test setup: jest-dom matchers for the jsdom suites; harmless in node.
import '@testing-library/jest-dom/vitest';
