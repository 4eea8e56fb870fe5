/**
 * The page: header with the teaching-model notice and help, the time toolbar, and three areas — intake controls,
 * the body map (canvas plus its HTML labels) and the outcome (table, live summary, charts). The app reads the
 * session and sends events to its controller; it never changes the world itself.
 */
import type { AnyActorRef } from 'xstate';
import { formatNumber, t } from '../i18n';
import { localText } from '../lesson/localText';
import type { NamedPreset, Scene } from '../lesson/sceneSchema';
import { SPEEDS } from '../machines/simulation.machine';
import type { Inputs } from '../model/inputs';
import { MEALS } from '../model/meals';
import { MAX_MODEL_AGE } from '../model/years';
import type { RegionKey } from '../render/layout';
import type { Run, Session } from '../session/session';
import { type BloodPanel, createBloodPanel } from './bloodPanel';
import { createDayCharts, createYearsCharts } from './charts';
import { createCompareCharts } from './charts/compareCharts';
import { conditionLabels, createCompareTable } from './compare/compareTable';
import { chooseDays } from './compare/differences';
import { type Condition, createCompareControls } from './compareControls';
import { teachingModelNotice } from './content/notices';
import { simplifiedItems } from './content/simplified';
import { createDialog, removeAllDialogs } from './dialogs';
import { h, setText } from './dom';
import { createExportControls } from './export/exportControls';
import { formatDayClock } from './format';
import { Highlight, REGION_OF } from './highlight';
import { createInputControls } from './inputControls';
import { installShortcuts, shortcutRows, shortcutTable } from './keyboard';
import { createLessonPanel } from './lessonPanel';
import { sharedStateOf } from './linkState';
import { createLiveSummary, daySentence, yearsSentence } from './liveSummary';
import { createLegend, createMapLabels, type MapLabels, showDotMg } from './mapLabels';
import { Narrator } from './narration/narrator';
import { createSceneDescription } from './narration/sceneDescription';
import { createOutcomeTable } from './outcomeTable';
import { DESTINATIONS, type DestinationKey } from './outcomeTypes';
import type { PreferenceStore } from './preferenceStore';
import { createPreferencesDialog, type LanguageOption } from './preferencesDialog';
import { createPresenter, type Presenter } from './presenter';
import { createScenePicker } from './scenePicker';
import type { ShareDialog } from './shareDialog';
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

export interface MapPanelView {
  /** Where the canvas goes; its width sets the map's scale. */
  readonly stageHost: HTMLElement;
  /** Shows or clears a message over the map (no WebGL, context lost). */
  stageMessage(message: HTMLElement | null): void;
  setMapScale(scale: number): void;
}

export interface AppView {
  /** Condition A's map (the only one outside compare mode) and condition B's. */
  readonly maps: Readonly<Record<Condition, MapPanelView>>;
  /** Shows a dismissible notice at the top of the page. */
  showNotice(notice: HTMLElement): void;
  readonly presenter: Presenter;
  /** Regions the maps should outline. */
  onHighlight(listener: (regions: readonly RegionKey[]) => void): void;
  /** Per-frame refresh of the panels (throttled inside). */
  refresh(now: number): void;
  /** How much calcium one drawn dot stands for now (the adaptive budget may draw one packet in several). */
  setDotMg(mg: number): void;
  /** Says something to screen readers through the page's status region. */
  announce(message: string): void;
  /** Opens the Preferences dialog; with `field` "language", focus goes to the language menu. */
  openPreferences(field?: 'language'): void;
  /**
   * Takes the page down so it can be built again (a language switch): stops listening to the controller and the
   * keyboard and removes the dialogs. The stage hosts, with their canvases, stay. Returns what the new page keeps.
   */
  unmount(): AppMemory;
}

/** What a rebuilt page carries over from the one it replaces: state that lives only in the page, not the model. */
export interface AppMemory {
  readonly presenter: boolean;
  readonly target: Condition;
  readonly notices: readonly HTMLElement[];
  readonly preferencesOpen: boolean;
}

