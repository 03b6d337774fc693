import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { bootFromLocation } from './ui/course/location';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

// The URL decides the first render: scenario, lesson, speed, panels, embedding.
bootFromLocation();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
