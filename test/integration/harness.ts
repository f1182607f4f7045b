// Loads the built add-on (dist/Code.js) into the in-memory Apps Script runtime, as integration tests need it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../local/runtime/index';
import type { AccountView } from '../../src/entry/sidebarTypes';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = join(ROOT, 'dist', 'Code.js');

export function loadBundle(opts?: RuntimeOptions): Runtime {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const rt = createRuntime(opts);
  rt.load(BUNDLE);
  return rt;
}

/** The saveChain payload the sidebar would send for an account view as shown, with `fields` changed. */
export function chainPayload(v: AccountView, fields: Partial<Record<string, unknown>> = {}) {
  const a = v.account;
  return {
    row: v.row,
    version: v.version,
    fields: {
      businessPain: a.businessPain,
      solutionValue: a.solutionValue,
      namedResult: a.namedResult,
      metric: a.metric,
      baseline: a.baseline,
      target: a.target,
      validator: a.validator,
      validatorRole: a.validatorRole ?? '',
      ...fields,
    },
  };
}
