// ScriptApp: installable time-driven (and spreadsheet) triggers, authorization info, and the script's enums.
import type { ServiceKit } from './calls';
import { SpreadsheetApi } from './spreadsheet';

export interface TriggerRecord {
  id: string;
  handler: string;
  /** Who created it: a trigger runs as, and is seen and deleted only by, that user. */
  user: string;
  /**
   * The spreadsheet the add-on was running in when the trigger was made (null: none). getUserTriggers(ss)
   * lists only that spreadsheet's; getProjectTriggers() lists the user's triggers in every spreadsheet.
   */
  spreadsheetId?: string | null;
  type: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  everyHours?: number;
  everyMinutes?: number;
  atHour?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  nearMinute?: number;
  timeZone?: string;
  at?: Date;
}

function enumOf(names: readonly string[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

export const AUTH_MODE = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
const AUTHORIZATION_STATUS = enumOf(['REQUIRED', 'NOT_REQUIRED']);
const WEEK_DAY = enumOf(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
const EVENT_TYPE = enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
const TRIGGER_SOURCE = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);

export const SCRIPT_APP_ENUMS: Record<string, unknown> = {
  AuthMode: AUTH_MODE,
  AuthorizationStatus: AUTHORIZATION_STATUS,
  WeekDay: WEEK_DAY,
  EventType: EVENT_TYPE,
  TriggerSource: TRIGGER_SOURCE,
};

/** Apps Script allows 20 triggers per user per script. */
const MAX_TRIGGERS = 20;
const TOO_MANY =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export interface TriggerState {
  /** Every user's triggers; each execution sees only those of `currentUser()`. */
  triggers: TriggerRecord[];
  currentUser: () => string;
  nextId: number;
  scriptId: string;
  /** Whether the user must (re)authorize the script: the answer to getAuthorizationInfo(FULL). */
  authorizationRequired: boolean;
  /** The spreadsheet this execution runs in, null when it has none. */
  documentId: () => string | null;
  /**
   * Whether getUserTriggers(ss) lists the add-on's time-driven triggers made in that spreadsheet. Google documents
   * it as the installable triggers "in the given spreadsheet" and says nothing of clock triggers, which have no
   * source document (getTriggerSourceId() is null for them); getProjectTriggers() lists them either way.
   */
  clockTriggersInUserTriggers: boolean;
}

/**
 * "Each add-on can only have one trigger of each type, per user, per document"
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, Restrictions); past it, creating one
 * fails with this message.
 */
export const TOO_MANY_ADD_ON_CLOCK_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';

export class TriggerApi {
  constructor(readonly trigger: TriggerRecord) {}

  getUniqueId(): string {
    return this.trigger.id;
  }

  getHandlerFunction(): string {
    return this.trigger.handler;
  }

  getEventType(): string {
    return this.trigger.type;
  }

  getTriggerSource(): string {
    return this.trigger.type === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }

  getTriggerSourceId(): string | null {
    return this.trigger.type === 'CLOCK' ? null : (this.trigger.spreadsheetId ?? null);
  }
}

export class ClockTriggerBuilderApi {
  readonly spec: Omit<TriggerRecord, 'id' | 'user' | 'spreadsheetId'>;

  constructor(
    private readonly kit: ServiceKit,
    private readonly state: TriggerState,
    handler: string,
  ) {
    this.spec = { handler, type: 'CLOCK' };
  }

  _self(): unknown {
    return this.kit.exposer.expose('ClockTriggerBuilder', this);
  }

  _whole(value: unknown, name: string, allowed?: readonly number[]): number {
    const n = Number(value);
    if (!Number.isInteger(n) || (allowed && !allowed.includes(n)))
      throw this.kit.realm.error(`Invalid argument: ${name}`);
    return n;
  }

  atHour(hour: unknown): unknown {
    this.spec.atHour = this._whole(hour, 'hour');
    if (this.spec.atHour < 0 || this.spec.atHour > 23) throw this.kit.realm.error('Invalid argument: hour');
    return this._self();
  }

  nearMinute(minute: unknown): unknown {
    this.spec.nearMinute = this._whole(minute, 'minute');
    return this._self();
  }

  everyDays(n: unknown): unknown {
    this.spec.everyDays = this._whole(n, 'days');
    return this._self();
  }

  everyHours(n: unknown): unknown {
    this.spec.everyHours = this._whole(n, 'hours', [1, 2, 4, 6, 8, 12]);
    return this._self();
  }

  everyMinutes(n: unknown): unknown {
    this.spec.everyMinutes = this._whole(n, 'minutes', [1, 5, 10, 15, 30]);
    return this._self();
  }

  everyWeeks(n: unknown): unknown {
    this.spec.everyWeeks = this._whole(n, 'weeks');
    return this._self();
  }

  onWeekDay(day: unknown): unknown {
    if (typeof day !== 'string' || !(day in WEEK_DAY)) throw this.kit.realm.error('Invalid argument: day');
    this.spec.onWeekDay = day;
    return this._self();
  }

  onMonthDay(day: unknown): unknown {
    this.spec.onMonthDay = this._whole(day, 'day');
    if (this.spec.onMonthDay < 1 || this.spec.onMonthDay > 31)
      throw this.kit.realm.error('Invalid argument: day');
    return this._self();
  }

  inTimezone(timeZone: unknown): unknown {
    this.spec.timeZone = String(timeZone);
    return this._self();
  }

  at(date: unknown): unknown {
    this.spec.at = this.kit.realm.toHost(date) as Date;
    return this._self();
  }

  after(ms: unknown): unknown {
    this.spec.at = new Date(Date.now() + Number(ms));
    return this._self();
  }

  create(): unknown {
    const s = this.spec;
    // onWeekDay() and onMonthDay() are recurrences of their own (weekly, monthly), as in Google's examples.
    const recurring =
      s.everyDays ?? s.everyHours ?? s.everyMinutes ?? s.everyWeeks ?? s.onWeekDay ?? s.onMonthDay ?? s.at;
    if (recurring === undefined) {
      throw this.kit.realm.error('The trigger must have a recurrence interval or a specific time.');
    }
    return createTrigger(this.kit, this.state, s);
  }
}

/** The current user's triggers: Apps Script never shows one user another user's triggers. */
function ownTriggers(state: TriggerState): TriggerRecord[] {
  const user = state.currentUser();
  return state.triggers.filter((t) => t.user === user);
}

function createTrigger(
  kit: ServiceKit,
  state: TriggerState,
  spec: Omit<TriggerRecord, 'id' | 'user' | 'spreadsheetId'>,
): unknown {
  if (ownTriggers(state).length >= MAX_TRIGGERS) throw kit.realm.error(TOO_MANY);
  const doc = state.documentId();
  if (
    spec.type === 'CLOCK' &&
    doc !== null &&
    ownTriggers(state).some((t) => t.type === 'CLOCK' && t.spreadsheetId === doc)
  ) {
    throw kit.realm.error(TOO_MANY_ADD_ON_CLOCK_TRIGGERS);
  }
  state.nextId++;
  const record: TriggerRecord = {
    id: String(8_000_000_000 + state.nextId * 104_729),
    user: state.currentUser(),
    spreadsheetId: state.documentId(),
    ...spec,
  };
  state.triggers.push(record);
  return kit.exposer.expose('Trigger', new TriggerApi(record));
}

export class TriggerBuilderApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly state: TriggerState,
    private readonly handler: string,
  ) {}

  timeBased(): unknown {
    return this.kit.exposer.expose(
      'ClockTriggerBuilder',
      new ClockTriggerBuilderApi(this.kit, this.state, this.handler),
    );
  }

  forSpreadsheet(): unknown {
    const { kit, state, handler } = this;
    const make = (type: TriggerRecord['type']) => () => {
      const create = () => createTrigger(kit, state, { handler, type });
      return kit.exposer.expose('SpreadsheetTriggerBuilder', { create });
    };
    return kit.exposer.expose('SpreadsheetTriggerBuilder', {
      onOpen: make('ON_OPEN'),
      onEdit: make('ON_EDIT'),
      onChange: make('ON_CHANGE'),
      onFormSubmit: make('ON_FORM_SUBMIT'),
    });
  }
}

