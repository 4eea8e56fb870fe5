/**
 * The intake and person controls: native range inputs, radio groups and a switch, each with a visible label (its
 * accessible name), its value with units, a food equivalent, and marked zones beyond studied intakes (and, for
 * vitamin D3, the toxic range). Controls send `inputs.set` to the controller and show whatever it holds, so a
 * reset, a scene or a share link moves them too.
 */
import { formatNumber, t } from '../i18n';
import { INPUT_RANGES, type Inputs, type NumericInput } from '../model/inputs';
import { P } from '../model/params';
import { d25FromIntake, vitaminDStatus } from '../model/vitaminD';
import { FOOD_INPUTS, type FoodInput, foodEquivalent } from './content/foods';
import { warfarinNotice } from './content/notices';
import { h, setText, uid } from './dom';
import { firstPositionAtOrAbove, LADDERS, positionOf, valueAt } from './sliderLadders';

export interface InputControls {
  readonly element: HTMLElement;
  show(inputs: Inputs): void;
}

type Send = (patch: Partial<Inputs>) => void;

interface SliderSpec {
  readonly input: NumericInput;
  readonly label: string;
  readonly unitKey: string;
  /** Where the toxic range starts on this slider, if it has one. */
  readonly toxicFrom?: number;
}

interface SliderRow {
  readonly spec: SliderSpec;
  readonly range: HTMLInputElement;
  readonly output: HTMLOutputElement;
  readonly food: HTMLElement;
  readonly zone: HTMLElement;
}

/** The smallest ladder value whose steady 25(OH)D the model calls toxic (derived from the model, not a new number). */
function toxicD3From(): number | undefined {
  return LADDERS.d3IuPerDay.find((iu) => vitaminDStatus(d25FromIntake(iu)) === 'toxic');
}

export function createInputControls(send: Send): InputControls {
  const sliders: SliderRow[] = [];
  const groups: { name: keyof Inputs; radios: HTMLInputElement[] }[] = [];
  let current: Inputs | null = null;

  const slider = (spec: SliderSpec): HTMLElement => {
    const id = uid(`in-${spec.input}`);
    const foodId = uid('food');
    const zoneId = uid('zone');
    const captionId = uid('zones');
    const ladder = LADDERS[spec.input];
    const range = h('input', {
      type: 'range',
      id,
      min: 0,
      max: ladder.length - 1,
      step: 1,
      'aria-describedby': `${foodId} ${zoneId} ${captionId}`,
      'data-input': spec.input,
    });
    const output = h('output', { for: id, class: 'control-value' });
    const food = h('p', { id: foodId, class: 'control-food' });
    const zone = h('p', { id: zoneId, class: 'control-zone', hidden: true });
    range.addEventListener('input', () => {
      send({ [spec.input]: valueAt(spec.input, Number(range.value)) });
    });
    sliders.push({ spec, range, output, food, zone });
    return h(
      'div',
      { class: 'control control-slider' },
      h('div', { class: 'control-head' }, h('label', { for: id, text: spec.label }), output),
      range,
      zoneStrip(spec, captionId),
      food,
      zone,
    );
  };

  const radios = (name: 'k2Form' | 'sex', legend: string, options: readonly [string, string][]): HTMLElement => {
    const group = uid(name);
    const inputs = options.map(([value]) =>
      h('input', { type: 'radio', name: group, value, id: uid(`${name}-${value}`) }),
    );
    for (const radio of inputs) radio.addEventListener('change', () => radio.checked && send({ [name]: radio.value }));
    groups.push({ name, radios: inputs });
    return h(
      'fieldset',
      { class: 'control control-choice' },
      h('legend', { text: legend }),
      h(
        'div',
        { class: 'segmented' },
        ...inputs.flatMap((radio, i) => [radio, h('label', { for: radio.id, text: options[i]?.[1] ?? '' })]),
      ),
    );
  };

  const warfarinId = uid('warfarin');
  const warfarin = h('input', {
    type: 'checkbox',
    role: 'switch',
    id: warfarinId,
    'aria-describedby': `${warfarinId}-note`,
  });
  warfarin.addEventListener('change', () => send({ warfarin: warfarin.checked }));
  const warning = warfarinNotice();
  const warfarinNote = h(
    'div',
    { class: 'warfarin-note', id: `${warfarinId}-note`, role: 'note' },
    h('h3', { text: warning.title }),
    ...warning.paragraphs.map((text) => h('p', { text })),
  );
  const lifeStage = h('p', { class: 'control-food', 'aria-live': 'off' });

  const d3Toxic = toxicD3From();
  const element = h(
    'section',
    { class: 'controls', 'aria-labelledby': 'controls-title' },
    h('h2', { id: 'controls-title', text: t('controls.title') }),
    h('p', { class: 'controls-hint', text: t('controls.scenarioHint') }),
    slider({ input: 'calciumMgPerDay', label: t('control.calcium'), unitKey: 'unit.mgPerDay' }),
    slider({
      input: 'd3IuPerDay',
      label: t('control.d3'),
      unitKey: 'unit.iuPerDay',
      ...(d3Toxic === undefined ? {} : { toxicFrom: d3Toxic }),
    }),
    h(
      'div',
      { class: 'control-group' },
      slider({ input: 'k2UgPerDay', label: t('control.k2'), unitKey: 'unit.ugPerDay' }),
      radios('k2Form', t('control.k2Form'), [
        ['mk7', t('control.k2Form.mk7')],
        ['mk4', t('control.k2Form.mk4')],
      ]),
    ),
    slider({ input: 'k1UgPerDay', label: t('control.k1'), unitKey: 'unit.ugPerDay' }),
    h(
      'div',
      { class: 'control control-switch' },
      h(
        'label',
        { for: warfarinId, text: t('control.warfarin') },
        h('span', { class: 'switch-track', 'aria-hidden': 'true' }),
      ),
      h('p', { class: 'control-food', text: t('control.warfarin.hint') }),
    ),
    warfarinNote,
    h(
      'div',
      { class: 'control-group' },
      slider({ input: 'ageYears', label: t('control.age'), unitKey: 'unit.years' }),
      lifeStage,
      radios('sex', t('control.sex'), [
        ['female', t('control.sex.female')],
        ['male', t('control.sex.male')],
      ]),
    ),
  );
  // The switch's input sits inside its label so the whole row is one big target.
  element.querySelector(`label[for="${warfarinId}"]`)?.prepend(warfarin);

  return {
    element,
    show(inputs) {
      if (current === inputs) return;
      current = inputs;
      for (const row of sliders) showSlider(row, inputs);
      for (const { name, radios: group } of groups) {
        for (const radio of group) radio.checked = radio.value === inputs[name];
      }
      warfarin.checked = inputs.warfarin;
      warfarinNote.hidden = !inputs.warfarin;
      const menopause = P.menopauseAge.value;
      setText(
        lifeStage,
        inputs.sex === 'female' && inputs.ageYears >= menopause
          ? t('control.lifeStage.postMenopause', { age: menopause })
          : inputs.sex === 'female'
            ? t('control.lifeStage.beforeMenopause', { age: menopause })
            : t('control.lifeStage.adult'),
      );
    },
  };
}

