// The in-memory Apps Script runtime: loads dist/Code.js with node:vm into a realm whose globals are the Apps Script
// services, and lets tests and the local preview call its top-level functions and inspect what they did.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import { CHART_TYPE, ConditionalFormatRuleApi } from './builders';
import { CacheServiceApi } from './cache';
import { CallLog, Exposer, type ServiceKit } from './calls';
import { customFunctionRefusal } from './customFunctionMode';
import { FORMULA_ERROR, FormulaEvaluator } from './formulas';
import { LockServiceApi, LockTable } from './lock';
import { LoggerApi, type LogState, scriptConsole } from './log';
import { MailAppApi, type MailRecord } from './mail';
import { PropertiesServiceApi, type PropertyStores } from './properties';
import { Realm } from './realm';
import { SessionApi, type SessionState } from './session';
import { RangeApi, rangeCellsMoved } from './range';
import { SheetApi } from './sheet';
import { SPREADSHEET_APP_ENUMS, SpreadsheetApi, SpreadsheetAppApi } from './spreadsheet';
import { WorkbookModel, type WorkbookApis } from './workbook';
import { AUTH_MODE, clockEvent, SCRIPT_APP_ENUMS, type TriggerRecord, type TriggerState } from './triggers';
import { HTML_SERVICE_ENUMS, HtmlOutputApi, HtmlServiceApi, UI_ENUMS, UiApi, type UiRecord } from './ui';
import { CHARSET, DIGEST_ALGORITHM, MAC_ALGORITHM, UtilitiesService } from './utilities';
import { ScriptAppApi } from './triggers';
import { type WebAppAccess, type WebAppParams, webAppEvent, webAppFunctions, wrapWebApp } from './webApp';

/** The script-facing classes each workbook hands out (see WorkbookApis for why they are passed in). */
const WORKBOOK_APIS: WorkbookApis = {
  Spreadsheet: SpreadsheetApi,
  Sheet: SheetApi,
  Range: RangeApi,
  rangeCellsMoved,
};

export interface RuntimeOptions {
  /** Spreadsheet and script time zone; default 'America/New_York'. */
  timeZone?: string;
  /** The clock inside the bundle (new Date(), Date.now()); default real time. rt.setNow() changes it. */
  now?: Date;
  /** Session.getActiveUser()/getEffectiveUser() email; default 'lead@acme.example'. */
  user?: string;
  /** MailApp.getRemainingDailyQuota() start value; default 100. */
  mailQuota?: number;
  /**
   * Initial contents per sheet name, row 0 = header. Host Dates become realm Dates; a date-only value (UTC
   * midnight) becomes midnight of that calendar day in the spreadsheet's zone, as Sheets holds a typed date.
   */
  sheets?: Record<string, unknown[][]>;
  /** 'NONE' or 'LIMITED': the user has not authorized the script yet (getAuthorizationInfo says REQUIRED). */
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /** Every rt.call runs as rt.callAsCustomFunction does (AuthMode.CUSTOM_FUNCTION), as Sheets runs a formula. */
  asCustomFunction?: boolean;
  /**
   * More spreadsheets the same user has the add-on in (the one made from `sheets` is the first and is open at
   * start). Each has its own sheets, document properties and triggers; rt.open(id) switches between them.
   */
  spreadsheets?: readonly SpreadsheetSpec[];
  /**
   * What a time-driven run (rt.fireTrigger) gets. Google does not document whether an editor add-on's
   * time-driven run has a containing document, and public reports say a timed trigger gets null from
   * getActiveSpreadsheet() (https://github.com/mogsdad/SheetConverter/issues/2). 'none' (the default, the
   * harsher case): getActiveSpreadsheet() null, getDocumentLock() null, getDocumentProperties() null.
   * 'document': the trigger's spreadsheet is active, with its lock and properties.
   */
  triggerContext?: 'none' | 'document';
  /**
   * 'refused': SpreadsheetApp.openById throws the permission error a `spreadsheets.currentonly` add-on
   * reportedly gets (a scope failure); default 'allowed' for the ids the runtime knows.
   */
  openById?: 'allowed' | 'refused';
  /**
   * Whether ScriptApp.getUserTriggers(ss) lists the add-on's time-driven triggers made in `ss` (undocumented);
   * default true. getProjectTriggers() lists them either way. Under either answer an add-on may have only one
   * time-driven trigger per user per document: a second fails as Apps Script's does.
   */
  clockTriggersInUserTriggers?: boolean;
  /**
   * At which midnight Sheets hands a date cell to the script, in getValues and in a custom function's arguments:
   * 'spreadsheet' (default), midnight in the spreadsheet's zone; 'script', midnight in the script's zone
   * (`scriptTimeZone`). Google's custom-function guide only says a function "needs to compensate" when the two zones
   * differ (https://developers.google.com/apps-script/guides/sheets/functions#dates).
   */
  dateCells?: 'spreadsheet' | 'script';
  /**
   * Session.getScriptTimeZone(): default `timeZone`, or the manifest's Etc/UTC when `dateCells` is 'script' (the
   * case that matters: the add-on's manifest pins Etc/UTC).
   */
  scriptTimeZone?: string;
  /** The confirmation web app's Code.js (a second Apps Script project over the same spreadsheets); default dist/webapp/Code.js. */
  webAppBundle?: string;
}

