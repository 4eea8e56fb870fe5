/**
 * Wiring only: the session (controller + world), the HTML app, and the Pixi map that draws the world. The map is
 * optional — without WebGL the controls, table and charts still work and a message says why the map is missing.
 */
import './ui/styles/index.css';
import { presets, scenes } from 'virtual:scenes';
import { currentLocale, formatNumber, t } from './i18n';
import { AUTO_LANGUAGE, LANGUAGES, loadLanguage, resolveLanguage } from './i18n/languages';
import { BUDGET_LEVELS, FrameBudget } from './render/frameBudget';
import { MapScene } from './render/mapScene';
import { PALETTES } from './render/palette';
import { NoWebGLError, type PixiStage, startPixiStage } from './render/pixiStage';
import { type Run, Session } from './session/session';
import { completeState, DEFAULT_SHARED_STATE, decodeState, encodeState, type SharedState } from './share/urlState';
import { type AppShell, type AppView, DAY_ARTERY_EXAGGERATION, mountApp, PACKET_MG } from './ui/app';
import type { Condition } from './ui/compareControls';
import { h } from './ui/dom';
import { applySharedState, sharedStateOf } from './ui/linkState';
import { createNotice } from './ui/notice';
import { createPerformanceReadout } from './ui/performanceReadout';
import { createPreferenceStore, wantsReducedMotion } from './ui/preferenceStore';
import { documentTheme, installTheme } from './ui/theme';

/** Seconds of packet animation per real second, by speed: faster runs move packets faster, but not 16× faster. */
const VISUAL_SPEED = { slow: 0.6, normal: 1, fast: 1.6 } as const;
/** After a Step while paused, packets finish their journeys for this long, then freeze again. */
const STEP_ANIMATION_SECONDS = 1.2;
/** Without a restore within this time, offer to reload (with the student's settings kept). */
const RESTORE_WAIT_MS = 3000;
/** Packet sizes the address may ask for, mg: below 0.25 mg a day holds some 80,000 packets. */
const PACKET_MG_RANGE = { min: 0.25, max: 100 } as const;
/** How often the address bar's hash is brought up to date (ms). */
const HASH_INTERVAL_MS = 250;

const preferences = createPreferenceStore();
const sceneIds = scenes.map((scene) => scene.id);
const link = decodeState(window.location.hash, { sceneIds });
// A shared link sets everything it carries; otherwise the device's preferred speed applies.
const startState: SharedState = link.shared
  ? completeState(link.state)
  : { ...DEFAULT_SHARED_STATE, speed: preferences.get().speed };
// ?packetMg=… fixes the packet size (benchmarks, very large boards); the adaptive budget is then off.
const packetRequest = readPacketMg(new URLSearchParams(window.location.search).get('packetMg'));
const packetMg = packetRequest.value ?? PACKET_MG;
const session = new Session({
  input: { inputs: startState.inputs, seed: startState.seed, speed: startState.speed, compare: startState.compare },
  arteryExaggeration: DAY_ARTERY_EXAGGERATION,
  packetMg,
});
const root = findRoot();

/** The language the preferences ask for, as a tag we have ("auto" follows the browser's list). */
const wantedLanguage = (): string => resolveLanguage(preferences.get().language, navigator.languages);
/** Makes `tag` current: its strings (fetched on first use), the page's lang, and a console line for maintainers. */
async function useLanguage(tag: string): Promise<void> {
  const loaded = await loadLanguage(tag);
  document.documentElement.lang = loaded.tag;
  if (loaded.problems.length > 0) console.warn(`Calcium Routes: language files: ${loaded.problems.join('; ')}`);
}
await useLanguage(wantedLanguage());

