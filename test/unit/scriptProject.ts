// A small Apps Script project (its source as text) loaded into the runtime the way the bundle is loaded: from a file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../local/runtime/index';

const dir = mkdtempSync(join(tmpdir(), 'rl-script-'));
let scripts = 0;

export function loadProject(code: string, opts: RuntimeOptions = {}): Runtime {
  const file = join(dir, `script${++scripts}.js`);
  writeFileSync(file, code);
  const rt = createRuntime(opts);
  rt.load(file);
  return rt;
}
