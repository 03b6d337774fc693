import { useEffect, useRef } from 'react';
import { createHostBridge, type HostBridge, type HostWindowLike, type IncomingCommand, type OutgoingMessage, readyMessage } from '../../embed';
import { LESSON_IDS } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { applyParsed } from './location';

/** Obeys one validated host command: `load` reads its params like a link; the rest drive playback (`seek` pauses at a stop). */
export function obey(command: IncomingCommand): void {
  const ui = useUiStore.getState();
  switch (command.type) {
    case 'load':
      // A lesson written as JSON is checked and opened by the authoring code, loaded on demand.
      if (command.lesson !== undefined) {
        import('../editor/customLessonLoad').then(({ applyCustomLesson }) => applyCustomLesson(command.lesson, command, 'host'));
        return;
      }
      // A lesson whose content is still fetched opens at once and says so; a saved prediction resumes when it arrives.
      void applyParsed(command, 'host');
      return;
    case 'play':
      // At the end, "play" means "play it again", as the Play button does.
      if (useCourseStore.getState().atEnd) ui.setCursor(0);
      ui.setPlaying(true);
      return;
    case 'pause':
      ui.setPlaying(false);
      return;
    case 'reset':
      ui.setPlaying(false);
      ui.setCursor(0);
      return;
    case 'seek': {
      // Before the prediction the run is not shown: a moment of it would give the answer away.
      const { lessonId, phase } = useCourseStore.getState();
      if (lessonId !== null && phase === 'predict') return;
      // The playback view knows the run's stops; it pauses there and clears the request.
      ui.setPlaying(false);
      useCourseStore.setState({ seekStop: command.step });
      return;
    }
    case 'ping':
      // The bridge answered `ready`; the size goes out again too, for a resizer that attached late.
      useCourseStore.setState((s) => ({ pings: s.pings + 1 }));
      return;
  }
}

/**
 * Connects to the host page when the app runs in a frame: obeys its commands, and returns a
 * `post` for the app's events. Posts `ready` once, after the listener is in place. With
 * `parentOrigin` set by the link, both directions are restricted to that origin.
 */
export function useHostBridge(): (message: OutgoingMessage) => void {
  const parentOrigin = useCourseStore((s) => s.parentOrigin);
  const bridge = useRef<HostBridge | null>(null);
  // Survives StrictMode's effect re-run, so the host hears `ready` once.
  const readySent = useRef(false);

  useEffect(() => {
    let live: HostBridge;
    try {
      live = createHostBridge({ win: window as unknown as HostWindowLike, parentOrigin, lessonIds: LESSON_IDS, onCommand: obey });
    } catch {
      // Only an invalid origin throws, and the link schema never lets one through.
      return;
    }
    bridge.current = live;
    if (!readySent.current && live.post(readyMessage())) readySent.current = true;
    return () => {
      live.dispose();
      bridge.current = null;
    };
  }, [parentOrigin]);

  return useRef((message: OutgoingMessage) => {
    bridge.current?.post(message);
  }).current;
}
