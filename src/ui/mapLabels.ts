/**
 * Words on the body map: region names, the gut-wall routes, exits, the legend, the blood readouts and the
 * artery-deposit scale with its "True scale" switch. They live in one HTML layer laid over the canvas in the same
 * logical units as the drawing (scaled with it), so they stay in place at any size and remain real, accessible text.
 */
import { formatNumber, t } from '../i18n';
import {
  ARTERY,
  BLOOD_LOOP,
  BONE,
  GUT,
  KIDNEY,
  LABEL_ANCHORS,
  type RegionKey,
  STAGE_HEIGHT,
  STAGE_WIDTH,
} from '../render/layout';
import { arteryExaggeratedLabel, trueScaleExplanation, trueScaleLabel } from './content/notices';
import { h, setText, uid } from './dom';
import { evidenceBadge } from './evidenceBadges';
import type { Highlight, HighlightKey } from './highlight';

export interface MapLabels {
  readonly element: HTMLElement;
  readonly trueScale: HTMLInputElement;
  /** Logical-to-CSS scale of the map (the canvas's width over STAGE_WIDTH). */
  setScale(scale: number): void;
  setView(view: 'day' | 'years'): void;
  setExaggeration(factor: number): void;
  highlight(regions: readonly RegionKey[]): void;
}

const at = (x: number, y: number, extra = ''): string => `left:${x}px;top:${y}px;${extra}`;

/** Map scale (CSS px per logical px) below which labels would crowd each other. */
const COMPACT_BELOW = 0.5;

/** The key to the map's symbols; drawn on the map, and again under it when the map is too small for it. */
export function createLegend(packetMg: number, style = ''): HTMLElement {
  return h(
    'div',
    { class: 'map-note legend', role: 'group', 'aria-label': t('legend.title'), style },
    h(
      'p',
      {},
      h('span', { class: 'legend-icon legend-packet', 'aria-hidden': 'true' }),
      h('span', { class: 'legend-packet-text', text: t('legend.packet', { mg: formatNumber(packetMg) }) }),
    ),
    h('p', {}, h('span', { class: 'legend-icon legend-glu', 'aria-hidden': 'true' }), t('legend.glu')),
    h('p', {}, h('span', { class: 'legend-icon legend-gla', 'aria-hidden': 'true' }), t('legend.gla')),
    h('p', {}, h('span', { class: 'legend-icon legend-bound', 'aria-hidden': 'true' }), t('legend.bound')),
    h('p', {}, h('span', { class: 'legend-icon legend-crystal', 'aria-hidden': 'true' }), t('legend.crystal')),
  );
}

/**
 * Says how much calcium one drawn dot stands for, in every legend under `root`: the packet size times the
 * adaptive budget's stride (drawing one packet in two makes each dot stand for twice as much).
 */
export function showDotMg(root: ParentNode, mg: number): void {
  for (const text of root.querySelectorAll('.legend-packet-text')) {
    setText(text as HTMLElement, t('legend.packet', { mg: formatNumber(mg) }));
  }
}

