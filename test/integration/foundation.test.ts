// The built bundle as Apps Script sees it: entry points, custom-function JSDoc, globals, menu, scopes, clasp.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../local/runtime/index';
import { BUNDLE, loadBundle, ROOT } from './harness';
import { SPEC_CUSTOM_FUNCTIONS } from './spec';

/** SPEC §7: the entry points of the bundle. */
const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'setUpWorkbook',
  'refreshDashboard',
  'previewReminders',
  'runReminders',
  'turnRemindersOn',
  'turnRemindersOff',
];

const CUSTOM_FUNCTIONS = SPEC_CUSTOM_FUNCTIONS;

/** SPEC §5 and contract E: the sidebar's server endpoints. */
const SIDEBAR_ENDPOINTS = [
  'getAccountView',
  'saveChain',
  'logResult',
  'recordCheck',
  'getMyBook',
  'selectRow',
  'getQbrBrief',
  'getReminderPanel',
  'saveReminderSettings',
];

const code = (): string => readFileSync(BUNDLE, 'utf8');

/** Names declared as top-level `function NAME(` at the start of a line. */
function declaredFunctions(source: string): string[] {
  return [...source.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]);
}

/** The comment block that ends directly above `function NAME(`, or null. */
function docAbove(source: string, name: string): string | null {
  const at = source.search(new RegExp(`^function ${name}\\(`, 'm'));
  if (at < 0) return null;
  const before = source.slice(0, at).trimEnd();
  if (!before.endsWith('*/')) return null;
  const start = before.lastIndexOf('/**');
  return start < 0 ? null : before.slice(start);
}

describe('dist/Code.js declares what Apps Script must see', () => {
  it.each([...ENTRY_POINTS, ...CUSTOM_FUNCTIONS, ...SIDEBAR_ENDPOINTS])(
    '%s is a top-level function declaration',
    (name) => {
      expect(declaredFunctions(code())).toContain(name);
    },
  );

  it.each(CUSTOM_FUNCTIONS)('%s has an @customfunction JSDoc block directly above it', (name) => {
    const doc = docAbove(code(), name);
    expect(doc, `no JSDoc block directly above function ${name}`).not.toBeNull();
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/@param|@return/);
  });

  it('loading the bundle defines only the registry’s functions and the library, and calls no service', () => {
    const rt = createRuntime();
    const before = new Set(Object.keys(rt.context));
    rt.load(BUNDLE);
    const added = Object.keys(rt.context).filter((k) => !before.has(k));
    const registry = Object.keys(
      (rt.context.ResultsLadder_ as { registry: Record<string, unknown> }).registry,
    );
    const functions = added.filter((k) => typeof rt.context[k] === 'function');
    expect(functions.sort()).toEqual([...registry].sort());
    // zod keeps its settings object on globalThis; an object is not callable, so Apps Script cannot expose it.
    const others = added.filter((k) => typeof rt.context[k] !== 'function');
    expect(others.filter((k) => k !== '__zod_globalConfig')).toEqual(['ResultsLadder_']);
    expect(rt.calls.count()).toBe(0);
  });

  it('every registry entry is a top-level `function NAME(` declaration that Apps Script does not hide', () => {
    const rt = loadBundle();
    const registry = Object.keys(
      (rt.context.ResultsLadder_ as { registry: Record<string, unknown> }).registry,
    );
    const declared = declaredFunctions(code());
    for (const name of registry) {
      expect(declared, `${name} is not declared as a top-level function`).toContain(name);
      expect(name.endsWith('_'), `${name} would be hidden by Apps Script`).toBe(false);
    }
  });
});

