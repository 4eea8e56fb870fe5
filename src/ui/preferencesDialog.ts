/**
 * The Preferences dialog: starting speed, theme, reduced motion, sound and language, each a native control with a
 * visible label, plus Reset. A change applies at once through `set` (the caller saves it and acts on it); opening
 * the dialog shows what `get` returns. Preferences belong to this device only, which the dialog says.
 */
import { t } from '../i18n';
import { AUTO_LANGUAGE } from '../i18n/languages';
import type { Speed } from '../machines/clock';
import { SPEEDS } from '../machines/simulation.machine';
import { createDialog } from './dialogs';
import { h, uid } from './dom';
import {
  DEFAULT_PREFERENCES,
  type Preferences,
  REDUCED_MOTION,
  type ReducedMotion,
  THEMES,
  type Theme,
} from './preferences';

export interface LanguageOption {
  /** BCP 47 tag, e.g. "en". */
  readonly tag: string;
  /** The language's name in that language, e.g. "Español". */
  readonly name: string;
}

export interface PreferencesDialogOptions {
  get(): Preferences;
  set(prefs: Preferences): void;
  /** An extra section (e.g. graphics performance settings) shown in the dialog as given, after the preferences. */
  readonly performance?: HTMLElement;
  /** Themes that exist; others are listed as "coming soon" and cannot be chosen. Default: all. */
  readonly themes?: readonly string[];
  /** False while the app has no sounds: the switch then says so. Default true. */
  readonly soundAvailable?: boolean;
  /** Languages to offer. Default: English only. */
  readonly languages?: readonly LanguageOption[];
}

export interface PreferencesDialog {
  readonly element: HTMLDialogElement;
  /** Shows the dialog with the controls set from `get()`. */
  open(opener?: HTMLElement | null): void;
  close(): void;
  /** Sets the controls from `get()` again (e.g. after preferences changed elsewhere). */
  refresh(): void;
  /** Moves focus to the language menu (after a language switch rebuilt the dialog). */
  focusLanguage(): void;
}

const ANNOUNCE_DELAY_MS = 60;

interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly disabled?: boolean;
}

interface ChoiceGroup<T extends string> {
  readonly element: HTMLElement;
  select(value: T): void;
}

/** A native radio group in a fieldset: arrow keys move between options, each label is a full-size target. */
function choiceGroup<T extends string>(
  legend: string,
  choices: readonly Choice<T>[],
  choose: (value: T) => void,
  layout: 'row' | 'column',
): ChoiceGroup<T> {
  const name = uid('prefs');
  const radios = choices.map((choice) => {
    const radio = h('input', { type: 'radio', name, value: choice.value, disabled: choice.disabled === true });
    radio.addEventListener('change', () => {
      if (radio.checked) choose(choice.value);
    });
    return radio;
  });
  const element = h(
    'fieldset',
    { class: 'prefs-group' },
    h('legend', { class: 'prefs-legend', text: legend }),
    h(
      'div',
      { class: `prefs-options prefs-options-${layout}` },
      ...radios.map((radio, i) =>
        h('label', { class: 'prefs-option' }, radio, h('span', { text: choices[i]?.label ?? '' })),
      ),
    ),
  );
  return {
    element,
    select(value) {
      for (const radio of radios) radio.checked = radio.value === value;
    },
  };
}

