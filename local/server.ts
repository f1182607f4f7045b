// Serves the built sidebar on localhost with google.script.run answered by an in-memory runtime (local preview, browser tests).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the server needs from the in-memory runtime (local/runtime); the full Runtime satisfies it. */
export interface PreviewRuntime {
  call<T = unknown>(name: string, ...args: unknown[]): T;
  readonly ui: {
    readonly dialogs: readonly { readonly title: string; readonly html: string }[];
    readonly sidebars?: readonly { readonly title: string; readonly html: string }[];
  };
  /** The project as a web app (rt.webApp): GET /exec serves its doGet page, /exec/rpc its google.script.run calls. */
  readonly webApp?: {
    get(params?: Readonly<Record<string, string | readonly string[]>>): { html: string; title: string };
    run<T = unknown>(name: string, ...args: unknown[]): T;
  };
}

export interface PreviewServerOptions {
  readonly runtime: PreviewRuntime;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Defaults to dist/Sidebar.html; read on every request, so a rebuild shows without a restart. */
  readonly sidebarFile?: string;
}

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BODY = 1_000_000;

/**
 * The browser half of google.script.run as Apps Script documents it: each call runs asynchronously,
 * withSuccessHandler/withFailureHandler/withUserObject return a configured copy, handlers get
 * (value, userObject), failures get an Error. Dates cannot be sent, as in Apps Script.
 */
const polyfill = (rpcPath: string) => `(function () {
  function runner(config) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (typeof name !== 'string') return undefined;
        if (name === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, config, { ok: f })); };
        if (name === 'withFailureHandler') return function (f) { return runner(Object.assign({}, config, { fail: f })); };
        if (name === 'withUserObject') return function (u) { return runner(Object.assign({}, config, { user: u })); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          while (args.length && args[args.length - 1] === undefined) args.pop();
          function failWith(message) {
            var err = new Error(message);
            if (config.fail) config.fail(err, config.user);
            else console.error('google.script.run.' + name + ': ' + message);
          }
          if (args.some(function (a) { return a instanceof Date; })) {
            setTimeout(function () { failWith('Date objects cannot be passed to google.script.run; send an ISO string.'); }, 0);
            return;
          }
          fetch('${rpcPath}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (reply) {
              if (reply.ok) { if (config.ok) config.ok(reply.value, config.user); }
              else failWith(reply.error);
            }, function (e) { failWith(String(e && e.message || e)); });
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, origin: location.origin, editor: { focus: function () {} } },
  };
})();`;

function injectPolyfill(html: string, rpcPath = '/rpc'): string {
  const tag = `<script>${polyfill(rpcPath)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

/** google.script.run cannot carry Dates back either (the handler would get null): say so loudly instead. */
function findDate(value: unknown, path: string, seen = new Set<unknown>()): string | null {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return path;
  if (!value || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    const found = findDate(child, `${path}.${key}`, seen);
    if (found) return found;
  }
  return null;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function messageOf(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err)
    return String((err as { message: unknown }).message);
  return String(err);
}

function rpc(
  call: (fn: string, args: unknown[]) => unknown,
  body: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    return { ok: false, error: 'The request was not JSON.' };
  }
  const { fn, args } = (request ?? {}) as { fn?: unknown; args?: unknown };
  if (typeof fn !== 'string' || !/^[A-Za-z$][\w$]*$/.test(fn) || !Array.isArray(args)) {
    return { ok: false, error: 'Expected {fn, args}.' };
  }
  // Apps Script hides functions whose names end in an underscore from google.script.run.
  if (fn.endsWith('_')) return { ok: false, error: `Script function not found: ${fn}` };
  try {
    const value = call(fn, args);
    const datePath = findDate(value, 'result');
    if (datePath) {
      return {
        ok: false,
        error: `${fn} returned a Date at ${datePath}; google.script.run would deliver null.`,
      };
    }
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

export function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { runtime } = options;
  const sidebarFile = options.sidebarFile ?? join(root, 'dist/Sidebar.html');
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    // Only this machine's pages may drive the workbook (guards against DNS rebinding).
    if (host !== '127.0.0.1' && host !== 'localhost') return send(res, 403, 'text/plain', 'Forbidden');
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && (path === '/rpc' || path === '/exec/rpc')) {
      // A JSON content type forces a CORS preflight on cross-site requests, which this server never answers.
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain', 'Expected application/json');
      }
      const webApp = runtime.webApp;
      // The web app page's calls run as Google runs them for a web app: as the deployer, with no active spreadsheet.
      const call =
        path === '/exec/rpc' && webApp
          ? (fn: string, args: unknown[]) => webApp.run(fn, ...args)
          : (fn: string, args: unknown[]) => runtime.call(fn, ...args);
      readBody(req).then(
        (body) => send(res, 200, 'application/json', JSON.stringify(rpc(call, body))),
        (err: unknown) => send(res, 413, 'text/plain', messageOf(err)),
      );
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    // The sidebar exactly as showSidebar serves it (with the first Account view templated in).
    if (path === '/shown-sidebar') {
      try {
        runtime.call('showSidebar');
      } catch (err) {
        return send(res, 500, 'text/plain', messageOf(err));
      }
      const shown = runtime.ui.sidebars?.[runtime.ui.sidebars.length - 1];
      if (!shown) return send(res, 404, 'text/plain', 'showSidebar showed no sidebar.');
      return send(res, 200, 'text/html; charset=utf-8', injectPolyfill(shown.html));
    }
    if (path === '/' || path === '/sidebar') {
      let html: string;
      try {
        html = readFileSync(sidebarFile, 'utf8');
      } catch {
        return send(res, 404, 'text/plain', `No ${sidebarFile}: run npm run build first.`);
      }
      return send(res, 200, 'text/html; charset=utf-8', injectPolyfill(html));
    }
    // The confirmation web app, as its deployment URL (…/exec?c=<token>) serves it.
    if (path === '/exec' && runtime.webApp) {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const params: Record<string, string[]> = {};
      for (const name of new Set(query.keys())) params[name] = query.getAll(name);
      try {
        const page = runtime.webApp.get(params);
        return send(res, 200, 'text/html; charset=utf-8', injectPolyfill(page.html, '/exec/rpc'));
      } catch (err) {
        return send(res, 500, 'text/plain', messageOf(err));
      }
    }
    if (path === '/dialog/last') {
      const dialog = runtime.ui.dialogs[runtime.ui.dialogs.length - 1];
      if (!dialog) return send(res, 404, 'text/plain', 'No dialog has been shown yet.');
      return send(res, 200, 'text/html; charset=utf-8', injectPolyfill(dialog.html));
    }
    return send(res, 404, 'text/plain', 'Not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    });
  });
}
