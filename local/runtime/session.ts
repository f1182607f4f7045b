// Session: who is running the script and in which time zone.
import { createHash } from 'node:crypto';
import type { ServiceKit } from './calls';

export interface SessionState {
  user: string;
  timeZone: string;
}

export class SessionApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly state: SessionState,
  ) {}

  _user(email: string): unknown {
    return this.kit.exposer.expose('User', { getEmail: () => email });
  }

  getActiveUser(): unknown {
    return this._user(this.state.user);
  }

  getEffectiveUser(): unknown {
    return this._user(this.state.user);
  }

  getScriptTimeZone(): string {
    return this.state.timeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  /** Stable per user and script, opaque, as Apps Script's key is. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`results-ladder:${this.state.user}`).digest('base64url').slice(0, 43);
  }
}
