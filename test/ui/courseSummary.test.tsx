// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/all';
import { useCourseStore } from '../../src/store/courseStore';
import { useUiStore } from '../../src/store/uiStore';
import { lessonHref } from '../../src/ui/course/InAppLink';
import { applyParsed, currentQuery, parseSearch } from '../../src/ui/course/location';
import { renderApp, setUpApp } from './helpers';

// Issue 16 item 11: the end of the course — every lesson's idea, the learner's standing in it, a
// link back to its run, and where to go next.

setUpApp();
beforeEach(() => {
  // jsdom has no scrolling; the links scroll to the top after opening their page.
  window.scrollTo = () => {};
  localStorage.clear();
  useCourseStore.setState(useCourseStore.getInitialState(), true);
  window.history.replaceState(null, '', '/');
});

async function openAt(search: string) {
  // As the page does on load: a lesson fetched on demand is here before the first render.
  await applyParsed(parseSearch(search));
  return renderApp();
}

/** The summary's card for a lesson (its list item). */
const card = (title: string) => screen.getByRole('heading', { level: 3, name: new RegExp(title) }).closest('li') as HTMLElement;

describe('the course summary', () => {
  it('lists every lesson with its idea and a link that opens its run', async () => {
    const { user } = await openAt('?view=summary');
    expect(await screen.findByRole('heading', { level: 2, name: 'What the course showed' })).toBeInTheDocument();
    expect(currentQuery()).toBe('view=summary');
    const items = within(screen.getByRole('list', { name: 'The lessons' })).getAllByRole('listitem');
    expect(items).toHaveLength(LESSONS.length);
    LESSONS.forEach((lesson, i) => {
      const item = card(lesson.title);
      expect(item).toBe(items[i]);
      expect(item).toHaveTextContent(lesson.idea);
      expect(lesson.idea.length).toBeGreaterThan(40);
      const link = within(item).getByRole('link', { name: `Back to the run of lesson ${i + 1}, ${lesson.title}` });
      expect(link).toHaveAttribute('href', lessonHref(lesson));
    });
    // Where to go next: the sandbox, the failure matrix, your own saga.
    const summary = within(screen.getByRole('region', { name: 'What the course showed' }));
    expect(summary.getByRole('link', { name: 'The sandbox' })).toHaveAttribute('href', '?');
    expect(summary.getByRole('link', { name: 'The failure matrix' })).toHaveAttribute('href', '?view=matrix');
    expect(summary.getByRole('link', { name: 'Your own saga' })).toHaveAttribute('href', '?edit=1');
    // The course nav shows where the learner is.
    expect(within(screen.getByRole('navigation', { name: 'Course' })).getByRole('link', { name: 'Summary' })).toHaveAttribute('aria-current', 'page');

    // Following lesson 3's link opens lesson 3 with its own run.
    await user.click(screen.getByRole('link', { name: /run of lesson 3,/ }));
    expect(await screen.findByRole('heading', { level: 2, name: LESSONS[2].title })).toBeInTheDocument();
    expect(useCourseStore.getState().lessonId).toBe(LESSONS[2].id);
    expect(useUiStore.getState().scenario).toEqual(LESSONS[2].scenario);
    expect(window.location.search).toBe(lessonHref(LESSONS[2]));
  });

  it('shows where the learner stands in each lesson, from the saved progress', async () => {
    useCourseStore.setState({
      progress: {
        version: 1,
        lessons: {
          'assume-it-works': { answer: 'left', correct: true, attempts: 1, done: 'correct' },
          'someone-has-to-drive': { answer: 'completed', correct: false, attempts: 1 },
          'undo-is-a-new-action': { answer: ['order'], correct: false, attempts: 2, done: 'second-try' },
        },
        picks: { 'retries-need-keys': { answer: 2, checked: false } },
      },
    });
    await openAt('?view=summary');
    await screen.findByRole('heading', { level: 2, name: 'What the course showed' });
    expect(screen.getByText(/lessons done\./)).toHaveTextContent('2 of 7 lessons done.');
    expect(card(LESSONS[0].title)).toHaveTextContent('Done: answered right (1 try)');
    expect(card(LESSONS[1].title)).toHaveTextContent('Not done yet: answered, not right (1 try)');
    expect(card(LESSONS[2].title)).toHaveTextContent('Done after a second try (2 tries)');
    expect(card(LESSONS[3].title)).toHaveTextContent('Not done yet: predicted, not checked');
    for (const lesson of LESSONS.slice(4)) expect(within(card(lesson.title)).getByText('Not done yet')).toBeInTheDocument();
  });

  it('in an embed, its links stay in the frame and stay embedded; "Your own saga" opens the full simulator', async () => {
    const { user } = await openAt('?view=summary&embed=1&parentOrigin=https://school.example');
    await screen.findByRole('heading', { level: 2, name: 'What the course showed' });
    expect(screen.queryByRole('navigation', { name: 'Course' })).not.toBeInTheDocument();
    const own = screen.getByRole('link', { name: /Your own saga/ });
    expect(own).toHaveAttribute('target', '_blank');
    expect(own).toHaveAccessibleName('Your own saga (opens the full simulator in a new tab)');
    expect(screen.getByRole('link', { name: /Open full simulator/ }).getAttribute('href')).toMatch(/[?&]view=summary(&|$)/);

    await user.click(screen.getByRole('link', { name: /run of lesson 5,/ }));
    expect(await screen.findByRole('heading', { level: 2, name: LESSONS[4].title })).toBeInTheDocument();
    expect(useCourseStore.getState()).toMatchObject({ embed: true, parentOrigin: 'https://school.example', lessonId: LESSONS[4].id });
    expect(new URLSearchParams(window.location.search).get('embed')).toBe('1');
  });

  it('"Next" after the last lesson opens the summary; its pointers open the matrix and the sandbox', async () => {
    const last = LESSONS[LESSONS.length - 1];
    useCourseStore.setState({
      progress: { version: 1, lessons: { [last.id]: { answer: 'payment', correct: true, attempts: 1, done: 'correct' } }, picks: { [last.id]: { answer: 'payment', checked: true } } },
    });
    const { user } = await openAt(`?lesson=${last.id}`);
    const next = await screen.findByRole('link', { name: /Next: what the course showed/ });
    expect(next).toHaveAttribute('href', '?view=summary');
    await user.click(next);
    const summary = within(await screen.findByRole('region', { name: 'What the course showed' }));
    expect(summary.getByText('Done: answered right (1 try)')).toBeInTheDocument();
    await user.click(summary.getByRole('link', { name: 'The failure matrix' }));
    expect(useUiStore.getState().view).toBe('matrix');
    expect(useCourseStore.getState().lessonId).toBeNull();
  });
});
