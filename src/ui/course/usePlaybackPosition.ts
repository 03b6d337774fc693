import { useEffect } from 'react';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';

/**
 * The course's view of playback: pauses at the stop a link (`step=N`) or the host (`seek`) asked
 * for, once the view knows its run's stops, then clears the request (a stop past the end is the
 * end); and records the stop on screen, so the embed dialog can offer "this moment".
 */
export function usePlaybackPosition(stops: readonly number[], index: number): void {
  const seekStop = useCourseStore((s) => s.seekStop);
  useEffect(() => {
    if (seekStop === null || stops.length === 0) return;
    useUiStore.setState({ playing: false, cursor: stops[Math.min(seekStop, stops.length - 1)] });
    useCourseStore.setState({ seekStop: null });
  }, [seekStop, stops]);
  const last = stops.length - 1;
  useEffect(() => {
    const { stop } = useCourseStore.getState();
    if (stop.index !== index || stop.last !== last) useCourseStore.setState({ stop: { index, last } });
  }, [index, last]);
}
