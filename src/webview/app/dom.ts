/**
 * A tiny element builder for the form webview. Text only ever goes in through `textContent` and
 * attribute values through `setAttribute`, so nothing from Azure or the user is parsed as HTML.
 */

export type Child = Node | string | null | undefined | false;

export interface Attrs {
  readonly [name: string]: string | number | boolean | undefined;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (name === 'className') {
      el.className = String(value);
    } else if (name === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
      el.value = String(value);
    } else if (name === 'checked' && el instanceof HTMLInputElement) {
      el.checked = value === true;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Field ids contain dots and brackets ("tags[0].key"): safe ids for the DOM. */
export function domId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * Makes `from` look like `to` while keeping the elements that stay (matched by position, tag and id):
 * focus, caret and a click in progress survive a render. Form state (value, checked) is copied as
 * properties, and only when it differs, so the caret does not jump while typing.
 */
export function morph(from: Element, to: Element): void {
  for (const attr of [...from.attributes]) {
    if (!to.hasAttribute(attr.name)) {
      from.removeAttribute(attr.name);
    }
  }
  for (const attr of [...to.attributes]) {
    if (from.getAttribute(attr.name) !== attr.value) {
      from.setAttribute(attr.name, attr.value);
    }
  }
  // Read before the children move: morphChildren may take nodes out of `to`.
  const value = to instanceof HTMLInputElement || to instanceof HTMLTextAreaElement || to instanceof HTMLSelectElement ? to.value : undefined;
  const checked = to instanceof HTMLInputElement ? to.checked : undefined;
  morphChildren(from, [...to.childNodes]);
  if ((from instanceof HTMLInputElement || from instanceof HTMLTextAreaElement || from instanceof HTMLSelectElement) && value !== undefined && from.value !== value) {
    from.value = value;
  }
  if (from instanceof HTMLInputElement && checked !== undefined && from.checked !== checked) {
    from.checked = checked;
  }
}

function sameKind(a: ChildNode, b: ChildNode): boolean {
  if (a.nodeType !== b.nodeType) {
    return false;
  }
  if (a instanceof Element && b instanceof Element) {
    return a.tagName === b.tagName && a.id === b.id && (a as HTMLInputElement).type === (b as HTMLInputElement).type;
  }
  return true;
}

export function morphChildren(parent: Element, next: readonly ChildNode[]): void {
  const current = [...parent.childNodes];
  next.forEach((node, i) => {
    const old = current[i];
    if (!old) {
      parent.append(node);
    } else if (!sameKind(old, node)) {
      parent.replaceChild(node, old);
    } else if (old instanceof Element && node instanceof Element) {
      morph(old, node);
    } else if (old.textContent !== node.textContent) {
      old.textContent = node.textContent;
    }
  });
  for (const extra of current.slice(next.length)) {
    extra.remove();
  }
}
