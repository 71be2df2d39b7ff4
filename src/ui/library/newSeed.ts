// A fresh seed for "new seed": same lesson, another variant. The app may use the platform's
// randomness; the world itself is still a pure function of the seed it is given.
export function newSeed(): number {
  const buffer = new Uint32Array(1);
  window.crypto.getRandomValues(buffer);
  return (buffer[0] % 2_000_000_000) + 1;
}
