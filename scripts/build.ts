// Builds dist/: Code.js (the library plus generated top-level entry points), Sidebar.html (one file), appsscript.json;
// and dist/webapp/: the confirmation web app, a separate Apps Script project (Code.js with doGet and
// answerConfirmation only, appsscript.json with its webapp block and scope). The add-on's clasp configs skip
// subdirectories, so dist/webapp never reaches the add-on's project.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { type EntryMeta, LIBRARY_NAME, renderEntryPoints } from './entryPoints';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Apps Script's V8 runs ES2020 comfortably; later syntax is lowered. */
const TARGET = 'es2020';

const webappDist = join(dist, 'webapp');

/**
 * How the library is minified. 'names' (the default): whitespace, syntax and local identifiers are minified, but
 * esbuild's keepNames gives every function and class its source name, so a stack trace in the Apps Script execution
 * log reads `at readLedger (Code:2:51234)` rather than `at Ft (Code:2:51234)`. 'whitespace': only whitespace and
 * syntax (every identifier as written). 'full': identifiers mangled, names lost (smallest). 'none': no minifying at
 * all (RL_NO_MINIFY=1). `npx tsx scripts/buildSizes.ts` measures each: README, "Reading a trace".
 */
export type MinifyMode = 'names' | 'whitespace' | 'full' | 'none';

export function minifyModeOf(env: NodeJS.ProcessEnv = process.env): MinifyMode {
  if (env.RL_NO_MINIFY === '1') return 'none';
  const mode = env.RL_MINIFY ?? 'names';
  if (mode === 'names' || mode === 'whitespace' || mode === 'full' || mode === 'none') return mode;
  throw new Error(`RL_MINIFY must be names, whitespace, full or none, not '${mode}'`);
}

function minifyOptions(mode: MinifyMode): esbuild.BuildOptions {
  switch (mode) {
    case 'names':
      return { minify: true, keepNames: true };
    case 'whitespace':
      return { minifyWhitespace: true, minifySyntax: true };
    case 'full':
      return { minify: true };
    case 'none':
      return {};
  }
}

/** The library of `entry` and its source map (sources relative to dist/, names kept: docs in README). */
export async function bundleLibrary(
  entry = 'src/main.ts',
  mode: MinifyMode = minifyModeOf(),
  outDir = dist,
): Promise<{ code: string; map: string }> {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName: LIBRARY_NAME,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: TARGET,
    ...minifyOptions(mode),
    legalComments: 'none',
    // The map stays local (clasp pushes only .js, .html and appsscript.json); the bundle names no map, so Apps
    // Script never looks for one. sourcesContent is left out: the map points into the repository's own files.
    sourcemap: 'external',
    sourcesContent: false,
    outfile: join(outDir, 'Code.js'),
    write: false,
    logLevel: 'silent',
  });
  const file = (ext: string) => {
    const out = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!out) throw new Error(`esbuild wrote no ${ext}`);
    return out.text;
  };
  return { code: file('.js'), map: file('.js.map') };
}

/** Loads the library the way Apps Script would (no Node globals) and reads the registry's metadata. */
function readRegistry(library: string): EntryMeta[] {
  const sandbox: Record<string, unknown> = {};
  vm.runInNewContext(`${library}\nthis.__lib = ${LIBRARY_NAME};`, sandbox, { filename: 'Code.js' });
  const lib = sandbox.__lib as { registry: Record<string, Omit<EntryMeta, 'name'>> };
  return Object.entries(lib.registry).map(([name, e]) => ({
    name,
    kind: e.kind,
    params: [...e.params],
    doc: e.doc,
  }));
}

async function bundleSidebar(): Promise<string> {
  const script = await esbuild.build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const style = await esbuild.build({
    entryPoints: [join(root, 'sidebar/sidebar.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  // A literal "</script" or "</style" inside inlined code would end the element early.
  const js = script.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = style.outputFiles[0].text.replace(/<\/(style)/gi, '<\\/$1');
  if (!template.includes('<!-- inline:style -->') || !template.includes('<!-- inline:script -->')) {
    throw new Error('sidebar/index.html must contain <!-- inline:style --> and <!-- inline:script -->');
  }
  return template
    .replace('<!-- inline:style -->', () => `<style>${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${js}</script>`);
}

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside it, which a rename puts in place. A
 * test process loading dist/Code.js while a build runs then reads the old bundle or the new one, never half of one.
 */
export function writeAtomically(path: string, data: string | Buffer): void {
  const partial = `${path}.partial-${process.pid}`;
  writeFileSync(partial, data);
  renameSync(partial, path);
}

/**
 * A project's Code.js: the library of `entry` and a top-level function per registry entry (after the library, so
 * the library's lines are where its source map says), and the map.
 */
export async function projectCode(
  entry: string,
  mode: MinifyMode = minifyModeOf(),
  outDir = dist,
): Promise<{ code: string; map: string }> {
  const library = await bundleLibrary(entry, mode, outDir);
  return { code: `${library.code}\n${renderEntryPoints(readRegistry(library.code))}`, map: library.map };
}

export async function build(): Promise<{ code: number; sidebar: number; webApp: number }> {
  mkdirSync(webappDist, { recursive: true });
  const { code, map } = await projectCode('src/main.ts');
  writeAtomically(join(dist, 'Code.js'), code);
  writeAtomically(join(dist, 'Code.js.map'), map);
  const { code: webApp, map: webAppMap } = await projectCode('src/webAppMain.ts', minifyModeOf(), webappDist);
  writeAtomically(join(webappDist, 'Code.js'), webApp);
  writeAtomically(join(webappDist, 'Code.js.map'), webAppMap);
  writeAtomically(join(webappDist, 'appsscript.json'), readFileSync(join(root, 'appsscript.webapp.json')));
  const sidebar = await bundleSidebar();
  writeAtomically(join(dist, 'Sidebar.html'), sidebar);
  writeAtomically(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
  return {
    code: Buffer.byteLength(code),
    sidebar: Buffer.byteLength(sidebar),
    webApp: Buffer.byteLength(webApp),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build()
    .then(({ code, sidebar, webApp }) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      console.log(
        `dist/Code.js ${kb(code)} (${minifyModeOf()}) + Code.js.map · dist/Sidebar.html ${kb(sidebar)} · dist/appsscript.json · dist/webapp/Code.js ${kb(webApp)} · dist/webapp/appsscript.json`,
      );
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
