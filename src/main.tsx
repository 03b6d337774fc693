import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { bootFromLocation } from './ui/course/location';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// The URL decides the first render: scenario, lesson, speed, panels, embedding (a custom saga in
// the link is unpacked first).
const booting = bootFromLocation();
if (booting) booting.then(render);
else render();
