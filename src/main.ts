/**
 * Wiring only: the session (controller + world), the HTML app, and the Pixi map that draws the world. The map is
 * optional — without WebGL the controls, table and charts still work and a message says why the map is missing.
 */
import './ui/styles/index.css';
import { t } from './i18n';
import { MapScene } from './render/mapScene';
import { NoWebGLError, type PixiStage, startPixiStage } from './render/pixiStage';
import { Session } from './session/session';
import { DAY_ARTERY_EXAGGERATION, mountApp, PACKET_MG } from './ui/app';
import { h } from './ui/dom';
import { readReloadState, saveReloadState } from './ui/reloadState';

/** Seconds of packet animation per real second, by speed: faster runs move packets faster, but not 16× faster. */
const VISUAL_SPEED = { slow: 0.6, normal: 1, fast: 1.6 } as const;
/** After a Step while paused, packets finish their journeys for this long, then freeze again. */
const STEP_ANIMATION_SECONDS = 1.2;
/** Without a restore within this time, offer to reload (with the student's settings kept). */
const RESTORE_WAIT_MS = 3000;

const restored = readReloadState();
const session = new Session({
  input: restored ? { inputs: restored.inputs, seed: restored.seed, speed: restored.speed } : undefined,
  arteryExaggeration: DAY_ARTERY_EXAGGERATION,
  packetMg: PACKET_MG,
});
const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
const app = mountApp(root, session);
if (restored?.view === 'years') session.actor.send({ type: 'view.set', view: 'years' });

// Debug and test handle: read-only views of what is running (end-to-end tests read the renderer name from it).
const debug: { rendererName: string | null; session: Session; pixi: PixiStage | null } = {
  rendererName: null,
  session,
  pixi: null,
};
(window as unknown as { calciumRoutes: typeof debug }).calciumRoutes = debug;

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

async function startMap(): Promise<void> {
  let contextLost = false;
  let resumeAfterRestore = false;
  let reloadTimer = 0;
  const pixi = await startPixiStage(app.stageHost, {
    onScale: (scale) => app.setMapScale(scale),
    onContextLost: () => {
      contextLost = true;
      const snap = session.actor.getSnapshot();
      resumeAfterRestore = !snap.matches({ clock: 'paused' });
      session.actor.send({ type: 'pause' });
      pixi.app.ticker.stop();
      app.stageMessage(messageBox(t('map.contextLost.title'), t('map.contextLost.body')));
      window.setTimeout(() => pixi.restoreContext(), 500);
      reloadTimer = window.setTimeout(() => {
        if (!contextLost) return;
        const reload = h('button', { type: 'button', class: 'btn btn-primary', text: t('map.contextLost.reload') });
        reload.addEventListener('click', () => {
          const { context } = session.actor.getSnapshot();
          saveReloadState({ inputs: context.inputs, seed: context.seed, speed: context.speed, view: context.view });
          window.location.reload();
        });
        app.stageMessage(messageBox(t('map.contextLost.title'), t('map.contextLost.stuck'), reload));
      }, RESTORE_WAIT_MS);
    },
    onContextRestored: () => {
      contextLost = false;
      window.clearTimeout(reloadTimer);
      app.stageMessage(null);
      pixi.app.ticker.start();
      if (resumeAfterRestore) session.actor.send({ type: 'play' });
    },
  });
  debug.pixi = pixi;
  debug.rendererName = pixi.rendererName;

  const scene = new MapScene();
  pixi.app.stage.addChild(scene.root);
  scene.setReducedMotion(reducedMotion.matches);
  reducedMotion.addEventListener('change', () => scene.setReducedMotion(reducedMotion.matches));
  app.onHighlight((region) => scene.highlight(region));

  let stepBudget = 0;
  let lastTick = -1;
  pixi.app.ticker.add((ticker) => {
    const snap = session.actor.getSnapshot();
    const { context } = snap;
    const realSeconds = ticker.deltaMS / 1000;
    let dt = 0;
    if (snap.matches({ clock: 'running' })) {
      dt = realSeconds * VISUAL_SPEED[context.speed];
    } else {
      // Paused: still until a Step moves the world, then long enough for the new journeys to play out.
      if (session.world.model.tick !== lastTick && lastTick >= 0) stepBudget = STEP_ANIMATION_SECONDS;
      dt = Math.min(realSeconds, stepBudget);
      stepBudget -= dt;
    }
    lastTick = session.world.model.tick;
    const course = context.view === 'years' ? session.lifeCourse : null;
    scene.draw({
      world: session.world,
      view: context.view,
      dt,
      year: course ? (course.series[course.series.length - 1] ?? null) : null,
    });
  });

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) pixi.app.ticker.stop();
    else if (!contextLost) pixi.app.ticker.start();
  });
}

document.addEventListener('visibilitychange', () => {
  session.actor.send({ type: document.hidden ? 'visibility.hidden' : 'visibility.visible' });
});

function panelLoop(now: number): void {
  app.refresh(now);
  window.requestAnimationFrame(panelLoop);
}
window.requestAnimationFrame(panelLoop);

function messageBox(title: string, body: string, action?: HTMLElement): HTMLElement {
  return h('div', { class: 'stage-message', role: 'alert' }, h('h3', { text: title }), h('p', { text: body }), action);
}

startMap().catch((error: unknown) => {
  const noWebGL = error instanceof NoWebGLError;
  app.stageMessage(messageBox(t('map.noWebGL.title'), noWebGL ? t('map.noWebGL.body') : t('map.failed.body')));
  if (!noWebGL) console.warn('Calcium Routes: the map could not start', error);
});
