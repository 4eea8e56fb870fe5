/**
 * What the bench reads from and sends to the running app, through the page's debug handle `window.calciumRoutes`
 * (src/main.ts): the session (controller actor + world) and map A's Pixi stage.
 */
import type { Page } from 'playwright-core';

export interface AppInfo {
  /** The packet size the world was made with (mg); tells whether `?packetMg=` was honoured. */
  readonly packetMg: number;
  /** Live packets in the day view's world (the packets drawn). */
  readonly live: number;
  /** Particles in map A's particle containers, and how many of them are visible (alpha > 0). */
  readonly pool: number;
  readonly shown: number;
  readonly cssWidth: number;
  readonly cssHeight: number;
  readonly resolution: number;
  readonly tick: number;
}

export function appInfo(page: Page): Promise<AppInfo> {
  return page.evaluate(() => {
    type Node = { particleChildren?: { alpha: number }[]; children?: Node[] };
    const handle = (
      window as unknown as {
        calciumRoutes: {
          session: { world: { packetMg: number; liveCount: number; model: { tick: number } } };
          pixi: {
            app: {
              stage: Node;
              canvas: HTMLCanvasElement;
              renderer: { resolution: number };
            };
          };
        };
      }
    ).calciumRoutes;
    const { world } = handle.session;
    const { app } = handle.pixi;
    let pool = 0;
    let shown = 0;
    const visit = (node: Node): void => {
      if (Array.isArray(node.particleChildren)) {
        pool += node.particleChildren.length;
        for (const p of node.particleChildren) if (p.alpha > 0) shown++;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(app.stage);
    return {
      packetMg: world.packetMg,
      live: world.liveCount,
      pool,
      shown,
      cssWidth: app.canvas.clientWidth,
      cssHeight: app.canvas.clientHeight,
      resolution: app.renderer.resolution,
      tick: world.model.tick,
    };
  });
}

/** Sends events to the controller (e.g. `{ type: 'play' }`), in order. */
export function send(page: Page, ...events: readonly Record<string, unknown>[]): Promise<void> {
  return page.evaluate((list) => {
    const actor = (window as unknown as { calciumRoutes: { session: { actor: { send(e: unknown): void } } } })
      .calciumRoutes.session.actor;
    for (const event of list) actor.send(event);
  }, events);
}

/** Day view, top speed, playing: what the render figure measures. */
export function playFast(page: Page): Promise<void> {
  return send(page, { type: 'view.set', view: 'day' }, { type: 'speed.set', speed: 'fast' }, { type: 'play' });
}

/**
 * What map A draws, for the render breakdown: everything; only the packet layer (the particle container with the
 * most particles; every other layer hidden); or nothing (the stage hidden: frames still run the model, the motion
 * and the panels, and clear the canvas). Hidden layers keep being updated, only their drawing stops.
 */
export type DrawMode = 'all' | 'packets' | 'none';

export function setDrawMode(page: Page, mode: DrawMode): Promise<void> {
  return page.evaluate((which) => {
    type Node = { visible: boolean; particleChildren?: unknown[]; children?: Node[] };
    const stage = (window as unknown as { calciumRoutes: { pixi: { app: { stage: Node } } } }).calciumRoutes.pixi.app
      .stage;
    const w = window as unknown as { __benchHidden?: Node[] };
    for (const node of w.__benchHidden ?? []) node.visible = true;
    w.__benchHidden = [];
    const hide = (node: Node): void => {
      if (!node.visible) return;
      node.visible = false;
      w.__benchHidden?.push(node);
    };
    if (which === 'none') {
      hide(stage);
      return;
    }
    if (which === 'all') return;
    let packets: Node | null = null;
    const find = (node: Node): void => {
      if (Array.isArray(node.particleChildren)) {
        if (!packets || node.particleChildren.length > (packets.particleChildren?.length ?? 0)) packets = node;
      }
      for (const child of node.children ?? []) find(child);
    };
    find(stage);
    const contains = (node: Node): boolean => node === packets || (node.children ?? []).some(contains);
    const keepOnly = (node: Node): void => {
      for (const child of node.children ?? []) {
        if (child === packets) continue;
        if (contains(child)) keepOnly(child);
        else hide(child);
      }
    };
    keepOnly(stage);
  }, mode);
}

/**
 * Paints only the map's canvas (everything else on the page `visibility: hidden`) or the whole page again. With
 * software WebGL the browser composites the whole page on the CPU every frame the canvas changes; this tells that
 * cost apart from the map's own drawing.
 */
export function setPagePainted(page: Page, painted: boolean): Promise<void> {
  return page.evaluate((shown) => {
    document.body.style.visibility = shown ? '' : 'hidden';
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas.map-canvas')) {
      canvas.style.visibility = shown ? '' : 'visible';
    }
  }, painted);
}
