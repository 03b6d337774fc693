/**
 * How the page shows a run (as opposed to what the run is): lesson, speed, panels, embedding.
 * These travel in the URL next to the scenario but never change the simulation.
 */

import type { Scenario } from '../core/types';

/** Playback speeds a link may ask for, as multiples of normal speed. */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

/** A playback speed from {@link SPEEDS}. */
export type Speed = (typeof SPEEDS)[number];

/** Every panel a link may show, in the order the page lays them out. */
export const ALL_PANELS = [
  'services',
  'orchestrator',
  'timeline',
  'narration',
  'invariants',
  'controls',
  'incidents',
  'race',
  'log',
  'code',
] as const;

/** One of {@link ALL_PANELS}. */
export type PanelId = (typeof ALL_PANELS)[number];

/** Which page shows: one run, the two modes side by side, the failure matrix, the trace waterfall, or the course summary. */
export const PAGES = ['single', 'compare', 'matrix', 'trace', 'summary'] as const;

/** One of {@link PAGES}. */
export type PageId = (typeof PAGES)[number];

/** View settings read from the URL (or a host's `load` message). */
export interface ViewOptions {
  /** Lesson to open, by id. Absent: no lesson, the free simulator. */
  lesson?: string;
  /** The page (URL `view`). Absent: the single run (a lesson's own view wins). */
  page?: PageId;
  /** Playback speed. Default 1. */
  speed: Speed;
  /** Start playing as soon as the page loads. Default false. */
  autoplay: boolean;
  /** Panels to show, in {@link ALL_PANELS} order. Default: all of them. */
  panels: PanelId[];
  /** Embedded mode: compact chrome, talks to the host page. Default false. */
  embed: boolean;
  /** The host page's origin; when set, messages go only there and commands are accepted only from there. */
  parentOrigin?: string;
  /** Open the run paused at this stop (0 is the start). Absent: from the start. */
  step?: number;
  /** Embedded: also post checked answers as xAPI statements. Absent: off. */
  xapi?: boolean;
  /** Trace view: the run the waterfall is compared with. Absent: the same scenario without faults. */
  baseline?: 'none' | Scenario;
}

/** The view when the URL says nothing. Frozen: copy it before changing anything. */
export const defaultView: Readonly<ViewOptions> = Object.freeze({
  speed: 1,
  autoplay: false,
  panels: Object.freeze([...ALL_PANELS]) as PanelId[],
  embed: false,
});

/** A fresh, mutable copy of {@link defaultView}. */
export function freshDefaultView(): ViewOptions {
  return { ...defaultView, panels: [...defaultView.panels] };
}
