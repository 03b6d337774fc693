/*
 * Saga Simulator resizer for course pages: sizes every Saga Simulator <iframe> on the page to its
 * content, so there is no inner scrollbar and no empty space. Include it once, after the frames:
 *   <script src="https://your.host/saga-sim/embed.js" async></script>
 * No dependencies. The simulator posts { source: 'saga-sim', type: 'resize', height }; only a
 * message from one of this page's frames, about that frame, is obeyed.
 */
(() => {
  if (window.sagaSimResizer) return;
  const MAX_HEIGHT = 20000;
  const frameOf = (source) => Array.prototype.find.call(document.getElementsByTagName('iframe'), (f) => f.contentWindow === source);
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.source !== 'saga-sim' || data.type !== 'resize') return;
    const height = data.height;
    if (typeof height !== 'number' || !(height > 0) || height > MAX_HEIGHT) return;
    const frame = frameOf(event.source);
    if (!frame) return;
    // With border-box sizing the frame's own border and padding are part of its height.
    const extra = getComputedStyle(frame).boxSizing === 'border-box' ? frame.offsetHeight - frame.clientHeight : 0;
    frame.style.height = `${Math.ceil(height) + extra}px`;
  });
  // Frames that loaded before this script ran: ask them again (they answer `ready` and their height).
  for (const frame of document.getElementsByTagName('iframe')) {
    try {
      frame.contentWindow?.postMessage({ source: 'saga-sim', type: 'ping' }, '*');
    } catch {
      // A frame that went away has nothing to size.
    }
  }
  window.sagaSimResizer = true;
})();