export function createPreferencesDialog(opts: PreferencesDialogOptions): PreferencesDialog {
  const dialog = createDialog(t('prefs.title'), 'dialog-prefs');
  const change = (patch: Partial<Preferences>): void => opts.set({ ...opts.get(), ...patch });

  const speed = choiceGroup<Speed>(
    t('prefs.speed'),
    SPEEDS.map((value) => ({ value, label: t(`time.speed.${value}`) })),
    (value) => change({ speed: value }),
    'row',
  );

  const available = opts.themes;
  const theme = choiceGroup<Theme>(
    t('prefs.theme'),
    THEMES.map((value) => {
      const name = t(`prefs.theme.${value}`);
      const soon = available !== undefined && !available.includes(value);
      return { value, label: soon ? t('prefs.comingSoon', { name }) : name, disabled: soon };
    }),
    (value) => change({ theme: value }),
    'column',
  );

  const motion = choiceGroup<ReducedMotion>(
    t('prefs.motion'),
    REDUCED_MOTION.map((value) => ({ value, label: t(`prefs.motion.${value}`) })),
    (value) => change({ reducedMotion: value }),
    'column',
  );

  const soundAvailable = opts.soundAvailable ?? true;
  const soundNoteId = uid('prefs-sound-note');
  const sound = h('input', {
    type: 'checkbox',
    role: 'switch',
    'aria-describedby': soundAvailable ? undefined : soundNoteId,
  });
  sound.addEventListener('change', () => change({ sound: sound.checked }));
  const soundRow = h(
    'div',
    { class: 'prefs-group' },
    h(
      'label',
      { class: 'switch-label' },
      sound,
      h('span', { class: 'switch-track', 'aria-hidden': 'true' }),
      h('span', { text: t('prefs.sound') }),
    ),
    soundAvailable ? null : h('p', { id: soundNoteId, class: 'prefs-note muted', text: t('prefs.sound.noneYet') }),
  );

  const shortcutsNoteId = uid('prefs-shortcuts-note');
  const shortcuts = h('input', { type: 'checkbox', role: 'switch', 'aria-describedby': shortcutsNoteId });
  shortcuts.addEventListener('change', () => change({ shortcuts: shortcuts.checked }));
  const shortcutsRow = h(
    'div',
    { class: 'prefs-group' },
    h(
      'label',
      { class: 'switch-label' },
      shortcuts,
      h('span', { class: 'switch-track', 'aria-hidden': 'true' }),
      h('span', { text: t('prefs.shortcuts') }),
    ),
    h('p', { id: shortcutsNoteId, class: 'prefs-note muted', text: t('prefs.shortcuts.note') }),
  );

  const languages: readonly LanguageOption[] =
    opts.languages && opts.languages.length > 0 ? opts.languages : [{ tag: 'en', name: 'English' }];
  const languageId = uid('prefs-language');
  const language = h('select', { id: languageId, class: 'prefs-select' });
  language.addEventListener('change', () => change({ language: language.value }));
  const showLanguage = (tag: string): void => {
    const options = languages.map(({ tag: value, name }) =>
      h('option', { value, lang: value === AUTO_LANGUAGE ? undefined : value, text: name }),
    );
    // A saved language that is not offered is still shown (by its tag), so opening the dialog changes nothing.
    if (!languages.some((l) => l.tag === tag)) options.push(h('option', { value: tag, text: tag }));
    language.replaceChildren(...options);
    language.value = tag;
  };
  const languageRow = h(
    'div',
    { class: 'prefs-group' },
    h('label', { for: languageId, class: 'prefs-legend', text: t('prefs.language') }),
    language,
  );

  const status = h('p', { class: 'prefs-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const resetButton = h('button', { type: 'button', class: 'btn', text: t('prefs.reset') });

  const refresh = (): void => {
    const prefs = opts.get();
    speed.select(prefs.speed);
    theme.select(prefs.theme);
    motion.select(prefs.reducedMotion);
    sound.checked = prefs.sound;
    shortcuts.checked = prefs.shortcuts;
    showLanguage(prefs.language);
  };

  resetButton.addEventListener('click', () => {
    opts.set(DEFAULT_PREFERENCES);
    refresh();
    clearTimeout(timer);
    status.textContent = '';
    timer = setTimeout(() => {
      status.textContent = t('prefs.resetDone');
    }, ANNOUNCE_DELAY_MS);
  });

  dialog.body.append(
    h('p', { class: 'prefs-storage muted', text: t('prefs.storage') }),
    speed.element,
    theme.element,
    motion.element,
    soundRow,
    shortcutsRow,
    languageRow,
    ...(opts.performance ? [opts.performance] : []),
    h('div', { class: 'prefs-reset' }, resetButton, status),
  );

  dialog.element.addEventListener('close', () => {
    clearTimeout(timer);
    status.textContent = '';
  });

  return {
    element: dialog.element,
    open(opener) {
      refresh();
      status.textContent = '';
      dialog.open(opener);
    },
    close() {
      dialog.close();
    },
    refresh,
    focusLanguage() {
      language.focus();
    },
  };
}
