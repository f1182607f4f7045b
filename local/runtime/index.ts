// The in-memory Apps Script runtime: loads dist/Code.js with node:vm into a realm whose globals are the Apps Script
// services, and lets tests and the local preview call its top-level functions and inspect what they did.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import { CHART_TYPE, ConditionalFormatRuleApi } from './builders';
import { CacheServiceApi } from './cache';
import { CallLog, Exposer, type ServiceKit } from './calls';
import { LockServiceApi, LockTable } from './lock';
import { LoggerApi, type LogState, scriptConsole } from './log';
import { MailAppApi, type MailRecord } from './mail';
import { PropertiesServiceApi, type PropertyStores } from './properties';
import { Realm } from './realm';
import { SessionApi, type SessionState } from './session';
import { SPREADSHEET_APP_ENUMS, SpreadsheetAppApi } from './spreadsheet';
import { WorkbookModel } from './workbook';
import { AUTH_MODE, SCRIPT_APP_ENUMS, ScriptAppApi, type TriggerRecord, type TriggerState } from './triggers';
import { HTML_SERVICE_ENUMS, HtmlServiceApi, UI_ENUMS, UiApi, type UiRecord } from './ui';
import { CHARSET, DIGEST_ALGORITHM, MAC_ALGORITHM, UtilitiesService } from './utilities';

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
}

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
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_BUNDLE = join(ROOT, 'dist', 'Code.js');

export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  const timeZone = opts.timeZone ?? 'America/New_York';
  const realm = new Realm(opts.now);
  const log = new CallLog();
  const kit: ServiceKit = { realm, log, exposer: new Exposer(log) };
  const ctx = realm.context;

  const session: SessionState = { user: opts.user ?? 'lead@acme.example', timeZone };
  const ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], replies: [] };
  const mail: MailRecord = { outbox: [], quota: opts.mailQuota ?? 100, failFor: new Set() };
  const properties: PropertyStores = { document: new Map(), script: new Map(), user: new Map() };
  const triggerState: TriggerState = {
    triggers: [],
    currentUser: () => session.user,
    nextId: 0,
    scriptId: '1RlRuntimeScript0000000000000000000000000000000000000',
    authorizationRequired: opts.authMode !== undefined && opts.authMode !== 'FULL',
  };
  const locks = new LockTable();
  const logState: LogState = { lines: [], echo: process.env.RESULTS_LADDER_RUNTIME_LOG === '1' };
  let projectDir = dirname(DEFAULT_BUNDLE);

  const book = new WorkbookModel(
    kit,
    '1RlRuntimeSpreadsheet00000000000000000000000',
    'Untitled spreadsheet',
    timeZone,
    ui.toasts,
    () => session.user,
  );
  const initial = Object.entries(opts.sheets ?? {});
  if (initial.length === 0) book.addSheet('Sheet1');
  for (const [name, rows] of initial) book.load(name, rows);

  const uiApi = kit.exposer.expose('Ui', new UiApi(kit, ui), UI_ENUMS);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: kit.exposer.expose(
      'SpreadsheetApp',
      new SpreadsheetAppApi(book, () => uiApi),
      SPREADSHEET_APP_ENUMS,
    ),
    HtmlService: kit.exposer.expose(
      'HtmlService',
      new HtmlServiceApi(kit, () => projectDir),
      HTML_SERVICE_ENUMS,
    ),
    MailApp: kit.exposer.expose('MailApp', new MailAppApi(kit, mail)),
    PropertiesService: kit.exposer.expose('PropertiesService', new PropertiesServiceApi(kit, properties)),
    LockService: kit.exposer.expose('LockService', new LockServiceApi(kit, locks)),
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

  let script: vm.Script | null = null;
  let freshlyLoaded = false;

  const model = (sheet: string) => book.sheet(sheet);

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
      try {
        return realm.toHost((fn as (...a: unknown[]) => unknown)(...realmArgs)) as T;
      } catch (e) {
        throw realm.toHost(e);
      } finally {
        locks.endExecution();
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
      book.load(sheet, rows);
    },
    setActiveCell(sheet: string, row: number, column = 1) {
      const m = model(sheet);
      if (!m) throw new Error(`No sheet named '${sheet}'`);
      book.setActive(m, row, column);
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
      holdDocumentLock: () => locks.holdForOtherRun('document'),
      holdUserLock: () => locks.holdForOtherRun('user'),
    },
    ui,
    spreadsheet: {
      id: book.id,
      url: book.url,
      timeZone,
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
          const api = book.kit.exposer.unwrap(rule, ConditionalFormatRuleApi);
          if (!api) return [];
          const when: Record<string, unknown[]> = {};
          const set: Record<string, unknown[]> = {};
          for (const step of api.record.steps) {
            if (step.method.startsWith('when')) when[step.method] = [...step.args];
            else if (step.method !== 'setRanges') set[step.method] = [...step.args];
          }
          return [{ ranges: [...api.record.ranges], when, set }];
        }),
      sheetNames: () => book.sheets.map((s) => s.name),
      hidden: (sheet) => model(sheet)?.hidden ?? false,
      maxRows: (sheet) => model(sheet)?.maxRows ?? 0,
      selection: () =>
        book.active
          ? {
              sheet: book.active.sheet.name,
              row: book.active.row,
              column: book.active.column,
              numRows: book.active.numRows,
              numColumns: book.active.numColumns,
            }
          : null,
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
  };
  return rt;
}
