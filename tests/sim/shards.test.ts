// A day's visits can be served in any number of shards, on any threads: the world (and its twin)
// is the same digest for digest — in-process hosts behind a copying channel (as a thread
// boundary copies), and real worker threads as the CLI runs them.
import { describe, expect, it } from 'vitest';
import { simulatePair, simulateWith } from '../../src/sim/simulate.ts';
import { shardHost, shardServer, type ShardMessage, type ShardPort, type ShardReply } from '../../src/sim/shardHost.ts';
import { worldDigest } from '../../src/sim/digest.ts';
import { threadedServer } from '../../src/cli/shardThreads.ts';

const TINY = { seed: 31, users: 1500, items: 3000, days: 6 };
const CHANGES = {
  faults: [{ kind: 'feedback-loop' as const, onsetDay: 3 }],
  distractors: [{ kind: 'mix-shift' as const, onsetDay: 4 }],
};

/** A host in this thread behind a channel that copies every message both ways. */
function copyingPort(): ShardPort {
  let deliver: (reply: ShardReply) => void = () => {};
  const host = shardHost((reply) => {
    const copy = structuredClone(reply);
    queueMicrotask(() => deliver(copy));
  });
  return { post: (message: ShardMessage) => host(structuredClone(message)), onReply: (handler) => (deliver = handler) };
}

describe('a day served in shards', () => {
  const serial = simulatePair(TINY, CHANGES);
  const expected = [worldDigest(serial.factual), worldDigest(serial.twin)];

  it.each([1, 2, 3])('gives the same world and twin with %i other host(s)', async (hosts) => {
    const pool = (config: Parameters<typeof shardServer>[1], distractors: Parameters<typeof shardServer>[2]) => ({
      serve: shardServer(Array.from({ length: hosts }, copyingPort), config, distractors),
      close: () => {},
    });
    const made = await simulateWith(pool, 'pair', TINY, CHANGES);
    expect([worldDigest(made.factual!), worldDigest(made.twin!)]).toEqual(expected);
  });

  it('gives the same world on worker threads', async () => {
    const made = await simulateWith((config, distractors) => threadedServer(1, config, distractors), 'pair', TINY, CHANGES);
    expect([worldDigest(made.factual!), worldDigest(made.twin!)]).toEqual(expected);
  });
});
