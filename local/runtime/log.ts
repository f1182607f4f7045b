// Logger and console: the script's log lines, kept for tests and echoed only when asked.
import { inspect } from 'node:util';
import type { ServiceKit } from './calls';

export interface LogState {
  lines: string[];
  /** Echo each line to the host's stderr (RESULTS_LADDER_RUNTIME_LOG=1 turns it on). */
  echo: boolean;
}

function text(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 4 }))).join(' ');
}

function write(state: LogState, level: string, line: string): void {
  state.lines.push(level === 'log' ? line : `[${level}] ${line}`);
  if (state.echo) process.stderr.write(`[script ${level}] ${line}\n`);
}

export class LoggerApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly state: LogState,
  ) {}

  /** Logger.log(data) or Logger.log(format, ...values) with %s placeholders. */
  log(format: unknown, ...values: unknown[]): unknown {
    let line = text([format]);
    if (typeof format === 'string' && values.length > 0) {
      let i = 0;
      line = format.replace(/%s/g, () => (i < values.length ? text([values[i++]]) : '%s'));
    }
    write(this.state, 'log', line);
    return this.kit.exposer.expose('Logger', this);
  }

  getLog(): string {
    return this.state.lines.join('\n');
  }

  clear(): void {
    this.state.lines.length = 0;
  }
}

/** The script's console; a plain object since console is not a counted service. */
export function scriptConsole(state: LogState): Record<string, (...args: unknown[]) => void> {
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      write(state, level, text(args));
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}
