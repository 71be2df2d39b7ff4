// The app: the screen the address bar asks for (see route.ts). The library is in the first
// bundle; the workspace and the world overview (charts, inspectors, the attempt's statechart)
// load when first opened.
import { lazy, Suspense, useMemo } from 'react';
import { readRoute, useSearch } from './route.ts';
import { LibraryScreen } from './library/LibraryScreen.tsx';
import { AppBar } from './components/AppBar.tsx';

const WorkspaceScreen = lazy(() => import('./workspace/WorkspaceScreen.tsx').then((m) => ({ default: m.WorkspaceScreen })));
const StudioScreen = lazy(() => import('./studio/StudioScreen.tsx').then((m) => ({ default: m.StudioScreen })));
const IncidentScreen = lazy(() => import('./library/IncidentScreen.tsx').then((m) => ({ default: m.IncidentScreen })));
const ProgressScreen = lazy(() => import('./progress/ProgressScreen.tsx').then((m) => ({ default: m.ProgressScreen })));
const WorldOverview = lazy(() => import('./WorldOverview.tsx').then((m) => ({ default: m.WorldOverview })));

/** While a screen's code loads: the bar it will have, so the page does not flash blank. */
const LOADING = <div className="app"><AppBar /></div>;

export function App() {
  const search = useSearch();
  const route = useMemo(() => readRoute(search), [search]);
  switch (route.view) {
    case 'library': return <LibraryScreen />;
    case 'world': return <Suspense fallback={LOADING}><WorldOverview config={route.config} /></Suspense>;
    case 'incident': return <Suspense fallback={LOADING}><IncidentScreen key={search} seed={route.seed} difficulty={route.difficulty} kind={route.kind} /></Suspense>;
    case 'progress': return <Suspense fallback={LOADING}><ProgressScreen /></Suspense>;
    case 'studio': return <Suspense fallback={LOADING}><StudioScreen key={route.draftId} draftId={route.draftId} /></Suspense>;
    case 'workspace': return <Suspense fallback={LOADING}><WorkspaceScreen key={search} route={route} /></Suspense>;
  }
}