// The maps' hosts outlive the page around them: a language switch rebuilds the page, never the WebGL canvases.
const stageHosts = { a: h('div', { class: 'stage' }), b: h('div', { class: 'stage' }) };
const languageMenu = (): AppShell['languages'] => [
  { tag: AUTO_LANGUAGE, name: t('prefs.language.auto') },
  ...LANGUAGES,
];
const performanceReadout = createPerformanceReadout();
let app: AppView = mountApp(root, session, { scenes, presets }, preferences, {
  stageHosts,
  performance: performanceReadout.element,
  languages: languageMenu(),
});
if (link.shared) {
  applySharedState(session, startState, scenes);
  app.presenter.set(startState.presenter);
}
if (packetRequest.problem !== null) {
  app.showNotice(
    createNotice(t('notice.link.title'), [
      t('notice.packetMg', {
        value: packetRequest.problem,
        min: formatNumber(PACKET_MG_RANGE.min, 2),
        max: formatNumber(PACKET_MG_RANGE.max, 2),
        fallback: PACKET_MG,
      }),
    ]),
  );
}
if (link.problems.length > 0) {
  app.showNotice(createNotice(t('notice.link.title'), [...link.problems, t('notice.link.after')]));
}
if (preferences.problems.length > 0) app.showNotice(createNotice(t('notice.prefs.title'), preferences.problems));
// A learning platform that frames the app may drive it by postMessage (docs/embed.md). Only a framed page loads
// the API (and its message checker); `app` changes on a language switch, so the announcer looks it up each time.
if (window.parent !== window) {
  import('./embed/embedApi')
    .then(({ installEmbedApi }) => installEmbedApi(session, { scenes, announce: (text) => app.announce(text) }))
    .catch((error: unknown) => console.warn('Calcium Routes: the embed API could not load', error));
}

