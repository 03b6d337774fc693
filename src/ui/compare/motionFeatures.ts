import { domAnimation } from 'framer-motion';

/** framer-motion's animation features, in a chunk of their own: the side-by-side view draws before they arrive. */
export default domAnimation;
