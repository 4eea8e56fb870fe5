/**
 * Time controls: play/pause, step (only while paused), speed, the Day/Years view switch, Reset all, and the
 * simulated clock. Native buttons and radio groups; each reflects the controller's state, never its own.
 */
import { t } from '../i18n';
import type { Speed, View } from '../machines/clock';
import { h, setText, uid } from './dom';

export interface TimeState {
  readonly running: boolean;
  readonly speed: Speed;
  readonly view: View;
  /** "Day 2, 07:30" or "Age 47" — already worded. */
  readonly clock: string;
  /** The years view has reached the oldest age the model describes. */
  readonly ended: boolean;
}

export interface TimeActions {
  toggle(): void;
  step(): void;
  speed(speed: Speed): void;
  view(view: View): void;
  resetAll(): void;
}

export interface TimeControls {
  readonly element: HTMLElement;
  readonly playButton: HTMLButtonElement;
  show(state: TimeState): void;
}

export function createTimeControls(actions: TimeActions): TimeControls {
  const playButton = h('button', { type: 'button', class: 'btn btn-play', 'aria-keyshortcuts': 'Space' });
  const playIcon = h('span', { class: 'icon', 'aria-hidden': 'true' });
  const playText = h('span', { class: 'btn-text' });
  playButton.append(playIcon, playText);
  playButton.addEventListener('click', () => actions.toggle());

  const stepButton = h(
    'button',
    { type: 'button', class: 'btn', 'aria-keyshortcuts': '.' },
    h('span', { class: 'icon icon-step', 'aria-hidden': 'true' }),
    h('span', { class: 'btn-text', text: t('time.step') }),
  );
  stepButton.addEventListener('click', () => actions.step());

  const speedGroup = radioGroup<Speed>(
    t('time.speed'),
    [
      ['slow', t('time.speed.slow')],
      ['normal', t('time.speed.normal')],
      ['fast', t('time.speed.fast')],
    ],
    actions.speed,
  );
  const viewGroup = radioGroup<View>(
    t('time.view'),
    [
      ['day', t('time.view.day')],
      ['years', t('time.view.years')],
    ],
    actions.view,
  );

  const resetButton = h('button', { type: 'button', class: 'btn btn-reset', text: t('time.resetAll') });
  resetButton.addEventListener('click', () => actions.resetAll());

  const clock = h('p', { class: 'clock', 'aria-live': 'off' });
  const clockLabel = h('span', { class: 'clock-label', text: t('time.clock') });
  const clockValue = h('span', { class: 'clock-value' });
  clock.append(clockLabel, clockValue);

  const element = h(
    'div',
    { class: 'time-controls', role: 'toolbar', 'aria-label': t('time.toolbar') },
    viewGroup.element,
    h('div', { class: 'time-buttons' }, playButton, stepButton),
    speedGroup.element,
    clock,
    resetButton,
  );

  return {
    element,
    playButton,
    show(state) {
      // The button says what it will do; its name changes with the state (as the media controls students know).
      setText(playText, state.running ? t('time.pause') : t('time.play'));
      playIcon.className = `icon ${state.running ? 'icon-pause' : 'icon-play'}`;
      playButton.disabled = !state.running && state.ended;
      stepButton.disabled = state.running || state.ended;
      speedGroup.select(state.speed);
      viewGroup.select(state.view);
      setText(clockValue, state.clock);
    },
  };
}

function radioGroup<T extends string>(
  legend: string,
  options: readonly [T, string][],
  choose: (value: T) => void,
): { element: HTMLElement; select(value: T): void } {
  const name = uid('group');
  const radios = options.map(([value, label]) => {
    const radio = h('input', { type: 'radio', name, value, id: uid(name) });
    radio.addEventListener('change', () => radio.checked && choose(value));
    return [radio, h('label', { for: radio.id, text: label })] as const;
  });
  const element = h(
    'fieldset',
    { class: 'segmented-field' },
    h('legend', { class: 'visually-hidden-legend', text: legend }),
    h('div', { class: 'segmented' }, ...radios.flat()),
  );
  return {
    element,
    select(value) {
      for (const [radio] of radios) radio.checked = radio.value === value;
    },
  };
}
