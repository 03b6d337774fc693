/**
 * Loads framer-motion's features on demand, for the side-by-side view's dropped event (the only
 * `LazyMotion`): the animation code arrives only with that view.
 */
export const loadMotionFeatures = () => import('./motionFeatures').then((r) => r.default);
