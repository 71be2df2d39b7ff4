// The values each dimension can take, so a segment or filter value is checked like an id:
// `tenure: [nwe]` is an error with "did you mean new". The lists live in src/sim (one source).
export { DIMENSION_VALUES, valuesOf as dimensionValues } from '../sim/query/dimensionValues.ts';
