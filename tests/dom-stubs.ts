import { afterEach, beforeEach, vi, type Mock } from 'vitest';

/**
 * jsdom has no layout, so no scrollIntoView (window.scrollTo is simulated for every test, in
 * setup-dom.ts). Call at the top of a test file: scrollIntoView is stubbed around each test; `scrolledTo()` lists the elements scrollIntoView was called on.
 */
export function stubScrolling(): {
  scrolledTo: () => Element[];
  /** This test's scrollIntoView mock. */
  scrollIntoView: () => Mock<(arg?: boolean | ScrollIntoViewOptions) => void>;
} {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
  let scrollIntoView: Mock<(arg?: boolean | ScrollIntoViewOptions) => void> = vi.fn();
  beforeEach(() => {
    scrollIntoView = vi.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
  });
  afterEach(() => {
    if (original) Object.defineProperty(Element.prototype, 'scrollIntoView', original);
    else Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  });
  return { scrolledTo: () => scrollIntoView.mock.contexts as Element[], scrollIntoView: () => scrollIntoView };
}

/**
 * Replaces `navigator.clipboard.writeText`. Install it after `renderApp()`: userEvent.setup()
 * installs a clipboard of its own. `restoreClipboardAfterEach` puts the original back.
 */
export function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });
}

/** Puts the clipboard back as it was after each test of the file (or describe block) it is called in. */
export function restoreClipboardAfterEach(): void {
  const original = Object.getOwnPropertyDescriptor(window.navigator, 'clipboard');
  afterEach(() => {
    if (original) Object.defineProperty(window.navigator, 'clipboard', original);
    else Reflect.deleteProperty(window.navigator, 'clipboard');
  });
}
