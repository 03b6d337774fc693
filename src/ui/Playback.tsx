import { useEffect } from 'react';
import { SPEEDS, type Speed, useUiStore } from '../store/uiStore';
import type { RunView } from './runView';
import { timeAt } from './runView';
import { usePlaybackPosition } from './course/usePlaybackPosition';
import { Icon } from './icons';
import { stopIndexAt } from './stops';
import { formatVirtualTime } from './panels/labels';

/** One story stop per this many wall-clock ms at 1×. */
export const STOP_INTERVAL_MS = 900;

const isFormField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName));
const activatesOnSpace = (el: EventTarget | null): boolean => el instanceof HTMLElement && ['BUTTON', 'SUMMARY', 'A'].includes(el.tagName);

interface Props {
  run: RunView;
  /** Cursor positions to stop at, from `playbackStops(trace)`. */
  stops: readonly number[];
}

/**
 * Play, pause, step, scrub, restart, speed. Real time lives here only: a timer turns
 * wall-clock time into "reveal the next story stop"; the simulation never sees it.
 */
export function Playback({ run, stops }: Props) {
  const speed = useUiStore((s) => s.speed);
  const playing = useUiStore((s) => s.playing);
  const setSpeed = useUiStore((s) => s.setSpeed);
  const setPlaying = useUiStore((s) => s.setPlaying);
  const setCursor = useUiStore((s) => s.setCursor);
  const setScrubbing = useUiStore((s) => s.setScrubbing);
  const index = stopIndexAt(stops, run.cursor);
  const last = stops.length - 1;
  const atEnd = index >= last;
  usePlaybackPosition(stops, index);

  const goTo = (i: number) => setCursor(stops[Math.max(0, Math.min(last, i))]);
  const stepForward = () => goTo(index + 1);
  const stepBack = () => {
    setPlaying(false);
    // Between stops (after an operator action grew the trace), step back lands on the stop at or before.
    goTo(run.cursor > stops[index] ? index : index - 1);
  };
  const restart = () => {
    setPlaying(false);
    goTo(0);
  };
  const jumpToEnd = () => {
    setPlaying(false);
    goTo(last);
  };
  const togglePlay = () => {
    if (playing) return setPlaying(false);
    if (atEnd) goTo(0);
    setPlaying(true);
  };

  // Buttons at a limit are aria-disabled rather than disabled, so keyboard focus stays on them.
  // The animation loop: one stop per interval while playing; stops itself at the end.
  useEffect(() => {
    if (!playing) return;
    if (atEnd) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setCursor(stops[index + 1]), STOP_INTERVAL_MS / speed);
    return () => window.clearTimeout(timer);
  }, [playing, atEnd, index, stops, speed, setCursor, setPlaying]);

  // A drag of the scrubber lasts from the press on it to the release anywhere (or a cancelled pointer, or
  // the window losing focus); the panels follow a drag at their own pace (usePanelRun), and catch up at its end.
  const startScrub = () => {
    setScrubbing(true);
    const end = () => {
      setScrubbing(false);
      for (const type of ['pointerup', 'pointercancel', 'blur'] as const) window.removeEventListener(type, end);
    };
    for (const type of ['pointerup', 'pointercancel', 'blur'] as const) window.addEventListener(type, end);
  };
  useEffect(() => () => setScrubbing(false), [setScrubbing]);

  // Keyboard: Space play/pause, arrows step, Home restart, End jump — unless typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isFormField(e.target)) return;
      const actions: Record<string, () => void> = { ArrowLeft: stepBack, ArrowRight: stepForward, Home: restart, End: jumpToEnd };
      if (e.key === ' ' && !activatesOnSpace(e.target)) actions[' '] = togglePlay;
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const time = formatVirtualTime(timeAt(run));
  const position = `event ${index} of ${last}`;
  return (
    // The skip link's target ("Skip to the run"): focusable by script only.
    <section className="playback" id="playback" tabIndex={-1} aria-label="Playback">
      <div className="playback-buttons">
        <button type="button" onClick={restart} aria-disabled={index === 0 && !playing}>
          <Icon name="restart" /> <span className="btn-label">Restart</span>
        </button>
        <button type="button" onClick={stepBack} aria-disabled={index === 0 && run.cursor <= stops[0]}>
          <Icon name="back" /> <span className="btn-label">Step back</span>
        </button>
        <button type="button" className="primary" onClick={togglePlay} aria-keyshortcuts="Space">
          <Icon name={playing ? 'pause' : 'play'} /> <span className="btn-label">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button type="button" onClick={stepForward} aria-disabled={atEnd}>
          <span className="btn-label">Step forward</span> <Icon name="forward" />
        </button>
        <button type="button" onClick={jumpToEnd} aria-disabled={atEnd}>
          <span className="btn-label">Jump to end</span> <Icon name="end" />
        </button>
        <label className="speed">
          <span className="speed-label">Speed</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="scrubber">
        <input
          type="range"
          aria-label="Scrub through the run"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={`${position}, ${time}`}
          onPointerDown={startScrub}
          onChange={(e) => {
            setPlaying(false);
            goTo(Number(e.target.value));
          }}
        />
        <output className="clock">
          <span className="time">{time}</span> · <span>{position}</span>
        </output>
      </div>
      <p className="hint">
        Keys: <kbd>Space</kbd> play/pause · <kbd>←</kbd> <kbd>→</kbd> step · <kbd>Home</kbd> restart · <kbd>End</kbd> jump to end
      </p>
    </section>
  );
}
