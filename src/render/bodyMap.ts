/**
 * The static body map: drawn once as Graphics and never redrawn per frame (redrawing Graphics every frame has a
 * history of leaks in Pixi v8, notes/pixi.md §2.3); a theme change draws a new one and destroys the old. Highlight
 * outlines are drawn once too and only shown or hidden. Colours and stroke weights come from the theme's palette.
 * Every word on the map is HTML laid over the canvas (src/ui/mapLabels.ts), not drawn here.
 */
import { Container, Graphics } from 'pixi.js';
import { LOOP_LENGTH, loopPoint, type PathPoint } from './bloodPath';
import { ARTERY, BLOOD_LOOP, BONE, GUT, KIDNEY, type Rect, type RegionKey } from './layout';
import { type MapPalette, PALETTE } from './palette';

export interface BodyMap {
  readonly root: Container;
  /** Shows a thick outline round each of these regions (none when empty). */
  highlight(regions: readonly RegionKey[]): void;
}

/** A stroke in the palette's weight: the projector theme draws every line thicker. */
const line = (p: MapPalette, width: number, color: number, alpha = 1) => ({
  width: width * p.strokeScale,
  color,
  alpha,
});

export function drawBodyMap(p: MapPalette = PALETTE): BodyMap {
  const root = new Container({ label: 'body map' });
  root.interactiveChildren = false;
  root.addChild(drawGut(p), drawBloodLoop(p), drawBone(p), drawArtery(p), drawKidney(p));
  const outlines = drawHighlights(p);
  for (const g of Object.values(outlines)) root.addChild(g);
  return {
    root,
    highlight(regions) {
      for (const [key, g] of Object.entries(outlines)) g.visible = regions.includes(key as RegionKey);
    },
  };
}

function panel(p: MapPalette, g: Graphics, r: Rect, fill: number): void {
  g.roundRect(r.x, r.y, r.w, r.h, 14)
    .fill(fill)
    .stroke(line(p, 2.5, p.panelEdge));
}

function drawGut(p: MapPalette): Graphics {
  const g = new Graphics({ label: 'gut' });
  panel(p, g, GUT.panel, p.panel);
  // Contents, narrowing at the bottom into the way out.
  const l = GUT.lumen;
  g.roundRect(l.x, l.y, l.w, l.h, 10)
    .fill(p.lumen)
    .stroke(line(p, 1.5, p.lumenEdge));
  g.poly([l.x + 30, l.y + l.h - 2, l.x + l.w - 30, l.y + l.h - 2, GUT.faecesExit.x + 12, GUT.faecesExit.y - 22])
    .lineTo(GUT.faecesExit.x - 12, GUT.faecesExit.y - 22)
    .closePath()
    .fill(p.lumen);
  arrow(p, g, GUT.faecesExit.x, GUT.faecesExit.y - 30, GUT.faecesExit.x, GUT.faecesExit.y + 4, p.gutArrow);
  for (const c of GUT.cells) {
    g.roundRect(c.x, c.y, c.w, c.h, 8)
      .fill(p.cell)
      .stroke(line(p, 2, p.cellEdge));
    g.ellipse(c.x + c.w * 0.62, c.y + c.h / 2, 13, 9).fill(p.nucleus);
    // Brush border: the microvilli facing the gut contents.
    for (let y = c.y + 8; y < c.y + c.h - 6; y += 7) g.moveTo(c.x - 6, y).lineTo(c.x, y);
    g.stroke(line(p, 1.5, p.cellEdge));
  }
  // Tight junctions: the gaps between cells that the passive route passes through.
  for (const jy of GUT.junctionY) {
    const x0 = (GUT.cells[0]?.x ?? 148) + 2;
    g.moveTo(x0, jy)
      .lineTo(x0 + 10, jy)
      .stroke(line(p, 3, p.ink));
  }
  // Meal arrival point at the top.
  arrow(p, g, GUT.mealPoint.x, GUT.mealPoint.y - 34, GUT.mealPoint.x, GUT.mealPoint.y + 8, p.gutArrow);
  return g;
}

