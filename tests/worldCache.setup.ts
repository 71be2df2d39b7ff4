// One world cache for the whole test run (vitest globalSetup): every test file — and every CLI
// process a test spawns — reads and writes the same folder, so a world two files need is
// generated once. It starts empty, so no run trusts a world made by an earlier one, and it is
// removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-test-worlds-'));
  process.env.FAULTLINE_CACHE_DIR = dir;
  process.env.FAULTLINE_CACHE_MB = '16384'; // a run writes about 12 GB: the first worlds (the flagship's) must survive to the files that read them
  delete process.env.FAULTLINE_CACHE;
  return () => rmSync(dir, { recursive: true, force: true });
}
