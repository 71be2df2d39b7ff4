// The deploy log a team would read: every component whose version changed, on the day it did,
// derived from the pipeline as it actually ran (so faults and harmless deploys both appear,
// and nothing marks which is which).
import { componentVersions } from './pipeline/spec.ts';
import type { ComponentId } from './vocabulary.ts';
import type { World } from './world/world.ts';

export interface DeployEntry {
  day: number;
  component: ComponentId;
  from: string;
  to: string;
}

export function deployLog(world: World): DeployEntry[] {
  const out: DeployEntry[] = [];
  for (let day = 2; day < world.pipeline.length; day++) {
    const before = componentVersions(world.pipeline[day - 1]);
    const after = componentVersions(world.pipeline[day]);
    for (const component of Object.keys(after) as ComponentId[]) {
      if (before[component] !== after[component]) out.push({ day, component, from: before[component], to: after[component] });
    }
  }
  return out;
}
