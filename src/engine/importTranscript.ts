// Rule: a transcript file is accepted only as JSON of the current format and version, and every
// refusal is a sentence naming the file, the field and (for an action) its index — never a stack.
import { loadTranscript } from '../scenario/load.ts';
import { ACTION_TYPES } from '../scenario/actions.ts';
import { formatError, type ScenarioError } from '../scenario/errors.ts';
import { isRecord } from '../scenario/guards.ts';
import { TRANSCRIPT_FORMAT, TRANSCRIPT_VERSION, type Transcript } from '../scenario/transcript.ts';

export type ImportResult = { ok: true; transcript: Transcript } | { ok: false; errors: string[] };

export function importTranscript(text: string, file: string): ImportResult {
  const fail = (...errors: string[]): ImportResult => ({ ok: false, errors });
  let data: unknown;
  text = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`${file}: not JSON (${jsonProblem(text, e)}); a transcript is a JSON object with "format": "${TRANSCRIPT_FORMAT}"`);
  }
  if (!isRecord(data)) return fail(`${file}: a transcript is a JSON object, got ${Array.isArray(data) ? 'an array' : JSON.stringify(data)}`);
  if (data.format !== TRANSCRIPT_FORMAT) {
    return fail(`${file}: format: must be "${TRANSCRIPT_FORMAT}", got ${data.format === undefined ? 'nothing' : JSON.stringify(data.format)} — is this a Faultline transcript?`);
  }
  if (data.version !== TRANSCRIPT_VERSION) {
    const newer = typeof data.version === 'number' && data.version > TRANSCRIPT_VERSION;
    return fail(
      `${file}: version: this Faultline reads transcript version ${TRANSCRIPT_VERSION}, got ${JSON.stringify(data.version ?? null)}` +
        (newer ? ' (written by a newer Faultline: update it)' : ''),
    );
  }
  const loaded = loadTranscript(text, file);
  if (!loaded.ok) return fail(...loaded.errors.map((e) => withActionType(e, data)));
  const order = orderProblems(loaded.transcript, file);
  return order.length ? fail(...order) : loaded;
}

/** Time runs forward, and nothing happens after the diagnosis is submitted. */
function orderProblems(t: Transcript, file: string): string[] {
  const out: string[] = [];
  t.actions.forEach((a, i) => {
    const previous = t.actions[i - 1];
    if (previous && a.at < previous.at) out.push(`${file}: actions[${i}] (${a.type}).at: ${a.at} s comes before the previous action (${previous.at} s); actions are in time order`);
    if (previous?.type === 'submit') out.push(`${file}: actions[${i}] (${a.type}): comes after the diagnosis was submitted (actions[${i - 1}]); submit ends the attempt`);
  });
  return out;
}

/** `actions[2].metric: …` gains the action's type: `actions[2] (query).metric: …`. */
function withActionType(e: ScenarioError, data: Record<string, unknown>): string {
  const m = /^actions\[(\d+)\]/.exec(e.path);
  const actions = Array.isArray(data.actions) ? data.actions : [];
  const action = m ? actions[Number(m[1])] : undefined;
  const type = isRecord(action) && (ACTION_TYPES as readonly unknown[]).includes(action.type) ? String(action.type) : undefined;
  if (!m || !type) return formatError(e);
  return formatError({ ...e, path: e.path.replace(m[0], `${m[0]} (${type})`) });
}

/** Where JSON.parse gave up, as line:col — from the engine's position, or found here when it names none. */
function jsonProblem(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const lineCol = (offset: number) => {
    const before = text.slice(0, offset);
    return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
  };
  const pos = /position (\d+)/.exec(message);
  if (pos) return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} at ${lineCol(Number(pos[1]))}`;
  // Some engines name no position (NaN, a single quote): the first thing JSON cannot hold is it.
  const offset = firstNonJson(text);
  if (offset === null) return message.replace(/^JSON\.parse: /, '').replace(/\s+/g, ' ');
  const token = /^[A-Za-z]+/.exec(text.slice(offset, offset + 20))?.[0] ?? text[offset];
  return `unexpected ${JSON.stringify(token)} at ${lineCol(offset)}`;
}

/** The offset of the first character outside a string that JSON has no use for (NaN, 'x', undefined), or null. */
function firstNonJson(text: string): number | null {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (/[A-Za-z]/.test(c)) {
      const word = /^[A-Za-z]+/.exec(text.slice(i, i + 20))![0];
      if (!['true', 'false', 'null'].includes(word) && !(/[eE]/.test(word) && /[\d.]/.test(text[i - 1] ?? ''))) return i;
      i += word.length - 1;
    } else if (!/[\s{}[\]:,\d.+-]/.test(c)) return i;
  }
  return null;
}
