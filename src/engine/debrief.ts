// Rule: the debrief is the grade in words, the same in the CLI and in the app's Markdown export:
// score and breakdown, each move (what it was, its judgement and reason), the diagnosis against
// the truth part by part, the remediation proposed, the expert path beside the learner's, what
// was missed, and the scenario's own debrief text. Whatever the learner wrote (notes, a
// remediation) is made inert: in any Markdown renderer it reads as the text it was, never as
// HTML or a link.
import type { Action } from '../scenario/actions.ts';
import type { Grade } from './grade.ts';
import { describeAction } from './words.ts';
import { HINT_FACTOR, MOVE_FACTOR } from './score.ts';

const MARK: Record<string, string> = { revealing: '▲', confirming: '✓', uninformative: '·', premature: '!', misled: '✗' };

/**
 * Text a learner wrote, as Markdown that shows it as written: what could make HTML, a link, an
 * entity or a table cell is escaped, and it stays on its line (it cannot open a heading).
 */
export function inert(text: string): string {
  return text.replace(/[\\<>[\]&|]/g, '\\$&').replace(/\s*\r?\n\s*/g, ' ');
}

/** The debrief as Markdown; `actions`: the moves graded (what each was, the diagnosis and its remediation). */
export function debriefText(g: Grade, title?: string, actions: readonly Action[] = []): string {
  const lines: string[] = [];
  if (title) lines.push(`# ${title}`, '');
  const b = g.breakdown;
  lines.push(`Score ${g.score}/100 — correctness ${b.correctness}, directness ${b.directness}, evidence ${b.evidence}, efficiency ${b.efficiency}`);
  lines.push(efficiencyLine(g));
  if (!g.submitted) lines.push('No diagnosis was submitted.');
  lines.push('', '## Your moves', '');
  for (const a of g.actions) {
    const reveals = a.reveals.length ? ` → ${a.reveals.join(', ')}` : '';
    const move = actions[a.index];
    // A note's words (in what it was, and maybe in its reason) are the learner's own.
    const own = move?.type === 'note' ? inert : (text: string) => text;
    // What the move was, unless its reason already opens with it.
    const what = move && !a.reason.startsWith(describeAction(move)) ? ` — ${own(describeAction(move))}` : '';
    lines.push(`${String(a.index + 1).padStart(2)}. ${MARK[a.classification]} ${a.classification}${reveals} (${clock(a.at)})${what}`, `    ${own(a.reason)}`);
  }
  const submit = actions.find((a): a is Extract<Action, { type: 'submit' }> => a.type === 'submit');
  if (submit) lines.push('', '## Your diagnosis against the truth', '', ...diagnosisTable(g, submit.diagnosis));
  if (submit?.diagnosis.remediation) lines.push('', '## Your remediation', '', `> ${inert(submit.diagnosis.remediation)}`);
  lines.push('', `## The expert path (${g.expertPath.length - 1} moves, then submit)`, '');
  for (const s of g.expertPath) lines.push(`${String(s.index + 1).padStart(2)}. ${describeAction(s.action)}${s.reveals.length ? ` → ${s.reveals.join(', ')}` : ''}`);
  lines.push('', '## The truth', '', truthLine(g));
  if (g.missed.length) {
    lines.push('', '## What you missed', '');
    const byMove = new Map<string, string[]>();
    for (const m of g.missed) {
      const key = m.expert ?? 'no single move shows it at this seed';
      byMove.set(key, [...(byMove.get(key) ?? []), m.rung]);
    }
    for (const [move, rungs] of byMove) lines.push(`- ${rungs.join(', ')}: ${move}`);
  }
  const wrong = (Object.entries(g.claims) as [string, { right: number; backed: boolean; share: number }][]).filter(([, c]) => c.right < 1 || !c.backed);
  if (g.otherFault) {
    const f = g.otherFault;
    lines.push('', '## Your diagnosis', '', `- You named ${f.cause} in ${f.component}: it acts too (from day ${f.onsetDay}), but it is not the primary fault, the one this scenario asks for (${g.truth.cause} in ${g.truth.component}). Your diagnosis is graded against the fault you named, for part of the credit.`);
  }
  if (g.missedFaults?.length) {
    lines.push('', '## Faults you did not name', '');
    for (const f of g.missedFaults) lines.push(`- ${f.cause} in ${f.component} (${f.stage}), from day ${f.onsetDay}${f.expert ? ` — ${f.expert}` : ''}`);
    lines.push('', `Naming every fault that acts earns full credit; this diagnosis earned ${Math.round((g.credit ?? 1) * 100)}% of correctness and evidence.`);
  }
  if (g.submitted && wrong.length) {
    if (!g.otherFault) lines.push('', '## Your diagnosis', '');
    for (const [k, c] of wrong) lines.push(`- ${k}: ${c.right < 1 ? (c.right > 0 ? `partly right (${Math.round(c.right * 100)}% overlap)` : 'wrong') : 'right'}${c.right > 0 && !c.backed ? (c.share > 0 ? ', but what you looked at showed only part of it' : ', but nothing you looked at showed it (a guess)') : ''}`);
  }
  if (g.debrief) lines.push('', '## Debrief', '', g.debrief.trim());
  return lines.join('\n');
}