export interface SpreadsheetSpec {
  /** Default: a generated id. */
  id?: string;
  name?: string;
  /** Default: the runtime's time zone. */
  timeZone?: string;
  sheets?: Record<string, unknown[][]>;
}

/** Apps Script's message when a scope does not allow openById (as reported for spreadsheets.currentonly). */
export const OPEN_BY_ID_REFUSED =
  'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets';
/** What Apps Script says when it ends an execution at its time limit. */
export const EXECUTION_KILLED = 'Exceeded maximum execution time';

export interface CallCounts {
  /** Calls of one method ('Range.getValues'), of a class ('Range'), or of everything. */
  count(method?: string): number;
  byMethod(): Record<string, number>;
  /** Cells moved (read or written) by one method ('Range.getValues'), one class ('Range'), or everything. */
  cells(method?: string): number;
  cellsByMethod(): Record<string, number>;
  reset(): void;
}

export interface ChartView {
  id: string;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
}

export interface SpreadsheetView {
  id: string;
  url: string;
  timeZone: string;
  sheetId(name: string): number | null;
  /** Recorded format calls: { range: 'Sheet!A1:B2', method: 'setNumberFormat', value }. */
  formats(sheet: string): { range: string; method: string; value: unknown }[];
  /** Recorded data validations: { range, criteria ('VALUE_IN_LIST', … or null when cleared), values, allowInvalid, helpText }. */
  validations(sheet: string): {
    range: string;
    criteria: string | null;
    values: readonly unknown[];
    allowInvalid: boolean;
    helpText: string;
  }[];
  charts(sheet: string): ChartView[];
  /** A column's width in px (Sheets' default 100 when never set). */
  columnWidth(sheet: string, column: number): number;
  /** The sheet's filter range (Range.createFilter), or null. */
  filter(sheet: string): string | null;
  frozenRows(sheet: string): number;
  /** Formula text per cell over the sheet's data range, '' where a cell holds a value. */
  formulas(sheet: string): string[][];
  /** The number of conditional format rules set on a sheet. */
  conditionalFormatCount(sheet: string): number;
  /** Each conditional format rule: its ranges and what it tests and sets (e.g. whenTextEqualTo 'Red', setBackground '#f4c7c3'). */
  conditionalFormats(
    sheet: string,
  ): { ranges: string[]; when: Record<string, unknown[]>; set: Record<string, unknown[]> }[];
  sheetNames(): string[];
  hidden(sheet: string): boolean;
  maxRows(sheet: string): number;
  /** What the user has selected (1-based), or null before anything was selected. */
  selection(): { sheet: string; row: number; column: number; numRows: number; numColumns: number } | null;
  /** The spreadsheet-level developer metadata (not the sheets'), as an editor reads it through the Sheets API. */
  metadata(): { key: string; value: string | null; visibility: string }[];
}

