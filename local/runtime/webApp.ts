// Web apps: ScriptApp.getService() (the deployment's URL, or null when not deployed) and calls the way Google makes
// them for a deployed web app — doGet(e) with the request's parameters, and the page's google.script.run calls — as
// the deploying user (executeAs USER_DEPLOYING), in an execution with no containing document.
import type { ServiceKit } from './calls';
import { ScriptAppApi, type TriggerState } from './triggers';

/**
 * ScriptApp.getService(): "Returns the URL of the web app, if it has been deployed; otherwise returns null"
 * (https://developers.google.com/apps-script/reference/script/service#getUrl()).
 */
export class ServiceApi {
  constructor(private readonly url: () => string | null) {}

  getUrl(): string | null {
    return this.url();
  }

  isEnabled(): boolean {
    return this.url() !== null;
  }
}

/** ScriptApp with getService(): the trigger and authorization methods of ScriptAppApi, plus the web app's URL. */
export class ScriptAppWithServiceApi extends ScriptAppApi {
  constructor(
    private readonly serviceKit: ServiceKit,
    state: TriggerState,
    private readonly webAppUrl: () => string | null,
  ) {
    super(serviceKit, state);
  }

  getService(): unknown {
    return this.serviceKit.exposer.expose('Service', new ServiceApi(this.webAppUrl));
  }
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

/** The web app as tests and the preview reach it. */
export interface WebAppAccess {
  /** What ScriptApp.getService().getUrl() returns: null = not deployed (the default). Settable (the preview's URL). */
  url: string | null;
  /** Who the web app runs as (executeAs USER_DEPLOYING); default: the runtime's first user. */
  deployer: string;
  /** GET <url>?params: calls doGet(e) as Google does and returns the page's HTML and title. */
  get(params?: WebAppParams): { html: string; title: string };
  /** A google.script.run call from the web app's page: a top-level function, run as the web app runs. */
  run<T = unknown>(name: string, ...args: unknown[]): T;
}
