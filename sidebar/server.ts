// The sidebar's one way to reach the server: google.script.run as typed promises, with the count of calls in flight.
import type { SidebarEndpoints } from '../src/entry/sidebarContract';

/**
 * Every server endpoint the sidebar calls, by name: the contract the registry's sidebar entries are checked against
 * (src/entry/sidebarContract.ts), so the two lists cannot drift apart.
 */
export type Endpoints = SidebarEndpoints;

type Runner = {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: unknown) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } };

let inFlight = 0;
const busyListeners: ((busy: boolean) => void)[] = [];

function setInFlight(n: number): void {
  const wasBusy = inFlight > 0;
  inFlight = n;
  if (wasBusy !== inFlight > 0) for (const listener of busyListeners) listener(inFlight > 0);
}

/** Called with true when the first call starts and false when the last one ends. */
export function onBusyChange(listener: (busy: boolean) => void): void {
  busyListeners.push(listener);
}

export function isBusy(): boolean {
  return inFlight > 0;
}

/** Failures arrive as Error objects (or strings); the message is what the person should read. */
function messageOf(error: unknown): string {
  const text =
    error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
  // Apps Script prefixes server exceptions with their type; the rest is the useful part.
  return text.replace(/^(Exception|Error|ScriptError):\s*/, '') || 'The server did not answer. Try again.';
}

/** Calls a server endpoint; rejects with an Error whose message is fit to show. */
export function call<K extends keyof Endpoints>(
  name: K,
  ...args: Parameters<Endpoints[K]>
): Promise<ReturnType<Endpoints[K]>> {
  setInFlight(inFlight + 1);
  return new Promise<ReturnType<Endpoints[K]>>((resolve, reject) => {
    google.script.run
      .withSuccessHandler((value) => {
        setInFlight(inFlight - 1);
        resolve(value as ReturnType<Endpoints[K]>);
      })
      .withFailureHandler((error) => {
        setInFlight(inFlight - 1);
        reject(new Error(messageOf(error)));
      })
      [name](...args);
  });
}
