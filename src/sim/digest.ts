// One hex digest of a world's logs: the fingerprint that proves two runs (Node, the browser,
// another machine) generated the identical world. Columns are hashed as raw little-endian
// bytes in a fixed order, so any changed value, row or column changes the digest.
import type { World } from './world/world.ts';
import type { Table } from './logs/table.ts';

export function worldDigest(world: World): string {
  const h = new Hasher();
  h.text(JSON.stringify({ ...world.config }));
  for (const name of Object.keys(world.logs).sort()) {
    const table = world.logs[name as keyof World['logs']] as Table;
    h.text(name);
    h.words(new Uint32Array(Int32Array.from(table.dayStart).buffer));
    for (const column of Object.keys(table.columns).sort()) {
      h.text(column);
      h.bytes((table.columns as Record<string, ArrayBufferView>)[column]);
    }
  }
  return h.hex();
}

/** Two independent 32-bit multiply-xorshift lanes (murmur3-style mixing) → 64-bit digest. */
class Hasher {
  private a = 0x9747b28c;
  private b = 0x85ebca6b;

  words(w: Uint32Array): void {
    let a = this.a, b = this.b;
    for (let i = 0; i < w.length; i++) {
      const k = w[i];
      a = Math.imul(a ^ k, 0xcc9e2d51);
      a = (a << 15) | (a >>> 17);
      b = Math.imul(b ^ k, 0x1b873593);
      b = (b << 13) | (b >>> 19);
      b = (Math.imul(b, 5) + 0xe6546b64) | 0;
    }
    this.a = a;
    this.b = b;
  }

  bytes(view: ArrayBufferView): void {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const whole = bytes.length >> 2;
    const aligned = view.byteOffset % 4 === 0
      ? new Uint32Array(view.buffer, view.byteOffset, whole)
      : new Uint32Array(bytes.slice(0, whole * 4).buffer);
    this.words(aligned);
    const tail = new Uint32Array(1);
    for (let i = whole * 4; i < bytes.length; i++) tail[0] = (tail[0] << 8) | bytes[i];
    this.words(Uint32Array.of(tail[0], bytes.length));
  }

  text(s: string): void {
    this.words(Uint32Array.from(s, (c) => c.codePointAt(0)!));
  }

  hex(): string {
    const fmix = (h: number) => {
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    const a = fmix(this.a ^ this.b);
    const b = fmix(this.b + Math.imul(this.a, 31));
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }
}
