/**
 * Compare mode controls: a switch that runs condition B beside A, and — while comparing — which condition the
 * sliders change. The choice of target is view state only; the controller holds both conditions' inputs.
 */
import { t } from '../i18n';
import { h, uid } from './dom';

export type Condition = 'a' | 'b';

export interface CompareControls {
  readonly element: HTMLElement;
  /** The condition the sliders change (always A when not comparing). */
  readonly target: Condition;
  show(comparing: boolean): void;
}

export function createCompareControls(actions: {
  toggle(on: boolean): void;
  target(condition: Condition): void;
  /** The condition chosen before the page was rebuilt (language switch). */
  initialTarget?: Condition | undefined;
}): CompareControls {
  let target: Condition = actions.initialTarget ?? 'a';
  let comparing = false;
  const toggle = h('button', {
    type: 'button',
    class: 'btn compare-toggle',
    'aria-pressed': 'false',
    text: t('compareMode.toggle'),
  });
  toggle.addEventListener('click', () => actions.toggle(!comparing));

  const name = uid('edit');
  const radios = (['a', 'b'] as const).map((condition) => {
    const radio = h('input', { type: 'radio', name, value: condition, id: uid(name) });
    radio.checked = condition === target;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      target = condition;
      actions.target(condition);
    });
    const label = h(
      'label',
      { for: radio.id, class: `condition-label condition-${condition}` },
      t(condition === 'a' ? 'compareMode.editA' : 'compareMode.editB'),
    );
    return [radio, label] as const;
  });
  const editGroup = h(
    'fieldset',
    { class: 'segmented-field compare-edit', hidden: true },
    h('legend', { text: t('compareMode.edit') }),
    h('div', { class: 'segmented' }, ...radios.flat()),
  );
  const note = h('p', { class: 'muted compare-note', hidden: true, text: t('compareMode.note') });

  return {
    element: h('div', { class: 'compare-controls' }, toggle, editGroup, note),
    get target() {
      return comparing ? target : 'a';
    },
    show(on) {
      if (on === comparing) return;
      comparing = on;
      toggle.setAttribute('aria-pressed', String(on));
      editGroup.hidden = !on;
      note.hidden = !on;
      if (!on) {
        target = 'a';
        for (const [radio] of radios) radio.checked = radio.value === 'a';
      }
    },
  };
}
