// Maps a stack trace from the Apps Script execution log back to the TypeScript source, with dist/Code.js.map (which
// `npm run build` writes beside the bundle and clasp never pushes).
//   npm run trace -- trace.txt           a file holding the trace, copied from the log
//   pbpaste | npm run trace              or from standard input
//   npm run trace -- --webapp trace.txt  a trace of the confirmation page's project (dist/webapp/Code.js.map)
// Each position in the bundle (`Code:2:51234`, `Code.js:2:51234`, `Code.gs:…`) becomes the source file, line and
// column it came from (`src/reminders/gas/ledger.ts:88:11`); the rest of each line is kept. The map must come from
// the same build as the pushed bundle: build the commit that was deployed.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `text` with every bundle position replaced by its source position (paths relative to the repository). */
export function mapTrace(text: string, mapFile: string): string {
  const payload = JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0];
  const map = new SourceMap(payload);
  const mapDir = dirname(mapFile);
  return text.replace(/\b(?:Code)(?:\.js|\.gs)?:(\d+):(\d+)/g, (whole, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as {
      generatedLine?: number;
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    // The top-level entry points the build writes after the library have no source: they stay as they are.
    if (!entry?.originalSource || entry.generatedLine !== Number(line) - 1) return whole;
    const source = relative(root, resolve(mapDir, entry.originalSource));
    return `${source}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const webapp = args.includes('--webapp');
  const file = args.find((a) => a !== '--webapp');
  const mapFile = join(root, 'dist', ...(webapp ? ['webapp'] : []), 'Code.js.map');
  const text = readFileSync(file ?? 0, 'utf8');
  try {
    process.stdout.write(mapTrace(text, mapFile));
  } catch (e) {
    console.error(
      `${e instanceof Error ? e.message : e}\n(run npm run build first: it writes ${relative(root, mapFile)})`,
    );
    process.exit(1);
  }
}
