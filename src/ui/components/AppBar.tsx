// The dark bar on top of every screen: the brand (a link home to the library) and what the
// screen adds on the right (the workspace puts its scenario, mode and timer there).
import type { ReactNode } from 'react';
import { navigate } from '../route.ts';

export function AppBar({ children }: { children?: ReactNode }) {
  return (
    <header className="app-bar">
      <a
        className="brand"
        href="./"
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          navigate('');
        }}
        aria-label="Faultline — scenario library"
      >
        <img src="./favicon.svg" alt="" width={22} height={22} />
        <span className="brand-name">Faultline</span>
      </a>
      {children ?? <span className="app-bar-tagline">Debug a recommendation pipeline</span>}
    </header>
  );
}
