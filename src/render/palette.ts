/**
 * Colours of the body map. Okabe–Ito hues for anything that carries meaning (safe under the common colour-vision
 * deficiencies), always paired with a shape or a label; warm neutrals for tissue so the packets stand out.
 */
export const PALETTE = {
  background: 0xf7f4ee,
  ink: 0x22262e,
  panel: 0xffffff,
  panelEdge: 0x5b6270,
  lumen: 0xf3ead2,
  cell: 0xfbe3d6,
  cellEdge: 0xb0715a,
  nucleus: 0x9b5a7a,
  bloodFill: 0xf6c9c4,
  bloodEdge: 0xb23a35,
  boneMatrix: 0xe8d7b0,
  boneMatrixDark: 0xc9b07e,
  boneFluid: 0xeef3f8,
  osteoblast: 0x7db3d9,
  osteoclast: 0xd18fb4,
  arteryWall: 0xf3d9d2,
  smoothMuscle: 0xd9a89a,
  kidney: 0xf0d6c8,
  kidneyEdge: 0x8f4f3e,
  filtrate: 0xf8f2c8,
  highlight: 0x0072b2,
  /** Calcium packets: Okabe–Ito orange with a dark rim, visible on every tissue colour. */
  packet: '#E69F00',
  packetRim: '#22262e',
  /** Protein markers: uncarboxylated (Glu) vermilion hollow triangle; carboxylated (Gla) bluish-green diamond. */
  glu: '#D55E00',
  gla: '#009E73',
  crystal: '#f4f4f4',
  crystalEdge: '#5b6270',
} as const;
