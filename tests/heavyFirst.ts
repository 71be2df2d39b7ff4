// The order test files start in: those that generate the most worlds first (longest processing
// time first), so both workers are busy from the start and the small files fill the gaps at the
// end — rather than one heavy file running alone after the rest. Without a results cache (a
// fresh clone, as in CI) vitest would order files by size, which leaves a heavy file last.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const HEAVIEST = [
  'tests/scenario/builtinSignatures.test.ts',
  'tests/engine/anyKind.test.ts',
  'tests/faults/signatures-upstream.test.ts',
  'tests/faults/signatures-downstream.test.ts',
  'tests/faults/distractors.test.ts',
  'tests/scenario/flagship.test.ts',
  'tests/realism.test.ts',
];

const rank = (spec: TestSpecification) => {
  const i = HEAVIEST.findIndex((file) => spec.moduleId.replaceAll('\\', '/').endsWith(file));
  return i < 0 ? HEAVIEST.length : i;
};

export class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
