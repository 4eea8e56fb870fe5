/**
 * "Where the calcium went": a real table (caption, row and column headers) of today's amounts per destination, the
 * share of today's intake, and the last full day; then the readings that explain them (absorbed share, blood
 * calcium, switched-on osteocalcin and MGP). In the years view it shows the life course instead.
 * Each destination's row header is a button that pins a highlight on the map and charts.
 */
import { formatNumber, formatPercent, t } from '../i18n';
import type { YearPoint } from '../model/years';
import type { DaySummary } from '../session/dayRecord';
import { DESTINATION_STYLE } from './charts/styles';
import { arteryIllustrativeLabel } from './content/notices';
import { h, setText } from './dom';
import { formatMg, formatSerum, formatShare } from './format';
import type { Highlight, HighlightKey } from './highlight';
import { DESTINATIONS, type DestinationKey } from './outcomeTypes';

export interface DayReadings {
  readonly today: DaySummary;
  readonly lastDay: DaySummary | null;
  readonly carboxylatedOsteocalcin: number;
  /** Carboxylated MGP that exists (0 when MGP is not made). */
  readonly activeMgp: number;
  readonly mgpAbsent: boolean;
  readonly warfarin: boolean;
}

export interface YearsReadings {
  readonly latest: YearPoint | null;
  readonly startAge: number;
}

export interface OutcomeTable {
  readonly element: HTMLElement;
  showDay(r: DayReadings): void;
  showYears(r: YearsReadings): void;
}

interface Row {
  readonly row: HTMLTableRowElement;
  readonly cells: HTMLTableCellElement[];
}

