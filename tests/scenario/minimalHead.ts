// The head of a minimal scenario file (everything but `faults`), shared by the loader's tests.
export const HEAD = `schemaVersion: 1
id: test-scenario
title: A test
difficulty: intro
briefing: Click-through fell. How do you debug it?
world: { seed: 1, days: 14 }
`;