describe('onOpen', () => {
  it('builds the add-on menu in AuthMode.NONE without touching the workbook or any other service', () => {
    const rt = loadBundle({ sheets: { Accounts: [['Account ID']] } });
    rt.call('onOpen', { authMode: rt.authMode('NONE') });
    const used = Object.keys(rt.calls.byMethod());
    const menuOnly = used.filter((m) => !/^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.)/.test(m));
    expect(menuOnly, 'onOpen in AuthMode.NONE may only build the menu').toEqual([]);
    expect(rt.calls.count('Range')).toBe(0);
    expect(rt.calls.count('Sheet')).toBe(0);
    expect(rt.ui.menus).toHaveLength(1);
  });

  it('offers every menu item of SPEC §5', () => {
    const rt = loadBundle();
    rt.call('onOpen', { authMode: rt.authMode('NONE') });
    const captions = rt.ui.menus.flatMap((m) => m.items.map((i) => i.caption));
    for (const wanted of [
      /^Open sidebar$/,
      /^Set up workbook$/,
      /^Refresh dashboard$/,
      /^Preview reminders$/,
      /^Send reminders now$/,
      /^Turn daily reminders (on|off)/,
      /^Settings$/,
    ]) {
      expect(
        captions.some((c) => wanted.test(c)),
        `menu has no item matching ${wanted}`,
      ).toBe(true);
    }
  });

  it('every menu item names a top-level function of the bundle', () => {
    const rt = loadBundle();
    rt.call('onOpen', { authMode: rt.authMode('NONE') });
    const declared = declaredFunctions(code());
    const items = rt.ui.menus.flatMap((m) => m.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(declared, `menu item '${item.caption}' calls '${item.fn}'`).toContain(item.fn);
      expect(typeof rt.context[item.fn]).toBe('function');
    }
  });

  it('onInstall builds the same menu', () => {
    const rt = loadBundle();
    rt.call('onInstall', { authMode: rt.authMode('FULL') });
    const viaInstall = rt.ui.menus.map((m) => m.items);
    const other = loadBundle();
    other.call('onOpen', { authMode: other.authMode('NONE') });
    expect(viaInstall).toEqual(other.ui.menus.map((m) => m.items));
  });
});

describe('custom functions', () => {
  it('IS_MEASURABLE answers a whole column range at once, without services', () => {
    const rt = loadBundle();
    const column = [['cut reporting time 40%'], ['Improve conversion'], ['zero exceptions in the audit']];
    expect(rt.call('IS_MEASURABLE', column)).toEqual([[true], [false], [true]]);
    expect(rt.call('IS_MEASURABLE', 'Improve conversion')).toBe(false);
    expect(rt.calls.count()).toBe(0);
  });
});

describe('batch access', () => {
  it('reading a 1,000-row sheet with one getValues counts exactly one Range.getValues', () => {
    const rows: unknown[][] = [['Week', 'Account ID', 'Active users', 'Key actions']];
    for (let i = 1; i < 1000; i++)
      rows.push([new Date(Date.UTC(2026, 0, 5 + 7 * (i % 40))), `A-${i}`, i % 12, i % 5]);
    // A one-function project that reads the sheet the way the add-on must.
    const file = join(mkdtempSync(join(tmpdir(), 'batch-')), 'Code.js');
    writeFileSync(
      file,
      "function readUsage() {\n  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Usage').getDataRange().getValues().length;\n}\n",
    );
    const rt = createRuntime({ sheets: { Usage: rows } });
    rt.load(file);
    expect(rt.call('readUsage')).toBe(1000);
    expect(rt.calls.count('Range.getValues')).toBe(1);
    expect(rt.calls.count('Range')).toBe(1);
  });
});

describe('project files', () => {
  it('dist/appsscript.json asks for exactly the narrow scopes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
      runtimeVersion: string;
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes.some((s) => s.includes('drive'))).toBe(false);
  });

  it.each(['.clasp.json', '.clasp.prod.json'])('%s pushes dist/ with clasp 3 extensions', (file) => {
    const clasp = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as {
      rootDir: string;
      scriptExtensions: string[];
      htmlExtensions: string[];
    };
    expect(clasp.rootDir).toBe('dist');
    expect(clasp.scriptExtensions).toEqual(['.js']);
    expect(clasp.htmlExtensions).toEqual(['.html']);
  });
});
