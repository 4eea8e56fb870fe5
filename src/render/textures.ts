/**
 * Small textures drawn on 2D canvases, not with `generateTexture`: a canvas-backed texture is uploaded again after
 * a WebGL context is restored, while a render texture comes back blank (notes/pixi.md §2.4, §5.1). A theme change
 * makes a new set from that theme's palette (see MapScene.setTheme); the old set is then destroyed.
 */
import { CanvasSource, Texture } from 'pixi.js';
import { PACKET_RADIUS } from './layout';
import { type MapPalette, PALETTE } from './palette';

/** Drawn at this many device pixels per logical pixel, so markers stay crisp on a projector or a 4K board. */
const SUPERSAMPLE = 4;

function canvasTexture(size: number, draw: (g: CanvasRenderingContext2D, size: number) => void): Texture {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * SUPERSAMPLE;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('2D canvas unavailable');
  g.scale(SUPERSAMPLE, SUPERSAMPLE);
  draw(g, size);
  return new Texture({ source: new CanvasSource({ resource: canvas, resolution: SUPERSAMPLE }) });
}

export interface MapTextures {
  readonly packet: Texture;
  readonly glu: Texture;
  readonly gla: Texture;
  readonly bound: Texture;
  readonly crystal: Texture;
  readonly pore: Texture;
}

export function makeTextures(p: MapPalette = PALETTE): MapTextures {
  // Room for half the rim outside the radius; the same size in every theme, so swapping textures moves nothing.
  const d = PACKET_RADIUS * 2 + 4;
  return {
    packet: canvasTexture(d, (g, s) => {
      g.beginPath();
      g.arc(s / 2, s / 2, PACKET_RADIUS, 0, Math.PI * 2);
      g.fillStyle = p.packet;
      g.fill();
      g.lineWidth = p.packetRimWidth;
      g.strokeStyle = p.packetRim;
      g.stroke();
    }),
    // Switched off: an empty outline, pointing up; a thin dark rim each side keeps it visible on pink tissue.
    glu: canvasTexture(18, (g) => {
      g.beginPath();
      g.moveTo(9, 3);
      g.lineTo(15.6, 14.8);
      g.lineTo(2.4, 14.8);
      g.closePath();
      g.lineJoin = 'round';
      g.lineWidth = (2.4 + 1.6) * p.markerStroke;
      g.strokeStyle = p.packetRim;
      g.stroke();
      g.lineWidth = 2.4 * p.markerStroke;
      g.strokeStyle = p.glu;
      g.stroke();
    }),
    // Switched on: a filled diamond.
    gla: canvasTexture(18, (g) => {
      diamond(g, p);
    }),
    // Switched on and holding mineral: the diamond with a calcium dot on it.
    bound: canvasTexture(18, (g) => {
      diamond(g, p);
      g.beginPath();
      g.arc(9, 9, 3.2, 0, Math.PI * 2);
      g.fillStyle = p.packet;
      g.fill();
      g.lineWidth = p.markerStroke;
      g.strokeStyle = p.packetRim;
      g.stroke();
    }),
    crystal: canvasTexture(16, (g) => {
      g.beginPath();
      g.moveTo(8, 1);
      g.lineTo(14.5, 5);
      g.lineTo(13, 13);
      g.lineTo(5, 15);
      g.lineTo(1.5, 7);
      g.closePath();
      g.fillStyle = p.crystal;
      g.fill();
      g.lineWidth = 1.3 * p.markerStroke;
      g.strokeStyle = p.crystalEdge;
      g.stroke();
    }),
    pore: canvasTexture(16, (g) => {
      g.beginPath();
      g.ellipse(8, 8, 6.5, 4.5, 0.4, 0, Math.PI * 2);
      g.fillStyle = p.pore;
      g.fill();
      g.lineWidth = 1.2 * p.markerStroke;
      g.strokeStyle = p.poreEdge;
      g.stroke();
    }),
  };
}

function diamond(g: CanvasRenderingContext2D, p: MapPalette): void {
  g.beginPath();
  g.moveTo(9, 1.5);
  g.lineTo(16.5, 9);
  g.lineTo(9, 16.5);
  g.lineTo(1.5, 9);
  g.closePath();
  g.fillStyle = p.gla;
  g.fill();
  g.lineWidth = 1.2 * p.markerStroke;
  g.strokeStyle = p.packetRim;
  g.stroke();
}

/** Frees a set of textures and the canvases behind them (after a theme change has replaced them). */
export function destroyTextures(textures: MapTextures): void {
  for (const texture of Object.values(textures)) texture.destroy(true);
}
