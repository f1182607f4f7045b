// Check this installation, through the built bundle, under every combination of the runtime's answers to the open
// platform questions: from the menu (the immediate part), then from its own timed trigger (what a timed run sees).
import { describe, expect, it } from 'vitest';
import type { CheckStatus, InstallCheckReport } from '../../src/gas/installCheckAssumptions';
import { ASSUMPTIONS } from '../../src/gas/installCheckAssumptions';
import { SHEET } from '../../src/sheets/layout';
import type { Runtime, RuntimeOptions } from '../../local/runtime/index';
import { loadBundle, oneAccountBook } from './harness';

const TZ = 'America/Los_Angeles';
const NOW = new Date('2026-11-24T18:30:00Z');
const LEAD = 'lead@acme.example';

function book(): Record<string, unknown[][]> {
  return oneAccountBook({ id: 1001, name: 'Acme', owner: LEAD }, TZ);
}

function start(opts: RuntimeOptions): Runtime {
  const rt = loadBundle({
    timeZone: TZ,
    scriptTimeZone: 'Etc/UTC',
    now: NOW,
    user: LEAD,
    sheets: book(),
    ...opts,
  });
  rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEAD }));
  const ss = (
    rt.context.SpreadsheetApp as { getActive(): { getSheetByName(n: string): unknown } }
  ).getActive();
  (ss.getSheetByName(SHEET.accounts) as { getRange(a1: string): { setNumberFormat(f: string): void } })
    .getRange('A2:A')
    .setNumberFormat('00000');
  return rt;
}

const statusOf = (r: InstallCheckReport) =>
  Object.fromEntries(r.assumptions.map((a) => [a.id, a.status])) as Record<string, CheckStatus>;

const combos = (['none', 'document'] as const).flatMap((triggerContext) =>
  (['allowed', 'refused'] as const).flatMap((openById) =>
    [true, false].flatMap((clockTriggersInUserTriggers) =>
      (['spreadsheet', 'script'] as const).map((dateCells) => ({
        triggerContext,
        openById,
        clockTriggersInUserTriggers,
        dateCells,
      })),
    ),
  ),
);

describe.each(combos)('Check this installation under %o', (options) => {
  const yes = (b: boolean): CheckStatus => (b ? 'holds' : 'does not hold');
  const immediate: Record<string, CheckStatus> = {
    userTriggersListClockTriggers: yes(options.clockTriggersInUserTriggers),
    oneTimeTriggerPerDocument: 'could not tell',
    dateCellsAtSpreadsheetMidnight: yes(options.dateCells === 'spreadsheet'),
    scriptTimeZoneIsManifest: 'holds',
    textFinderSearchesDisplayedText: 'holds',
    hmacBytesAreSigned: 'holds',
    activeUserEmailKnown: 'holds',
    webAppHasNoDocument: 'could not tell',
    documentMetadataReachesWebApp: 'could not tell',
    customFunctionsReadSpreadsheetZone: 'could not tell',
    addOnTimeTriggersAtMostHourly: 'could not tell',
    testDeploymentsRunNoInstallableTriggers: 'could not tell',
  };
  const inDocument = options.triggerContext === 'document';
  const timed: Record<string, CheckStatus> = {
    timedRunHasActiveSpreadsheet: yes(inDocument),
    timedRunHasDocumentProperties: yes(inDocument),
    timedRunHasDocumentLock: yes(inDocument),
    timedRunOpenById: yes(options.openById === 'allowed'),
    timedRunHasUserProperties: 'holds',
  };

  it('from the menu, then from its own timed trigger, reports what the runtime was set to', () => {
    const rt = start(options);
    const fromMenu = rt.call<InstallCheckReport>('checkInstallation');
    expect(rt.ui.dialogs.at(-1)?.title).toBe('Results Ladder: check this installation');
    const notYet = Object.fromEntries(Object.keys(timed).map((id) => [id, 'could not tell']));
    expect(statusOf(fromMenu)).toEqual({ ...immediate, ...notYet });
    expect(fromMenu.assumptions.map((a) => a.id)).toEqual(ASSUMPTIONS.map((a) => a.id));
    // One one-off trigger for a minute later, for the timed part.
    expect(rt.triggers).toHaveLength(1);
    const probe = rt.triggers[0];
    expect(probe).toMatchObject({ handler: 'installCheckProbe', type: 'CLOCK' });
    expect((probe.at as Date).getTime() - NOW.getTime()).toBe(60_000);

    rt.setNow(new Date(NOW.getTime() + 61_000));
    rt.fireTrigger(probe.id);
    expect(rt.triggers).toHaveLength(0); // it deleted itself
    const after = rt.call<InstallCheckReport>('getInstallCheck');
    expect(statusOf(after)).toEqual({ ...immediate, ...timed });
    // What the product does follows the status; the text block names every assumption with its status.
    for (const a of after.assumptions) {
      const spec = ASSUMPTIONS.find((x) => x.id === a.id);
      const then =
        a.status === 'holds' ? spec?.ifHolds : a.status === 'does not hold' ? spec?.ifNot : spec?.ifUnknown;
      expect(a.then).toBe(then);
      expect(after.text).toContain(`${a.id}: ${a.status.toUpperCase()}`);
    }
    expect(rt.calls.count('Range.setValues')).toBe(0);
  });
});

describe('Check this installation while daily reminders are on', () => {
  it('the one-time-trigger-per-document limit refuses the timed part, and the report says so and why', () => {
    const rt = start({});
    rt.ui.replies.push({ button: 'YES' });
    expect(rt.call<{ ok: boolean }>('turnRemindersOn').ok).toBe(true);
    const report = rt.call<InstallCheckReport>('runInstallCheck');
    const byId = Object.fromEntries(report.assumptions.map((a) => [a.id, a]));
    expect(byId.oneTimeTriggerPerDocument.status).toBe('holds');
    expect(byId.oneTimeTriggerPerDocument.then).toMatch(/turn reminders off, run the check/);
    expect(byId.timedRunOpenById.status).toBe('could not tell');
    expect(byId.timedRunOpenById.observed).toMatch(
      /could not be scheduled: This add-on has created too many/,
    );
    // The listing is read from the reminders trigger instead.
    expect(byId.userTriggersListClockTriggers.status).toBe('holds');
    expect(rt.triggers.map((t) => t.handler)).toEqual(['runReminders']);
  });
});
