// A screen's heading: its title (focusable, so a screen can move focus to it), a line under it,
// and the screen's actions on the right (wrapping under it on a narrow screen).
import type { ReactNode } from 'react';

export function PageHeading({ title, subtitle, actions, className }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <div className={`page-heading page-heading-actions${className ? ` ${className}` : ''}`}>
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        {subtitle}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
