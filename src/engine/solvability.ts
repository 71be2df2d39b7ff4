// Rule: a scenario is solvable at a seed when the expert path reveals every rung with a visible,
// fault-made signal, and no false lead moves the place where the scope is found more strongly
// than the fault does. Each step reports its effect size and significance, so an author sees how
// much margin the seed leaves.
import { lookAt, type Case } from './case.ts';
import { expertOf } from './grade.ts';
import { RUNGS, type Rung } from './rungs.ts';
import { describeAction } from './words.ts';

export interface SolvabilityStep {
  rung: Rung;
  move: string | null;
  /** Relative size of the signal the move shows, its z, and the z of the fault's part of it. */
  effect: number | null;
  z: number | null;
  faultZ: number | null;
  ok: boolean;
  problem?: string;
}

export interface Solvability {
  ok: boolean;
  steps: SolvabilityStep[];
  problems: string[];
}

export function solvability(c: Case): Solvability {
  const expert = expertOf(c);
  const problems: string[] = [];
  if (c.truth.cause === 'no-regression') return { ok: true, steps: [], problems };
  const steps: SolvabilityStep[] = RUNGS.map((rung) => {
    const index = expert.judgement.revealedAt[rung];
    if (index === undefined) {
      const problem = `no move reveals the ${rung} at this seed: the fault's signal there is too weak to see`;
      problems.push(problem);
      return { rung, move: null, effect: null, z: null, faultZ: null, ok: false, problem };
    }
    const action = expert.actions[index];
    const because = lookAt(c, action).climb.because[rung];
    const step: SolvabilityStep = {
      rung,
      move: describeAction(action),
      effect: because?.signal.relative ?? null,
      z: because?.signal.z ?? null,
      faultZ: because?.signal.faultZ ?? null,
      ok: true,
    };
    if (rung === 'scope' && because) {
      // Where the scope is found, what moved the group without the fault must not outweigh the fault.
      const sig = because.signal;
      const faultPart = sig.effect - sig.twinEffect;
      if (Math.abs(sig.twinEffect) > Math.abs(faultPart)) {
        step.ok = false;
        step.problem = `in ${sig.dimension} ${sig.group}, other changes (${c.leads.map((l) => l.what).join(', ') || 'drift'}) move the metric more (${fmt(sig.twinEffect)}) than the fault does (${fmt(faultPart)})`;
        problems.push(`scope: ${step.problem}`);
      }
    }
    return step;
  });
  return { ok: problems.length === 0, steps, problems };
}

const fmt = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toPrecision(2)}`;