export function createMapLabels(options: {
  highlight: Highlight;
  packetMg: number;
  bloodPanel: HTMLElement;
  onTrueScale(on: boolean): void;
}): MapLabels {
  const { highlight } = options;
  const regionLabel = (region: RegionKey, key: HighlightKey, text: string, ...extra: Node[]): HTMLElement => {
    const a = LABEL_ANCHORS[region];
    const el = h(
      'div',
      { class: `map-label map-label-${region}`, style: at(a.x, a.y), 'data-region': region },
      h('span', { class: 'map-label-name', text }),
      ...extra,
    );
    highlight.bind(el, key);
    return el;
  };

  const trueScaleId = uid('true-scale');
  const trueScale = h('input', { type: 'checkbox', role: 'switch', id: trueScaleId });
  trueScale.addEventListener('change', () => options.onTrueScale(trueScale.checked));
  const scaleNote = h('span', { class: 'scale-note' });
  const depositBox = h(
    'div',
    {
      class: 'map-note deposit-scale',
      style: at(ARTERY.panel.x + 8, ARTERY.panel.y + 200, `width:${ARTERY.panel.w - 16}px`),
    },
    scaleNote,
    h(
      'label',
      { for: trueScaleId, class: 'switch-label', title: trueScaleExplanation() },
      trueScale,
      h('span', { class: 'switch-track', 'aria-hidden': 'true' }),
      trueScaleLabel(),
    ),
  );

  const sub = (x: number, y: number, text: string, cls = ''): HTMLElement =>
    h('div', { class: `map-sub ${cls}`.trim(), style: at(x, y), text });
  /**
   * A label between neighbours: it wraps within `width` instead of running into the next label (translations run
   * longer than English), growing upwards from its bottom edge at y so it never covers what it names.
   */
  const subWithin = (x: number, y: number, width: number, text: string, cls = ''): HTMLElement =>
    h('div', {
      class: `map-sub map-sub-within ${cls}`.trim(),
      style: `left:${x}px;bottom:${STAGE_HEIGHT - y}px;max-width:${width}px;`,
      text,
    });

  const cellsX = GUT.cells[0]?.x ?? 148;
  const osteoblastsX = BONE.osteoblasts[0]?.x ?? 890;
  const blood = h(
    'div',
    {
      class: 'map-centre',
      style: at(BLOOD_LOOP.left + 40, BLOOD_LOOP.top + 90, `width:${BLOOD_LOOP.right - BLOOD_LOOP.left - 80}px`),
    },
    options.bloodPanel,
  );

  const routes = h(
    'div',
    { class: 'map-note gut-routes', style: at(GUT.panel.x, GUT.faecesExit.y + 24, 'width:310px') },
    h(
      'p',
      {},
      h('span', { class: 'route-key route-active', 'aria-hidden': 'true' }),
      t('map.route.active'),
      ' ',
      evidenceBadge('activeAbsorption', t('map.route.active')),
    ),
    h(
      'p',
      {},
      h('span', { class: 'route-key route-passive', 'aria-hidden': 'true' }),
      t('map.route.passive'),
      ' ',
      evidenceBadge('passiveAbsorption', t('map.route.passive')),
    ),
  );

  const legend = createLegend(options.packetMg, at(BONE.panel.x - 8, STAGE_HEIGHT - 190, 'width:320px'));

  const layer = h(
    'div',
    { class: 'map-labels', style: `width:${STAGE_WIDTH}px;height:${STAGE_HEIGHT}px` },
    regionLabel('gut', 'gut', t('map.gut')),
    subWithin(GUT.lumen.x, GUT.lumen.y - 2, cellsX - GUT.lumen.x - 6, t('map.gut.contents')),
    subWithin(cellsX, GUT.lumen.y - 2, GUT.panel.x + GUT.panel.w - cellsX - 4, t('map.gut.cells')),
    routes,
    regionLabel('blood', 'blood', t('map.blood')),
    blood,
    regionLabel('bone', 'boneIn', t('map.bone'), evidenceBadge('boneRemodelling', t('map.bone'))),
    sub(BONE.surface.x + 6, BONE.surface.y + BONE.surface.h - 24, t('map.bone.surface'), 'map-sub-small map-sub-plate'),
    sub(BONE.panel.x + 6, BONE.matrix.y + 40, t('map.bone.osteocalcin'), 'map-sub-small map-sub-plate'),
    subWithin(
      osteoblastsX,
      BONE.surface.y + 20,
      BONE.osteoclast.x - osteoblastsX - 6,
      t('map.bone.osteoblasts'),
      'map-sub-small map-sub-plate',
    ),
    subWithin(
      BONE.osteoclast.x,
      BONE.surface.y + 20,
      BONE.panel.x + BONE.panel.w - 4 - BONE.osteoclast.x,
      t('map.bone.osteoclast'),
      'map-sub-small map-sub-plate',
    ),
    regionLabel('artery', 'artery', t('map.artery')),
    h(
      'div',
      {
        class: 'map-sub map-sub-small map-sub-plate',
        style: at(ARTERY.proteinArea.x, ARTERY.media.y + 8, `max-width:${ARTERY.proteinArea.w}px;white-space:normal`),
      },
      t('map.artery.mgp'),
      ' ',
      evidenceBadge('mgpInhibits', t('map.artery.mgp')),
    ),
    depositBox,
    regionLabel('kidney', 'kidney', t('map.kidney'), evidenceBadge('kidneyReabsorption', t('map.kidney'))),
    sub(KIDNEY.glomerulus.x - 40, KIDNEY.glomerulus.y + 32, t('map.kidney.filter'), 'map-sub-small'),
    sub(KIDNEY.tubule.x + 60, KIDNEY.tubule.y + KIDNEY.tubule.h + 4, t('map.kidney.tubule'), 'map-sub-small'),
    regionLabel('urine', 'urine', t('map.urine')),
    regionLabel('faeces', 'faeces', t('map.faeces')),
    legend,
  );
  const element = h('div', { class: 'map-overlay' }, layer);
  let shownView: 'day' | 'years' = 'day';
  let shownFactor = 1;
  // The years view draws the model's own amounts (one crystal per packet's worth), so no exaggeration note there.
  const showScale = (): void => {
    const text =
      shownView === 'years'
        ? t('map.deposit.years', { mg: formatNumber(options.packetMg) })
        : shownFactor === 1
          ? trueScaleExplanation()
          : arteryExaggeratedLabel(shownFactor);
    setText(scaleNote, text);
  };

  return {
    element,
    trueScale,
    setScale(scale) {
      element.style.setProperty('--map-scale', String(scale));
      // Small maps keep only the region names and readouts; the key moves out below the map (see createLegend).
      element.closest('.stage-area')?.classList.toggle('is-compact', scale < COMPACT_BELOW);
    },
    setView(view) {
      element.dataset.view = view;
      shownView = view;
      showScale();
    },
    setExaggeration(factor) {
      shownFactor = factor;
      trueScale.checked = factor === 1;
      showScale();
    },
    highlight(regions) {
      for (const el of layer.querySelectorAll<HTMLElement>('[data-region]')) {
        el.classList.toggle('is-highlighted', regions.includes(el.dataset.region as RegionKey));
      }
    },
  };
}
