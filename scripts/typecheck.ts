// Type-checks each runtime under its own tsconfig (the references of tsconfig.json), so a file sees only the globals
// of the place it runs: src/ the Apps Script V8, sidebar/ the browser, local/, scripts/ and test/ Node.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The runtime configs, as tsconfig.json lists them; tsconfig.json itself checks nothing (it only names them). */
export function runtimeConfigs(): string[] {
  const solution = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  if (solution.error) throw new Error(ts.flattenDiagnosticMessageText(solution.error.messageText, '\n'));
  const references = (solution.config as { references?: { path: string }[] }).references ?? [];
  return references.map((r) => resolve(ROOT, r.path));
}

/** A config's options and the files its include patterns match. */
export function parseConfig(configPath: string): ts.ParsedCommandLine {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(
    read.config,
    ts.sys,
    dirname(configPath),
    undefined,
    configPath,
  );
  if (parsed.errors.length > 0) throw new Error(ts.formatDiagnostics(parsed.errors, formatHost));
  return parsed;
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

export interface CheckOptions {
  /** Files that exist only for this check, by path relative to the repository root, e.g. a planted src/core file. */
  readonly virtualFiles?: Readonly<Record<string, string>>;
  /** Check only the virtual files (and what they import) instead of everything the config includes. */
  readonly onlyVirtual?: boolean;
}

// The runtimes share most of src/ (local/ and test/ import it, sidebar/ imports its pure parts); parsing each file
// once for all of them keeps the four checks close to the cost of one. Safe because every config extends one base,
// so a file parses the same under each.
const parsedFiles = new Map<string, ts.SourceFile>();

/** Type errors of one runtime config (with optional planted files), in the order tsc reports them. */
export function checkConfig(configPath: string, options: CheckOptions = {}): readonly ts.Diagnostic[] {
  const config = parseConfig(configPath);
  const virtual = new Map(
    Object.entries(options.virtualFiles ?? {}).map(([path, text]) => [resolve(ROOT, path), text]),
  );
  const host = ts.createCompilerHost(config.options);
  const baseGetSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => virtual.has(resolve(f)) || ts.sys.fileExists(f);
  host.readFile = (f) => virtual.get(resolve(f)) ?? ts.sys.readFile(f);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let file = parsedFiles.get(key);
    if (!file) {
      file = baseGetSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) parsedFiles.set(key, file);
    }
    return file;
  };
  const roots = options.onlyVirtual ? [...virtual.keys()] : [...config.fileNames, ...virtual.keys()];
  const program = ts.createProgram({ rootNames: roots, options: config.options, host });
  return ts.getPreEmitDiagnostics(program);
}

/** tsc's own rendering of diagnostics, with file paths relative to the repository. */
export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], color = false): string {
  return color
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost)
    : ts.formatDiagnostics(diagnostics, formatHost);
}

function main(): void {
  let failed = false;
  for (const config of runtimeConfigs()) {
    const started = Date.now();
    const diagnostics = checkConfig(config);
    const name = relative(ROOT, config);
    if (diagnostics.length > 0) {
      failed = true;
      process.stdout.write(formatDiagnostics(diagnostics, process.stdout.isTTY === true));
    }
    const verdict = diagnostics.length === 0 ? 'ok' : `${diagnostics.length} error(s)`;
    console.log(`${name}: ${verdict} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
