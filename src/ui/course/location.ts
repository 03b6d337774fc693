/**
 * Every run is a URL: reading one into the stores (on load, on back/forward, on a host's `load`
 * command) and writing the current run back into the address bar.
 */

import { useEffect } from 'react';
import type { Scenario } from '../../core';
import { defaultScenario, type ParsedQuery, parseQuery, toQuery, type ViewOptions } from '../../embed';
import { LESSON_IDS, lessonById } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { useRaceStore } from '../race/raceStore';

/** The scenario without the fields that hold their default, so the store holds what was asked for. */
export function minimalScenario(scenario: Scenario): Partial<Scenario> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(scenario)) {
    if (value === undefined || (defaultScenario as Record<string, unknown>)[key] === value) continue;
    if (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as Partial<Scenario>;
}

/** Reads a query string against the schema, with the course's lesson ids. */
export const parseSearch = (search: string): ParsedQuery => parseQuery(search, { lessonIds: LESSON_IDS });

/**
 * Puts a parsed link into the stores. A lesson opened with no scenario settings, or exactly its
 * own, starts at its prediction; with other settings (someone's experiment) it opens in "Try it
 * yourself".
 * From the host (`load`), embedding stays on and the host origin is never changed.
 */
export function applyParsed(parsed: Pick<ParsedQuery, 'scenario' | 'view' | 'warnings'>, source: 'link' | 'host' = 'link'): void {
  const course = useCourseStore.getState();
  const lesson = lessonById(parsed.view.lesson);
  // `?lesson=…` alone, or with exactly the lesson's own settings, opens the lesson itself.
  const asked = toQuery(parsed.scenario);
  const pinned = lesson !== undefined && (asked === '' || asked === toQuery(lesson.scenario));
  const scenario = lesson && pinned ? lesson.scenario : minimalScenario(parsed.scenario);
  // A new run: the scheduler goes back to the seed's decisions.
  useRaceStore.setState({ mode: 'seeded', picks: [] });
  useUiStore.setState({
    scenario,
    speed: parsed.view.speed,
    panels: parsed.view.panels,
    // A lesson's own view wins; otherwise the link's page (`view=`).
    view: lesson ? (lesson.view === 'compare' ? 'compare' : 'single') : (parsed.view.page ?? 'single'),
    cursor: 0,
    // A link to a moment opens paused there.
    playing: parsed.view.autoplay && !pinned && parsed.view.step === undefined,
  });
  course.openLesson(lesson?.id ?? null, lesson && !pinned ? 'explore' : 'predict');
  useCourseStore.setState({
    warnings: parsed.warnings,
    autoplay: parsed.view.autoplay,
    xapi: parsed.view.xapi === true,
    // Not in a lesson's prediction: the moment would give the answer away.
    seekStop: pinned ? null : (parsed.view.step ?? null),
    embed: source === 'host' ? course.embed || parsed.view.embed : parsed.view.embed,
    parentOrigin: source === 'host' ? course.parentOrigin : parsed.view.parentOrigin,
  });
}

/** The view part of the current URL, from the stores. */
export function currentView(): ViewOptions {
  const ui = useUiStore.getState();
  const course = useCourseStore.getState();
  return {
    ...(course.lessonId ? { lesson: course.lessonId } : {}),
    ...(ui.view !== 'single' && !course.lessonId ? { page: ui.view } : {}),
    speed: ui.speed,
    autoplay: course.autoplay,
    panels: [...ui.panels],
    embed: course.embed,
    ...(course.xapi ? { xapi: true } : {}),
    ...(course.parentOrigin ? { parentOrigin: course.parentOrigin } : {}),
  };
}

/** The query string (without `?`) of the current run and view. */
export const currentQuery = (): string => toQuery(useUiStore.getState().scenario, currentView());

/** Reads the page's own URL into the stores. Call once, before the first render. */
export function bootFromLocation(): void {
  applyParsed(parseSearch(window.location.search));
}

/** After the page changed in place, keyboard and screen reader users continue from the lesson's title. */
export function focusLessonTitle(): void {
  window.requestAnimationFrame(() => document.getElementById('lesson-title')?.focus());
}

/** Opens another URL of the app without reloading (lesson links), with a history entry. */
export function navigate(search: string): void {
  window.history.pushState(null, '', search || window.location.pathname);
  applyParsed(parseSearch(search));
  focusLessonTitle();
}

const SYNC_DELAY_MS = 150;

/** Keeps the address bar on the current run (replaceState, debounced), and follows back/forward. */
export function useUrlSync(): void {
  useEffect(() => {
    let timer: number | undefined;
    const write = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const query = currentQuery();
        if (`?${query}` === window.location.search || (query === '' && window.location.search === '')) return;
        try {
          window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
        } catch {
          // Some sandboxes forbid history changes; the page works without them.
        }
      }, SYNC_DELAY_MS);
    };
    const unsubUi = useUiStore.subscribe((s, prev) => {
      if (s.scenario !== prev.scenario || s.speed !== prev.speed || s.panels !== prev.panels || s.view !== prev.view) write();
    });
    const unsubCourse = useCourseStore.subscribe((s, prev) => {
      if (s.lessonId !== prev.lessonId || s.embed !== prev.embed) write();
    });
    // Once now: the address bar shows the run's canonical link (ignored parameters gone).
    write();
    const onPop = () => applyParsed(parseSearch(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => {
      window.clearTimeout(timer);
      unsubUi();
      unsubCourse();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
