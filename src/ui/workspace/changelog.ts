// The changelog a team would read: the scenario's timeline (true and false leads, in the
// author's words) and the deploy log derived from the pipeline as it ran. A deploy the
// timeline already describes (same day and component) is shown once, in the author's words.
// Nothing marks which entry, if any, is the fault.
import type { DeployEntry } from '../../sim/changelog.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface ChangelogEntry {
  day: number;
  component: string | null;
  text: string;
  /** 1-based, in day order: the tag drawn on the chart. */
  tag: string;
}

export function changelogOf(timeline: Scenario['timeline'], deploys: readonly DeployEntry[]): ChangelogEntry[] {
  const authored = (timeline ?? []).map((t) => ({ day: t.day, component: t.component ?? null, text: t.text }));
  const described = new Set(authored.filter((t) => t.component).map((t) => `${t.day}/${t.component}`));
  const derived = deploys
    .filter((d) => !described.has(`${d.day}/${d.component}`))
    .map((d) => ({ day: d.day, component: d.component as string, text: `${d.component} ${d.from} → ${d.to} deployed` }));
  return [...authored, ...derived]
    .map((e, order) => ({ ...e, order }))
    .sort((a, b) => a.day - b.day || a.order - b.order)
    .map(({ order: _order, ...e }, i) => ({ ...e, tag: String(i + 1) }));
}
