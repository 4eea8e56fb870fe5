/**
 * A dismissible notice at the top of the page, for things the user should know but that do not stop the sim
 * (parts of a shared link that were ignored, stored preferences that were reset).
 */
import { t } from '../i18n';
import { h } from './dom';

export function createNotice(title: string, lines: readonly string[]): HTMLElement {
  const close = h('button', { type: 'button', class: 'btn btn-quiet notice-close', text: t('notice.dismiss') });
  const element = h(
    'section',
    { class: 'page-notice', role: 'alert' },
    h('div', {}, h('h2', { text: title }), h('ul', {}, ...lines.map((line) => h('li', { text: line })))),
    close,
  );
  close.addEventListener('click', () => element.remove());
  return element;
}
