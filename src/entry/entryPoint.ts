// What an entry point is: the types every entry module describes its functions with, apart from the registry that
// gathers them, so entry modules never import the registry (which imports them all).

export interface CustomFunctionDoc {
  /** First line(s) of the JSDoc: what the function answers. */
  readonly summary: string;
  readonly params: readonly { readonly name: string; readonly type: string; readonly description: string }[];
  readonly returns: string;
}

export interface EntryPoint {
  /**
   * menu/trigger: called by the menu or a trigger; custom: a cell formula (gets `@customfunction` JSDoc);
   * sidebar: a server endpoint for google.script.run.
   */
  readonly kind: 'menu' | 'trigger' | 'custom' | 'sidebar';
  /** Parameter names, as Apps Script and Sheets show them. */
  readonly params: readonly string[];
  readonly run: (...args: never[]) => unknown;
  /** Required for custom functions. */
  readonly doc?: CustomFunctionDoc;
}

export type Registry = Readonly<Record<string, EntryPoint>>;
