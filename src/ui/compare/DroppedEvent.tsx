import { LazyMotion, MotionConfig, m } from 'framer-motion';
import { loadMotionFeatures } from '../motion';
import { useMemo } from 'react';
import { serviceOf } from '../panels/labels';
import { type RunView, revealed } from '../runView';

/**
 * The choreography's dropped event, vanishing: a copy of its name slides away and fades out; what
 * stays (struck through, in full contrast) says who published it and that nobody was waiting for it.
 * Reduced motion keeps only the fade.
 */
export function DroppedEvent({ run }: { run: RunView }) {
  const dropped = useMemo(() => revealed(run).filter((e) => e.type === 'event.dropped'), [run]);
  if (dropped.length === 0) return null;
  return (
    // The only animation library use left: the page's first load does not carry it (see FadeIn for the fades).
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures}>
        {dropped.map((e) => (
          <p key={e.seq} className="cmp-dropped">
            <span className="cmp-dropped-topic">
              {String(e.topic)}
              {/* A copy of the name (drawn by CSS, not text) drifts off and fades out: the event leaving, delivered to nobody. */}
              <m.span
                className="cmp-dropped-ghost"
                aria-hidden="true"
                initial={{ opacity: 0.9, x: 0 }}
                animate={{ opacity: 0, x: 16, y: -22 }}
                transition={{ duration: 1.6, ease: 'easeOut' }}
                data-topic={String(e.topic)}
              />
            </span>
            <span aria-hidden="true">✕ </span>
            vanished on the bus: {serviceOf(e.step)} published it, nobody received it, and nobody is waiting for it.
          </p>
        ))}
      </LazyMotion>
    </MotionConfig>
  );
}
