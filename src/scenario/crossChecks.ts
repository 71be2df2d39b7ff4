// Checks between sections: days within the world, an answer that agrees with the faults, unique
// ids. They read the raw values defensively, so they run (and report) even when other fields
// already failed — an author sees every error at once.
import type { z } from 'zod';
import { SIZE_LIMITS } from '../sim/config.ts';
import { NO_REGRESSION } from './ids.ts';
import { isRecord } from './guards.ts';
import { sameWritten } from './claims.ts';

type Path = (string | number)[];
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function crossCheck(scenario: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const world = isRecord(scenario.world) ? scenario.world : {};
  const days = typeof world.days === 'number' && Number.isInteger(world.days) ? world.days : undefined;

  if (days !== undefined && days >= SIZE_LIMITS.days.min && days <= SIZE_LIMITS.days.max) {
    checkDays(scenario, days, issue);
  }
  checkAnswer(scenario, issue);
  checkClaimValues(scenario, issue);
  unique(scenario.findings, 'id', 'findings', issue);
  unique(scenario.examples, 'name', 'examples', issue);

  const rubric = scenario.rubric;
  if (isRecord(rubric) && Object.keys(rubric).length > 0 && Object.values(rubric).every((w) => w === 0)) {
    issue(['rubric'], 'at least one weight must be above 0');
  }
  if (isRecord(scenario.tools) && scenario.tools.hints === false && list(scenario.hints).length > 0) {
    issue(['tools', 'hints'], 'is false, but the scenario lists hints; remove the hints or allow them');
  }
}

function checkDays(scenario: Record<string, unknown>, days: number, issue: (p: Path, m: string) => void) {
  const within = (value: unknown, path: Path, what: string) => {
    if (typeof value === 'number' && Number.isInteger(value) && value > days) {
      issue(path, `${what} ${value} is after the last day of the world (world.days is ${days})`);
    }
  };
  for (const section of ['faults', 'distractors'] as const) {
    list(scenario[section]).forEach((c, i) => isRecord(c) && within(c.onsetDay, [section, i, 'onsetDay'], 'day'));
  }
  list(scenario.timeline).forEach((t, i) => isRecord(t) && within(t.day, ['timeline', i, 'day'], 'day'));
  // Windows and day filters anywhere in the answer, findings and inline examples.
  const walk = (value: unknown, path: Path) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    if (!isRecord(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'window' && Array.isArray(v)) v.forEach((d, i) => within(d, [...path, key, i], 'day'));
      else if ((key === 'segment' || key === 'filter') && isRecord(v) && Array.isArray(v.day)) {
        v.day.forEach((d, i) => within(typeof d === 'string' ? Number(d) : d, [...path, key, 'day', i], 'day'));
      } else walk(v, [...path, key]);
    }
  };
  for (const section of ['answer', 'findings', 'examples'] as const) walk(scenario[section], [section]);
  // A claim's stretches of days ("8:14", or one day).
  list(scenario.claims).forEach((c, i) => {
    if (!isRecord(c)) return;
    list(c.compare).forEach((p, j) => {
      // Read as written ("8:14", 6) or as parsed ([8, 14]).
      const last = Array.isArray(p) ? p[1] : typeof p === 'number' ? p : typeof p === 'string' ? Number(/(\d+)\s*$/.exec(p)?.[1]) : NaN;
      if (Number.isInteger(last) && last > days) issue(['claims', i, 'compare', j], `day ${last} is after the last day of the world (world.days is ${days})`);
    });
  });
}

/** A claim's `values` are the briefing's own numbers: each must appear in it as written. */
function checkClaimValues(scenario: Record<string, unknown>, issue: (p: Path, m: string) => void) {
  if (typeof scenario.briefing !== 'string') return;
  const briefing = scenario.briefing;
  list(scenario.claims).forEach((c, i) => {
    if (!isRecord(c)) return;
    list(c.values).forEach((v, j) => {
      if (typeof v !== 'string' && typeof v !== 'number') return;
      // A plain number (YAML reads 0.810 as 0.81) matches any number the briefing writes with that value.
      const text = String(v);
      const plain = /^\d+(?:\.\d+)?$/.test(text);
      const found = briefing.includes(text) || (plain && (briefing.match(/\d+(?:\.\d+)?/g) ?? []).some((n) => sameWritten(n, text)));
      if (!found) issue(['claims', i, 'values', j], `${plain ? text : JSON.stringify(text)} does not appear in the briefing: values are the numbers the briefing writes, as it writes them`);
    });
  });
}

function checkAnswer(scenario: Record<string, unknown>, issue: (p: Path, m: string) => void) {
  const answer = scenario.answer;
  if (!isRecord(answer) || typeof answer.cause !== 'string' || !Array.isArray(scenario.faults)) return;
  const kinds = scenario.faults.map((f) => (isRecord(f) ? f.kind : undefined)).filter((k) => typeof k === 'string');
  if (answer.cause === NO_REGRESSION && kinds.length > 0) {
    issue(['answer', 'cause'], `is ${NO_REGRESSION}, but the scenario injects faults (${kinds.join(', ')})`);
  } else if (answer.cause !== NO_REGRESSION && !kinds.includes(answer.cause)) {
    issue(
      ['answer', 'cause'],
      kinds.length
        ? `${answer.cause} is not one of the scenario's faults (${kinds.join(', ')})`
        : `${answer.cause} is not injected: the scenario has no faults, so the answer can only be ${NO_REGRESSION}`,
    );
  }
}

function unique(items: unknown, key: string, section: string, issue: (p: Path, m: string) => void) {
  const seen = new Map<unknown, number>();
  list(items).forEach((item, i) => {
    if (!isRecord(item) || typeof item[key] !== 'string') return;
    const first = seen.get(item[key]);
    if (first !== undefined) issue([section, i, key], `"${item[key]}" is already used by ${section}[${first}]`);
    else seen.set(item[key], i);
  });
}