export interface AppShell {
  /** One host per map, made once: the map's canvas lives in it across rebuilds of the page around it. */
  readonly stageHosts: Readonly<Record<Condition, HTMLElement>>;
  /** The adaptive budget's readout, shown in Preferences (made once; it outlives rebuilds of the page). */
  readonly performance?: HTMLElement;
  /** Languages for the Preferences menu (the stored value "auto" follows the device). */
  readonly languages: readonly LanguageOption[];
  readonly restore?: AppMemory;
}

export interface SceneLibrary {
  readonly scenes: readonly Scene[];
  readonly presets: readonly NamedPreset[];
}

export function mountApp(
  root: HTMLElement,
  session: Session,
  library: SceneLibrary,
  preferences: PreferenceStore,
  shell: AppShell,
): AppView {
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
  const shortcutsOffNote = h('p', { class: 'help-shortcuts-off', text: t('help.shortcutsOff') });
  const openHelp = (): void => {
    shortcutsOffNote.hidden = preferences.get().shortcuts;
    helpDialog.open();
  };
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const notify = (message: string): void => {
    status.textContent = message;
  };
  const presenter = createPresenter(root, notify);
  // The Share dialog (with its QR encoder) and the claims checker load on first use: most lessons never open
  // them, and the first screen should not wait for their code.
  let shareDialog: ShareDialog | null = null;
  const openShare = async (opener: HTMLElement): Promise<void> => {
    const { createShareDialog } = await import('./shareDialog');
    if (!shareDialog?.element.isConnected)
      shareDialog = createShareDialog(() => sharedStateOf(session, presenter.active));
    shareDialog.open(opener);
  };
  const openClaims = async (opener: HTMLElement): Promise<void> => {
    const { openClaimsDialog } = await import('./claimsPanel');
    openClaimsDialog(opener);
  };
  const preferencesDialog = createPreferencesDialog({
    get: () => preferences.get(),
    set: (prefs) => {
      const before = preferences.get();
      preferences.set(prefs);
      // A new starting speed applies at once too; other changes apply where they are used.
      if (prefs.speed !== before.speed) send({ type: 'speed.set', speed: prefs.speed });
    },
    soundAvailable: false,
    languages: shell.languages,
    performance: shell.performance,
  });
  const picker = createScenePicker(library.scenes, library.presets, {
    startScene: (scene) => send({ type: 'lesson.start', scene }),
    applyPreset: (preset) => {
      send({ type: 'preset.apply', preset: preset.preset });
      notify(t('presets.applied', { title: localText(preset.title) }));
    },
  });

  const headerButton = (text: string, open: () => void, shortcut?: string): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'btn btn-quiet', text, 'aria-keyshortcuts': shortcut });
    b.addEventListener('click', () => open());
    return b;
  };
  /** A header button whose dialog's code is fetched on the first press (a failed fetch is said, not thrown). */
  const lazyHeaderButton = (text: string, open: (opener: HTMLElement) => Promise<void>): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'btn btn-quiet', text });
    b.addEventListener('click', () => {
      open(b).catch(() => notify(t('app.loadFailed')));
    });
    return b;
  };
  const prefsButton = headerButton(t('prefs.open'), () => preferencesDialog.open());
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
      headerButton(t('scenes.open'), () => picker.open()),
      lazyHeaderButton(t('share.open'), openShare),
      lazyHeaderButton(t('claims.panel.open'), openClaims),
      headerButton(t('simplified.open'), () => simplifiedDialog.open()),
      prefsButton,
      headerButton(t('help.open'), openHelp, '?'),
    ),
  );

  // --- Controls ------------------------------------------------------------------------------------------------
  const compareControls = createCompareControls({
    toggle: (on) => send(on ? { type: 'compare.start' } : { type: 'compare.stop' }),
    target: () => refreshControls(),
    initialTarget: shell.restore?.target,
  });
  const inputs = createInputControls((patch) =>
    send(compareControls.target === 'b' ? { type: 'compare.set', patch } : { type: 'inputs.set', patch }),
  );
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
      narrator.reset();
      session.setArteryExaggeration(DAY_ARTERY_EXAGGERATION);
      send({ type: 'resetAll' });
    },
  });

  // --- Description and narration (screen readers) --------------------------------------------------------------
  const description = createSceneDescription();
  const narrator = new Narrator();
  const narration = h('p', { class: 'visually-hidden narration', 'aria-live': 'polite', 'aria-atomic': 'true' });

  // --- Map ---------------------------------------------------------------------------------------------------
  const makeMap = (condition: Condition): MapPanel => {
    const blood = createBloodPanel();
    const labels = createMapLabels({
      highlight,
      packetMg: session.world.packetMg,
      bloodPanel: blood.element,
      onTrueScale: (on) => session.setArteryExaggeration(on ? 1 : DAY_ARTERY_EXAGGERATION),
    });
    const messageSlot = h('div', { class: 'stage-message-slot' });
    const caption = h('p', {
      class: `map-caption condition-${condition}`,
      'aria-hidden': condition === 'a' ? 'true' : undefined,
    });
    // The canvas (first child, placed by the map) stays; the HTML around it is this page's.
    const stageHost = shell.stageHosts[condition];
    const canvas = stageHost.querySelector(':scope > canvas');
    stageHost.replaceChildren(...(canvas ? [canvas] : []), labels.element, messageSlot);
    const element = h('div', { class: `map-panel map-panel-${condition}` }, caption, stageHost);
    return {
      element,
      caption,
      blood,
      labels,
      view: {
        stageHost,
        stageMessage(message) {
          messageSlot.replaceChildren(...(message ? [message] : []));
        },
        setMapScale(scale) {
          labels.setScale(scale);
        },
      },
    };
  };
  const mapA = makeMap('a');
  const mapB = makeMap('b');
  mapB.element.hidden = true;
  const mapBTitle = h('h3', { class: 'visually-hidden', text: t('compareMode.mapTitleB') });
  mapB.element.prepend(mapBTitle);
  const maps = h('div', { class: 'maps' }, mapA.element, mapB.element);
  const stage = h(
    'section',
    { class: 'stage-area', 'aria-labelledby': 'map-title' },
    h('h2', { id: 'map-title', class: 'visually-hidden', text: t('map.title') }),
    maps,
    h('div', { class: 'legend-outside' }, createLegend(session.world.packetMg)),
    description.element,
  );

  // --- Outcome -------------------------------------------------------------------------------------------------
  const table = createOutcomeTable(highlight);
  const summary = createLiveSummary();
  const chartsBox = h('div', { class: 'charts' });
  const dayCharts = createDayCharts(chartsBox, { onHover: (key) => highlight.hover(key) });
  const yearsCharts = createYearsCharts(chartsBox, { onHover: () => undefined });
  const exportControls = createExportControls({
    getView: () => actor.getSnapshot().context.view,
    getDay: () => {
      const runs = session.b ? [session.a, session.b] : [session.a];
      const labelled = runs.map((run, i) => ({
        label: i === 0 ? 'A' : 'B',
        points: run.day.points,
        day: run.day.today(run.world.model).day,
        readings: {
          carboxylatedOsteocalcin: run.world.currentHabit.carboxylatedOsteocalcin,
          activeMgp: run.world.currentHabit.activeMgp,
        },
      }));
      const first = labelled[0];
      if (labelled.length === 1 && first) {
        return { points: first.points, meta: { day: first.day, readings: first.readings } };
      }
      return { points: labelled, meta: { day: first?.day ?? 1 } };
    },
    getYears: () => {
      const b = session.lifeCourseB;
      const a = session.lifeCourse.series;
      return b
        ? [
            { label: 'A', points: a },
            { label: 'B', points: b.series },
          ]
        : a;
    },
    getInputs: () => {
      const { inputs, compare } = actor.getSnapshot().context;
      return compare ? [inputs, compare] : inputs;
    },
    getCharts: () => chartsBox.querySelectorAll('svg'),
  });
  const compareTable = createCompareTable();
  const compareBox = h('div', { class: 'compare-box', hidden: true }, compareTable.element);
  const compareCharts = createCompareCharts(compareBox);
  const outcome = h(
    'section',
    { class: 'outcome-area', 'aria-labelledby': 'outcome-title' },
    h('h2', { id: 'outcome-title', text: t('outcome.title') }),
    compareBox,
    summary.element,
    table.element,
    chartsBox,
    exportControls.element,
  );

  const layout = h(
    'main',
    { class: 'layout' },
    h('aside', { class: 'controls-area', 'aria-label': t('controls.title') }, compareControls.element, inputs.element),
    stage,
    outcome,
  );
  const lessonPanel = createLessonPanel({ send, chooseScene: () => picker.open() });
  time.element.append(presenter.button);
  const notices = h('div', { class: 'page-notices' });
  root.replaceChildren(header, notices, time.element, lessonPanel.element, layout, status, narration);

  // --- Help ----------------------------------------------------------------------------------------------------
  const shortcuts = shortcutTable({
    toggle: () => send({ type: 'toggle' }),
    step: () => send({ type: 'step', ticks: stepTicks() }),
    slower: () => changeSpeed(-1),
    faster: () => changeSpeed(1),
    dayView: () => send({ type: 'view.set', view: 'day' }),
    yearsView: () => send({ type: 'view.set', view: 'years' }),
    help: openHelp,
    next: () => send({ type: 'lesson.next' }),
    back: () => send({ type: 'lesson.back' }),
    reveal: () => send({ type: 'lesson.reveal' }),
    scene: (n) => {
      const scene = library.scenes[n - 1];
      if (scene) send({ type: 'lesson.start', scene });
      else notify(t('scenes.none', { n }));
    },
    fullscreen: () => presenter.toggleFullscreen(),
  });
  const uninstallShortcuts = installShortcuts(shortcuts, () => preferences.get().shortcuts);
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
    shortcutsOffNote,
    h('p', { text: t('help.sliders') }),
    h('p', { text: t('help.tab') }),
  );

  // --- Highlight -----------------------------------------------------------------------------------------------
  // A hovered or pinned row wins; otherwise the lesson step's regions show.
  const highlightListeners: ((regions: readonly RegionKey[]) => void)[] = [];
  let hoveredRegion: RegionKey | null = null;
  let lessonRegions: readonly RegionKey[] = [];
  let shownRegions = '';
  const showRegions = (): void => {
    const regions = hoveredRegion ? [hoveredRegion] : lessonRegions;
    const id = regions.join(',');
    if (id === shownRegions) return;
    shownRegions = id;
    mapA.labels.highlight(regions);
    mapB.labels.highlight(regions);
    for (const listener of highlightListeners) listener(regions);
  };
  highlight.listen((key) => {
    hoveredRegion = key ? REGION_OF[key] : null;
    showRegions();
    dayCharts.highlight(isDestination(key) ? key : null);
    yearsCharts.highlight(key === 'boneIn' || key === 'boneOut' ? 'bone' : key === 'artery' ? 'artery' : null);
  });

  // --- Refresh -------------------------------------------------------------------------------------------------
  let shownVersion = -1;
  let lastPanelAt = Number.NEGATIVE_INFINITY;
  let shownExaggeration = -1;
  let captionedInputs: Inputs | null = null;
  let captionedCompare: Inputs | null = null;
  const refreshControls = (): void => {
    const snap = actor.getSnapshot();
    const { context } = snap;
    const running = snap.matches({ clock: 'running' }) || snap.matches({ clock: 'suspended' });
    time.show({
      running,
      speed: context.speed,
      view: context.view,
      clock: clockText(),
      ended: context.view === 'years' && session.lifeCourseEnded,
    });
    if (running && context.view === 'years' && session.lifeCourseEnded) send({ type: 'pause' });
    const comparing = context.compare !== null;
    compareControls.show(comparing);
    inputs.show(compareControls.target === 'b' && context.compare ? context.compare : context.inputs);
    root.dataset.condition = compareControls.target;
    mapB.element.hidden = !comparing;
    stage.classList.toggle('comparing', comparing);
    // Snapshots arrive every frame while running; the captions only change with A's or B's inputs.
    if (context.compare && (context.inputs !== captionedInputs || context.compare !== captionedCompare)) {
      captionedInputs = context.inputs;
      captionedCompare = context.compare;
      const names = conditionLabels(context.inputs, context.compare);
      setText(mapA.caption, names.a);
      setText(mapB.caption, names.b);
    }
    for (const map of [mapA, mapB]) {
      map.labels.setView(context.view);
      if (shownExaggeration !== session.arteryDrawingScale) map.labels.setExaggeration(session.arteryDrawingScale);
    }
    shownExaggeration = session.arteryDrawingScale;
    root.dataset.view = context.view;
    lessonRegions = context.highlight;
    showRegions();
    const runner = snap.children.lesson ?? null;
    if (runner !== shownRunner) {
      shownRunner = runner;
      runnerSubscription?.unsubscribe();
      runnerSubscription = runner?.subscribe(() => showLesson()) ?? null;
    }
    showLesson();
  };
  /** The toolbar's clock: time of day in the day view, age in the years view. */
  const clockText = (): string => {
    const { context } = actor.getSnapshot();
    if (context.view === 'day') return formatDayClock(session.world.model.tick);
    const course = session.lifeCourse;
    const latest = course.series[course.series.length - 1] ?? null;
    return t('time.clock.years', { age: formatNumber(latest?.ageYears ?? context.inputs.ageYears) });
  };
  let shownRunner: AnyActorRef | null = null;
  let runnerSubscription: { unsubscribe(): void } | null = null;
  const showLesson = (): void => {
    const { context } = actor.getSnapshot();
    lessonPanel.show(shownRunner, { tick: context.tick, observeUntil: context.observeUntil, view: context.view });
  };
  const controllerSubscription = actor.subscribe(() => refreshControls());
  if (shell.restore) {
    presenter.set(shell.restore.presenter);
    notices.append(...shell.restore.notices);
  }
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
      showBloodDay(mapA.blood, session.a, context.inputs);
      if (session.b && context.compare) showBloodDay(mapB.blood, session.b, context.compare);
      dayCharts.update(session.day.points);
      // While comparing, the compare panel's headline is the one spoken; two live regions would talk over each other.
      if (!context.compare) summary.offer(daySentence(today), now);
    } else {
      const course = session.lifeCourse;
      const latest = course.series[course.series.length - 1] ?? null;
      const startAge = course.inputs.ageYears;
      table.showYears({ latest, startAge });
      mapA.blood.showYears(latest, startAge);
      const courseB = session.lifeCourseB;
      if (courseB) mapB.blood.showYears(courseB.series[courseB.series.length - 1] ?? null, courseB.inputs.ageYears);
      const endAge = Math.min(MAX_MODEL_AGE, Math.max(startAge + 40, latest?.ageYears ?? startAge));
      yearsCharts.update(course.series, startAge, endAge);
      if (!context.compare) summary.offer(yearsSentence(latest, startAge), now);
    }
    refreshCompare();
    narrate(now);
    dayCharts.element.hidden = context.view !== 'day';
    yearsCharts.element.hidden = context.view !== 'years';
    exportControls.refresh();
  };

  const narrate = (now: number): void => {
    const snap = actor.getSnapshot();
    const { context } = snap;
    const world = session.world;
    const habit = world.currentHabit;
    const day = context.view === 'day';
    const course = day ? null : session.lifeCourse;
    const latestYear = course ? (course.series[course.series.length - 1] ?? null) : null;
    const today = day ? session.day.today(world.model) : undefined;
    const sentence = narrator.observe(
      {
        view: context.view,
        comparing: context.compare !== null,
        inputs: context.inputs,
        activeMgp: habit.activeMgp,
        arteryDrive: habit.arteryMgPerDayAtReference,
        today,
        lastDay: day ? session.day.lastDay : undefined,
        latestYear,
      },
      now,
    );
    if (sentence) narration.textContent = sentence;
    description.show(
      {
        view: context.view,
        running: snap.matches({ clock: 'running' }),
        speed: context.speed,
        clock: clockText(),
        inputs: context.inputs,
        compare: context.compare,
        packetMg: world.packetMg,
        carboxylatedOsteocalcin: habit.carboxylatedOsteocalcin,
        activeMgp: habit.activeMgp,
        today,
        latestYear,
        startAge: course?.inputs.ageYears,
      },
      now,
    );
  };

  const refreshCompare = (): void => {
    const { context } = actor.getSnapshot();
    const b = session.b;
    compareBox.hidden = !b || !context.compare;
    summary.element.hidden = !compareBox.hidden;
    if (!b || !context.compare) return;
    const labels = conditionLabels(context.inputs, context.compare);
    compareCharts.setLabels(labels);
    if (context.view === 'day') {
      const a = session.a;
      const days = chooseDays(
        { today: a.day.today(a.world.model), lastDay: a.day.lastDay },
        { today: b.day.today(b.world.model), lastDay: b.day.lastDay },
      );
      compareTable.showDay(days.a, days.b, labels, {
        a: { activeMgp: a.world.currentHabit.activeMgp, mgpAbsent: context.inputs.mgpAbsent },
        b: { activeMgp: b.world.currentHabit.activeMgp, mgpAbsent: context.compare.mgpAbsent },
      });
      compareCharts.update('day', a.day.points, b.day.points);
    } else {
      const courseA = session.lifeCourse;
      const courseB = session.lifeCourseB;
      if (!courseB) return;
      const startAge = courseA.inputs.ageYears;
      const latestAge = Math.max(
        courseA.series.at(-1)?.ageYears ?? startAge,
        courseB.series.at(-1)?.ageYears ?? startAge,
      );
      const endAge = Math.min(MAX_MODEL_AGE, Math.max(startAge + 40, latestAge));
      compareTable.showYears(courseA.series.at(-1) ?? null, courseB.series.at(-1) ?? null, labels, startAge);
      compareCharts.update('years', courseA.series, courseB.series, startAge, endAge, courseB.inputs.ageYears);
    }
  };

  return {
    maps: { a: mapA.view, b: mapB.view },
    presenter,
    showNotice(notice) {
      notices.append(notice);
    },
    onHighlight(listener) {
      highlightListeners.push(listener);
    },
    announce: notify,
    setDotMg(mg) {
      showDotMg(root, mg);
    },
    openPreferences(field) {
      preferencesDialog.open(prefsButton);
      if (field === 'language') preferencesDialog.focusLanguage();
    },
    unmount() {
      controllerSubscription.unsubscribe();
      runnerSubscription?.unsubscribe();
      uninstallShortcuts();
      const memory: AppMemory = {
        presenter: presenter.active,
        target: compareControls.target,
        notices: [...notices.children].filter((e): e is HTMLElement => e instanceof HTMLElement),
        preferencesOpen: preferencesDialog.element.open,
      };
      removeAllDialogs();
      return memory;
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

interface MapPanel {
  readonly element: HTMLElement;
  readonly caption: HTMLElement;
  readonly blood: BloodPanel;
  readonly labels: MapLabels;
  readonly view: MapPanelView;
}

function showBloodDay(blood: BloodPanel, run: Run, inputs: Inputs): void {
  const { world } = run;
  const habit = world.currentHabit;
  blood.showDay({
    serum: run.day.today(world.model).serumNow,
    pth: world.model.pth,
    calcitriol: world.model.calcitriol,
    d25: habit.d25,
    carboxylated: habit.carboxylatedMgp,
    mgpAbsent: inputs.mgpAbsent,
    meal: mealNote(world.model.tick % 1440, inputs.calciumMgPerDay),
  });
}

function mealNote(minuteOfDay: number, calciumMgPerDay: number): string {
  const meal = MEALS.find((m) => minuteOfDay >= m.minute && minuteOfDay < m.minute + MEAL_NOTE_MINUTES);
  if (!meal) return '';
  return t(`meal.${meal.name}`, { mg: formatNumber(calciumMgPerDay * meal.share) });
}

const isDestination = (key: string | null): key is DestinationKey =>
  key !== null && (DESTINATIONS as readonly string[]).includes(key);
