/**
 * Modal panels on the native <dialog> element: the browser gives focus containment, Escape to close and a
 * backdrop; we add a labelled heading, a Close button, and return focus to whatever opened the dialog.
 */
import { t } from '../i18n';
import { h, uid } from './dom';

export interface Dialog {
  readonly element: HTMLDialogElement;
  readonly body: HTMLElement;
  open(opener?: HTMLElement | null): void;
  close(): void;
  setTitle(title: string): void;
}

/** Every dialog made since the page (or the last language switch) started, so a rebuild can remove them all. */
const made = new Set<HTMLDialogElement>();

/** Closes and removes every dialog; ones made on demand are made again, in the new language, when next opened. */
export function removeAllDialogs(): void {
  for (const element of made) {
    if (element.open) element.close();
    element.remove();
  }
  made.clear();
}

export function createDialog(title: string, className = ''): Dialog {
  const titleId = uid('dialog-title');
  const heading = h('h2', { id: titleId, text: title });
  const close = h('button', { type: 'button', class: 'btn dialog-close', text: t('dialog.close') });
  const body = h('div', { class: 'dialog-body' });
  const element = h(
    'dialog',
    { class: `dialog ${className}`.trim(), 'aria-labelledby': titleId },
    h('div', { class: 'dialog-head' }, heading, close),
    body,
  );
  let opener: HTMLElement | null = null;
  close.addEventListener('click', () => element.close());
  // A click on the backdrop (outside the dialog box) closes it, as people expect of a pop-up panel.
  element.addEventListener('click', (e) => {
    if (e.target === element) element.close();
  });
  element.addEventListener('close', () => {
    opener?.focus();
    // Forgotten once used: a dialog kept for reuse (evidence, claims) would otherwise keep its opener, and through
    // the opener's listeners the whole page a language switch has since replaced.
    opener = null;
  });
  document.body.append(element);
  made.add(element);
  return {
    element,
    body,
    open(from) {
      opener = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
      if (!element.open) element.showModal();
    },
    close() {
      element.close();
    },
    setTitle(text) {
      heading.textContent = text;
    },
  };
}