function drawBloodLoop(p: MapPalette): Graphics {
  const g = new Graphics({ label: 'blood loop' });
  const { left, right, top, bottom, corner, width } = BLOOD_LOOP;
  g.roundRect(left, top, right - left, bottom - top, corner).stroke({ width, color: p.bloodFill });
  const half = width / 2;
  g.roundRect(left - half, top - half, right - left + width, bottom - top + width, corner + half).stroke(
    line(p, 2.5, p.bloodEdge),
  );
  g.roundRect(left + half, top + half, right - left - width, bottom - top - width, Math.max(4, corner - half)).stroke(
    line(p, 2.5, p.bloodEdge),
  );
  // Chevrons show which way blood flows (bulk flow: every packet in blood is carried the same way).
  const a: PathPoint = { x: 0, y: 0, nx: 0, ny: 0 };
  const q: PathPoint = { x: 0, y: 0, nx: 0, ny: 0 };
  for (let s = 60; s < LOOP_LENGTH; s += 150) {
    loopPoint(s, a);
    loopPoint(s + 10, q);
    const dx = (q.x - a.x) / 10;
    const dy = (q.y - a.y) / 10;
    const tipX = a.x + dx * 8;
    const tipY = a.y + dy * 8;
    g.moveTo(a.x - dx * 4 + a.nx * 9, a.y - dy * 4 + a.ny * 9)
      .lineTo(tipX, tipY)
      .lineTo(a.x - dx * 4 - a.nx * 9, a.y - dy * 4 - a.ny * 9)
      .stroke(line(p, 2.5, p.bloodEdge, 0.55));
  }
  return g;
}

function drawBone(p: MapPalette): Graphics {
  const g = new Graphics({ label: 'bone' });
  panel(p, g, BONE.panel, p.boneFluid);
  const m = BONE.matrix;
  g.roundRect(m.x, m.y, m.w, m.h + 14, 14).fill(p.boneMatrix);
  g.rect(m.x, m.y + 14, m.w, m.h).fill(p.boneMatrix);
  // Lamellae: the layered structure of mineralised bone.
  for (let y = m.y + 22; y < m.y + m.h - 4; y += 16) {
    g.moveTo(m.x + 10, y);
    for (let x = m.x + 10; x <= m.x + m.w - 10; x += 24) g.quadraticCurveTo(x + 6, y - 4, x + 12, y);
  }
  g.stroke(line(p, 1.5, p.boneMatrixDark));
  // Resorption pit under the osteoclast.
  const o = BONE.osteoclast;
  g.ellipse(o.x + o.w / 2, m.y + m.h, o.w / 2 + 6, 26).fill(p.boneFluid);
  g.ellipse(o.x + o.w / 2, o.y + o.h / 2 + 6, o.w / 2, o.h / 2)
    .fill(p.osteoclast)
    .stroke(line(p, 2, p.osteoclastEdge));
  for (let k = 0; k < 3; k++) g.circle(o.x + 28 + k * 24, o.y + o.h / 2 + 6, 7).fill(p.nucleus);
  for (const b of BONE.osteoblasts) {
    g.roundRect(b.x, b.y, b.w, b.h, 6)
      .fill(p.osteoblast)
      .stroke(line(p, 2, p.osteoblastEdge));
    g.circle(b.x + b.w / 2, b.y + b.h / 2 + 2, 6).fill(p.osteoblastNucleus);
  }
  const s = BONE.surface;
  g.roundRect(s.x, s.y, s.w, s.h, 10).stroke(line(p, 1.5, p.boneSurface));
  panelOutline(p, g, BONE.panel);
  return g;
}

function drawArtery(p: MapPalette): Graphics {
  const g = new Graphics({ label: 'artery wall' });
  panel(p, g, ARTERY.panel, p.arteryWall);
  const l = ARTERY.lining;
  // Endothelium: flat cells facing the blood.
  for (let x = l.x + 8; x < l.x + l.w - 30; x += 44) {
    g.roundRect(x, l.y + 3, 40, 10, 5)
      .fill(p.endothelium)
      .stroke(line(p, 1.2, p.bloodEdge));
  }
  const m = ARTERY.media;
  // Elastic laminae: wavy lines bounding the muscle layer.
  for (const y of [m.y + 8, m.y + m.h - 6]) {
    g.moveTo(m.x + 6, y);
    for (let x = m.x + 6; x <= m.x + m.w - 14; x += 16)
      g.quadraticCurveTo(x + 4, y - 4, x + 8, y).quadraticCurveTo(x + 12, y + 4, x + 16, y);
    g.stroke(line(p, 2, p.lamina));
  }
  // Smooth muscle cells: spindles in staggered rows.
  for (let row = 0; row < 5; row++) {
    const y = m.y + 34 + row * 38;
    for (let x = m.x + 30 + (row % 2) * 34; x < m.x + m.w - 30; x += 68) {
      spindle(p, g, x, y, 30, 8, -0.12);
    }
  }
  panelOutline(p, g, ARTERY.panel);
  return g;
}

