/**
 * Every run is a URL: reading one into the stores (on load, on back/forward, on a host's `load`
 * command) and writing the current run back into the address bar.
 */

import { useEffect } from 'react';
import type { Scenario } from '../../core';
import { defaultScenario, type ParsedQuery, parseLink, parseQuery, splitDefinitionParam, toQuery, unpackJson, type ViewOptions } from '../../embed';
import { LESSON_IDS, lessonIfLoaded, loadLesson, outlineById } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { rememberEncoding, takeEditParam, useEditorStore, watchDefinitionEncoding, withEditorParams } from '../editor/editorStore';
import { useRaceStore } from '../race/raceStore';
import { baselineChoiceOf, traceViewOptions, useBaselineStore } from '../waterfall/baselineStore';
import { resumeSavedPick } from './savedPick';

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

/** Reads a query string against the schema, with the course's lesson ids (and the loaded custom lesson's). */
export const parseSearch = (search: string): ParsedQuery => parseQuery(search, { lessonIds: lessonIds() });

const lessonIds = (): string[] => {
  const custom = useEditorStore.getState().lesson?.id;
  return custom ? [...LESSON_IDS, custom] : [...LESSON_IDS];
};

const safeParse = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
};

/**
 * Puts a parsed link into the stores. A lesson opened with no scenario settings, or exactly its
 * own, starts at its prediction; with other settings (someone's experiment) it opens in "Try it
 * yourself".
 * From the host (`load`), embedding stays on and the host origin is never changed.
 * Returns a promise when the lesson's content is still being fetched: it settles once a saved
 * prediction has been brought back.
 */
export function applyParsed(parsed: Pick<ParsedQuery, 'scenario' | 'view' | 'warnings'>, source: 'link' | 'host' = 'link'): void | Promise<void> {
  const course = useCourseStore.getState();
  const lesson = outlineById(parsed.view.lesson);
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
    view: lesson ? (lesson.view === 'compare' || lesson.view === 'trace' ? lesson.view : 'single') : (parsed.view.page ?? 'single'),
    cursor: 0,
    // A link to a moment opens paused there.
    playing: parsed.view.autoplay && !pinned && parsed.view.step === undefined,
  });
  useBaselineStore.setState({ choice: baselineChoiceOf(parsed.view.baseline) });
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
  // A reload (or a return to the lesson) shows the prediction the learner had locked in, and its
  // verdict: judged by the lesson's question, so once its content is here (at once, unless it is fetched).
  if (!lesson) return;
  const whole = lessonIfLoaded(lesson.id);
  if (whole) return resumeSavedPick(whole);
  return loadLesson(lesson.id).then(
    (loaded) => {
      if (loaded) resumeSavedPick(loaded);
    },
    // The lesson panel says the lesson could not be loaded, and tries again.
    () => undefined,
  );
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
    ...traceViewOptions(ui.view, course.lessonId),
  };
}

/**
 * The query string (without `?`) of the current run and view, with a custom saga (`def`) and the
 * open editor (`edit=1`); null while a custom saga's link encoding is still being computed.
 */
export const currentQuery = (): string | null => withEditorParams(toQuery(useUiStore.getState().scenario, currentView()));

/**
 * Reads a link into the stores: `edit=1` opens the saga editor; a custom saga (`def`) is
 * unpacked first (asynchronously), so the other parameters are checked against its steps.
 */
export function applyLink(search: string): void | Promise<void> {
  const { rest: afterEdit, editing } = takeEditParam(search);
  useEditorStore.setState({ open: editing, draft: null });
  const params = new URLSearchParams(afterEdit);
  const lessonDef = params.get('lessonDef');
  if (lessonDef !== null) {
    params.delete('lessonDef');
    // The lesson file names its own id and pins its own scenario, its saga included.
    params.delete('lesson');
    params.delete('def');
    return import('../editor/customLessonLoad').then(async ({ applyCustomLesson }) => {
      const unpacked = await unpackJson(lessonDef, 'the lesson in the link');
      const json = unpacked.ok ? safeParse(unpacked.json) : undefined;
      const parsed = parseSearch(params.toString());
      if (!unpacked.ok) return applyParsed({ ...parsed, warnings: [{ param: 'lessonDef', message: `The lesson in this link cannot be shown: ${unpacked.problems[0].message}.` }, ...parsed.warnings] });
      applyCustomLesson(json ?? null, parsed, 'link', lessonDef);
    });
  }
  const rest = afterEdit;
  const { encoded } = splitDefinitionParam(rest);
  if (encoded === undefined) return applyParsed(parseSearch(rest));
  return parseLink(rest, { lessonIds: LESSON_IDS }).then((parsed) => {
    const def = parsed.scenario.definition;
    if (typeof def === 'object') rememberEncoding(def, encoded);
    return applyParsed(parsed);
  });
}

/**
 * Reads the page's own URL into the stores. Call once, before the first render (after it settles,
 * when it returns a promise). A first visit (no parameters, no saved progress) opens lesson 1
 * rather than the sandbox and its many controls; a link with parameters lands where it points.
 */
export function bootFromLocation(): void | Promise<void> {
  const search = window.location.search;
  const firstVisit = (search === '' || search === '?') && Object.keys(useCourseStore.getState().progress.lessons).length === 0;
  return applyLink(firstVisit ? `lesson=${LESSON_IDS[0]}` : search);
}

/**
 * After the page changed in place, keyboard and screen reader users continue from the lesson's (or
 * the course summary's) title — waiting a few frames for a page that loads on demand (about 2 s).
 */
export function focusLessonTitle(frames = 120): void {
  window.requestAnimationFrame(() => {
    const title = document.getElementById('lesson-title') ?? document.getElementById('summary-title');
    if (title) title.focus();
    else if (frames > 0) focusLessonTitle(frames - 1);
  });
}

/**
 * The link as this page opens it in place: an embedded page stays embedded (its host, origin and
 * xAPI setting go along), as a matrix cell opened in a frame stays in the frame.
 */
export function inPlaceSearch(search: string): string {
  const { embed, parentOrigin, xapi } = useCourseStore.getState();
  if (!embed) return search;
  const params = new URLSearchParams(search);
  for (const [name, value] of new URLSearchParams(toQuery({}, { embed, parentOrigin, xapi }))) params.set(name, value);
  return `?${params}`;
}

/** Opens another URL of the app without reloading (lesson links), with a history entry. */
export function navigate(href: string): void {
  const search = inPlaceSearch(href);
  window.history.pushState(null, '', search || window.location.pathname);
  Promise.resolve(applyLink(search)).then(() => focusLessonTitle());
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
        if (query === null) return;
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
    const unsubBaseline = useBaselineStore.subscribe(write);
    const unsubCourse = useCourseStore.subscribe((s, prev) => {
      if (s.lessonId !== prev.lessonId || s.embed !== prev.embed) write();
    });
    const unsubEditor = useEditorStore.subscribe((s, prev) => {
      if (s.open !== prev.open || s.encoded !== prev.encoded) write();
    });
    const unwatch = watchDefinitionEncoding();
    // Once now: the address bar shows the run's canonical link (ignored parameters gone).
    write();
    const onPop = () => applyLink(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => {
      window.clearTimeout(timer);
      unsubUi();
      unsubCourse();
      unsubBaseline();
      unsubEditor();
      unwatch();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
