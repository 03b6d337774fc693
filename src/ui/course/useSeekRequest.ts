import { useEffect } from 'react';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';

/**
 * Pauses playback at the stop a link (`step=N`) or the host (`seek`) asked for, once the view
 * knows its run's stops, then clears the request. A stop past the end is the end.
 */
export function useSeekRequest(stops: readonly number[]): void {
  const seekStop = useCourseStore((s) => s.seekStop);
  useEffect(() => {
    if (seekStop === null || stops.length === 0) return;
    useUiStore.setState({ playing: false, cursor: stops[Math.min(seekStop, stops.length - 1)] });
    useCourseStore.setState({ seekStop: null });
  }, [seekStop, stops]);
}
