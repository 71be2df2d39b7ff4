// The builders every logged day writes into, and the training sample the ranker learns from.
import { TableBuilder } from './table.ts';
import { CATALOGUE, FEATURES, IMPRESSIONS, REQUESTS, REQUEST_SOURCES, RETRIEVAL_EVAL } from './schemas.ts';
import { FEATURES as FEATURE_COUNT } from '../pipeline/ranker.ts';

export interface LogBuilders {
  impressions: TableBuilder<typeof IMPRESSIONS>;
  requests: TableBuilder<typeof REQUESTS>;
  requestSources: TableBuilder<typeof REQUEST_SOURCES>;
  retrievalEval: TableBuilder<typeof RETRIEVAL_EVAL>;
  catalogue: TableBuilder<typeof CATALOGUE>;
  features: TableBuilder<typeof FEATURES>;
}

/** The logs a session writes (the rest are written at night). */
export type SessionLogs = Pick<LogBuilders, 'impressions' | 'requests' | 'requestSources' | 'features'>;
export const SESSION_LOGS = ['impressions', 'requests', 'requestSources', 'features'] as const;

/** Builders for one shard's day of session logs. */
export function sessionLogBuilders(days: number, expectedImpressions: number): SessionLogs {
  return {
    impressions: new TableBuilder('impressions', IMPRESSIONS, days, expectedImpressions),
    requests: new TableBuilder('requests', REQUESTS, days, expectedImpressions >> 4),
    requestSources: new TableBuilder('requestSources', REQUEST_SOURCES, days, expectedImpressions >> 2),
    features: new TableBuilder('features', FEATURES, days, expectedImpressions >> 2),
  };
}

export function logBuilders(days: number, expectedImpressions: number): LogBuilders {
  return {
    impressions: new TableBuilder('impressions', IMPRESSIONS, days, expectedImpressions),
    requests: new TableBuilder('requests', REQUESTS, days, expectedImpressions >> 4),
    requestSources: new TableBuilder('requestSources', REQUEST_SOURCES, days, expectedImpressions >> 2),
    retrievalEval: new TableBuilder('retrievalEval', RETRIEVAL_EVAL, days, 1 << 16),
    catalogue: new TableBuilder('catalogue', CATALOGUE, days, 1 << 18),
    features: new TableBuilder('features', FEATURES, days, expectedImpressions >> 2),
  };
}

/**
 * The day's sampled feature vectors with logged position and click, for nightly retraining;
 * also each row's experiment arm and the treatment's visual-match score (NaN when not computed).
 */
export class TrainingBuffer {
  rows = 0;
  x = new Float32Array(FEATURE_COUNT * 4096);
  position = new Uint8Array(4096);
  label = new Uint8Array(4096);
  arm = new Uint8Array(4096);
  match = new Float32Array(4096);

  push(features: Float32Array, offset: number, position: number, label: number, arm = 0, match = NaN): void {
    if (this.rows === this.label.length) this.grow();
    this.x.set(features.subarray(offset, offset + FEATURE_COUNT), this.rows * FEATURE_COUNT);
    this.position[this.rows] = position;
    this.label[this.rows] = label;
    this.arm[this.rows] = arm;
    this.match[this.rows] = match;
    this.rows++;
  }

  clear(): void {
    this.rows = 0;
  }

  /** Appends every row of `other`. */
  append(other: Pick<TrainingBuffer, 'rows' | 'x' | 'position' | 'label' | 'arm' | 'match'>): void {
    while (this.label.length < this.rows + other.rows) this.grow();
    this.x.set(other.x.subarray(0, other.rows * FEATURE_COUNT), this.rows * FEATURE_COUNT);
    this.position.set(other.position.subarray(0, other.rows), this.rows);
    this.label.set(other.label.subarray(0, other.rows), this.rows);
    this.arm.set(other.arm.subarray(0, other.rows), this.rows);
    this.match.set(other.match.subarray(0, other.rows), this.rows);
    this.rows += other.rows;
  }

  private grow(): void {
    const grow = <T extends Float32Array | Uint8Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(a.length * 2);
      next.set(a);
      return next;
    };
    this.x = grow(this.x);
    this.position = grow(this.position);
    this.label = grow(this.label);
    this.arm = grow(this.arm);
    this.match = grow(this.match);
  }

  clone(): TrainingBuffer {
    const copy = new TrainingBuffer();
    copy.append(this);
    return copy;
  }
}
