// The submitted attempt's grade from the worker (which simulates the fault-free twin first, with
// progress). Re-graded on a reload: the grade is a pure function of the world and the moves.
import { useEffect, useState } from 'react';
import type { Action } from '../../scenario/actions.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { CaseFile } from '../../engine/case.ts';
import type { Graded } from '../worker/protocol.ts';
import type { WorldClient } from '../worldClient.ts';

export type GradeState =
  | { status: 'idle' }
  | { status: 'grading'; fraction: number }
  | { status: 'graded'; graded: Graded }
  | { status: 'failed'; message: string };

export function caseFileOf(s: Scenario): CaseFile {
  const { id, timeline, findings, answer, rubric, tools, timeLimitMinutes, debrief, hints } = s;
  return JSON.parse(JSON.stringify({ id, timeline, findings, answer, rubric, tools, timeLimitMinutes, debrief, hints })) as CaseFile;
}

export function useGrade(client: WorldClient | null, scenario: Scenario, actions: readonly Action[], submitted: boolean, onGraded: (g: Graded) => void): GradeState {
  const [state, setState] = useState<GradeState>({ status: 'idle' });
  const key = submitted && client ? JSON.stringify(actions) : null;
  useEffect(() => {
    if (!client || !key) return;
    let current = true;
    setState({ status: 'grading', fraction: 0 });
    client
      .grade(caseFileOf(scenario), scenario.title, JSON.parse(key) as Action[], (fraction) => current && setState({ status: 'grading', fraction }))
      .then(
        (graded) => {
          if (!current) return;
          setState({ status: 'graded', graded });
          onGraded(graded);
        },
        (error: Error) => current && setState({ status: 'failed', message: error.message }),
      );
    return () => {
      current = false;
    };
    // onGraded is called once per grade; a new callback identity is no reason to grade again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, scenario]);
  return state;
}
