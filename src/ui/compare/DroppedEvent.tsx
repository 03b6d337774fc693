import { LazyMotion, MotionConfig, m } from 'framer-motion';
import { useMemo } from 'react';
import { useFadeIn } from '../reveal';
import { serviceOf } from '../panels/labels';
import { type RunView, revealed } from '../runView';

/**
 * The choreography's dropped event: its name, struck through by a line drawn across it as it
 * appears (framer-motion, loaded with this view only), and who published it and that nobody was
 * waiting for it. Nothing but the line is drawn over the name: a moving copy of it used to float
 * over the struck chip as it faded. Reduced motion, a jump or a scrub show the line at once.
 */
const loadFeatures = () => import('./motionFeatures').then((r) => r.default);

export function DroppedEvent({ run }: { run: RunView }) {
  const dropped = useMemo(() => revealed(run).filter((e) => e.type === 'event.dropped'), [run]);
  const animate = useFadeIn();
  if (dropped.length === 0) return null;
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadFeatures} strict>
        {dropped.map((e) => (
          <p key={e.seq} className="cmp-dropped">
            <span className="cmp-dropped-topic">
              {String(e.topic)}
              <m.span
                className="cmp-strike"
                aria-hidden="true"
                initial={animate ? { scaleX: 0 } : false}
                animate={{ scaleX: 1 }}
                transition={{ duration: 0.9, ease: 'easeOut' }}
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
