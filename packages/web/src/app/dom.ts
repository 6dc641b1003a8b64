/** Attributes and properties `element` sets; text always goes through `textContent`. */
export interface ElementOptions {
  className?: string;
  /** Set as `textContent` (never parsed as HTML). */
  text?: string;
  /** Plain attributes (`type`, `aria-*`, `for`, …). */
  attributes?: Record<string, string>;
  /** Event listeners by event name. */
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

/** A child for `element`: a node, a string (becomes a text node) or nothing. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an HTML element. User-provided text only ever reaches the page as text nodes or
 * `textContent`, so it can never be interpreted as markup.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className !== undefined) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  for (const [name, listener] of Object.entries(options.on ?? {})) {
    if (listener) node.addEventListener(name, listener);
  }
  append(node, children);
  return node;
}

/** Appends children, turning strings into text nodes and skipping empty ones. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of `node`. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Creates an SVG element with attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  children: readonly Child[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

let nextId = 0;

/** A page-unique id for label/input pairs. */
export function uniqueId(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/** A labelled form field: `<div class="field"><label/>control<p hint/></div>`. */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLDivElement {
  if (!control.id) control.id = uniqueId('field');
  const children: Child[] = [element('label', { text: label, attributes: { for: control.id } })];
  children.push(control);
  if (hint !== undefined) {
    const hintId = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    children.push(element('p', { className: 'hint', text: hint, attributes: { id: hintId } }));
  }
  return element('div', { className: 'field' }, children);
}

/** A button (`type="button"` unless told otherwise). */
export function button(
  text: string,
  onClick: (event: Event) => void,
  options: { className?: string; type?: 'button' | 'submit'; label?: string } = {},
): HTMLButtonElement {
  const attributes: Record<string, string> = { type: options.type ?? 'button' };
  if (options.label !== undefined) attributes['aria-label'] = options.label;
  return element('button', {
    text,
    attributes,
    className: options.className ?? '',
    on: { click: onClick },
  });
}

/** A live status line: `role="status"` for progress and results, `role="alert"` for errors. */
export interface StatusLine {
  node: HTMLParagraphElement;
  show(text: string, tone?: 'info' | 'success' | 'error'): void;
  clear(): void;
}

/** Creates a status line that announces its text to assistive technology. */
export function statusLine(): StatusLine {
  const node = element('p', { className: 'status', attributes: { role: 'status' } });
  node.hidden = true;
  return {
    node,
    show(text, tone = 'info') {
      node.hidden = false;
      node.className = `status status-${tone}`;
      node.setAttribute('role', tone === 'error' ? 'alert' : 'status');
      node.textContent = text;
    },
    clear() {
      node.hidden = true;
      node.textContent = '';
    },
  };
}

/** A table with a caption, header cells and rows of cells (strings become text). */
export function table(caption: string, headers: readonly string[], rows: readonly Child[][]) {
  const head = element('thead', {}, [
    element(
      'tr',
      {},
      headers.map((header) => element('th', { text: header, attributes: { scope: 'col' } })),
    ),
  ]);
  const body = element(
    'tbody',
    {},
    rows.map((row) =>
      element(
        'tr',
        {},
        row.map((cell) => element('td', {}, [cell])),
      ),
    ),
  );
  const node = element('table', {}, [element('caption', { text: caption }), head, body]);
  return element('div', { className: 'table-wrap' }, [node]);
}
