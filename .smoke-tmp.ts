import { launch, openApp, serve } from './tests/e2e/harness';
const served = await serve();
const browser = await launch();
try {
  const { page, errors, foreign } = await openApp(browser, served.url);
  await page.waitForTimeout(1500);
  // Walk every scene quickly.
  for (let n = 1; n <= 9; n++) {
    await page.keyboard.press(String(n));
    await page.waitForTimeout(400);
    const title = await page.locator('.lesson-title').textContent();
    let guard = 0;
    while (guard++ < 15) {
      const kind = (await page.locator('.lesson-kind').textContent()) ?? '';
      const ind = await page.locator('.lesson-indicator').textContent();
      if (/Predict/.test(kind)) await page.locator('.lesson-choices button').first().click();
      if (/End/.test(kind) || /done/.test(ind ?? '')) break;
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(250);
    }
    console.log(n, title, 'steps walked', guard, 'errors so far', errors.length);
  }
  // Scene 3: run the first observe fully at fast speed.
  await page.keyboard.press('3');
  await page.waitForTimeout(400);
  await page.locator('.lesson-choices button').nth(2).click();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await page.locator('.lesson-note', { hasText: 'Done. What did you see?' }).waitFor({ timeout: 120000 });
  await page.screenshot({ path: '/tmp/cr/shots/no-vitamin-d-observe.png' });
  const tables = await page.locator('table').allTextContents();
  console.log(tables.map((t) => t.replace(/\s+/g, ' ').slice(0, 900)).join('\n---\n'));
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(300);
  await page.locator('.lesson-reveal').click().catch(() => undefined);
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/cr/shots/no-vitamin-d-reveal.png' });
  // Scene 8 years: first observe.
  await page.keyboard.press('8');
  await page.waitForTimeout(400);
  await page.locator('.lesson-choices button').first().click();
  await page.keyboard.press('ArrowRight');
  await page.locator('.lesson-note', { hasText: 'Done. What did you see?' }).waitFor({ timeout: 120000 });
  await page.screenshot({ path: '/tmp/cr/shots/ageing-observe.png' });
  console.log((await page.locator('table').allTextContents()).map((t) => t.replace(/\s+/g, ' ').slice(0, 600)).join('\n---\n'));
  console.log('errors', errors, 'foreign', foreign);
} finally {
  await browser.close();
  await served.close();
}
