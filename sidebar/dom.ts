// Building sidebar elements: every piece of text goes in as textContent, so workbook text can never become markup.

type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  /** Class names, space separated. */
  readonly class?: string;
  /** Attributes set with setAttribute (values are plain strings, never parsed as HTML). */
  readonly attrs?: Readonly<Record<string, string>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
}

/** `el('p', {class: 'hint'}, 'text', child)`: children that are strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.attrs)
    for (const [name, value] of Object.entries(options.attrs)) node.setAttribute(name, value);
  if (options.on) {
    for (const [type, handler] of Object.entries(options.on)) {
      node.addEventListener(type, handler as EventListener);
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let uniqueCount = 0;
/** Ids tie labels to inputs and errors to the fields they describe. */
export function uniqueId(prefix: string): string {
  uniqueCount += 1;
  return `${prefix}-${uniqueCount}`;
}