function showSlider(row: SliderRow, inputs: Inputs): void {
  const { spec, range, output, food, zone } = row;
  const value = inputs[spec.input];
  const position = String(positionOf(spec.input, value));
  // Set the thumb only when it differs: rewriting an equal value would disturb a drag in progress.
  if (range.value !== position) range.value = position;
  const withUnit = t(spec.unitKey, { value: formatNumber(value) });
  setText(output, withUnit);
  const foodText = isFoodInput(spec.input) ? foodEquivalent(spec.input, value, inputs.k2Form) : '';
  setText(food, foodText);
  range.setAttribute('aria-valuetext', foodText ? `${withUnit}; ${foodText}` : withUnit);
  const beyond = INPUT_RANGES[spec.input].beyondStudied;
  let zoneText = '';
  if (spec.toxicFrom !== undefined && value >= spec.toxicFrom) zoneText = t('zone.toxicD3');
  else if (beyond && value > beyond.from) zoneText = t('zone.beyondStudied');
  setText(zone, zoneText);
  zone.hidden = zoneText === '';
}

/**
 * The band under a slider's track that marks its zones by ladder position — hatched beyond studied intakes,
 * cross-hatched in the toxic range — and a caption naming where each zone starts, so no zone is shown by colour
 * or pattern alone.
 */
function zoneStrip(spec: SliderSpec, captionId: string): HTMLElement {
  const ladder = LADDERS[spec.input];
  const last = ladder.length - 1;
  const band = h('div', { class: 'zone-strip', 'aria-hidden': 'true' });
  const caption = h('p', { class: 'zone-caption', id: captionId });
  const percent = (position: number): string => `${(100 * position) / last}%`;
  const beyond = INPUT_RANGES[spec.input].beyondStudied;
  const unit = (value: number): string => t(spec.unitKey, { value: formatNumber(value) });
  const parts: string[] = [];
  if (beyond) {
    const from = firstPositionAtOrAbove(spec.input, beyond.from);
    const end = spec.toxicFrom === undefined ? last : firstPositionAtOrAbove(spec.input, spec.toxicFrom);
    if (end > from) {
      band.append(
        h('span', { class: 'zone zone-beyond', style: `left:${percent(from)};width:${percent(end - from)}` }),
      );
      parts.push(t('zone.caption.beyond', { value: unit(beyond.from) }));
    }
  }
  if (spec.toxicFrom !== undefined) {
    const from = firstPositionAtOrAbove(spec.input, spec.toxicFrom);
    band.append(h('span', { class: 'zone zone-toxic', style: `left:${percent(from)};width:${percent(last - from)}` }));
    parts.push(t('zone.caption.toxic', { value: unit(spec.toxicFrom) }));
  }
  if (parts.length === 0) return h('div', {});
  caption.textContent = parts.join(' · ');
  return h('div', { class: 'zones' }, band, caption);
}

const isFoodInput = (input: NumericInput): input is FoodInput => (FOOD_INPUTS as readonly string[]).includes(input);
