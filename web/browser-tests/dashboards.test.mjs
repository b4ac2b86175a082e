import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  browserPerFile,
  command,
  decideAtDoor,
  demoUsers,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './support.mjs';

const users = demoUsers();
const withPage = browserPerFile();
const nav = (page) => page.getByRole('navigation', { name: 'Main' });

/** The decision a granted or refused swipe gets: always an answer (200), never an error. */
async function decide(door, cardNumber, direction) {
  const { status, body } = await decideAtDoor(door, cardNumber, { direction });
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

describe('dashboards', () => {
  test('issue 16: the dashboard draws a building’s occupancy, decisions by outcome, denials by reason and the consumer lag', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await nav(page).waitFor();
      const suffix = `${Date.now()}`.slice(-8);
      const buildingId = `DB-${suffix}`;
      // A zone other than the browser's (UTC here): the charts' times are the building's.
      await command(page, 'POST', '/buildings', {
        buildingId,
        name: `Dashboard ${suffix}`,
        timeZone: 'Asia/Tokyo',
      });
      const door = await command(page, 'POST', `/buildings/${buildingId}/doors`, {
        name: `Lobby ${suffix}`,
        capability: 'BOTH',
      });
      const { employeeId } = await command(page, 'POST', '/employees', {
        employeeNumber: `D-${suffix}`,
        givenName: 'Dana',
        familyName: `Charts${suffix}`,
        email: `dana${suffix}@example.com`,
      });
      const cardNumber = `D${suffix}`;
      await command(page, 'POST', '/cards', { cardNumber, employeeId });
      await command(page, 'POST', `/employees/${employeeId}/grants`, { buildingId });

      // In, a second entry refused by anti-passback, out, in again; and an unknown card twice.
      assert.equal((await decide(door, cardNumber, 'IN')).decision, 'GRANTED');
      assert.equal((await decide(door, cardNumber, 'IN')).reason, 'ANTI_PASSBACK');
      assert.equal((await decide(door, cardNumber, 'OUT')).decision, 'GRANTED');
      assert.equal((await decide(door, cardNumber, 'IN')).decision, 'GRANTED');
      assert.equal((await decide(door, `NOPE-${suffix}`, 'IN')).reason, 'UNKNOWN_CARD');
      assert.equal((await decide(door, `NOPE-${suffix}`, 'IN')).reason, 'UNKNOWN_CARD');

      await nav(page).getByRole('link', { name: 'Dashboard' }).click();
      await page.getByLabel('Building').selectOption(buildingId);
      // Until the chosen building's answer arrives the page keeps showing the one before (named in the summary).
      const summary = page.getByTestId('dashboard-summary').filter({ hasText: `Dashboard ${suffix}` });
      await summary.waitFor();
      assert.match(await summary.innerText(), /Asia\/Tokyo/);

      // The events reach the swipe log through the stream and its consumer, and the presence count with them;
      // the lag comes from CloudWatch, where the services publish every 5 s locally.
      const decisions = page.getByTestId('chart-decisions');
      const lag = page.getByTestId('chart-lag');
      let ready = false;
      for (let attempt = 0; attempt < 60 && !ready; attempt += 1) {
        const said = await decisions.locator('figcaption').innerText();
        const lagDrawn = (await lag.locator('svg.recharts-surface').count()) > 0;
        const inside = await page.getByTestId('chart-occupancy').locator('figcaption').innerText();
        ready = said.includes('3 granted and 3 denied') && inside.includes('1 inside now') && lagDrawn;
        if (!ready) {
          await page.waitForTimeout(1000);
          await page.getByRole('button', { name: 'Refresh' }).click();
        }
      }
      assert.ok(ready, `decisions, occupancy and lag drawn: ${await page.getByTestId('dashboard').innerText()}`);

      // Each chart is drawn, and named for assistive technology by its caption.
      for (const chart of ['chart-occupancy', 'chart-decisions', 'chart-denials', 'chart-lag']) {
        const figure = page.getByTestId(chart);
        assert.ok((await figure.locator('svg.recharts-surface').count()) > 0, `${chart} is drawn`);
        assert.ok(await figure.getAttribute('aria-labelledby'), `${chart} has an accessible name`);
      }
      const denials = page.getByTestId('chart-denials');
      assert.match(await denials.locator('figcaption').innerText(), /3 denials today; most often: Unknown card \(2\)/);
      // The data behind the drawing, as screen readers get it.
      const table = page.getByRole('table', { name: 'Denials by reason, today' });
      assert.equal(await table.getByRole('row', { name: /Unknown card 2/ }).count(), 1);
      assert.equal(await table.getByRole('row', { name: /Anti passback 1/ }).count(), 1);

      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'dashboard');
    });
  });

  test('issue 16: an auditor is not offered the dashboard and is told so there', async () => {
    await withPage(async (page) => {
      await signIn(page, users.auditor);
      await nav(page).waitFor();
      assert.equal(await nav(page).getByRole('link', { name: 'Dashboard' }).count(), 0);
      await page.goto('/dashboard');
      await page.getByText('The dashboard is for operators and admins.').waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
    });
  });
});
