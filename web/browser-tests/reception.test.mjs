// Reception (issue 17, point 3): a security operator registers a visitor at the desk with the badge handed out there;
// the visitor is listed as expected with the host's name, a building outside the host's access is refused with the
// API's reason, the badge opens the host's door, and the visitor then shows as inside at reception and on the muster
// list as a visitor with the host's name.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  browserPerFile,
  command,
  demoUsers,
  lbUrl,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './support.mjs';

const users = demoUsers();
const withPage = browserPerFile();
const nav = (page) => page.getByRole('navigation', { name: 'Main' });

/** A door asking the decision API, as a reader would, retrying a 503 with the same eventId. */
async function decide(doorId, deviceKey, cardNumber) {
  const request = { eventId: randomUUID(), cardNumber, direction: 'IN', occurredAt: new Date().toISOString() };
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${lbUrl}/door-api/v1/doors/${encodeURIComponent(doorId)}/decisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Door-Key': deviceKey, 'X-Door-Deadline-Ms': '2000' },
      body: JSON.stringify(request),
    });
    const body = await response.json();
    if (response.status !== 503 || attempt === 10) return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('Retry-After') ?? 1)));
  }
}

describe('reception', () => {
  test('an operator registers a visitor, sees them expected, then inside and on the muster list', async () => {
    const suffix = `${Date.now()}`.slice(-8);
    const desk = `RC-${suffix}`;
    const elsewhere = `RX-${suffix}`;
    const hostNumber = `H-${suffix}`;
    const badge = `V${suffix}`;
    let door;
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await nav(page).waitFor();
      await command(page, 'POST', '/buildings', { buildingId: desk, name: `Desk ${suffix}`, timeZone: 'UTC' });
      await command(page, 'POST', '/buildings', {
        buildingId: elsewhere,
        name: `Elsewhere ${suffix}`,
        timeZone: 'UTC',
      });
      door = await command(page, 'POST', `/buildings/${desk}/doors`, { name: `Lobby ${suffix}`, capability: 'BOTH' });
      const host = await command(page, 'POST', '/employees', {
        employeeNumber: hostNumber,
        givenName: 'Hedy',
        familyName: `Host${suffix}`,
        email: `hedy${suffix}@example.com`,
      });
      await command(page, 'POST', `/employees/${host.employeeId}/grants`, { buildingId: desk });
    });

    await withPage(async (page) => {
      await signIn(page, users.operator);
      await nav(page).getByRole('link', { name: 'Reception' }).click();
      await page.getByLabel('Building', { exact: true }).selectOption(desk);
      const form = page.getByRole('form', { name: 'Register a visitor' });

      // A building the host may not enter: refused at once, with the reason under the buildings.
      await form.getByLabel('Given name').fill('Grace');
      await form.getByLabel('Family name').fill(`Visitor${suffix}`);
      await form.getByLabel('Company').fill('Navy');
      await form.getByLabel("Host's employee number").fill(hostNumber);
      await form.getByLabel('Badge number').fill(badge);
      await form.getByRole('checkbox', { name: `Elsewhere ${suffix}` }).check();
      await form.getByRole('button', { name: 'Register' }).click();
      await form.getByRole('alert').waitFor();
      assert.match(await form.textContent(), /host has no access to Elsewhere/);

      await form.getByRole('checkbox', { name: `Elsewhere ${suffix}` }).uncheck();
      await form.getByRole('button', { name: 'Register' }).click();
      const status = page.getByTestId('command-status');
      await status.filter({ hasText: /APPLIED|REJECTED/ }).waitFor({ timeout: 60_000 });
      assert.match(await status.textContent(), /APPLIED/);

      const expected = page.getByRole('table', { name: 'Expected visitors' });
      const row = expected.getByRole('row').filter({ hasText: `Visitor${suffix}` });
      for (let attempt = 0; attempt < 20 && (await row.count()) === 0; attempt += 1) {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(500);
      }
      await row.waitFor();
      const text = await row.textContent();
      assert.match(text, new RegExp(`Hedy Host${suffix}`));
      assert.match(text, /Navy/);
      assert.match(text, new RegExp(badge));

      // The badge opens the host's door; the visitor is then inside.
      const answer = await decide(door.doorId, door.deviceKey, badge);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.decision, 'GRANTED', JSON.stringify(answer.body));
      const inside = page.getByRole('table', { name: 'Visitors and contractors inside' });
      const insideRow = inside.getByRole('row').filter({ hasText: `Visitor${suffix}` });
      for (let attempt = 0; attempt < 30 && (await insideRow.count()) === 0; attempt += 1) {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(500);
      }
      await insideRow.waitFor();
      assert.match(await insideRow.textContent(), /since/);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'reception');

      await page.goto(`/buildings/${encodeURIComponent(desk)}/muster`);
      const muster = page.getByRole('table', { name: 'People inside' });
      await muster.waitFor();
      assert.match(await muster.textContent(), new RegExp(`Visitor of Hedy Host${suffix} \\(Navy\\)`));
    });
  });
});
