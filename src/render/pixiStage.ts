/**
 * The one long-lived Pixi Application: WebGL only (WebGPU is unreliable across classroom hardware, notes/pixi.md
 * §7.2), sized by a ResizeObserver on its host, with a resolution policy that keeps fill cost sane on big boards.
 * Context loss is reported to the caller, which pauses the simulation and shows a notice.
 */
import { Application, isWebGLSupported } from 'pixi.js';
// Pixi's shader and particle code without `new Function`, so the Content-Security-Policy needs no 'unsafe-eval'.
import 'pixi.js/unsafe-eval';
import { STAGE_HEIGHT, STAGE_WIDTH } from './layout';
import { type MapTheme, PALETTES } from './palette';

export class NoWebGLError extends Error {
  constructor() {
    super('WebGL is not available');
  }
}

export interface PixiStageEvents {
  onContextLost(): void;
  onContextRestored(): void;
  /** Called after each resize with the scale from logical to CSS pixels. */
  onScale(scale: number): void;
}

export interface PixiStage {
  readonly app: Application;
  readonly rendererName: string;
  /** Tries to bring back a lost context (works for a loss the page itself caused, e.g. in tests). */
  restoreContext(): void;
  /** Sets the colour the canvas is cleared to (0xRRGGBB), e.g. PALETTES[theme].background after a theme change. */
  setBackground(color: number): void;
  /** Multiplies the drawing resolution (the adaptive budget; 1 = the resolution policy's choice). */
  setResolutionScale(scale: number): void;
  destroy(): void;
}

/** Above this many CSS pixels (a 1080p-sized canvas), draw at 1 device pixel per CSS pixel: fill cost grows with
 * resolution squared, and boards this size are read from across a room. */
const LARGE_CANVAS_PIXELS = 1920 * 1080;

export function resolutionFor(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  if (cssWidth * cssHeight > LARGE_CANVAS_PIXELS) return 1;
  return Math.min(2, Math.max(1, devicePixelRatio || 1));
}

/** `theme` picks the starting background colour (see setBackground to change it later). */
export async function startPixiStage(
  host: HTMLElement,
  events: PixiStageEvents,
  theme: MapTheme = 'light',
): Promise<PixiStage> {
  if (!isWebGLSupported()) throw new NoWebGLError();
  const app = new Application();
  const width = Math.max(1, host.clientWidth);
  const height = Math.round((width * STAGE_HEIGHT) / STAGE_WIDTH);
  await app.init({
    preference: 'webgl',
    width,
    height,
    resolution: resolutionFor(width, height, window.devicePixelRatio),
    autoDensity: true,
    antialias: true,
    backgroundColor: PALETTES[theme].background,
    backgroundAlpha: 1,
    // The map takes no pointer input (its labels are HTML). With Pixi's event features on, its event system keeps
    // recent pointer events, and through them the elements they hit: after a language switch, a whole old page.
    eventFeatures: { move: false, globalMove: false, click: false, wheel: false },
  });
  if (app.renderer.name !== 'webgl') {
    app.destroy(true);
    throw new NoWebGLError();
  }
  const canvas = app.canvas;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.classList.add('map-canvas');
  app.stage.eventMode = 'none';
  host.prepend(canvas);
  // Pixi's event system claims touch gestures on the canvas; the map has nothing to touch, so let pages scroll.
  canvas.style.touchAction = 'auto';

  const gl = (app.renderer as unknown as { gl?: WebGL2RenderingContext }).gl;
  const loseContext = gl?.getExtension('WEBGL_lose_context') ?? null;
  const lost = (e: Event): void => {
    e.preventDefault();
    events.onContextLost();
  };
  const restored = (): void => events.onContextRestored();
  canvas.addEventListener('webglcontextlost', lost);
  canvas.addEventListener('webglcontextrestored', restored);

  // The adaptive budget may draw fewer pixels than the resolution policy allows (never below one per CSS pixel/2).
  let resolutionScale = 1;
  const fitToHost = (): void => {
    const w = Math.max(1, Math.round(host.clientWidth));
    const h = Math.round((w * STAGE_HEIGHT) / STAGE_WIDTH);
    app.renderer.resize(w, h, resolutionFor(w, h, window.devicePixelRatio) * resolutionScale);
    const scale = w / STAGE_WIDTH;
    app.stage.scale.set(scale);
    events.onScale(scale);
  };
  const observer = new ResizeObserver(() => fitToHost());
  observer.observe(host);
  fitToHost();

  return {
    app,
    rendererName: app.renderer.name,
    setResolutionScale(scale) {
      if (scale === resolutionScale) return;
      resolutionScale = scale;
      fitToHost();
    },
    setBackground(color) {
      app.renderer.background.color = color;
    },
    restoreContext() {
      try {
        loseContext?.restoreContext();
      } catch {
        // The browser restores real losses itself; restoring one that is not lost throws, which is harmless.
      }
    },
    destroy() {
      observer.disconnect();
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
      app.destroy({ removeView: true }, { children: true, texture: true, textureSource: true });
    },
  };
}
