/**
 * Wiring only. Until the playable simulation lands, the page runs one simulated day of the default scenario on
 * the integrator and shows where the calcium went, so `npm start` already shows the real model working.
 */
import { simulate } from './model/simulate';

const status = document.getElementById('model-status');
const table = document.getElementById('summary') as HTMLTableElement | null;

const result = simulate({ days: 1, mode: 'ode' });
const rows: [string, number][] = [
  ['Eaten', result.totalsMg.eaten],
  ['Absorbed from the gut', result.totalsMg.absorbed],
  ['Left in faeces', result.totalsMg.faeces],
  ['Left in urine', result.totalsMg.urine],
  ['Laid down in bone', result.totalsMg.boneIn],
  ['Released from bone', result.totalsMg.boneOut],
];
const body = table?.tBodies[0];
if (table && body) {
  for (const [label, mg] of rows) {
    const row = body.insertRow();
    row.insertCell().textContent = label;
    row.insertCell().textContent = `${Math.round(mg).toLocaleString()} mg`;
  }
  table.hidden = false;
}
if (status) {
  status.textContent = `Serum calcium held at ${result.serumCalciumMmolL.mean.toFixed(2)} mmol/L while ${Math.round(result.fractionalAbsorption * 100)} % of the calcium in the gut (food plus ${Math.round(result.totalsMg.secretedIntoGut)} mg from digestive juices) was absorbed.`;
}
