/**
 * Presenter mode: large type, chrome hidden, the lesson's Back/Next low on the screen where a teacher (or a child
 * at a whiteboard) can reach them. Full screen is separate (F), because browsers only grant it on a user gesture
 * and a teacher may want presenter mode in a window beside their notes.
 */
import { t } from '../i18n';
import { h } from './dom';

export interface Presenter {
  readonly button: HTMLButtonElement;
  readonly active: boolean;
  set(on: boolean): void;
  toggleFullscreen(): void;
  onChange(listener: (on: boolean) => void): void;
}

export function createPresenter(root: HTMLElement, notify: (message: string) => void): Presenter {
  let active = false;
  const listeners: ((on: boolean) => void)[] = [];
  const button = h('button', {
    type: 'button',
    class: 'btn btn-quiet presenter-toggle',
    'aria-pressed': 'false',
    text: t('presenter.enter'),
  });

  const requestFullscreen = (): void => {
    if (document.fullscreenElement || !document.fullscreenEnabled) return;
    document.documentElement.requestFullscreen().catch(() => notify(t('presenter.fullscreenFailed')));
  };

  const presenter: Presenter = {
    button,
    get active() {
      return active;
    },
    set(on) {
      if (on === active) return;
      active = on;
      root.classList.toggle('presenting', on);
      document.documentElement.classList.toggle('presenting-page', on);
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? t('presenter.exit') : t('presenter.enter');
      if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      for (const listener of listeners) listener(on);
    },
    toggleFullscreen() {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      else requestFullscreen();
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
  button.addEventListener('click', () => {
    const on = !active;
    presenter.set(on);
    if (on) requestFullscreen();
  });
  return presenter;
}
