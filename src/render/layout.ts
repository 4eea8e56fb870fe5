/**
 * The body map's geometry in fixed logical units. The stage is drawn at this size and scaled to fit the window,
 * so the Pixi drawing, the packet motion and the HTML labels over the canvas all share these numbers.
 * Pure data: no Pixi, no DOM, so motion rules can be tested in Node.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const STAGE_WIDTH = 1200;
export const STAGE_HEIGHT = 840;

/** Radius of a drawn calcium packet, logical px. */
export const PACKET_RADIUS = 5;

/** The blood loop: a rounded rectangle traced clockwise (top left→right, right down, bottom right→left, left up). */
export const BLOOD_LOOP = { left: 285, right: 845, top: 48, bottom: 640, corner: 44, width: 40 } as const;

const CELL_TOP = 134;
const CELL_HEIGHT = 84;
const CELL_GAP = 14;
const CELL_COUNT = 5;

export const GUT = {
  /** The magnified gut-wall inset. */
  panel: { x: 18, y: 84, w: 250, h: 540 },
  /** Gut contents (chyme): where eaten and secreted calcium sits until absorbed or passed on. */
  lumen: { x: 34, y: 120, w: 104, h: 484 },
  /** The lining cells (enterocytes), stacked; the active route runs through them. */
  cells: Array.from(
    { length: CELL_COUNT },
    (_, i): Rect => ({ x: 148, y: CELL_TOP + i * (CELL_HEIGHT + CELL_GAP), w: 104, h: CELL_HEIGHT }),
  ),
  /** Centre lines of the tight junctions between cells: the passive route runs between cells. */
  junctionY: Array.from(
    { length: CELL_COUNT - 1 },
    (_, i) => CELL_TOP + (i + 1) * (CELL_HEIGHT + CELL_GAP) - CELL_GAP / 2,
  ),
  mealPoint: { x: 86, y: 104 },
  faecesExit: { x: 86, y: 690 },
} as const;

export const BONE = {
  panel: { x: 878, y: 30, w: 304, h: 304 },
  /** Mineralised matrix: the skeleton reservoir (drawn, not filled with packets). */
  matrix: { x: 878, y: 30, w: 304, h: 122 },
  /** The fluid layer over the bone surface: the rapidly exchangeable calcium pool. */
  surface: { x: 884, y: 184, w: 292, h: 144 },
  /** Bone-building cells lining the surface; mineralisation happens under them. */
  osteoblasts: Array.from({ length: 4 }, (_, i): Rect => ({ x: 890 + i * 40, y: 146, w: 36, h: 26 })),
  /** A bone-resorbing cell in its pit; resorbed calcium leaves from here. */
  osteoclast: { x: 1064, y: 126, w: 104, h: 48 },
  /** Where osteocalcin markers sit (in the matrix, near the bone-building cells). */
  proteinArea: { x: 896, y: 88, w: 270, h: 50 },
} as const;

export const ARTERY = {
  panel: { x: 878, y: 368, w: 304, h: 272 },
  /** The inner lining (endothelium) facing the blood. */
  lining: { x: 878, y: 368, w: 304, h: 14 },
  /** The muscular middle layer (smooth muscle cells, MGP), where mineral can form. */
  media: { x: 878, y: 382, w: 304, h: 214 },
  proteinArea: { x: 896, y: 398, w: 270, h: 180 },
  /** Where deposits grow: a few sites in the media. */
  depositSites: [
    { x: 940, y: 470 },
    { x: 1040, y: 520 },
    { x: 1120, y: 440 },
    { x: 990, y: 560 },
  ] as readonly Point[],
} as const;

export const KIDNEY = {
  panel: { x: 356, y: 672, w: 470, h: 156 },
  /** The filter (glomerulus) fed from the blood loop above it. */
  glomerulus: { x: 410, y: 724, r: 24 },
  /** The tubule, where filtrate flows and most calcium is taken back into blood. */
  tubule: { x: 446, y: 708, w: 282, h: 36 },
  /** The collecting duct leading to the urine exit. */
  duct: { x: 734, y: 708, w: 30, h: 92 },
  urineExit: { x: 749, y: 822 },
} as const;

/** Where each region meets the blood loop (the point on the loop nearest to it), for entry and exit paths. */
export const LOOP_PORTS = {
  gut: { x: BLOOD_LOOP.left, y: 360 },
  bone: { x: BLOOD_LOOP.right, y: 270 },
  artery: { x: BLOOD_LOOP.right, y: 470 },
  kidneyIn: { x: KIDNEY.glomerulus.x, y: BLOOD_LOOP.bottom },
  kidneyOut: { x: 600, y: BLOOD_LOOP.bottom },
} as const;

/** Regions a label or a highlight can point at. */
export type RegionKey = 'gut' | 'blood' | 'bone' | 'artery' | 'kidney' | 'urine' | 'faeces';

/** Anchor of each region's HTML label, logical px (the label's top-left corner). */
export const LABEL_ANCHORS: Readonly<Record<RegionKey, Point>> = {
  gut: { x: GUT.panel.x + 6, y: GUT.panel.y - 30 },
  blood: { x: BLOOD_LOOP.left + 60, y: BLOOD_LOOP.top + 26 },
  bone: { x: BONE.panel.x + 6, y: BONE.panel.y + 6 },
  artery: { x: ARTERY.panel.x, y: ARTERY.panel.y - 33 },
  kidney: { x: KIDNEY.panel.x + 6, y: KIDNEY.panel.y + 122 },
  urine: { x: KIDNEY.urineExit.x + 24, y: KIDNEY.urineExit.y - 26 },
  faeces: { x: GUT.faecesExit.x + 22, y: GUT.faecesExit.y - 14 },
};

export function inRect(r: Rect, x: number, y: number, margin = 0): boolean {
  return x >= r.x + margin && x <= r.x + r.w - margin && y >= r.y + margin && y <= r.y + r.h - margin;
}

export const rectCentre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
