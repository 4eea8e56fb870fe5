/**
 * Colours and stroke weights of the body map, one set per theme. Okabe–Ito hues for anything that carries meaning
 * (safe under the common colour-vision deficiencies), always paired with a shape or a label; tissue-neutral fills so
 * the packets stand out.
 *
 * - light: warm neutrals on the page's cream background.
 * - dark: dark tissue-neutral fills with light edges; the same orange packets (bright on dark).
 * - projector: white background, darker edges, every stroke 1.8× thicker, packets with thicker rims.
 *
 * The HTML legend over the map draws the same symbols with CSS (src/ui/styles/themes.css: --map-bg, --packet,
 * --packet-rim, --glu, --gla, --crystal, --crystal-edge); tests/ui/themeContrast.test.ts checks they agree.
 * Plain data: no Pixi import, so Node tests can read it.
 */
export type MapTheme = 'light' | 'dark' | 'projector';

export const MAP_THEMES: readonly MapTheme[] = ['light', 'dark', 'projector'];

export interface MapPalette {
  /** The renderer's clear colour; the same as --map-bg. */
  readonly background: number;
  readonly ink: number;
  readonly panel: number;
  readonly panelEdge: number;
  readonly lumen: number;
  readonly lumenEdge: number;
  /** Arrows for food arriving and faeces leaving. */
  readonly gutArrow: number;
  readonly cell: number;
  readonly cellEdge: number;
  readonly nucleus: number;
  readonly bloodFill: number;
  readonly bloodEdge: number;
  readonly boneMatrix: number;
  readonly boneMatrixDark: number;
  readonly boneFluid: number;
  readonly boneSurface: number;
  readonly osteoblast: number;
  readonly osteoblastEdge: number;
  readonly osteoblastNucleus: number;
  readonly osteoclast: number;
  readonly osteoclastEdge: number;
  readonly arteryWall: number;
  readonly endothelium: number;
  readonly lamina: number;
  readonly smoothMuscle: number;
  readonly smoothMuscleEdge: number;
  readonly kidney: number;
  readonly kidneyEdge: number;
  readonly filtrate: number;
  readonly highlight: number;
  /** Multiplies every stroke width of the static map (1.8 for the projector). */
  readonly strokeScale: number;
  /** Calcium packets: Okabe–Ito orange with a dark rim, visible on every tissue colour. */
  readonly packet: string;
  readonly packetRim: string;
  readonly packetRimWidth: number;
  /**
   * Protein markers: uncarboxylated (Glu) vermilion hollow triangle; carboxylated (Gla) bluish-green diamond. Both
   * are outlined in packetRim, so they stand out on every tissue.
   */
  readonly glu: string;
  readonly gla: string;
  /** Outline width of the Glu triangle and the Gla diamond's rim. */
  readonly markerStroke: number;
  readonly crystal: string;
  readonly crystalEdge: string;
  /** Years view: pores opening in the bone matrix. */
  readonly pore: string;
  readonly poreEdge: string;
}

const LIGHT: MapPalette = Object.freeze({
  background: 0xf7f4ee,
  ink: 0x22262e,
  panel: 0xffffff,
  panelEdge: 0x5b6270,
  lumen: 0xf3ead2,
  lumenEdge: 0xc8b98c,
  gutArrow: 0x7a6a45,
  cell: 0xfbe3d6,
  cellEdge: 0xb0715a,
  nucleus: 0x9b5a7a,
  bloodFill: 0xf6c9c4,
  bloodEdge: 0xb23a35,
  boneMatrix: 0xe8d7b0,
  boneMatrixDark: 0xc9b07e,
  boneFluid: 0xeef3f8,
  boneSurface: 0x9fb3c8,
  osteoblast: 0x7db3d9,
  osteoblastEdge: 0x3f7aa3,
  osteoblastNucleus: 0x2f5f85,
  osteoclast: 0xd18fb4,
  osteoclastEdge: 0x8e4f72,
  arteryWall: 0xf3d9d2,
  endothelium: 0xe8b4aa,
  lamina: 0xb98a7e,
  smoothMuscle: 0xd9a89a,
  smoothMuscleEdge: 0xa86f60,
  kidney: 0xf0d6c8,
  kidneyEdge: 0x8f4f3e,
  filtrate: 0xf8f2c8,
  highlight: 0x0072b2,
  strokeScale: 1,
  packet: '#e69f00',
  packetRim: '#22262e',
  packetRimWidth: 1.4,
  glu: '#d55e00',
  gla: '#009e73',
  markerStroke: 1,
  crystal: '#f4f4f4',
  crystalEdge: '#4f5663',
  pore: '#fbf8f1',
  poreEdge: '#9a8052',
});

