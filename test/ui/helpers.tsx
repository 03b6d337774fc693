import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { useUiStore } from '../../src/store/uiStore';
import { App } from '../../src/ui/App';

/**
 * Animations off, a fresh store for every test, and the DOM cleaned after it. The views the app
 * loads on demand (React.lazy) are imported once up front: a cold import transforms a module tree,
 * which on a loaded machine took longer than a `findBy…` query waits (1 s), so the first test of a
 * file timed out now and then. The tests time the UI, not the module loader.
 */
export function setUpApp(): void {
  MotionGlobalConfig.skipAnimations = true;
  beforeAll(() => Promise.all([import('../../src/ui/race/RacePanel'), import('../../src/ui/panels/OrchestratorPanel'), import('../../src/ui/compare/CompareView'), import('../../src/ui/course/LessonPanel'), import('../../src/ui/course/RunSummaryStrip')]));
  beforeEach(() => useUiStore.setState(useUiStore.getInitialState(), true));
  afterEach(cleanup);
}

/** Renders the app and returns a user plus the panels a learner reads. */
export function renderApp() {
  const user = userEvent.setup();
  render(<App />);
  return {
    user,
    invariants: () => screen.getByRole('region', { name: 'Invariants' }),
    narration: () => screen.getByRole('region', { name: 'What happened' }),
    /** The invariant's list item (icon, id, status, messages). */
    invariant: (id: string) => {
      const items = within(screen.getByRole('region', { name: 'Invariants' })).getAllByRole('listitem');
      const item = items.find((li) => li.textContent?.includes(id));
      if (!item) throw new Error(`no invariant ${id}`);
      return item;
    },
    sentences: () => within(screen.getByRole('region', { name: 'What happened' })).queryAllByRole('listitem').map((li) => li.textContent ?? ''),
    pickFailure: (step: string) => user.click(within(screen.getByRole('group', { name: 'Which step fails?' })).getByRole('button', { name: step })),
    jumpToEnd: () => user.click(screen.getByRole('button', { name: 'Jump to end' })),
    openMore: (summary: string) => user.click(screen.getByText(summary)),
  };
}
