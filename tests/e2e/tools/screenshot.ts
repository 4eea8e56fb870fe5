/**
 * Makes the README screenshot: the default scenario just after lunch, packets in motion, at a common projector size.
 * Run with `npm run screenshot`; it writes docs/screenshot-day.png, docs/screenshot-years.png, and the classroom
 * views docs/screenshot-compare.png (A and B side by side) and docs/screenshot-presenter.png (a scene's prediction,
 * revealed, in presenter mode).
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
  await page.getByRole('toolbar').getByText('Fast', { exact: true }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => document.querySelector('.clock-value')?.textContent?.includes('80'));
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: 'docs/screenshot-years.png' });

  // Compare: B without vitamin D, the same seed and clock, past a day so the table compares a full day.
  await page.goto(`${served.url}?compare#v=1&cmp=1&b.d3=0`);
  await page.waitForFunction(() => (window as { calciumRoutes?: { pixiB: unknown } }).calciumRoutes?.pixiB);
  await stepMinutes(page, 36 * 60);
  // The compare headline is a live region that speaks at most every 5 s; let it catch up with the jump.
  await page.waitForTimeout(6000);
  await page.screenshot({ path: 'docs/screenshot-compare.png', fullPage: true });

  // Presenter mode: the "No vitamin D" scene, the class's prediction committed and the answer revealed.
  await page.goto(`${served.url}?presenter#v=1&scene=no-vitamin-d&presenter=1`);
  await page.waitForSelector('.lesson-choice');
  await page.locator('.lesson-choice').first().click();
  await page.keyboard.press('p');
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshot-presenter.png' });
  if (errors.length > 0) throw new Error(`console errors while taking screenshots:\n${errors.join('\n')}`);
  console.log('wrote docs/screenshot-day.png, -years.png, -compare.png and -presenter.png');
} finally {
  await browser.close();
  await served.close();
}
