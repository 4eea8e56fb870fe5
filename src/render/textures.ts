/**
 * Small textures drawn on 2D canvases, not with `generateTexture`: a canvas-backed texture is uploaded again after
 * a WebGL context is restored, while a render texture comes back blank (notes/pixi.md §2.4, §5.1).
 */
import { CanvasSource, Texture } from 'pixi.js';
import { PACKET_RADIUS } from './layout';
import { PALETTE } from './palette';

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

export function makeTextures(): MapTextures {
  const d = PACKET_RADIUS * 2 + 2;
  return {
    packet: canvasTexture(d, (g, s) => {
      g.beginPath();
      g.arc(s / 2, s / 2, PACKET_RADIUS, 0, Math.PI * 2);
      g.fillStyle = PALETTE.packet;
      g.fill();
      g.lineWidth = 1.4;
      g.strokeStyle = PALETTE.packetRim;
      g.stroke();
    }),
    // Switched off: an empty outline, pointing up.
    glu: canvasTexture(18, (g) => {
      g.beginPath();
      g.moveTo(9, 2.5);
      g.lineTo(16, 15);
      g.lineTo(2, 15);
      g.closePath();
      g.lineWidth = 2.4;
      g.strokeStyle = PALETTE.glu;
      g.stroke();
    }),
    // Switched on: a filled diamond.
    gla: canvasTexture(18, (g) => {
      diamond(g);
    }),
    // Switched on and holding mineral: the diamond with a calcium dot on it.
    bound: canvasTexture(18, (g) => {
      diamond(g);
      g.beginPath();
      g.arc(9, 9, 3.2, 0, Math.PI * 2);
      g.fillStyle = PALETTE.packet;
      g.fill();
      g.lineWidth = 1;
      g.strokeStyle = PALETTE.packetRim;
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
      g.fillStyle = PALETTE.crystal;
      g.fill();
      g.lineWidth = 1.3;
      g.strokeStyle = PALETTE.crystalEdge;
      g.stroke();
    }),
    pore: canvasTexture(16, (g) => {
      g.beginPath();
      g.ellipse(8, 8, 6.5, 4.5, 0.4, 0, Math.PI * 2);
      g.fillStyle = '#fbf8f1';
      g.fill();
      g.lineWidth = 1.2;
      g.strokeStyle = '#9a8052';
      g.stroke();
    }),
  };
}

function diamond(g: CanvasRenderingContext2D): void {
  g.beginPath();
  g.moveTo(9, 1.5);
  g.lineTo(16.5, 9);
  g.lineTo(9, 16.5);
  g.lineTo(1.5, 9);
  g.closePath();
  g.fillStyle = PALETTE.gla;
  g.fill();
  g.lineWidth = 1.2;
  g.strokeStyle = PALETTE.packetRim;
  g.stroke();
}
