// A typed handle on the world worker: lifecycle events in, promise-based queries out.
import type { QueryResult } from '../sim/query/query.ts';
import type { QuerySpec } from '../sim/query/spec.ts';
import type { InspectSpec } from '../sim/inspect/request.ts';
import type { InspectorResult } from '../sim/inspect/inspect.ts';
import type { Graded, SimulationRequest, WorldFacts, WorldMessage, WorldRequest } from './worker/protocol.ts';
import type { Action } from '../scenario/actions.ts';
import type { CaseFile } from '../engine/case.ts';
import type { ContrastResult, ContrastSpec } from '../engine/contrast.ts';
import type { Study } from '../engine/study.ts';
import type { ClaimCheck } from '../engine/claims.ts';
import type { Claim } from '../scenario/claims.ts';

export type WorldInfo = WorldFacts;

export interface WorldEvents {
  onProgress(fraction: number, label: string): void;
  onReady(info: WorldInfo): void;
  onFailed(message: string): void;
}

type Answer = QueryResult | InspectorResult | Graded | ContrastResult | Study | ClaimCheck[];

interface Pending {
  resolve(result: Answer): void;
  reject(error: Error): void;
  progress?: (fraction: number) => void;
}

export class WorldClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;

  constructor(request: SimulationRequest, private readonly events: WorldEvents) {
    this.worker = new Worker(new URL('./worker/world.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorldMessage>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(event.message || 'The world worker stopped unexpectedly.');
    };
    this.send({ type: 'generate', request });
  }

  query(spec: QuerySpec): Promise<QueryResult> {
    return this.ask((id) => ({ type: 'query', id, spec })) as Promise<QueryResult>;
  }

  inspect(spec: InspectSpec): Promise<InspectorResult> {
    return this.ask((id) => ({ type: 'inspect', id, spec })) as Promise<InspectorResult>;
  }

  contrast(spec: ContrastSpec): Promise<ContrastResult> {
    return this.ask((id) => ({ type: 'contrast', id, spec })) as Promise<ContrastResult>;
  }

  /** Grades the attempt in the worker (the twin is simulated on the first call: it takes a while). */
  grade(scenario: CaseFile, title: string, actions: Action[], progress?: (fraction: number) => void): Promise<Graded> {
    return this.ask((id) => ({ type: 'grade', id, scenario, title, actions }), progress) as Promise<Graded>;
  }

  /** The studio's checks of a draft against this world and its twin (simulated on the first call, with progress). */
  study(scenario: CaseFile, claims: Claim[], progress?: (fraction: number) => void): Promise<Study> {
    return this.ask((id) => ({ type: 'study', id, scenario, claims }), progress) as Promise<Study>;
  }

  /** Claims checked against this world alone (their values are the file seed's business: not checked). */
  checkClaims(claims: Claim[]): Promise<ClaimCheck[]> {
    return this.ask((id) => ({ type: 'claims', id, claims })) as Promise<ClaimCheck[]>;
  }

  private ask(request: (id: number) => WorldRequest, progress?: (fraction: number) => void): Promise<Answer> {
    if (this.disposed) return Promise.reject(new Error('The world has been closed.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      this.send(request(id));
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    this.rejectAll('The world has been closed.');
  }

  private send(request: WorldRequest): void {
    this.worker.postMessage(request);
  }

  private receive(message: WorldMessage): void {
    if (this.disposed) return;
    switch (message.type) {
      case 'progress': this.events.onProgress(message.fraction, message.label); break;
      case 'ready': {
        const { type: _type, ...facts } = message;
        this.events.onReady(facts);
        break;
      }
      case 'failed': this.fail(message.message); break;
      case 'result':
      case 'inspection':
      case 'contrasted':
      case 'graded':
      case 'studied':
      case 'claimsChecked': this.settle(message.id)?.resolve(message.result); break;
      case 'grading': this.pending.get(message.id)?.progress?.(message.fraction); break;
      case 'error': this.settle(message.id)?.reject(new Error(message.message)); break;
    }
  }

  private settle(id: number): Pending | undefined {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    return entry;
  }

  private fail(message: string): void {
    if (this.disposed) return;
    this.rejectAll(message);
    this.events.onFailed(message);
  }

  private rejectAll(message: string): void {
    for (const entry of this.pending.values()) entry.reject(new Error(message));
    this.pending.clear();
  }
}