export function createOutcomeTable(highlight: Highlight): OutcomeTable {
  const dayTable = h('table', { class: 'outcome-table' });
  dayTable.append(h('caption', { text: t('table.caption') }));
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col', text: t('table.col.destination') }),
      h('th', { scope: 'col', text: t('table.col.today') }),
      h('th', { scope: 'col', text: t('table.col.shareOfIntake') }),
      h('th', { scope: 'col', text: t('table.col.lastDay') }),
    ),
  );
  dayTable.append(head);

  const flows = h('tbody', {});
  const readings = h('tbody', { class: 'readings' });
  dayTable.append(flows, readings);

  const pinButtons = new Map<HighlightKey, HTMLButtonElement>();
  const addRow = (body: HTMLTableSectionElement, label: string, key?: DestinationKey, note?: string): Row => {
    const row = body.insertRow();
    const th = h('th', { scope: 'row' });
    if (key) {
      const style = DESTINATION_STYLE[key];
      const button = h(
        'button',
        { type: 'button', class: 'row-pin', 'aria-pressed': 'false' },
        h('span', { class: `swatch swatch-${style.marker}`, style: `--swatch:${style.colour}`, 'aria-hidden': 'true' }),
        label,
      );
      button.addEventListener('click', () => highlight.togglePin(key));
      highlight.bind(row, key);
      pinButtons.set(key, button);
      th.append(button);
      row.dataset.key = key;
    } else {
      th.textContent = label;
    }
    if (note) th.append(h('span', { class: 'row-note', text: note }));
    row.append(th);
    const cells = [0, 1, 2].map(() => row.insertCell());
    return { row, cells };
  };

  const eaten = addRow(flows, t('table.row.eaten'));
  eaten.row.classList.add('row-reference');
  const destinationRows = new Map<DestinationKey, Row>();
  for (const key of DESTINATIONS) {
    destinationRows.set(
      key,
      addRow(flows, t(`table.row.${key}`), key, key === 'artery' ? arteryIllustrativeLabel() : undefined),
    );
  }
  const readingHeader = readings.insertRow();
  readingHeader.append(h('th', { scope: 'rowgroup', colspan: 4, class: 'rowgroup', text: t('table.readings') }));
  const absorbedShare = addRow(readings, t('table.row.absorbedShare'));
  const serum = addRow(readings, t('table.row.serum'));
  const osteocalcin = addRow(readings, t('table.row.osteocalcin'));
  const mgp = addRow(readings, t('table.row.mgp'));
  const clotting = addRow(readings, t('table.row.clotting'));

  highlight.listen((key) => {
    for (const [k, row] of destinationRows) row.row.classList.toggle('is-highlighted', k === key);
    for (const [k, button] of pinButtons) button.setAttribute('aria-pressed', String(highlight.pinnedKey === k));
  });

  // Years view: the life course so far.
  const yearsTable = h('table', { class: 'outcome-table', hidden: true });
  yearsTable.append(h('caption', { text: t('table.years.caption') }));
  const yearsBody = h('tbody', {});
  yearsTable.append(yearsBody);
  const yearRow = (label: string): HTMLTableCellElement => {
    const row = yearsBody.insertRow();
    row.append(h('th', { scope: 'row', text: label }));
    return row.insertCell();
  };
  const ageCell = yearRow(t('table.years.age'));
  const boneCell = yearRow(t('table.years.bone'));
  const arteryCell = yearRow(t('table.years.artery'));
  const yearsAbsorbedCell = yearRow(t('table.years.absorbedShare'));
  const yearsSerumCell = yearRow(t('table.years.serum'));

  const element = h('div', { class: 'outcome' }, dayTable, yearsTable);
  const write = (row: Row, values: readonly string[]): void => {
    for (const [i, cell] of row.cells.entries()) setText(cell, values[i] ?? '');
  };

  return {
    element,
    showDay(r) {
      dayTable.hidden = false;
      yearsTable.hidden = true;
      const { today, lastDay } = r;
      write(eaten, [
        formatMg(today.eaten),
        formatShare(today.eaten, today.eaten),
        lastDay ? formatMg(lastDay.eaten) : t('value.none'),
      ]);
      for (const key of DESTINATIONS) {
        const row = destinationRows.get(key);
        if (row)
          write(row, [
            formatMg(today[key]),
            formatShare(today[key], today.eaten),
            lastDay ? formatMg(lastDay[key]) : t('value.none'),
          ]);
      }
      write(absorbedShare, [
        Number.isNaN(today.absorbedShare) ? t('value.none') : formatPercent(today.absorbedShare),
        '',
        lastDay ? formatPercent(lastDay.absorbedShare) : t('value.none'),
      ]);
      write(serum, [
        formatSerum(today.serumNow),
        t('table.serum.range', { low: formatNumber(today.serumMin, 2, 2), high: formatNumber(today.serumMax, 2, 2) }),
        lastDay
          ? t('table.serum.range', {
              low: formatNumber(lastDay.serumMin, 2, 2),
              high: formatNumber(lastDay.serumMax, 2, 2),
            })
          : t('value.none'),
      ]);
      write(osteocalcin, [formatPercent(r.carboxylatedOsteocalcin), t('table.switchedOn'), '']);
      write(mgp, [
        r.mgpAbsent ? t('table.mgpAbsent') : formatPercent(r.activeMgp),
        r.mgpAbsent ? '' : t('table.switchedOn'),
        '',
      ]);
      write(clotting, [r.warfarin ? t('table.clotting.warfarin') : t('table.clotting.normal'), '', '']);
    },
    showYears(r) {
      dayTable.hidden = true;
      yearsTable.hidden = false;
      const y = r.latest;
      setText(ageCell, t('table.years.ageValue', { age: formatNumber(y ? y.ageYears : r.startAge) }));
      setText(boneCell, y ? formatPercent(y.bonePercentOfStart / 100, 1) : formatPercent(1, 1));
      setText(arteryCell, y ? formatMg(y.arteryMg) : formatMg(0));
      setText(yearsAbsorbedCell, y ? formatPercent(y.fractionalAbsorption) : t('value.none'));
      setText(yearsSerumCell, y ? formatSerum(y.serumCalciumMmolL) : t('value.none'));
    },
  };
}
