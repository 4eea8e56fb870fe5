/**
 * Vertical placement of end-of-line labels. Labels that would overlap are gathered into clusters, each centred on
 * the mean of the positions its labels want, so a crowd spreads symmetrically instead of being shoved one way.
 */

export interface LabelRequest {
  /** Where the label would like its centre line. */
  readonly y: number;
}

interface Cluster {
  start: number;
  count: number;
  wanted: number;
}

/**
 * Centre lines for the labels, in the same order as `requests`: at least `minGap` apart and inside [top, bottom],
 * except that when there is not room for all of them at `minGap` they share the room evenly. Relative order is
 * kept, so a label never crosses another's line.
 */
export function spreadLabels(requests: readonly LabelRequest[], minGap: number, top: number, bottom: number): number[] {
  const count = requests.length;
  if (count === 0) return [];
  const room = Math.max(0, bottom - top);
  const gap = count > 1 ? Math.min(minGap, room / (count - 1)) : 0;
  const order = requests
    .map((r, i) => ({ i, y: Number.isFinite(r.y) ? r.y : bottom }))
    .sort((a, b) => a.y - b.y || a.i - b.i);

  const place = (c: Cluster): void => {
    const span = (c.count - 1) * gap;
    c.start = Math.min(Math.max(c.wanted / c.count - span / 2, top), bottom - span);
  };
  const clusters: Cluster[] = [];
  for (const { y } of order) {
    const next: Cluster = { start: y, count: 1, wanted: y };
    place(next);
    clusters.push(next);
    for (;;) {
      const last = clusters[clusters.length - 1] as Cluster;
      const before = clusters[clusters.length - 2];
      if (!before || before.start + before.count * gap <= last.start + 1e-9) break;
      before.count += last.count;
      before.wanted += last.wanted;
      place(before);
      clusters.pop();
    }
  }

  const placed = new Array<number>(count);
  let k = 0;
  for (const c of clusters) {
    for (let j = 0; j < c.count; j++) placed[(order[k++] as { i: number }).i] = c.start + j * gap;
  }
  return placed;
}

/**
 * A rough, generous text width: wide system fonts such as DejaVu Sans run to about 0.6 em a character, and
 * overestimating only costs a little room while underestimating clips a label at the chart's edge.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}
