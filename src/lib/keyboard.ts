/** True while the user is typing somewhere: single-key shortcuts must not steal their keys. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether a key press is one a page's single-key shortcuts may take. */
export function isShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
  // A dialog (the shortcuts list, a filter sheet) has the keyboard while it is open.
  return document.querySelector('dialog[open]') === null;
}
