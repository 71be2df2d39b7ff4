// Entry point: read the world the URL asks for and mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readWorldParams } from './urlParams.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={readWorldParams(window.location.search)} />
  </StrictMode>,
);