export interface Runtime {
  /** The Apps Script global scope. */
  context: vm.Context;
  /** Runs dist/Code.js (default) in the context, as Apps Script does. */
  load(file?: string): void;
  /**
   * Calls a top-level function of the loaded bundle as one execution: the bundle is evaluated afresh (no state
   * survives between executions, as in Apps Script), Date args enter the realm, results come back as host values
   * and the execution's locks are released when it ends.
   */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /**
   * Calls a top-level function as Sheets calls a custom function, in AuthMode.CUSTOM_FUNCTION: services that need
   * authorization and every Spreadsheet write throw Apps Script's "You do not have permission to call …" error.
   */
  callAsCustomFunction<T = unknown>(name: string, ...args: unknown[]): T;
  setNow(d: Date): void;
  /** A copy of a sheet's values over its data range (host Dates), [] if no such sheet. */
  values(sheet: string): unknown[][];
  /** Replaces a sheet's content (creating it), for test setup. */
  setValues(sheet: string, rows: unknown[][]): void;
  /** What the user selected. */
  setActiveCell(sheet: string, row: number, column?: number): void;
  /** Every service call, keys like 'Range.getValues', 'Sheet.getRange', 'MailApp.sendEmail'. */
  calls: CallCounts;
  mail: MailRecord;
  properties: PropertyStores;
  /** Every user's triggers (each with the `user` who created it); the bundle sees only the current user's. */
  triggers: TriggerRecord[];
  /** Another run holds a lock until the returned function is called (the document lock: the opened spreadsheet's). */
  locks: { holdScriptLock(): () => void; holdDocumentLock(): () => void; holdUserLock(): () => void };
  ui: UiRecord;
  spreadsheet: SpreadsheetView;
  /** The realm's ScriptApp.AuthMode value, for event objects: rt.call('onOpen', { authMode: rt.authMode('NONE') }). */
  authMode(name: 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION'): unknown;
  /** Changes who runs the next executions (Session.getActiveUser / getEffectiveUser). */
  setUser(email: string): void;
  /** Whether getAuthorizationInfo reports that the user must authorize again. */
  authorization: { required: boolean };
  /** Lines the script wrote with Logger.log and console.*. */
  logs: string[];
  /** The ids of the user's spreadsheets, the default one first. */
  spreadsheetIds(): string[];
  /**
   * The user opens spreadsheet `id`: later executions run in it, and rt.values, rt.spreadsheet and
   * rt.properties.document look at it.
   */
  open(id: string): void;
  /**
   * Fires a trigger as Apps Script would: as its owner, with a time-driven event object carrying `triggerUid`,
   * in the context `triggerContext` says (no containing document by default).
   */
  fireTrigger<T = unknown>(uid: string): T;
  /**
   * Apps Script ends the next execution right after its `calls`-th call of `method` returns (as at the 6-minute
   * limit): the next service call throws 'Exceeded maximum execution time' and so does every one after it, so
   * nothing the script does afterwards reaches a service.
   */
  killAfter(method: string, calls: number): void;
  /**
   * The confirmation web app: a SECOND Apps Script project (dist/webapp/Code.js) over the same spreadsheets. GET it
   * (doGet with the event Google builds), or run one of its functions as its page's google.script.run does — as the
   * deploying user, with no active spreadsheet, document lock or document properties (a web app has no containing
   * document), its own script properties and script lock, and SpreadsheetApp.openById for the runtime's
   * spreadsheets (its project has the full spreadsheets scope). Its functions are evaluated in a scope of their
   * own: nothing of the add-on's bundle is reachable from it, nor of it from the add-on.
   */
  webApp: WebAppAccess;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_BUNDLE = join(ROOT, 'dist', 'Code.js');
const DEFAULT_WEBAPP_BUNDLE = join(ROOT, 'dist', 'webapp', 'Code.js');

export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  const timeZone = opts.timeZone ?? 'America/New_York';
  const realm = new Realm(opts.now);
  const log = new CallLog();
  const kit: ServiceKit = { realm, log, exposer: new Exposer(log, (message) => realm.error(message)) };
  const ctx = realm.context;

  const scriptTimeZone = opts.scriptTimeZone ?? (opts.dateCells === 'script' ? 'Etc/UTC' : timeZone);
  const session: SessionState = { user: opts.user ?? 'lead@acme.example', timeZone: scriptTimeZone };
  const ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], replies: [] };
  const mail: MailRecord = { outbox: [], quota: opts.mailQuota ?? 100, failFor: new Set() };
  /** Document properties per spreadsheet id. */
  const documentStores = new Map<string, Map<string, string>>();
  let openedId = '';
  /** The spreadsheet this execution runs in: the opened one, or null in a time-driven run without one. */
  let executionId: string | null = null;
  let inExecution = false;
  const currentDocId = (): string | null => (inExecution ? executionId : openedId);
  const properties: PropertyStores = {
    get document() {
      let m = documentStores.get(openedId);
      if (!m) {
        m = new Map();
        documentStores.set(openedId, m);
      }
      return m;
    },
    script: new Map(),
    user: new Map(),
  };
  const triggerState: TriggerState = {
    triggers: [],
    currentUser: () => session.user,
    nextId: 0,
    scriptId: '1RlRuntimeScript0000000000000000000000000000000000000',
    authorizationRequired: opts.authMode !== undefined && opts.authMode !== 'FULL',
    documentId: currentDocId,
    clockTriggersInUserTriggers: opts.clockTriggersInUserTriggers ?? true,
  };
  const locks = new LockTable();
  const logState: LogState = { lines: [], echo: process.env.RESULTS_LADDER_RUNTIME_LOG === '1' };
  let projectDir = dirname(DEFAULT_BUNDLE);

  // A formula cell runs its custom function in an execution of its own: in AuthMode.CUSTOM_FUNCTION, and not counted
  // against the execution (or test) that happened to read the sheet. Its cache follows its own document properties.
  const formulaEvaluator = (book: WorkbookModel, id: string): FormulaEvaluator =>
    new FormulaEvaluator(
      book,
      (name, args) => {
        const fn: unknown = ctx[name];
        if (!script || typeof fn !== 'function') return null;
        const outer = kit.exposer.refuse;
        kit.exposer.refuse = customFunctionRefusal;
        log.paused++;
        try {
          return { value: (fn as (...a: unknown[]) => unknown)(...args) };
        } catch {
          return { value: FORMULA_ERROR };
        } finally {
          log.paused--;
          kit.exposer.refuse = outer;
        }
      },
      () => JSON.stringify([...(documentStores.get(id) ?? [])]),
    );

  const books = new Map<string, WorkbookModel>();
  const addBook = (spec: SpreadsheetSpec, fallbackId: string): WorkbookModel => {
    const id = spec.id ?? fallbackId;
    if (books.has(id)) throw new Error(`Two spreadsheets with the id '${id}'`);
    const model = new WorkbookModel(
      kit,
      id,
      spec.name ?? 'Untitled spreadsheet',
      spec.timeZone ?? timeZone,
      ui.toasts,
      () => session.user,
      WORKBOOK_APIS,
    );
    const initial = Object.entries(spec.sheets ?? {});
    if (initial.length === 0) model.addSheet('Sheet1');
    for (const [name, rows] of initial) model.load(name, rows);
    books.set(id, model);
    documentStores.set(id, new Map());
    model.evaluator = formulaEvaluator(model, id);
    if (opts.dateCells === 'script') model.handOffZone = scriptTimeZone;
    return model;
  };
  const first = addBook({ sheets: opts.sheets }, '1RlRuntimeSpreadsheet00000000000000000000000');
  for (const [i, spec] of (opts.spreadsheets ?? []).entries()) {
    addBook(spec, `1RlRuntimeSpreadsheet${String(i + 1).padStart(23, '0')}`);
  }
  openedId = first.id;
  executionId = openedId;
  /** The spreadsheet the user has open (what rt.values and rt.spreadsheet look at). */
  const opened = (): WorkbookModel => books.get(openedId) as WorkbookModel;
  const executionBook = (): WorkbookModel | null => {
    const id = currentDocId();
    return id === null ? null : (books.get(id) ?? null);
  };
  let kill: { method: string; left: number } | null = null;
  let killed = false;
  log.beforeCall = (key) => {
    if (killed || kill?.left === 0) {
      killed = true;
      throw realm.error(EXECUTION_KILLED);
    }
    // The k-th call itself goes through; the execution ends before the next one.
    if (kill && key === kill.method) kill.left--;
  };

  const uiApi = kit.exposer.expose('Ui', new UiApi(kit, ui), UI_ENUMS);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: kit.exposer.expose(
      'SpreadsheetApp',
      new SpreadsheetAppApi(
        {
          active: executionBook,
          byId: (id) => books.get(id) ?? null,
          openByIdRefusal: () => (opts.openById === 'refused' ? OPEN_BY_ID_REFUSED : null),
          error: (message) => realm.error(message),
        },
        () => uiApi,
      ),
      SPREADSHEET_APP_ENUMS,
    ),
    HtmlService: kit.exposer.expose(
      'HtmlService',
      new HtmlServiceApi(kit, () => projectDir),
      HTML_SERVICE_ENUMS,
    ),
    MailApp: kit.exposer.expose('MailApp', new MailAppApi(kit, mail)),
    PropertiesService: kit.exposer.expose(
      'PropertiesService',
      new PropertiesServiceApi(kit, properties, () => {
        const id = currentDocId();
        return id === null ? null : (documentStores.get(id) ?? null);
      }),
    ),
    LockService: kit.exposer.expose('LockService', new LockServiceApi(kit, locks, currentDocId)),
    ScriptApp: kit.exposer.expose('ScriptApp', new ScriptAppApi(kit, triggerState), SCRIPT_APP_ENUMS),
    Session: kit.exposer.expose('Session', new SessionApi(kit, session)),
    Utilities: kit.exposer.expose('Utilities', new UtilitiesService(realm, () => session.timeZone), {
      DigestAlgorithm: DIGEST_ALGORITHM,
      MacAlgorithm: MAC_ALGORITHM,
      Charset: CHARSET,
    }),
    CacheService: kit.exposer.expose('CacheService', new CacheServiceApi(kit)),
    Logger: kit.exposer.expose('Logger', new LoggerApi(kit, logState)),
    Charts: realm.toRealm({ ChartType: { ...CHART_TYPE } }),
    console: scriptConsole(logState),
  };
  for (const [name, value] of Object.entries(globals)) ctx[name] = value;

  // The web app project's own services: no active spreadsheet, openById for every spreadsheet of the runtime, its
  // own script properties and locks, no document properties or lock. The other globals are the same services.
  const webLocks = new LockTable();
  const webStores: PropertyStores = { document: new Map(), script: new Map(), user: new Map() };
  const webGlobals: Record<string, unknown> = {
    SpreadsheetApp: kit.exposer.expose(
      'SpreadsheetApp',
      new SpreadsheetAppApi(
        {
          active: () => null,
          byId: (id) => books.get(id) ?? null,
          openByIdRefusal: () => null,
          error: (message) => realm.error(message),
        },
        () => {
          throw realm.error('Cannot call SpreadsheetApp.getUi() from this context.');
        },
      ),
      SPREADSHEET_APP_ENUMS,
    ),
    PropertiesService: kit.exposer.expose(
      'PropertiesService',
      new PropertiesServiceApi(kit, webStores, () => null),
    ),
    LockService: kit.exposer.expose('LockService', new LockServiceApi(kit, webLocks, () => null)),
  };
  let webScript: vm.Script | null = null;
  let webNames: string[] = [];
  const loadWebApp = (file?: string) => {
    const code = readFileSync(resolve(file ?? opts.webAppBundle ?? DEFAULT_WEBAPP_BUNDLE), 'utf8');
    webNames = webAppFunctions(code);
    webScript = new vm.Script(wrapWebApp(code, Object.keys(webGlobals), webNames), {
      filename: 'webapp/Code.js',
    });
  };
  /** One web app execution: the project evaluated afresh, as the deployer, without a containing document. */
  const runWebApp = <T>(name: string, args: readonly unknown[]): T => {
    if (!webScript) loadWebApp();
    const factory = (webScript as vm.Script).runInContext(ctx) as (
      ...services: unknown[]
    ) => Record<string, unknown>;
    const fn = factory(...Object.values(webGlobals))[name];
    if (typeof fn !== 'function') throw new Error(`The web app has no top-level function '${name}'`);
    const asUser = session.user;
    session.user = rt.webApp.deployer;
    executionId = null;
    inExecution = true;
    try {
      return realm.toHost((fn as (...a: unknown[]) => unknown)(...args.map((a) => realm.toRealm(a)))) as T;
    } catch (e) {
      if (killed) throw new Error(EXECUTION_KILLED);
      throw realm.toHost(e);
    } finally {
      inExecution = false;
      session.user = asUser;
      executionId = openedId;
      kill = null;
      killed = false;
      webLocks.endExecution();
    }
  };

  let script: vm.Script | null = null;
  let freshlyLoaded = false;

  const model = (sheet: string) => opened().sheet(sheet);

  const rt: Runtime = {
    context: ctx,
    load(file?: string) {
      const path = resolve(file ?? DEFAULT_BUNDLE);
      const code = readFileSync(path, 'utf8');
      projectDir = dirname(path);
      script = new vm.Script(code, { filename: 'Code.js' });
      script.runInContext(ctx);
      freshlyLoaded = true;
    },
    call<T = unknown>(name: string, ...args: unknown[]): T {
      if (opts.asCustomFunction && kit.exposer.refuse === null)
        return rt.callAsCustomFunction<T>(name, ...args);
      if (script && !freshlyLoaded) script.runInContext(ctx);
      freshlyLoaded = false;
      const fn: unknown = ctx[name];
      if (typeof fn !== 'function') {
        throw new Error(
          script
            ? `The bundle has no top-level function '${name}'`
            : `No bundle is loaded: call load() before calling '${name}'`,
        );
      }
      const realmArgs = args.map((a) => realm.toRealm(a));
      const nested = inExecution;
      if (!nested) inExecution = true;
      try {
        return realm.toHost((fn as (...a: unknown[]) => unknown)(...realmArgs)) as T;
      } catch (e) {
        if (killed) throw new Error(EXECUTION_KILLED);
        throw realm.toHost(e);
      } finally {
        if (!nested) {
          inExecution = false;
          executionId = openedId;
          kill = null;
          killed = false;
          locks.endExecution();
        }
      }
    },
    callAsCustomFunction<T = unknown>(name: string, ...args: unknown[]): T {
      const outer = kit.exposer.refuse;
      kit.exposer.refuse = customFunctionRefusal;
      try {
        return rt.call<T>(name, ...args);
      } finally {
        kit.exposer.refuse = outer;
      }
    },
    setNow(d: Date) {
      realm.setNow(d);
    },
    values(sheet: string) {
      const m = model(sheet);
      if (!m) return [];
      return realm.toHost(m.read(0, 0, m.lastRow(), m.lastColumn())) as unknown[][];
    },
    setValues(sheet: string, rows: unknown[][]) {
      opened().load(sheet, rows);
    },
    setActiveCell(sheet: string, row: number, column = 1) {
      const m = model(sheet);
      if (!m) throw new Error(`No sheet named '${sheet}'`);
      opened().setActive(m, row, column);
    },
    calls: {
      count: (method?: string) => log.count(method),
      byMethod: () => log.byMethod(),
      cells: (method?: string) => log.cells(method),
      cellsByMethod: () => log.cellsByMethod(),
      reset: () => log.reset(),
    },
    mail,
    properties,
    triggers: triggerState.triggers,
    locks: {
      holdScriptLock: () => locks.holdForOtherRun('script'),
      holdDocumentLock: () => locks.holdForOtherRun(`document:${openedId}`),
      holdUserLock: () => locks.holdForOtherRun('user'),
    },
    ui,
    spreadsheet: {
      get id() {
        return opened().id;
      },
      get url() {
        return opened().url;
      },
      get timeZone() {
        return opened().timeZone;
      },
      sheetId: (name) => model(name)?.id ?? null,
      formats: (sheet) => [...(model(sheet)?.formatLog ?? [])],
      validations: (sheet) => [...(model(sheet)?.validations ?? [])],
      charts: (sheet) =>
        (model(sheet)?.charts ?? []).map((c) => ({
          id: c.id,
          type: c.type,
          ranges: [...c.ranges],
          options: { ...c.options },
          position: c.position ? { ...c.position } : null,
        })),
      columnWidth: (sheet, column) => model(sheet)?.columnWidths.get(column) ?? 100,
      filter: (sheet) => model(sheet)?.filter ?? null,
      frozenRows: (sheet) => model(sheet)?.frozenRows ?? 0,
      formulas: (sheet) => {
        const m = model(sheet);
        if (!m) return [];
        const out: string[][] = [];
        for (let r = 0; r < m.lastRow(); r++) {
          const row: string[] = [];
          for (let c = 0; c < m.lastColumn(); c++) row.push(m.formulaAt(r, c));
          out.push(row);
        }
        return out;
      },
      conditionalFormatCount: (sheet) => model(sheet)?.conditionalRules.length ?? 0,
      conditionalFormats: (sheet) =>
        (model(sheet)?.conditionalRules ?? []).flatMap((rule) => {
          const api = kit.exposer.unwrap(rule, ConditionalFormatRuleApi);
          if (!api) return [];
          const when: Record<string, unknown[]> = {};
          const set: Record<string, unknown[]> = {};
          for (const step of api.record.steps) {
            if (step.method.startsWith('when')) when[step.method] = [...step.args];
            else if (step.method !== 'setRanges') set[step.method] = [...step.args];
          }
          return [{ ranges: [...api.record.ranges], when, set }];
        }),
      sheetNames: () => opened().sheets.map((s) => s.name),
      metadata: () =>
        opened().spreadsheetMetadata.map((m) => ({ key: m.key, value: m.value, visibility: m.visibility })),
      hidden: (sheet) => model(sheet)?.hidden ?? false,
      maxRows: (sheet) => model(sheet)?.maxRows ?? 0,
      selection: () => {
        const active = opened().active;
        return active
          ? {
              sheet: active.sheet.name,
              row: active.row,
              column: active.column,
              numRows: active.numRows,
              numColumns: active.numColumns,
            }
          : null;
      },
    },
    authMode: (name) => AUTH_MODE[name],
    setUser(email: string) {
      session.user = email;
    },
    authorization: {
      get required() {
        return triggerState.authorizationRequired;
      },
      set required(value: boolean) {
        triggerState.authorizationRequired = value;
      },
    },
    logs: logState.lines,
    spreadsheetIds: () => [...books.keys()],
    open(id: string) {
      if (!books.has(id)) throw new Error(`No spreadsheet with the id '${id}'`);
      openedId = id;
      executionId = id;
    },
    fireTrigger<T = unknown>(uid: string): T {
      const trigger = triggerState.triggers.find((t) => t.id === uid);
      if (!trigger) throw new Error(`No trigger with the id '${uid}'`);
      const asUser = session.user;
      session.user = trigger.user;
      executionId = opts.triggerContext === 'document' ? (trigger.spreadsheetId ?? null) : null;
      try {
        return rt.call<T>(trigger.handler, clockEvent(trigger, new Date(realm.now())));
      } finally {
        session.user = asUser;
        executionId = openedId;
      }
    },
    killAfter(method: string, calls: number) {
      kill = { method, left: calls };
    },
    webApp: {
      deployer: session.user,
      properties: webStores.script,
      load: (file?: string) => loadWebApp(file),
      functions() {
        if (!webScript) loadWebApp();
        return [...webNames];
      },
      get(params: WebAppParams = {}) {
        const output = runWebApp('doGet', [webAppEvent(params)]);
        const page = kit.exposer.unwrap(output, HtmlOutputApi);
        if (!page)
          throw new Error('doGet returned no HtmlOutput: a web app must return HtmlOutput or TextOutput');
        return { html: page.content, title: page.title };
      },
      run<T = unknown>(name: string, ...args: unknown[]): T {
        return runWebApp<T>(name, args);
      },
      holdScriptLock: () => webLocks.holdForOtherRun('script'),
    },
  };
  return rt;
}
