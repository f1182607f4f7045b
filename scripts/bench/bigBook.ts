// Bench: the sidebar's actions and the full-read runs on a generated book in the runtime — cells read, searched and
// written, calls, Node time and the estimated Apps Script time of each (docs/rules.md §10's budget).
import { generateBook } from '../../local/generateBook';
import { createRuntime, type Runtime } from '../../local/runtime/index';
import { SHEET } from '../../src/sheets/layout';
import { type ActionCost, costOf } from './costModel';

const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T14:00:00Z`);
const TIME_ZONE = 'America/New_York';

export interface ActionFigures extends ActionCost {
  readonly action: string;
  readonly nodeMs: number;
}

export interface BigBookFigures {
  readonly accounts: number;
  readonly usageRows: number;
  readonly actions: readonly ActionFigures[];
  /** Cells of the Usage sheet: no interactive action may read (or search) that many. */
  readonly usageCells: number;
}

function ownerOf(rt: Runtime, row: number): string {
  const values = rt.values(SHEET.accounts);
  const col = values[0].findIndex((h) => String(h).trim().toLowerCase() === 'owner');
  return String(values[row - 1][col]);
}

/** Runs each action once after a warm-up call of the same kind, measuring the measured call only. */
export function benchBigBook(accounts = 10_000, weeks = 52): BigBookFigures {
  const sheets = generateBook({ accounts, weeks, today: TODAY, timeZone: TIME_ZONE });
  const usageRows = (sheets[SHEET.usage]?.length ?? 1) - 1;
  const leader = 'lead@acme.example';
  const rt = createRuntime({ now: NOW, sheets, user: leader, timeZone: TIME_ZONE });
  rt.load();
  // A confirmation page URL, so Ask to confirm signs a link (the page itself is another project).
  rt.properties.document.set(
    'resultsLadder.settings',
    JSON.stringify({
      leaderEmail: leader,
      confirmationPageUrl: 'https://script.google.com/macros/s/AKfyBENCH/exec',
    }),
  );
  const actions: ActionFigures[] = [];
  const measure = <T>(action: string, run: () => T): T => {
    rt.calls.reset();
    const t0 = performance.now();
    const out = run();
    const nodeMs = Math.round(performance.now() - t0);
    actions.push({ action, nodeMs, ...costOf(rt.calls) });
    return out;
  };
  measure('setUpWorkbook (full read)', () => rt.call('setUpWorkbook'));
  measure('refreshDashboard (full read)', () => rt.call('refreshDashboard'));
  const row = Math.floor(accounts / 2) + 1;
  rt.call('getAccountView', row - 1); // warm-up: V8 compiles the read path once, as a warm container would
  type View = { empty: boolean; version: string; account: { id: string }; results: { row: number }[] };
  const view = measure('open an account (getAccountView)', () => rt.call<View>('getAccountView', row));
  const chain = {
    businessPain: 'Month-end reporting takes 5 days of analyst time',
    solutionValue: 'Reports build themselves from the live data, so close takes a day',
    namedResult: 'Cut month-end reporting from 5 days to 2',
    metric: 'Reporting days',
    baseline: '5',
    target: '2',
    validator: 'Dana Chief',
    validatorRole: 'Buyer',
    validatorEmail: 'dana@customer.example',
  };
  const saved = measure('save the chain (saveChain)', () =>
    rt.call<{ ok: boolean; view?: View; message?: string }>('saveChain', {
      row,
      version: view.version,
      fields: chain,
    }),
  );
  if (!saved.ok || !saved.view) throw new Error(`saveChain failed: ${saved.message}`);
  const logged = measure('log a result (logResult)', () =>
    rt.call<{ ok: boolean; view?: View; message?: string }>('logResult', {
      row,
      version: saved.view?.version,
      date: TODAY,
      value: '3',
      attributed: true,
      evidence: '',
    }),
  );
  if (!logged.ok || !logged.view) throw new Error(`logResult failed: ${logged.message}`);
  type Answer = { ok: boolean; message?: string };
  const asked = measure('ask to confirm (askToConfirm)', () =>
    rt.call<Answer>('askToConfirm', { row, accountId: view.account.id, validatorIndex: 0 }),
  );
  if (!asked.ok) throw new Error(`askToConfirm failed: ${asked.message}`);
  measure("an account's asks (getConfirmationAsks)", () => rt.call('getConfirmationAsks', view.account.id));
  const confirmed = measure('record a confirmation (recordConfirmation)', () =>
    rt.call<Answer & { view?: View }>('recordConfirmation', {
      row,
      version: logged.view?.version,
      date: TODAY,
      resultRow: logged.view?.results[0]?.row,
      validatedBy: 'Dana Chief',
      validatorRole: 'Buyer',
      confirmedVia: 'email reply',
      customerWords: 'We close in three days now',
    }),
  );
  if (!confirmed.ok || !confirmed.view) throw new Error(`recordConfirmation failed: ${confirmed.message}`);
  const checked = measure('record a check (recordCheck)', () =>
    rt.call<{ ok: boolean; message?: string }>('recordCheck', {
      row,
      version: confirmed.view?.version,
      date: TODAY,
      kind: '90-day',
      resultNamed: true,
      notes: '',
    }),
  );
  if (!checked.ok) throw new Error(`recordCheck failed: ${checked.message}`);
  rt.setUser(ownerOf(rt, row));
  measure('My book, a CSM (getMyBook)', () => rt.call('getMyBook'));
  rt.setUser(leader);
  measure('My book, the leader (getMyBook)', () => rt.call('getMyBook'));
  return { accounts, usageRows, actions, usageCells: (usageRows + 1) * 4 };
}