function drawKidney(p: MapPalette): Graphics {
  const g = new Graphics({ label: 'kidney' });
  panel(p, g, KIDNEY.panel, p.kidney);
  const gl = KIDNEY.glomerulus;
  // Feeding vessel from the blood loop down to the filter.
  g.rect(
    gl.x - 7,
    BLOOD_LOOP.bottom + BLOOD_LOOP.width / 2,
    14,
    gl.y - gl.r - BLOOD_LOOP.bottom - BLOOD_LOOP.width / 2 + 4,
  ).fill(p.bloodFill);
  g.circle(gl.x, gl.y, gl.r + 7)
    .fill(p.filtrate)
    .stroke(line(p, 2, p.kidneyEdge));
  g.circle(gl.x, gl.y, gl.r - 4)
    .fill(p.bloodFill)
    .stroke(line(p, 2, p.bloodEdge));
  for (let k = 0; k < 4; k++) {
    const a = (k * Math.PI) / 2 + 0.5;
    g.moveTo(gl.x, gl.y).quadraticCurveTo(
      gl.x + Math.cos(a) * 20,
      gl.y + Math.sin(a) * 2,
      gl.x + Math.cos(a) * 12,
      gl.y + Math.sin(a) * 12,
    );
  }
  g.stroke(line(p, 1.5, p.bloodEdge));
  const t = KIDNEY.tubule;
  g.roundRect(t.x, t.y, t.w, t.h, t.h / 2)
    .fill(p.filtrate)
    .stroke(line(p, 2, p.kidneyEdge));
  const d = KIDNEY.duct;
  g.roundRect(d.x, d.y, d.w, d.h, 8)
    .fill(p.filtrate)
    .stroke(line(p, 2, p.kidneyEdge));
  // Reabsorption: small arrows from the tubule back up to the blood.
  for (let x = t.x + 40; x < t.x + t.w - 20; x += 60)
    arrow(p, g, x, t.y - 4, x, BLOOD_LOOP.bottom + BLOOD_LOOP.width / 2 + 4, p.kidneyEdge, 0.5);
  arrow(p, g, KIDNEY.urineExit.x, d.y + d.h - 6, KIDNEY.urineExit.x, KIDNEY.urineExit.y + 4, p.kidneyEdge);
  return g;
}

function drawHighlights(p: MapPalette): Record<RegionKey, Graphics> {
  const ring = (r: Rect): Graphics => {
    const g = new Graphics();
    g.roundRect(r.x - 6, r.y - 6, r.w + 12, r.h + 12, 18).stroke(line(p, 6, p.highlight));
    g.visible = false;
    return g;
  };
  const { left, right, top, bottom, corner, width } = BLOOD_LOOP;
  const blood = new Graphics();
  blood
    .roundRect(
      left - width / 2 - 6,
      top - width / 2 - 6,
      right - left + width + 12,
      bottom - top + width + 12,
      corner + 26,
    )
    .stroke(line(p, 6, p.highlight));
  blood.visible = false;
  const exit = (x: number, y: number): Rect => ({ x: x - 30, y: y - 40, w: 60, h: 52 });
  return {
    gut: ring(GUT.panel),
    blood,
    bone: ring(BONE.panel),
    artery: ring(ARTERY.panel),
    kidney: ring(KIDNEY.panel),
    urine: ring(exit(KIDNEY.urineExit.x, KIDNEY.urineExit.y)),
    faeces: ring(exit(GUT.faecesExit.x, GUT.faecesExit.y)),
  };
}

function panelOutline(p: MapPalette, g: Graphics, r: Rect): void {
  g.roundRect(r.x, r.y, r.w, r.h, 14).stroke(line(p, 2.5, p.panelEdge));
}

function arrow(
  p: MapPalette,
  g: Graphics,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: number,
  alpha = 1,
): void {
  const a = Math.atan2(y1 - y0, x1 - x0);
  const head = 9 * Math.sqrt(p.strokeScale);
  g.moveTo(x0, y0)
    .lineTo(x1, y1)
    .stroke(line(p, 2.5, color, alpha));
  g.poly([
    x1,
    y1,
    x1 - head * Math.cos(a - 0.45),
    y1 - head * Math.sin(a - 0.45),
    x1 - head * Math.cos(a + 0.45),
    y1 - head * Math.sin(a + 0.45),
  ]).fill({ color, alpha });
}

function spindle(p: MapPalette, g: Graphics, cx: number, cy: number, rx: number, ry: number, angle: number): void {
  const points: number[] = [];
  for (let k = 0; k < 24; k++) {
    const u = (k / 24) * Math.PI * 2;
    const x = rx * Math.cos(u);
    // Pointed ends: the width tapers towards the tips.
    const y = ry * Math.sin(u) * Math.abs(Math.sin(u)) ** 0.3;
    points.push(cx + x * Math.cos(angle) - y * Math.sin(angle), cy + x * Math.sin(angle) + y * Math.cos(angle));
  }
  g.poly(points)
    .fill(p.smoothMuscle)
    .stroke(line(p, 1.2, p.smoothMuscleEdge));
  g.ellipse(cx, cy, 7, 3).fill(p.nucleus);
}
