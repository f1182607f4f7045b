// The local runtime's modules import each other without a circle (type-only imports included), so each can be read,
// and changed, from the models up: sheet model, workbook, then the Spreadsheet/Sheet/Range objects over them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/typecheck';

const RUNTIME = join(ROOT, 'local/runtime');

/** Each runtime module and the runtime modules it imports (by file name). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(RUNTIME).filter((f) => f.endsWith('.ts'))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(RUNTIME, file), 'utf8'), true, true);
    const local = importedFiles.map((i) => i.fileName).filter((name) => name.startsWith('./'));
    graph.set(
      file,
      local.map((name) => `${name.slice(2)}.ts`),
    );
  }
  return graph;
}

/** One import circle as a path a → b → … → a, or null when there is none. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = path.indexOf(file);
    if (at >= 0) return [...path.slice(at), file];
    if (done.has(file)) return null;
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const circle = visit(file);
    if (circle) return circle;
  }
  return null;
}

describe('local/runtime imports', () => {
  it('finds a circle when there is one', () => {
    const graph = new Map([
      ['range.ts', ['sheet.ts']],
      ['sheet.ts', ['range.ts']],
    ]);
    expect(findCircle(graph)).toEqual(['range.ts', 'sheet.ts', 'range.ts']);
  });

  it('have no circle', () => {
    const graph = importGraph();
    expect(graph.get('workbook.ts')).toContain('sheetModel.ts');
    expect(findCircle(graph)).toBeNull();
  });
});
