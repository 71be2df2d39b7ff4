// Inspector: a 2-D map of item embeddings (visual or text) — a stratified sample of live
// items projected on the two main axes of the embeddings (PCA by power iteration).
import { AESTHETIC_IDS, QUALITY_LABELS } from '../world/taxonomy.ts';
import { DIM } from '../vectors.ts';
import { stream, randomInt } from '../random.ts';
import type { World } from '../world/world.ts';
import type { InspectRequest } from './request.ts';

export interface EmbeddingPoint {
  item: number;
  x: number;
  y: number;
  aesthetic: string;
  predictedQuality: string;
}

export interface EmbeddingMapView {
  view: 'embedding_map';
  component: 'image-encoder' | 'text-encoder';
  day: number;
  points: EmbeddingPoint[];
  /** Share of the embeddings' variance the two axes explain. */
  explained: number;
}

const PER_AESTHETIC = 60;

export function embeddingMap(world: World, req: InspectRequest): EmbeddingMapView {
  const day = req.window[1];
  const encoder = world.encoderByDay[day];
  const visual = req.component !== 'text-encoder';
  const vectors = visual ? encoder.visual : world.text;
  const rng = stream(world.config.seed, `inspect/embedding-map/${day}`);
  const allowAesthetic = req.filter.aesthetic;
  const sample: number[] = [];
  world.items.byAesthetic.forEach((ids, a) => {
    if (allowAesthetic && !allowAesthetic.includes(AESTHETIC_IDS[a])) return;
    const live = ids.filter((i) => world.items.createdDay[i] <= day);
    for (let s = 0; s < Math.min(PER_AESTHETIC, live.length); s++) sample.push(live[randomInt(rng, live.length)]);
  });
  const mean = new Float64Array(DIM);
  for (const i of sample) for (let k = 0; k < DIM; k++) mean[k] += vectors[i * DIM + k] / sample.length;
  const cov = new Float64Array(DIM * DIM);
  for (const i of sample) {
    for (let p = 0; p < DIM; p++) {
      for (let q = 0; q < DIM; q++) {
        cov[p * DIM + q] += (vectors[i * DIM + p] - mean[p]) * (vectors[i * DIM + q] - mean[q]);
      }
    }
  }
  const trace = Array.from({ length: DIM }, (_, k) => cov[k * DIM + k]).reduce((s, x) => s + x, 0);
  const axis1 = principalAxis(cov, null);
  const axis2 = principalAxis(cov, axis1.vector);
  const points = sample.map((i) => {
    let x = 0, y = 0;
    for (let k = 0; k < DIM; k++) {
      const v = vectors[i * DIM + k] - mean[k];
      x += v * axis1.vector[k];
      y += v * axis2.vector[k];
    }
    return {
      item: i,
      x,
      y,
      aesthetic: AESTHETIC_IDS[world.items.aesthetic[i]],
      predictedQuality: QUALITY_LABELS[encoder.predQuality[i]],
    };
  });
  return {
    view: 'embedding_map',
    component: visual ? 'image-encoder' : 'text-encoder',
    day,
    points,
    explained: trace > 0 ? (axis1.value + axis2.value) / trace : 0,
  };
}

/** Leading eigenvector of a symmetric matrix, optionally orthogonal to `exclude`. */
function principalAxis(m: Float64Array, exclude: Float64Array | null): { vector: Float64Array; value: number } {
  let v = new Float64Array(DIM).map((_, k) => 1 / Math.sqrt(DIM) + k * 1e-3);
  let value = 0;
  for (let it = 0; it < 100; it++) {
    if (exclude) {
      const d = v.reduce((s, x, k) => s + x * exclude[k], 0);
      v = v.map((x, k) => x - d * exclude[k]);
    }
    const next = new Float64Array(DIM);
    for (let p = 0; p < DIM; p++) for (let q = 0; q < DIM; q++) next[p] += m[p * DIM + q] * v[q];
    value = Math.sqrt(next.reduce((s, x) => s + x * x, 0));
    if (value === 0) break;
    v = next.map((x) => x / value);
  }
  return { vector: v, value };
}
