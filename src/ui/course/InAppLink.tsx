import type { MouseEvent, ReactNode } from 'react';
import { toQuery } from '../../embed';
import type { LessonOutline } from '../../lessons';
import { navigate } from './location';

/** The link that opens a lesson at its start: its id and its pinned scenario. Relative, so it works from any sub-path. */
export const lessonHref = (lesson: LessonOutline): string => `?${toQuery(lesson.scenario, { lesson: lesson.id })}`;

/** The sandbox: no lesson, default scenario. */
export const SANDBOX_HREF = '?';

/** The course summary: every lesson's idea, with a link back to its run. */
export const SUMMARY_HREF = `?${toQuery({}, { page: 'summary' })}`;

/** The failure matrix: every fault at every step at once. */
export const MATRIX_HREF = `?${toQuery({}, { page: 'matrix' })}`;

interface Props {
  href: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
}

/**
 * A real link (middle-click and "open in new tab" work) that, on a plain click, opens the other
 * URL of the app in place instead of reloading the page.
 */
export function InAppLink({ href, children, ...rest }: Props) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href === '?' ? '' : href);
    window.scrollTo({ top: 0 });
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
