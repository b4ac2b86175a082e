import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './theme.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionManager } from './session';

// withCssVariables and withGlobalClasses off: Mantine would otherwise inject <style> elements, which the strict
// Content-Security-Policy (style-src 'self', no 'unsafe-inline') refuses. The default theme's variables come
// from styles.css, so nothing is lost as long as the theme stays the default.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider withCssVariables={false} withGlobalClasses={false} defaultColorScheme="light">
      <App manager={new SessionManager()} />
    </MantineProvider>
  </StrictMode>,
);
