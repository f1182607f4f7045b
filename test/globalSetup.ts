// Builds dist/ once, before any test file runs: every file then reads the same bundle, and none rebuilds it while
// another is loading it.
import { build } from '../scripts/build';

export default async function setup(): Promise<void> {
  await build();
}
