// A fault or distractor as written (in a scenario file or on the command line), and resolved:
// parameters validated, defaults filled in, variant picks made from the seed.
import { z } from 'zod';
import { DISTRACTOR_KINDS, FAULT_KINDS, VocabularyError, type ComponentId, type DistractorKind, type FaultKind, type Stage } from '../vocabulary.ts';
import { DISTRACTORS, FAULTS, type KindInfo } from './catalog.ts';
import { resolveChoices } from './choice.ts';

export interface ChangeSpec<K extends string> {
  kind: K;
  onsetDay: number;
  /** Days over which a fault ramps from nothing to full strength (0: all at once). */
  rampDays?: number;
  params?: Record<string, unknown>;
}
export type FaultSpec = ChangeSpec<FaultKind>;
export type DistractorSpec = ChangeSpec<DistractorKind>;

export interface Resolved<K extends string> {
  kind: K;
  onsetDay: number;
  rampDays: number;
  component: ComponentId;
  stage: Stage;
  params: Record<string, unknown>;
}
export type ResolvedFault = Resolved<FaultKind>;
export type ResolvedDistractor = Resolved<DistractorKind>;

export class ChangeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ChangeError';
  }
}

function resolveOne<K extends string>(
  spec: ChangeSpec<K>,
  info: KindInfo,
  seed: number,
  path: string,
  days: number,
): Resolved<K> {
  if (!Number.isInteger(spec.onsetDay) || spec.onsetDay < 1 || spec.onsetDay > days) {
    throw new ChangeError(`${path}.onsetDay`, `must be a day from 1 to ${days}, got ${spec.onsetDay}`);
  }
  const rampDays = spec.rampDays ?? 0;
  if (!Number.isInteger(rampDays) || rampDays < 0 || rampDays > 30) {
    throw new ChangeError(`${path}.rampDays`, `must be a whole number of days from 0 to 30, got ${spec.rampDays}`);
  }
  const parsed = info.params.safeParse(spec.params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChangeError(`${path}.params${issue.path.length ? '.' + issue.path.join('.') : ''}`, z.prettifyError(new z.ZodError([issue])).replace(/^✖ /, '').replace(/\n.*$/s, ''));
  }
  const params = resolveChoices(parsed.data as Record<string, unknown>, seed, `${path}/${spec.kind}`, new Set(info.lists));
  const component =
    spec.kind === 'source-outage' ? (`source:${params.source as string}` as ComponentId) : info.component;
  return { kind: spec.kind, onsetDay: spec.onsetDay, rampDays, component, stage: info.stage, params };
}

export function resolveFaults(specs: readonly FaultSpec[], seed: number, days: number): ResolvedFault[] {
  return specs.map((spec, i) => {
    if (!(FAULT_KINDS as readonly string[]).includes(spec.kind)) throw new VocabularyError('fault kind', spec.kind, FAULT_KINDS);
    return resolveOne(spec, FAULTS[spec.kind], seed, `faults[${i}]`, days);
  });
}

export function resolveDistractors(specs: readonly DistractorSpec[], seed: number, days: number): ResolvedDistractor[] {
  return specs.map((spec, i) => {
    if (!(DISTRACTOR_KINDS as readonly string[]).includes(spec.kind)) {
      throw new VocabularyError('distractor kind', spec.kind, DISTRACTOR_KINDS);
    }
    return resolveOne(spec, DISTRACTORS[spec.kind], seed, `distractors[${i}]`, days);
  });
}

/** Strength of a change on `day`: 0 before onset, ramping linearly to 1 over rampDays. */
export function strengthOn(change: { onsetDay: number; rampDays: number }, day: number): number {
  if (day < change.onsetDay) return 0;
  if (change.rampDays === 0) return 1;
  return Math.min(1, (day - change.onsetDay + 1) / (change.rampDays + 1));
}
