// The app: the screen the address bar asks for (see route.ts).
import { useMemo } from 'react';
import { readRoute, useSearch } from './route.ts';
import { LibraryScreen } from './library/LibraryScreen.tsx';
import { WorkspaceScreen } from './workspace/WorkspaceScreen.tsx';
import { WorldOverview } from './WorldOverview.tsx';

export function App() {
  const search = useSearch();
  const route = useMemo(() => readRoute(search), [search]);
  switch (route.view) {
    case 'library': return <LibraryScreen />;
    case 'world': return <WorldOverview config={route.config} />;
    case 'workspace': return <WorkspaceScreen key={search} route={route} />;
  }
}