export class ScriptAppApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly state: TriggerState,
  ) {}

  _triggers(): unknown[] {
    return this.kit.realm.toRealm(
      ownTriggers(this.state).map((t) => this.kit.exposer.expose('Trigger', new TriggerApi(t))),
    ) as unknown[];
  }

  newTrigger(functionName: unknown): unknown {
    if (typeof functionName !== 'string' || functionName === '') {
      throw this.kit.realm.error('Invalid argument: functionName');
    }
    return this.kit.exposer.expose(
      'TriggerBuilder',
      new TriggerBuilderApi(this.kit, this.state, functionName),
    );
  }

  getProjectTriggers(): unknown[] {
    return this._triggers();
  }

  /**
   * "Gets all installable triggers owned by this user in the given spreadsheet, for this script or add-on
   * only" (https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)),
   * while getProjectTriggers() spans every document the user has the add-on in.
   */
  getUserTriggers(document: unknown): unknown[] {
    // The host object's id, read without counting a Spreadsheet call the script did not make.
    const id = this.kit.exposer.unwrap(document, SpreadsheetApi)?.getId() ?? null;
    if (id === null) throw this.kit.realm.error('Invalid argument: document');
    return this.kit.realm.toRealm(
      ownTriggers(this.state)
        .filter((t) => t.spreadsheetId === id)
        .filter((t) => t.type !== 'CLOCK' || this.state.clockTriggersInUserTriggers)
        .map((t) => this.kit.exposer.expose('Trigger', new TriggerApi(t))),
    ) as unknown[];
  }

  deleteTrigger(trigger: unknown): void {
    const t = this.kit.exposer.unwrap(trigger, TriggerApi);
    if (!t) throw this.kit.realm.error('Invalid argument: trigger');
    // Only the user who created a trigger can delete it.
    if (t.trigger.user !== this.state.currentUser()) {
      throw this.kit.realm.error('You do not have permission to delete this trigger.');
    }
    const at = this.state.triggers.findIndex((x) => x.id === t.trigger.id);
    if (at >= 0) this.state.triggers.splice(at, 1);
  }

  getScriptId(): string {
    return this.state.scriptId;
  }

  getAuthorizationInfo(authMode: unknown): unknown {
    if (authMode !== AUTH_MODE.FULL && authMode !== AUTH_MODE.LIMITED) {
      throw this.kit.realm.error('Invalid argument: authMode');
    }
    const required = this.state.authorizationRequired;
    const scriptId = this.state.scriptId;
    return this.kit.exposer.expose('AuthorizationInfo', {
      getAuthorizationStatus: () =>
        required ? AUTHORIZATION_STATUS.REQUIRED : AUTHORIZATION_STATUS.NOT_REQUIRED,
      getAuthorizationUrl: () =>
        required ? `https://script.google.com/macros/d/${scriptId}/authorize` : null,
    });
  }
}

/**
 * The event object of a time-driven run (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events):
 * authMode, the time fields and `triggerUid`, the ID of the trigger that fired.
 */
export function clockEvent(trigger: TriggerRecord, at: Date): Record<string, unknown> {
  const day = (at.getUTCDay() + 6) % 7;
  const yearStart = Date.UTC(at.getUTCFullYear(), 0, 1);
  return {
    authMode: AUTH_MODE.FULL,
    'day-of-month': at.getUTCDate(),
    'day-of-week': day + 1,
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    month: at.getUTCMonth() + 1,
    second: at.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: trigger.id,
    'week-of-year': Math.ceil(((at.getTime() - yearStart) / 86_400_000 + 1) / 7),
    year: at.getUTCFullYear(),
  };
}
