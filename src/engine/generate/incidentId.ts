// A generated incident's default id — its seed, then the difficulty and the one kind asked, if
// any — so the app finds an incident made before, and an id names the flags that make it again.
import type { GenerateOptions } from './plan.ts';

export function incidentId({ seed, difficulty, kinds }: Pick<GenerateOptions, 'seed' | 'difficulty' | 'kinds'>): string {
  return `incident-${seed}${difficulty ? `-${difficulty}` : ''}${kinds?.length === 1 ? `-${kinds[0]}` : ''}`;
}