const DARK: MapPalette = Object.freeze({
  background: 0x14171c,
  ink: 0xe6e8ec,
  panel: 0x1f242c,
  panelEdge: 0xa7afbb,
  lumen: 0x3a3424,
  lumenEdge: 0x9c8c5e,
  gutArrow: 0xd8c690,
  cell: 0x4a3530,
  cellEdge: 0xe0a58c,
  nucleus: 0xc590b0,
  bloodFill: 0x5c2b2b,
  bloodEdge: 0xff8a80,
  boneMatrix: 0x574a30,
  boneMatrixDark: 0x9c8656,
  boneFluid: 0x1d2833,
  boneSurface: 0x6f8499,
  osteoblast: 0x2f5f85,
  osteoblastEdge: 0x8cc4f0,
  osteoblastNucleus: 0xb8dcf5,
  osteoclast: 0x6e3d5a,
  osteoclastEdge: 0xe3a3d0,
  arteryWall: 0x3d2a2a,
  endothelium: 0x6b3c36,
  lamina: 0xb98a7e,
  smoothMuscle: 0x6a4a42,
  smoothMuscleEdge: 0xd0a090,
  kidney: 0x3b2c28,
  kidneyEdge: 0xe0a08a,
  filtrate: 0x3d3a22,
  highlight: 0x56b4e9,
  strokeScale: 1,
  packet: '#e69f00',
  packetRim: '#0b0d10',
  packetRimWidth: 1.4,
  glu: '#ff8c4a',
  gla: '#35c99a',
  markerStroke: 1,
  crystal: '#f4f4f4',
  crystalEdge: '#c5cbd4',
  pore: '#14171c',
  poreEdge: '#c9b07e',
});

const PROJECTOR: MapPalette = Object.freeze({
  background: 0xffffff,
  ink: 0x0a0a0a,
  panel: 0xffffff,
  panelEdge: 0x0a0a0a,
  lumen: 0xf6efd9,
  lumenEdge: 0x7a6a45,
  gutArrow: 0x4a3f24,
  cell: 0xfde9de,
  cellEdge: 0x7a3f2a,
  nucleus: 0x7a3a5c,
  bloodFill: 0xf8d3ce,
  bloodEdge: 0x8c1f1b,
  boneMatrix: 0xefe0bd,
  boneMatrixDark: 0x8f7440,
  boneFluid: 0xf3f7fb,
  boneSurface: 0x41556b,
  osteoblast: 0x9cc8e8,
  osteoblastEdge: 0x1f4f75,
  osteoblastNucleus: 0x1f4f75,
  osteoclast: 0xe4b3cf,
  osteoclastEdge: 0x6b2c5b,
  arteryWall: 0xf8e6e1,
  endothelium: 0xefc5bc,
  lamina: 0x8a5a4e,
  smoothMuscle: 0xe6bfb3,
  smoothMuscleEdge: 0x7a4536,
  kidney: 0xf6e4da,
  kidneyEdge: 0x5e2a1c,
  filtrate: 0xfbf6d8,
  highlight: 0x0046a6,
  strokeScale: 1.8,
  packet: '#e69f00',
  packetRim: '#000000',
  packetRimWidth: 2.2,
  glu: '#b34400',
  gla: '#00734f',
  markerStroke: 1.5,
  crystal: '#ffffff',
  crystalEdge: '#0a0a0a',
  pore: '#ffffff',
  poreEdge: '#4a3f24',
});

export const PALETTES: Readonly<Record<MapTheme, MapPalette>> = Object.freeze({
  light: LIGHT,
  dark: DARK,
  projector: PROJECTOR,
});

/** The light theme's palette (the default before a theme is known). */
export const PALETTE: MapPalette = LIGHT;
