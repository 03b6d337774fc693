// PLACEHOLDER written by the CI/e2e setup so the test infrastructure has something to load.
// Replace freely with the real entry point.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

createRoot(container).render(
  <StrictMode>
    <main>
      <h1>Saga Simulator</h1>
    </main>
  </StrictMode>,
);
