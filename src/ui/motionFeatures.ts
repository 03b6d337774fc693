import { domAnimation } from 'framer-motion';

/** framer-motion's animation features, split out so the first page load does not wait for them. */
export default domAnimation;
