/**
 * Makes the README screenshot: the default scenario just after lunch, packets in motion, at a common projector size.
 * Run with `npm run screenshot`; it writes docs/screenshot-day.png (and docs/screenshot-years.png).
 */
import { launch, openApp, serve, stepMinutes } from '../harness';

const served = await serve();
const browser = await launch();
try {
  const { page, errors } = await openApp(browser, served.url, { width: 1600, height: 900 });
  await stepMinutes(page, 12 * 60 + 40);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(2500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-day.png' });

  await page.getByText('Years', { exact: true }).click();
  await page.getByText('Fast', { exact: true }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.querySelector('.clock-value')?.textContent?.includes('80'));
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: 'docs/screenshot-years.png' });
  if (errors.length > 0) throw new Error(`console errors while taking screenshots:\n${errors.join('\n')}`);
  console.log('wrote docs/screenshot-day.png and docs/screenshot-years.png');
} finally {
  await browser.close();
  await served.close();
}
