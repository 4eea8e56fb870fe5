/**
 * The Share dialog's QR code geometry (no DOM needed): the right number of modules for the QR version the text
 * needs, a four-module quiet zone that stays light, and links of realistic length fit.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS } from '../../src/model/inputs';
import { DEFAULT_SHARED_STATE, type SharedState, shareUrl } from '../../src/share/urlState';
import { QR_QUIET_ZONE, type QrSvgModel, qrSvgModel } from '../../src/ui/shareDialog';

interface Run {
  readonly x: number;
  readonly y: number;
  readonly length: number;
}

/** The dark runs in the path, as written by qrSvgModel: M{x} {y}h{n}v1h-{n}z. */
function runs(model: QrSvgModel): Run[] {
  const out: Run[] = [];
  const pattern = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g;
  let consumed = 0;
  for (const match of model.d.matchAll(pattern)) {
    expect(match[4]).toBe(match[3]);
    out.push({ x: Number(match[1]), y: Number(match[2]), length: Number(match[3]) });
    consumed += match[0].length;
  }
  expect(consumed).toBe(model.d.length); // nothing else in the path
  return out;
}

function darkSet(model: QrSvgModel): Set<string> {
  const dark = new Set<string>();
  for (const run of runs(model)) for (let i = 0; i < run.length; i++) dark.add(`${run.x + i},${run.y}`);
  return dark;
}

describe('QR code SVG', () => {
  it('has the module count of the QR version the text needs, plus a 4-module quiet zone', () => {
    // 20 bytes do not fit version 1 at level M (16 data bytes) but fit version 2 (26): 25 modules.
    const model = qrSvgModel('https://example.org/');
    expect(model).not.toBeNull();
    if (!model) return;
    expect(model.modules).toBe(25);
    expect(model.quiet).toBe(QR_QUIET_ZONE);
    expect(model.quiet).toBeGreaterThanOrEqual(4);
    expect(model.size).toBe(25 + 2 * 4);
    // A short text is version 1: 21 modules.
    expect(qrSvgModel('HELLO')?.modules).toBe(21);
  });

  it('keeps every dark module inside the code, leaving the quiet zone light', () => {
    const model = qrSvgModel('https://example.org/calcium-routes/#v=1&d3=4000&wf=1');
    if (!model) throw new Error('no code');
    const q = model.quiet;
    for (const run of runs(model)) {
      expect(run.x).toBeGreaterThanOrEqual(q);
      expect(run.y).toBeGreaterThanOrEqual(q);
      expect(run.y).toBeLessThan(q + model.modules);
      expect(run.x + run.length).toBeLessThanOrEqual(q + model.modules);
    }
  });

  it('draws the three finder patterns at the corners of the code', () => {
    const model = qrSvgModel('HELLO WORLD');
    if (!model) throw new Error('no code');
    const dark = darkSet(model);
    const q = model.quiet;
    const n = model.modules;
    for (const [cx, cy] of [
      [q, q],
      [q + n - 7, q],
      [q, q + n - 7],
    ] as const) {
      for (let y = 0; y < 7; y++) {
        for (let x = 0; x < 7; x++) {
          const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
          // Rings from the centre: 3×3 dark core, light ring, dark outer ring.
          expect(dark.has(`${cx + x},${cy + y}`), `finder at ${cx},${cy}: ${x},${y}`).toBe(ring !== 2);
        }
      }
    }
  });

  it('fits a long share link (about 600 characters)', () => {
    const state: SharedState = {
      ...DEFAULT_SHARED_STATE,
      inputs: { ...DEFAULT_INPUTS, calciumMgPerDay: 1234.5678901234567, d3IuPerDay: 12345.678901234567 },
      scene: { id: 'a-very-long-scene-name-that-a-teacher-might-write-for-a-lesson', step: 12 },
      compare: { ...DEFAULT_INPUTS, k1UgPerDay: 1234.5678901234567, ageYears: 89.12345678901234, warfarin: true },
    };
    let link = shareUrl('https://school.example.org/science/year-10/biology/calcium-routes/index.html', state);
    link += `&${'x'.repeat(Math.max(0, 600 - link.length - 1))}`;
    expect(link.length).toBeGreaterThanOrEqual(600);
    const model = qrSvgModel(link);
    expect(model).not.toBeNull();
    if (!model) return;
    expect((model.modules - 17) % 4).toBe(0);
    expect(model.modules).toBeLessThanOrEqual(177);
  });

  it('returns null, rather than throwing, for text too long for any QR code', () => {
    expect(qrSvgModel('x'.repeat(5000))).toBeNull();
  });
});
