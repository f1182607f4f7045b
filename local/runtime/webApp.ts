// The confirmation web app as a second Apps Script project: its Code.js evaluated in a scope of its own with its own
// services, and calls the way Google makes them for a deployed web app — doGet(e) with the request's parameters,
// and the page's google.script.run calls — as the deploying user (executeAs USER_DEPLOYING), in an execution with
// no containing document.

/**
 * The generated top-level functions of a project's Code.js (scripts/entryPoints.ts writes each as a line
 * `function NAME(...) {`; the library before them is one minified statement).
 */
export function webAppFunctions(code: string): string[] {
  return [...code.matchAll(/^function ([A-Za-z][A-Za-z0-9_]*)\(/gm)].map((m) => m[1]);
}

/**
 * The project's code as a factory: called with the project's own services (which shadow the realm's globals of the
 * same names), it evaluates the code afresh — one execution — and returns its top-level functions. Its declarations
 * stay inside the factory, so the add-on's globals never see them and it never sees the add-on's.
 */
export function wrapWebApp(code: string, services: readonly string[], names: readonly string[]): string {
  return `(function (${services.join(', ')}) {\n${code}\n;return { ${names.map((n) => `${n}: ${n}`).join(', ')} };\n})`;
}

/** A GET's parameters: one value per name, or several (`?a=1&a=2`). */
export type WebAppParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * The event object of a GET (https://developers.google.com/apps-script/guides/web#request_parameters):
 * `parameter` holds the first value of each name, `parameters` every value, `queryString` the query as sent.
 */
export function webAppEvent(params: WebAppParams): Record<string, unknown> {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const values = typeof value === 'string' ? [value] : [...value];
    parameter[name] = values[0] ?? '';
    parameters[name] = values;
    for (const v of values) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(v)}`);
  }
  return { parameter, parameters, queryString: pairs.join('&'), contextPath: '', contentLength: -1 };
}

/** The web app project as tests and the preview reach it. */
export interface WebAppAccess {
  /** Who the web app runs as (executeAs USER_DEPLOYING); default: the runtime's first user. */
  deployer: string;
  /** The web app project's own script properties (the add-on's are rt.properties.script). */
  readonly properties: Map<string, string>;
  /** Loads the project's Code.js (default dist/webapp/Code.js); get and run load it on first use. */
  load(file?: string): void;
  /** The project's top-level functions: what its page's google.script.run can reach. */
  functions(): string[];
  /** Another run of the web app holds its script lock until the returned function is called. */
  holdScriptLock(): () => void;
  /** GET <url>?params: calls doGet(e) as Google does and returns the page's HTML and title. */
  get(params?: WebAppParams): { html: string; title: string };
  /** A google.script.run call from the web app's page: a top-level function, run as the web app runs. */
  run<T = unknown>(name: string, ...args: unknown[]): T;
}
