/**
 * Loads framer-motion's features on demand: every `LazyMotion` in the app uses this, so the
 * animation code arrives after the first paint (the page works, unanimated, until then).
 */
export const loadMotionFeatures = () => import('./motionFeatures').then((r) => r.default);
