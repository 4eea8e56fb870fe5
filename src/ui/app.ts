/**
 * The page: header with the teaching-model notice and help, the time toolbar, and three areas — intake controls,
 * the body map (canvas plus its HTML labels) and the outcome (table, live summary, charts). The app reads the
 * session and sends events to its controller; it never changes the world itself.
 */
import { formatNumber, t } from '../i18n';
import { SPEEDS } from '../machines/simulation.machine';
import { MEALS } from '../model/meals';
import { MAX_MODEL_AGE } from '../model/years';
import type { RegionKey } from '../render/layout';
import type { Session } from '../session/session';
import { createBloodPanel } from './bloodPanel';
import { createDayCharts, createYearsCharts } from './charts';
import { teachingModelNotice } from './content/notices';
import { simplifiedItems } from './content/simplified';
import { createDialog } from './dialogs';
import { h } from './dom';
import { formatDayClock } from './format';
import { Highlight, REGION_OF } from './highlight';
import { createInputControls } from './inputControls';
import { installShortcuts, shortcutRows, shortcutTable } from './keyboard';
import { createLiveSummary, daySentence, yearsSentence } from './liveSummary';
import { createLegend, createMapLabels } from './mapLabels';
import { createOutcomeTable } from './outcomeTable';
import { DESTINATIONS, type DestinationKey } from './outcomeTypes';
import { createTimeControls } from './timeControls';

/** Day-view drawing scale for artery deposits: the model's rate would show nothing in a day (docs/model.md). */
export const DAY_ARTERY_EXAGGERATION = 2000;
/**
 * Calcium per drawn packet, mg. At 10 mg the bone-surface pool (about 4 g) is some 400 dots: dense enough to read
 * as a big, busy store, sparse enough that single exchanges with blood can still be followed.
 */
export const PACKET_MG = 10;
/** Simulated minutes one press of Step moves in the day view: one chart sample. */
export const DAY_STEP_TICKS = 10;
/** Panels refresh at most this often (ms): numbers that change faster than this cannot be read anyway. */
const PANEL_INTERVAL_MS = 250;
/** How long after a meal its note stays on the map, simulated minutes. */
const MEAL_NOTE_MINUTES = 90;

export interface AppView {
  /** Where the canvas goes; its width sets the map's scale. */
  readonly stageHost: HTMLElement;
  /** Shows or clears a message over the map (no WebGL, context lost). */
  stageMessage(message: HTMLElement | null): void;
  setMapScale(scale: number): void;
  /** Regions the map should outline. */
  onHighlight(listener: (region: RegionKey | null) => void): void;
  /** Per-frame refresh of the panels (throttled inside). */
  refresh(now: number): void;
}

