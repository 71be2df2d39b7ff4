// Where the repository's own files are, seen from the CLI. This file sits two folders below the
// repository root (src/cli/), and so does the bundle built from it (build/cli/faultline.mjs):
// every path is taken from here so that both resolve alike.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
