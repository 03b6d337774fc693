import { useMemo } from 'react';
import { serviceOf } from '../panels/labels';
import { type RunView, revealed } from '../runView';

/**
 * The choreography's dropped event: its name struck through (the line is drawn across it as it
 * appears, see compare.css), and who published it and that nobody was waiting for it. Nothing is
 * drawn over the name: a moving copy of it used to float over the struck chip as it faded.
 */
export function DroppedEvent({ run }: { run: RunView }) {
  const dropped = useMemo(() => revealed(run).filter((e) => e.type === 'event.dropped'), [run]);
  if (dropped.length === 0) return null;
  return dropped.map((e) => (
    <p key={e.seq} className="cmp-dropped">
      <span className="cmp-dropped-topic">{String(e.topic)}</span>
      <span aria-hidden="true">✕ </span>
      vanished on the bus: {serviceOf(e.step)} published it, nobody received it, and nobody is waiting for it.
    </p>
  ));
}