// The hash always describes what is on screen, so the address bar is a share link and a reload keeps the state.
let writtenHash = window.location.hash.replace(/^#/, '');
const keepHashCurrent = (): void => {
  // A link pasted into the address bar waits for its hashchange; writing now would overwrite it.
  if (window.location.hash.replace(/^#/, '') !== writtenHash) return;
  const hash = encodeState(sharedStateOf(session, app.presenter.active));
  if (hash === writtenHash) return;
  writtenHash = hash;
  window.history.replaceState(null, '', `#${hash}`);
};
window.addEventListener('hashchange', (event) => {
  const hash = new URL(event.newURL).hash.replace(/^#/, '');
  if (hash === writtenHash) return;
  writtenHash = hash;
  const pasted = decodeState(hash, { sceneIds });
  const state = completeState(pasted.state);
  applySharedState(session, state, scenes);
  app.presenter.set(state.presenter);
  if (pasted.problems.length > 0) {
    app.showNotice(createNotice(t('notice.link.title'), [...pasted.problems, t('notice.link.after')]));
  }
});

// Debug and test handle: read-only views of what is running (end-to-end tests read the renderer name from it).
const debug: { rendererName: string | null; session: Session; pixi: PixiStage | null; pixiB: PixiStage | null } = {
  rendererName: null,
  session,
  pixi: null,
  pixiB: null,
};
(window as unknown as { calciumRoutes: typeof debug }).calciumRoutes = debug;

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const motionIsReduced = (): boolean => wantsReducedMotion(preferences.get(), reducedMotion.matches);
// The page's own transitions follow the same choice as the map (CSS alone would only see the device setting).
const showMotionChoice = (): void => {
  document.documentElement.dataset.motion = motionIsReduced() ? 'reduced' : 'full';
};
showMotionChoice();
reducedMotion.addEventListener('change', showMotionChoice);
preferences.listen(showMotionChoice);

/** What each map shows besides its canvas, kept so a rebuilt page (language switch) shows it again. */
const mapShown: Record<Condition, { scale: number | null; message: (() => HTMLElement) | null }> = {
  a: { scale: null, message: null },
  b: { scale: null, message: null },
};
/** A message over a map (made by `make`, so a rebuilt page makes it again in its language), or none. */
function showStageMessage(condition: Condition, make: (() => HTMLElement) | null): void {
  mapShown[condition].message = make;
  app.maps[condition].stageMessage(make ? make() : null);
}
const mapScenes: MapScene[] = [];
const mapStages: PixiStage[] = [];

// The adaptive budget: fewer packets drawn (then fewer pixels) on a device that cannot keep up; never the model.
const budget = packetRequest.value === null ? new FrameBudget() : null;
function showBudget(): void {
  const level = budget?.level ?? BUDGET_LEVELS[0];
  if (!level) return;
  app.setDotMg(packetMg * level.packetStride);
  performanceReadout.show({ medianMs: budget?.medianMs ?? Number.NaN, level, packetMg, fixed: budget === null });
}
function applyBudget(): void {
  if (!budget) return;
  for (const scene of mapScenes) scene.setPacketStride(budget.level.packetStride);
  for (const stage of mapStages) stage.setResolutionScale(budget.level.resolutionScale);
  showBudget();
}
showBudget();
// The readout's frame rate is refreshed while Preferences may be open; cheap, and only words change.
window.setInterval(showBudget, 2000);
// The theme follows the preference or the device; the maps redraw in it (the page's CSS follows data-theme).
let mapTheme = documentTheme();
installTheme(preferences, (theme) => {
  mapTheme = theme;
  for (const scene of mapScenes) scene.setTheme(theme);
  for (const stage of mapStages) stage.setBackground(PALETTES[theme].background);
});
/** The page decides what to outline (lesson step, hovered row); every map draws it. */
function forwardHighlights(view: AppView): void {
  view.onHighlight((regions) => {
    for (const scene of mapScenes) scene.highlight(regions);
  });
}
forwardHighlights(app);

/** Draws one condition's run on one map; B's map starts the first time compare is switched on. */
async function startMap(condition: Condition): Promise<PixiStage> {
  const runOf = (): Run | null => (condition === 'a' ? session.a : session.b);
  let contextLost = false;
  let resumeAfterRestore = false;
  let reloadTimer = 0;
  const pixi = await startPixiStage(
    stageHosts[condition],
    {
      onScale: (scale) => {
        mapShown[condition].scale = scale;
        app.maps[condition].setMapScale(scale);
      },
      onContextLost: () => {
        contextLost = true;
        const snap = session.actor.getSnapshot();
        resumeAfterRestore = !snap.matches({ clock: 'paused' });
        session.actor.send({ type: 'pause' });
        pixi.app.ticker.stop();
        showStageMessage(condition, () => messageBox(t('map.contextLost.title'), t('map.contextLost.body')));
        window.setTimeout(() => pixi.restoreContext(), 500);
        reloadTimer = window.setTimeout(() => {
          if (!contextLost) return;
          showStageMessage(condition, () => {
            const reload = h('button', { type: 'button', class: 'btn btn-primary', text: t('map.contextLost.reload') });
            reload.addEventListener('click', () => {
              // The hash holds the whole state, so the reloaded page starts where this one was.
              keepHashCurrent();
              window.location.reload();
            });
            return messageBox(t('map.contextLost.title'), t('map.contextLost.stuck'), reload);
          });
        }, RESTORE_WAIT_MS);
      },
      onContextRestored: () => {
        contextLost = false;
        window.clearTimeout(reloadTimer);
        showStageMessage(condition, null);
        pixi.app.ticker.start();
        if (resumeAfterRestore) session.actor.send({ type: 'play' });
      },
    },
    mapTheme,
  );
  mapStages.push(pixi);

  const scene = new MapScene(mapTheme);
  pixi.app.stage.addChild(scene.root);
  scene.setReducedMotion(motionIsReduced());
  reducedMotion.addEventListener('change', () => scene.setReducedMotion(motionIsReduced()));
  preferences.listen(() => scene.setReducedMotion(motionIsReduced()));
  mapScenes.push(scene);

  let stepBudget = 0;
  let lastTick = -1;
  if (condition === 'a') {
    // Map A's frames are the measure of this device (B's share the same GPU and budget).
    pixi.app.ticker.add((ticker) => {
      if (!budget || !session.actor.getSnapshot().matches({ clock: 'running' })) return;
      if (budget.record(ticker.deltaMS)) applyBudget();
    });
  }
  scene.setPacketStride(budget?.level.packetStride ?? 1);
  pixi.setResolutionScale(budget?.level.resolutionScale ?? 1);
  pixi.app.ticker.add((ticker) => {
    const run = runOf();
    if (!run) return;
    const snap = session.actor.getSnapshot();
    const { context } = snap;
    const realSeconds = ticker.deltaMS / 1000;
    let dt = 0;
    if (snap.matches({ clock: 'running' })) {
      dt = realSeconds * VISUAL_SPEED[context.speed];
    } else {
      // Paused: still until a Step moves the world, then long enough for the new journeys to play out.
      if (run.world.model.tick !== lastTick && lastTick >= 0) stepBudget = STEP_ANIMATION_SECONDS;
      dt = Math.min(realSeconds, stepBudget);
      stepBudget -= dt;
    }
    lastTick = run.world.model.tick;
    const inputs = condition === 'a' ? context.inputs : context.compare;
    const course = context.view === 'years' && inputs ? run.lifeCourse(inputs) : null;
    scene.draw({
      world: run.world,
      view: context.view,
      dt,
      year: course ? (course.series[course.series.length - 1] ?? null) : null,
    });
  });

  document.addEventListener('visibilitychange', () => {
    if (document.hidden || (condition === 'b' && !session.b)) pixi.app.ticker.stop();
    else if (!contextLost) pixi.app.ticker.start();
  });
  return pixi;
}

function mapFailed(condition: Condition, error: unknown): void {
  const noWebGL = error instanceof NoWebGLError;
  showStageMessage(condition, () =>
    messageBox(t('map.noWebGL.title'), noWebGL ? t('map.noWebGL.body') : t('map.failed.body')),
  );
  if (!noWebGL) console.warn('Calcium Routes: the map could not start', error);
}

startMap('a')
  .then((pixi) => {
    debug.pixi = pixi;
    debug.rendererName = pixi.rendererName;
  })
  .catch((error: unknown) => mapFailed('a', error));

// B's map: a second renderer only while comparing (its ticker stops when compare ends).
let mapB: Promise<PixiStage | null> | null = null;
const showMapB = (comparing: boolean): void => {
  if (comparing && !mapB) {
    mapB = startMap('b')
      .then((pixi) => {
        debug.pixiB = pixi;
        return pixi;
      })
      .catch((error: unknown) => {
        mapFailed('b', error);
        return null;
      });
  }
  void mapB?.then((pixi) => {
    if (!pixi) return;
    if (comparing && !document.hidden) pixi.app.ticker.start();
    else pixi.app.ticker.stop();
  });
};
session.actor.subscribe((snap) => showMapB(snap.context.compare !== null));
showMapB(session.actor.getSnapshot().context.compare !== null);

document.addEventListener('visibilitychange', () => {
  session.actor.send({ type: document.hidden ? 'visibility.hidden' : 'visibility.visible' });
});

let hashCheckedAt = 0;
function panelLoop(now: number): void {
  app.refresh(now);
  if (now - hashCheckedAt > HASH_INTERVAL_MS) {
    hashCheckedAt = now;
    keepHashCurrent();
  }
  window.requestAnimationFrame(panelLoop);
}
window.requestAnimationFrame(panelLoop);

/**
 * Shows the page in the language the preferences ask for, without a reload: the strings are swapped and the page
 * is built again around the same session, maps and state. Whoever switched from the Preferences dialog lands back
 * on its language menu, and hears the change.
 */
let languageSwitch: Promise<void> = Promise.resolve();
function followLanguagePreference(): void {
  languageSwitch = languageSwitch.then(async () => {
    const tag = wantedLanguage();
    if (tag === currentLocale()) return;
    await useLanguage(tag);
    const memory = app.unmount();
    app = mountApp(root, session, { scenes, presets }, preferences, {
      stageHosts,
      performance: performanceReadout.element,
      languages: languageMenu(),
      restore: memory,
    });
    forwardHighlights(app);
    showBudget();
    for (const condition of ['a', 'b'] as const) {
      const shown = mapShown[condition];
      if (shown.scale !== null) app.maps[condition].setMapScale(shown.scale);
      if (shown.message) app.maps[condition].stageMessage(shown.message());
    }
    if (memory.preferencesOpen) app.openPreferences('language');
    const name = LANGUAGES.find((l) => l.tag === currentLocale())?.name ?? currentLocale();
    app.announce(t('prefs.language.changed', { name }));
  });
}
preferences.listen(() => followLanguagePreference());
window.addEventListener('languagechange', () => followLanguagePreference());

function readPacketMg(raw: string | null): { value: number | null; problem: string | null } {
  if (raw === null) return { value: null, problem: null };
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(value) && value >= PACKET_MG_RANGE.min && value <= PACKET_MG_RANGE.max) {
    return { value, problem: null };
  }
  return { value: null, problem: raw.slice(0, 40) };
}

function findRoot(): HTMLElement {
  const element = document.getElementById('app');
  if (!element) throw new Error('index.html has no #app element');
  return element;
}

function messageBox(title: string, body: string, action?: HTMLElement): HTMLElement {
  return h('div', { class: 'stage-message', role: 'alert' }, h('h3', { text: title }), h('p', { text: body }), action);
}