export function mountApp(root: HTMLElement, session: Session): AppView {
  const actor = session.actor;
  const send = actor.send.bind(actor);
  const highlight = new Highlight();

  // --- Header ------------------------------------------------------------------------------------------------
  const notice = teachingModelNotice();
  const aboutDialog = createDialog(notice.title);
  aboutDialog.body.append(...notice.paragraphs.map((p) => h('p', { text: p })));
  const simplifiedDialog = createDialog(t('simplified.title'), 'dialog-wide');
  simplifiedDialog.body.append(
    h(
      'ul',
      { class: 'simplified-list' },
      ...simplifiedItems({ packetMg: session.world.packetMg }).map((item) =>
        h('li', {}, h('strong', { text: item.title }), ' ', item.body),
      ),
    ),
  );
  const helpDialog = createDialog(t('help.title'));

  const headerButton = (text: string, open: () => void, shortcut?: string): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'btn btn-quiet', text, 'aria-keyshortcuts': shortcut });
    b.addEventListener('click', () => open());
    return b;
  };
  const header = h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'brand' },
      h('h1', { text: t('app.title') }),
      h('p', { class: 'tagline', text: t('app.tagline') }),
    ),
    h(
      'p',
      { class: 'teaching-notice' },
      h('strong', { text: notice.title }),
      ' ',
      headerButton(t('app.aboutNotice'), () => aboutDialog.open()),
    ),
    h(
      'nav',
      { class: 'topbar-actions', 'aria-label': t('app.panels') },
      headerButton(t('simplified.open'), () => simplifiedDialog.open()),
      headerButton(t('help.open'), () => helpDialog.open(), '?'),
    ),
  );

  // --- Controls ------------------------------------------------------------------------------------------------
  const inputs = createInputControls((patch) => send({ type: 'inputs.set', patch }));
  const stepTicks = (): number => (actor.getSnapshot().context.view === 'day' ? DAY_STEP_TICKS : 1);
  const changeSpeed = (by: number): void => {
    const i = SPEEDS.indexOf(actor.getSnapshot().context.speed);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + by))];
    if (next) send({ type: 'speed.set', speed: next });
  };
  const time = createTimeControls({
    toggle: () => send({ type: 'toggle' }),
    step: () => send({ type: 'step', ticks: stepTicks() }),
    speed: (speed) => send({ type: 'speed.set', speed }),
    view: (view) => send({ type: 'view.set', view }),
    resetAll: () => {
      highlight.clear();
      session.setArteryExaggeration(DAY_ARTERY_EXAGGERATION);
      send({ type: 'resetAll' });
    },
  });

  // --- Map -----------------------------------------------------------------------------------------------------
  const blood = createBloodPanel();
  const labels = createMapLabels({
    highlight,
    packetMg: session.world.packetMg,
    bloodPanel: blood.element,
    onTrueScale: (on) => session.setArteryExaggeration(on ? 1 : DAY_ARTERY_EXAGGERATION),
  });
  const messageSlot = h('div', { class: 'stage-message-slot' });
  const stageHost = h('div', { class: 'stage' }, labels.element, messageSlot);
  const stage = h(
    'section',
    { class: 'stage-area', 'aria-labelledby': 'map-title' },
    h('h2', { id: 'map-title', class: 'visually-hidden', text: t('map.title') }),
    stageHost,
    h('div', { class: 'legend-outside' }, createLegend(session.world.packetMg)),
  );

  // --- Outcome -------------------------------------------------------------------------------------------------
  const table = createOutcomeTable(highlight);
  const summary = createLiveSummary();
  const chartsBox = h('div', { class: 'charts' });
  const dayCharts = createDayCharts(chartsBox, { onHover: (key) => highlight.hover(key) });
  const yearsCharts = createYearsCharts(chartsBox, { onHover: () => undefined });
  const outcome = h(
    'section',
    { class: 'outcome-area', 'aria-labelledby': 'outcome-title' },
    h('h2', { id: 'outcome-title', text: t('outcome.title') }),
    summary.element,
    table.element,
    chartsBox,
  );

  const layout = h(
    'main',
    { class: 'layout' },
    h('aside', { class: 'controls-area', 'aria-label': t('controls.title') }, inputs.element),
    stage,
    outcome,
  );
  root.replaceChildren(header, time.element, layout);

  // --- Help ----------------------------------------------------------------------------------------------------
  const shortcuts = shortcutTable({
    toggle: () => send({ type: 'toggle' }),
    step: () => send({ type: 'step', ticks: stepTicks() }),
    slower: () => changeSpeed(-1),
    faster: () => changeSpeed(1),
    dayView: () => send({ type: 'view.set', view: 'day' }),
    yearsView: () => send({ type: 'view.set', view: 'years' }),
    help: () => helpDialog.open(),
  });
  installShortcuts(shortcuts);
  helpDialog.body.append(
    h(
      'table',
      { class: 'keys-table' },
      h('caption', { text: t('help.caption') }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: t('help.col.keys') }),
          h('th', { scope: 'col', text: t('help.col.action') }),
        ),
      ),
      h(
        'tbody',
        {},
        ...shortcutRows(shortcuts).map(([keys, action]) =>
          h('tr', {}, h('td', {}, h('kbd', { text: keys })), h('td', { text: action })),
        ),
      ),
    ),
    h('p', { text: t('help.sliders') }),
    h('p', { text: t('help.tab') }),
  );

  // --- Highlight -----------------------------------------------------------------------------------------------
  const highlightListeners: ((region: RegionKey | null) => void)[] = [];
  highlight.listen((key) => {
    const region = key ? REGION_OF[key] : null;
    labels.highlight(region);
    dayCharts.highlight(isDestination(key) ? key : null);
    yearsCharts.highlight(key === 'boneIn' || key === 'boneOut' ? 'bone' : key === 'artery' ? 'artery' : null);
    for (const listener of highlightListeners) listener(region);
  });

  // --- Refresh -------------------------------------------------------------------------------------------------
  let shownVersion = -1;
  let lastPanelAt = Number.NEGATIVE_INFINITY;
  let shownExaggeration = -1;
  const refreshControls = (): void => {
    const snap = actor.getSnapshot();
    const { context } = snap;
    const running = snap.matches({ clock: 'running' }) || snap.matches({ clock: 'suspended' });
    const course = context.view === 'years' ? session.lifeCourse : null;
    const latest = course?.series[course.series.length - 1] ?? null;
    time.show({
      running,
      speed: context.speed,
      view: context.view,
      clock:
        context.view === 'day'
          ? formatDayClock(session.world.model.tick)
          : t('time.clock.years', { age: formatNumber(latest?.ageYears ?? context.inputs.ageYears) }),
      ended: context.view === 'years' && session.lifeCourseEnded,
    });
    if (running && context.view === 'years' && session.lifeCourseEnded) send({ type: 'pause' });
    inputs.show(context.inputs);
    labels.setView(context.view);
    root.dataset.view = context.view;
    if (shownExaggeration !== session.arteryDrawingScale) {
      shownExaggeration = session.arteryDrawingScale;
      labels.setExaggeration(shownExaggeration);
    }
  };
  actor.subscribe(() => refreshControls());
  refreshControls();

  const refreshPanels = (now: number): void => {
    const { context } = actor.getSnapshot();
    const world = session.world;
    if (context.view === 'day') {
      const today = session.day.today(world.model);
      const habit = world.currentHabit;
      table.showDay({
        today,
        lastDay: session.day.lastDay,
        carboxylatedOsteocalcin: habit.carboxylatedOsteocalcin,
        activeMgp: habit.activeMgp,
        mgpAbsent: context.inputs.mgpAbsent,
        warfarin: context.inputs.warfarin,
      });
      blood.showDay({
        serum: today.serumNow,
        pth: world.model.pth,
        calcitriol: world.model.calcitriol,
        d25: habit.d25,
        carboxylated: habit.carboxylatedMgp,
        mgpAbsent: context.inputs.mgpAbsent,
        meal: mealNote(world.model.tick % 1440, context.inputs.calciumMgPerDay),
      });
      dayCharts.update(session.day.points);
      summary.offer(daySentence(today), now);
    } else {
      const course = session.lifeCourse;
      const latest = course.series[course.series.length - 1] ?? null;
      const startAge = course.inputs.ageYears;
      table.showYears({ latest, startAge });
      blood.showYears(latest, startAge);
      const endAge = Math.min(MAX_MODEL_AGE, Math.max(startAge + 40, latest?.ageYears ?? startAge));
      yearsCharts.update(course.series, startAge, endAge);
      summary.offer(yearsSentence(latest, startAge), now);
    }
    dayCharts.element.hidden = context.view !== 'day';
    yearsCharts.element.hidden = context.view !== 'years';
  };

  return {
    stageHost,
    stageMessage(message) {
      messageSlot.replaceChildren(...(message ? [message] : []));
    },
    setMapScale(scale) {
      labels.setScale(scale);
    },
    onHighlight(listener) {
      highlightListeners.push(listener);
    },
    refresh(now) {
      if (session.version === shownVersion && now - lastPanelAt < 2000) return;
      if (now - lastPanelAt < PANEL_INTERVAL_MS) return;
      shownVersion = session.version;
      lastPanelAt = now;
      refreshControls();
      refreshPanels(now);
    },
  };
}

function mealNote(minuteOfDay: number, calciumMgPerDay: number): string {
  const meal = MEALS.find((m) => minuteOfDay >= m.minute && minuteOfDay < m.minute + MEAL_NOTE_MINUTES);
  if (!meal) return '';
  return t(`meal.${meal.name}`, { mg: formatNumber(calciumMgPerDay * meal.share) });
}

const isDestination = (key: string | null): key is DestinationKey =>
  key !== null && (DESTINATIONS as readonly string[]).includes(key);
