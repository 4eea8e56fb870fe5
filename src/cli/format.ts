/** Human-readable output for the headless runner: a small table, units on every line. */
import type { SimulationResult } from '../model/simulate';

const mg = (n: number) => `${Math.round(n).toLocaleString('en-US')} mg`;
const pct = (n: number) => `${(100 * n).toFixed(1)} %`;

export function formatResult(r: SimulationResult): string {
  const i = r.inputs;
  const span =
    r.years !== null ? `${r.years} year${r.years === 1 ? '' : 's'}` : `${r.days} day${r.days === 1 ? '' : 's'}`;
  const rows: [string, string][] = [
    [
      'Scenario',
      `calcium ${i.calciumMgPerDay} mg/day, D3 ${i.d3IuPerDay} IU/day, K2 ${i.k2UgPerDay} µg/day (${i.k2Form.toUpperCase()}), K1 ${i.k1UgPerDay} µg/day${i.warfarin ? ', warfarin' : ''}${i.mgpAbsent ? ', MGP absent' : ''}`,
    ],
    ['Person', `${i.sex}, ${i.ageYears} years`],
    ['Run', `${span}, ${r.mode === 'ode' ? 'integrator' : `particles of ${r.packetMg} mg, seed ${r.seed}`}`],
    ['Eaten', mg(r.totalsMg.eaten)],
    ['Absorbed from the gut', `${mg(r.totalsMg.absorbed)} (${pct(r.fractionalAbsorption)} of gut calcium)`],
    ['Faeces', mg(r.totalsMg.faeces)],
    ['Urine', mg(r.totalsMg.urine)],
    ['Into bone (formation)', mg(r.totalsMg.boneIn)],
    ['Out of bone (resorption)', mg(r.totalsMg.boneOut)],
    ['Artery wall (illustrative)', `${r.totalsMg.artery.toFixed(3)} mg`],
    [
      'Serum calcium',
      `${r.serumCalciumMmolL.mean.toFixed(2)} mmol/L (range ${r.serumCalciumMmolL.min.toFixed(2)}-${r.serumCalciumMmolL.max.toFixed(2)})`,
    ],
    ['PTH / calcitriol', `${r.pthRelative.toFixed(2)} / ${r.calcitriolRelative.toFixed(2)} × normal`],
    ['25(OH)D', `${r.vitaminD.d25NmolL.toFixed(0)} nmol/L (${r.vitaminD.status})`],
    [
      'Carboxylated osteocalcin / MGP',
      `${pct(r.carboxylatedFraction.osteocalcin)} / ${pct(r.carboxylatedFraction.mgp)}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  if (r.yearsSeries) {
    lines.push('', 'Year  Age  Bone (% of start)  Artery wall mg (illustrative)');
    for (const p of r.yearsSeries) {
      lines.push(
        `${String(p.year).padStart(4)}  ${String(Math.round(p.ageYears)).padStart(3)}  ${p.bonePercentOfStart.toFixed(1).padStart(17)}  ${p.arteryMg.toFixed(1).padStart(29)}`,
      );
    }
  }
  for (const warning of r.warnings) lines.push('', `Note: ${warning.message}`);
  lines.push('', 'A simplified teaching model, not medical or dietary advice.');
  return lines.join('\n');
}
