// The Ui (menus, sidebar, dialogs, alerts, prompts) and HtmlService, recording what the script shows the user.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceKit } from './calls';

export interface MenuRecord {
  title: string;
  /** True for createAddonMenu(): Sheets titles it with the add-on's name under Extensions. */
  addon: boolean;
  items: { caption: string; fn: string }[];
}

export interface UiRecord {
  menus: MenuRecord[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string }[];
  alerts: string[];
  toasts: string[];
  /** Answers the next alerts/prompts give, in order; when empty an alert answers OK and a prompt OK with ''. */
  replies: { button?: string; text?: string }[];
}

function enumOf(names: readonly string[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

const BUTTON = enumOf(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
const BUTTON_SET = enumOf(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

export class HtmlOutputApi {
  title = '';
  width = 300;
  height = 500;

  constructor(
    private readonly kit: ServiceKit,
    public content: string,
  ) {}

  _self(): unknown {
    return this.kit.exposer.expose('HtmlOutput', this);
  }

  setTitle(title: unknown): unknown {
    this.title = String(title);
    return this._self();
  }

  getTitle(): string {
    return this.title;
  }

  setWidth(width: unknown): unknown {
    this.width = Number(width);
    return this._self();
  }

  getWidth(): number {
    return this.width;
  }

  setHeight(height: unknown): unknown {
    this.height = Number(height);
    return this._self();
  }

  getHeight(): number {
    return this.height;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: unknown): unknown {
    this.content = String(content);
    return this._self();
  }

  append(html: unknown): unknown {
    this.content += String(html);
    return this._self();
  }

  appendUntrusted(text: unknown): unknown {
    this.content += String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return this._self();
  }

  setXFrameOptionsMode(): unknown {
    return this._self();
  }

  setSandboxMode(): unknown {
    return this._self();
  }

  addMetaTag(): unknown {
    return this._self();
  }

  setFaviconUrl(): unknown {
    return this._self();
  }
}

export class HtmlServiceApi {
  constructor(
    private readonly kit: ServiceKit,
    /** The folder of the loaded bundle: project HTML files sit beside Code.js. */
    private readonly projectDir: () => string,
  ) {}

  createHtmlOutput(html?: unknown): unknown {
    return this.kit.exposer.expose(
      'HtmlOutput',
      new HtmlOutputApi(this.kit, html === undefined ? '' : String(html)),
    );
  }

  createHtmlOutputFromFile(name: unknown): unknown {
    const base = String(name).replace(/\.html$/, '');
    const file = join(this.projectDir(), `${base}.html`);
    if (!existsSync(file)) throw this.kit.realm.error(`No HTML file named ${base} was found.`);
    return this.kit.exposer.expose('HtmlOutput', new HtmlOutputApi(this.kit, readFileSync(file, 'utf8')));
  }
}

export const HTML_SERVICE_ENUMS: Record<string, unknown> = {
  XFrameOptionsMode: enumOf(['ALLOWALL', 'DEFAULT']),
  SandboxMode: enumOf(['EMULATED', 'IFRAME', 'NATIVE']),
};

export class MenuApi {
  readonly items: { caption: string; fn: string }[] = [];

  constructor(
    private readonly kit: ServiceKit,
    private readonly record: UiRecord,
    private readonly title: string,
    private readonly addon: boolean,
  ) {}

  _self(): unknown {
    return this.kit.exposer.expose('Menu', this);
  }

  addItem(caption: unknown, functionName: unknown): unknown {
    this.items.push({ caption: String(caption), fn: String(functionName) });
    return this._self();
  }

  addSeparator(): unknown {
    return this._self();
  }

  addSubMenu(menu: unknown): unknown {
    const sub = this.kit.exposer.unwrap(menu, MenuApi);
    if (!sub) throw this.kit.realm.error('Invalid argument: menu');
    this.items.push(...sub.items);
    return this._self();
  }

  addToUi(): void {
    const at = this.record.menus.findIndex((m) => m.title === this.title && m.addon === this.addon);
    const menu: MenuRecord = { title: this.title, addon: this.addon, items: [...this.items] };
    if (at >= 0) this.record.menus[at] = menu;
    else this.record.menus.push(menu);
  }
}

export class UiApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly record: UiRecord,
  ) {}

  createMenu(caption: unknown): unknown {
    return this.kit.exposer.expose('Menu', new MenuApi(this.kit, this.record, String(caption), false));
  }

  createAddonMenu(): unknown {
    return this.kit.exposer.expose('Menu', new MenuApi(this.kit, this.record, '', true));
  }

  _output(html: unknown): HtmlOutputApi {
    const out = this.kit.exposer.unwrap(html, HtmlOutputApi);
    if (!out) throw this.kit.realm.error('Invalid argument: userInterface');
    return out;
  }

  showSidebar(html: unknown): void {
    const out = this._output(html);
    this.record.sidebars.push({ title: out.title, html: out.content });
  }

  showModalDialog(html: unknown, title: unknown): void {
    this.record.dialogs.push({ title: String(title ?? ''), html: this._output(html).content });
  }

  showModelessDialog(html: unknown, title: unknown): void {
    this.record.dialogs.push({ title: String(title ?? ''), html: this._output(html).content });
  }

  alert(a: unknown, b?: unknown, c?: unknown): string {
    // alert(prompt) · alert(prompt, buttons) · alert(title, prompt, buttons)
    const text = c !== undefined || (typeof b === 'string' && !(b in BUTTON_SET)) ? `${a}: ${b}` : String(a);
    this.record.alerts.push(text);
    return this.record.replies.shift()?.button ?? BUTTON.OK;
  }

  prompt(a: unknown, b?: unknown, c?: unknown): unknown {
    const text = c !== undefined || (typeof b === 'string' && !(b in BUTTON_SET)) ? `${a}: ${b}` : String(a);
    this.record.alerts.push(text);
    const reply = this.record.replies.shift();
    const button = reply?.button ?? BUTTON.OK;
    const responseText = reply?.text ?? '';
    return this.kit.exposer.expose('PromptResponse', {
      getResponseText: () => responseText,
      getSelectedButton: () => button,
    });
  }
}

export const UI_ENUMS: Record<string, unknown> = { Button: BUTTON, ButtonSet: BUTTON_SET };