export function truthLine(g: Pick<Grade, 'truth'>): string {
  const t = g.truth;
  if (t.cause === 'no-regression') return 'Nothing in the pipeline broke (no-regression).';
  const seg = Object.entries(t.segment).map(([d, v]) => `${d} ${v.join('/')}`).join(', ') || 'everyone';
  const size = t.effect !== null ? ` (${t.symptom} ${t.effect < 0 ? '−' : '+'}${Math.abs(t.effect * 100).toFixed(0)}% against the fault-free twin)` : '';
  const others = t.others.length
    ? ` ${t.others.length === 1 ? 'Another fault acts' : 'Other faults act'} too: ${t.others.map((f) => `${f.cause} in ${f.component} (${f.stage}), from day ${f.onsetDay}`).join('; ')} — naming every fault that acts earns full credit (the diagnosis's \`also\`), one alone part of it.`
    : '';
  return `${t.cause} in ${t.component} (${t.stage}), from day ${t.onsetDay}; it hits ${seg}${size}.${others}`;
}

/** The arithmetic of efficiency, as the guide defines it. */
export function efficiencyLine(g: Pick<Grade, 'efficiency'>): string {
  const e = g.efficiency;
  const beyond = Math.max(0, e.moves - e.expertMoves);
  const ladder = `ladder ${Math.round(e.ladder * 4)}/4`;
  return `Efficiency ${Math.round(e.value * 100)}% = ${ladder} × ${MOVE_FACTOR}^${beyond} (${e.moves} move${e.moves === 1 ? '' : 's'}, the expert path takes ${e.expertMoves}) × ${HINT_FACTOR}^${e.hints} (hints) × time ${e.timeFactor.toFixed(2)} (${clock(e.spent)} of ${clock(e.limit)})`;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

const segmentText = (segment: Partial<Record<string, readonly (string | number)[]>> | undefined) =>
  Object.entries(segment ?? {}).map(([d, v]) => `${d.replace(/_/g, ' ')} = ${(v ?? []).join(' or ')}`).join(', ') || 'everyone';

/** Stage, component, cause and segment: the learner's, the truth's, and the verdict, as the app's table shows them. */
function diagnosisTable(g: Grade, d: Extract<Action, { type: 'submit' }>['diagnosis']): string[] {
  const t = g.truth;
  const verdict = (c: { right: number; backed: boolean }) =>
    c.right >= 1 ? (c.backed ? 'right' : 'right, unbacked') : c.right > 0 ? `${Math.round(c.right * 100)}% overlap` : 'wrong';
  const row = (part: 'stage' | 'component' | 'cause' | 'segment', yours: string, truth: string) =>
    `| ${part} | ${yours} | ${truth} | ${verdict(g.claims[part])} |`;
  return [
    '| | yours | truth | |',
    '|---|---|---|---|',
    row('stage', d.stage ?? '—', t.stage ?? '—'),
    row('component', d.component ?? '—', t.component ?? '—'),
    row('cause', d.cause, t.cause),
    row('segment', segmentText(d.segment), segmentText(t.segment)),
  ];
}
