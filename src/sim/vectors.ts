// Small dense-vector helpers over flat Float32Arrays (row-major, DIM wide). Hot paths inline
// their own loops; these are for setup code.

/** Width of every latent, visual and text vector in the world. */
export const DIM = 8;

export function dotRows(a: Float32Array, ai: number, b: Float32Array, bi: number): number {
  const ao = ai * DIM;
  const bo = bi * DIM;
  let s = 0;
  for (let k = 0; k < DIM; k++) s += a[ao + k] * b[bo + k];
  return s;
}

export function normalizeRow(a: Float32Array, i: number): void {
  const o = i * DIM;
  let s = 0;
  for (let k = 0; k < DIM; k++) s += a[o + k] * a[o + k];
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let k = 0; k < DIM; k++) a[o + k] *= inv;
}

export function normalizeVector(v: Float32Array): Float32Array {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let k = 0; k < v.length; k++) v[k] *= inv;
  return v;
}

/**
 * Dot product of the DIM-wide rows at offsets `ao` of `a` and `bo` of `b`. Unrolled for
 * DIM = 8: this is the innermost operation of retrieval and ranking, and the unrolled form is
 * several times faster than a loop. Change it together with DIM.
 */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number): number {
  return (
    a[ao] * b[bo] +
    a[ao + 1] * b[bo + 1] +
    a[ao + 2] * b[bo + 2] +
    a[ao + 3] * b[bo + 3] +
    a[ao + 4] * b[bo + 4] +
    a[ao + 5] * b[bo + 5] +
    a[ao + 6] * b[bo + 6] +
    a[ao + 7] * b[bo + 7]
  );
}
