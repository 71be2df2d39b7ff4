// Latent centres of aesthetics and categories: the geometry that true taste, true item
// vectors and every encoder's output are built around.
import { AESTHETICS, CATEGORIES } from './taxonomy.ts';
import { DIM, normalizeRow } from '../vectors.ts';
import { normalFrom, stream } from '../random.ts';

export interface Centres {
  aesthetic: Float32Array;
  category: Float32Array;
}

export function buildCentres(seed: number): Centres {
  const normal = normalFrom(stream(seed, 'taxonomy'));
  const aesthetic = new Float32Array(AESTHETICS.length * DIM);
  for (let i = 0; i < aesthetic.length; i++) aesthetic[i] = normal();
  for (let a = 0; a < AESTHETICS.length; a++) normalizeRow(aesthetic, a);
  const category = new Float32Array(CATEGORIES.length * DIM);
  for (let i = 0; i < category.length; i++) category[i] = normal();
  for (let c = 0; c < CATEGORIES.length; c++) normalizeRow(category, c);
  return { aesthetic, category };
}
