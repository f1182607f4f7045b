// The layers of src/ hold: no import runs to a higher layer, no import circle, and the lint rule fails on one that does.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/**
 * The layer folders, lowest first: a file's rank is the index of the first of these folders on its path under src/
 * (src/gas/setup/x.ts is gas; src/reminders/core/x.ts is core), so a slice with the same folders inside it obeys the
 * same rule without being listed here.
 */
const LAYERS = ['core', 'sheets', 'render', 'gas', 'entry'] as const;
/**
 * The bundle roots, above every layer: src/main.ts (the add-on) and src/webAppMain.ts (the confirmation web app, a
 * separate Apps Script project).
 */
const ROOT_FILE = 'src/main.ts';
const ROOT_FILES: readonly string[] = [ROOT_FILE, 'src/webAppMain.ts'];
const ROOT_RANK = LAYERS.length;

interface Graph {
  /** Files relative to the root, '/'-separated. */
  readonly files: readonly string[];
  /** Each file's imports of other files in src/ (packages such as zod are left out). */
  readonly edges: ReadonlyMap<string, readonly string[]>;
}

function tsFilesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFilesUnder(root, path);
    // JSON data (the judge's weights) is imported like a module and sits in its folder's layer.
    return entry.name.endsWith('.ts') || entry.name.endsWith('.json') ? [path] : [];
  });
}

/** Every import and export-from specifier of every .ts file under src/, type-only ones included, resolved to files. */
function importGraph(root: string): Graph {
  const files = tsFilesUnder(root, 'src').sort();
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets: string[] = [];
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = relative(root, resolve(root, dirname(file), fileName))
        .split(sep)
        .join('/');
      const target = [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => known.has(candidate));
      if (target === undefined) throw new Error(`${file}: cannot resolve '${fileName}'`);
      targets.push(target);
    }
    edges.set(file, targets);
  }
  return { files, edges };
}

/** The file's rank, or null when it sits in no layer folder. */
function rankOf(file: string): number | null {
  if (ROOT_FILES.includes(file)) return ROOT_RANK;
  const folders = file.split('/').slice(1, -1);
  const layer = folders.find((folder): folder is (typeof LAYERS)[number] =>
    (LAYERS as readonly string[]).includes(folder),
  );
  return layer === undefined ? null : LAYERS.indexOf(layer);
}

const layerName = (rank: number) => LAYERS[rank] ?? 'main';

function upwardImports(graph: Graph): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph.edges) {
    const rank = rankOf(file);
    for (const target of targets) {
      const targetRank = rankOf(target);
      if (rank === null || targetRank === null || targetRank <= rank) continue;
      found.push(`${file} -> ${target} (${layerName(rank)} imports ${layerName(targetRank)})`);
    }
  }
  return found.sort();
}

/**
 * Every import circle, each as the path that closes it, starting at its alphabetically first file so one circle is
 * reported once. Depth-first search: a target still on the stack closes a circle.
 */
function importCycles(graph: Graph): string[] {
  const found = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.edges.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const loop = stack.slice(stack.indexOf(target));
        const start = loop.indexOf([...loop].sort()[0]);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        found.add([...rotated, rotated[0]].join(' -> '));
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.files) if (!state.has(file)) visit(file);
  return [...found].sort();
}

describe('the import graph of src/', () => {
  const graph = importGraph(ROOT);

  it('puts every file in a layer folder, except the bundle roots', () => {
    expect(graph.files.filter((file) => rankOf(file) === null)).toEqual([]);
    expect(graph.files.length).toBeGreaterThan(50);
  });

  it('has no import from a lower layer to a higher one', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import circle, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('lets only the bundle root import the registry (entry modules take its types from entryPoint.ts)', () => {
    const importers = [...graph.edges].filter(([, targets]) => targets.includes('src/entry/registry.ts'));
    expect(importers.map(([file]) => file)).toEqual([ROOT_FILE]);
  });
});

describe('a planted upward import and circle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plant = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  plant('src/gas/sheet.ts', "export const sheet = 'gas';\n");
  plant('src/entry/menu.ts', "export const menu = 'entry';\n");
  plant('src/reminders/entry/panel.ts', "export const panel = 'entry';\n");
  plant('src/core/rule.ts', "import { sheet } from '../gas/sheet';\n\nexport const rule = sheet;\n");
  plant(
    'src/reminders/gas/ledger.ts',
    "import { panel } from '../entry/panel';\n\nexport const ledger = panel;\n",
  );
  plant('src/render/view.ts', "import { rule } from '../core/rule';\n\nexport const view = rule;\n");
  plant('src/sheets/a.ts', "import { b } from './b';\n\nexport const a = (): string => b();\n");
  plant('src/sheets/b.ts', "import { a } from './a';\n\nexport const b = (): string => a();\n");

  it('is found by the graph, with the circle as a path', () => {
    const planted = importGraph(dir);
    expect(upwardImports(planted)).toEqual([
      'src/core/rule.ts -> src/gas/sheet.ts (core imports gas)',
      'src/reminders/gas/ledger.ts -> src/reminders/entry/panel.ts (gas imports entry)',
    ]);
    expect(importCycles(planted)).toEqual(['src/sheets/a.ts -> src/sheets/b.ts -> src/sheets/a.ts']);
  });

  it('fails `biome lint` with the project biome.json: each upward import and the circle, nothing else', () => {
    const biome = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'biome.cmd' : 'biome');
    let output = '';
    let failed = false;
    try {
      execFileSync(biome, ['lint', '--max-diagnostics=50', 'src'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      failed = true;
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      output = `${stdout}${stderr}`;
    }
    expect(failed).toBe(true);
    const rules = [...output.matchAll(/^(src\/\S+?):\d+:\d+ (lint\/\S+)/gm)].map(
      ([, file, rule]) => `${file} ${rule}`,
    );
    expect(rules.sort()).toEqual([
      'src/core/rule.ts lint/style/noRestrictedImports',
      'src/reminders/gas/ledger.ts lint/style/noRestrictedImports',
      'src/sheets/a.ts lint/suspicious/noImportCycles',
      'src/sheets/b.ts lint/suspicious/noImportCycles',
    ]);
  });
});
