import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  api,
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

/** A building with a door (its key, shown once), and an employee with an active card and a grant. */
async function site(page) {
  const suffix = `${Date.now()}`.slice(-8);
  const buildingId = `RS-${suffix}`;
  await command(page, 'POST', '/buildings', { buildingId, name: `Read side ${suffix}`, timeZone: 'Europe/London' });
  const door = await command(page, 'POST', `/buildings/${buildingId}/doors`, {
    name: `Gate ${suffix}`,
    capability: 'BOTH',
  });
  const { employeeId } = await command(page, 'POST', '/employees', {
    employeeNumber: `E-${suffix}`,
    givenName: 'Olive',
    familyName: `Offboarded${suffix}`,
    email: `olive${suffix}@example.com`,
  });
  const cardNumber = `C${suffix}`;
  await command(page, 'POST', '/cards', { cardNumber, employeeId });
  await command(page, 'POST', `/employees/${employeeId}/grants`, { buildingId });
  return {
    buildingId,
    doorId: door.doorId,
    deviceKey: door.deviceKey,
    employeeId,
    cardNumber,
    familyName: `Offboarded${suffix}`,
  };
}

describe('operators and auditors', () => {
  test("issue 7: an offboarded employee's card is DENIED at a door and the denial shows in the door audit", async () => {
    let setUp;
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await nav(page).waitFor();
      setUp = await site(page);
      assert.ok(setUp.deviceKey, 'the device key is shown once on register');
      const before = await decideAtDoor(setUp, setUp.cardNumber, { deadlineMs: 2000, attempts: 10 });
      assert.equal(before.status, 200, JSON.stringify(before.body));
      assert.equal(before.body.decision, 'GRANTED', JSON.stringify(before.body));

      await command(page, 'POST', `/employees/${setUp.employeeId}/offboard`);
      let denied;
      for (let attempt = 0; attempt < 20; attempt += 1) {
        denied = await decideAtDoor(setUp, setUp.cardNumber, { deadlineMs: 2000, attempts: 10 });
        // Until the offboarding reaches the door, a re-entry is refused by anti-passback (the person is inside);
        // the card rule comes first, so its refusal is the moment the offboarding took effect.
        if (['CARD_NOT_ACTIVE', 'EMPLOYEE_INACTIVE'].includes(denied.body.reason)) break;
        await page.waitForTimeout(250); // the decision path hears of the command within ~250 ms (decision 0009)
      }
      assert.equal(denied.body.decision, 'DENIED', JSON.stringify(denied.body));
      assert.ok(['CARD_NOT_ACTIVE', 'EMPLOYEE_INACTIVE'].includes(denied.body.reason), JSON.stringify(denied.body));
    });
    await withPage(async (page) => {
      await signIn(page, users.auditor);
      await nav(page).getByRole('link', { name: 'Door audit' }).click();
      await page.getByLabel('Employee id').fill(setUp.employeeId);
      const row = page
        .getByRole('table', { name: 'Door events' })
        .getByRole('row')
        .filter({ hasText: /CARD_NOT_ACTIVE|EMPLOYEE_INACTIVE/ });
      // The denial reaches the swipes table through Kinesis and the consumer: allow it some seconds.
      for (let attempt = 0; attempt < 30 && (await row.count()) === 0; attempt += 1) {
        await page.getByRole('button', { name: 'Show events' }).click();
        await page.waitForTimeout(1000);
      }
      await row.first().waitFor();
      assert.match(await row.first().textContent(), /CARD_NOT_ACTIVE|EMPLOYEE_INACTIVE/);
      assert.match(await page.getByRole('table', { name: 'Door events' }).textContent(), new RegExp(setUp.familyName));
      await page.getByRole('button', { name: 'Export CSV' }).click();
      await page.getByTestId('csv-download').waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'door-audit');

      // Who was inside, rebuilt from the archive: the entry granted before the offboarding put them inside.
      await nav(page).getByRole('link', { name: 'Who was inside' }).click();
      await page.getByLabel('Building').selectOption(setUp.buildingId);
      const inside = page.getByRole('table', { name: 'People inside' });
      for (let attempt = 0; attempt < 20; attempt += 1) {
        await page.getByRole('button', { name: 'Show' }).click();
        await page.getByTestId('inside-at-summary').waitFor();
        if ((await inside.count()) > 0 && new RegExp(setUp.familyName).test(await inside.textContent())) break;
        await page.waitForTimeout(1000);
      }
      assert.match(await inside.textContent(), new RegExp(setUp.familyName));
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'who-was-inside');
    });
    await withPage(async (page) => {
      // The employee page lists the same person's recent swipes, newest first: the refusal above the granted entry.
      await signIn(page, users.admin);
      await nav(page).waitFor();
      await page.goto(`/employees/${setUp.employeeId}`);
      const swipes = page.getByRole('table', { name: 'Recent swipes' });
      await swipes.getByRole('row').filter({ hasText: 'GRANTED' }).first().waitFor();
      assert.match(await swipes.locator('tbody tr').first().textContent(), /CARD_NOT_ACTIVE|EMPLOYEE_INACTIVE/);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'employee-detail');

      await page.getByRole('link', { name: 'Open in door audit' }).click();
      await page
        .getByRole('table', { name: 'Door events' })
        .getByRole('row')
        .filter({ hasText: /CARD_NOT_ACTIVE|EMPLOYEE_INACTIVE/ })
        .first()
        .waitFor();
      assert.equal(await page.getByLabel('Employee id').inputValue(), setUp.employeeId);
    });
  });

  test("an operator watches the live view and prints a building's muster list; an auditor is refused both", async () => {
    let buildingId;
    let employeeId;
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await nav(page).waitFor();
      const setUp = await site(page);
      buildingId = setUp.buildingId;
      employeeId = setUp.employeeId;
      const granted = await decideAtDoor(setUp, setUp.cardNumber, { deadlineMs: 2000, attempts: 10 });
      assert.equal(granted.body.decision, 'GRANTED', JSON.stringify(granted.body));
      await page.goto(`/employees/${setUp.employeeId}`);
      await page.getByTestId(`can-enter-${buildingId}`).getByText('GRANTED').first().waitFor();
      await page.goto(`/buildings/${buildingId}`);
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.getByTestId(`who-${setUp.employeeId}`).getByText('GRANTED').first().waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'who-can-enter');
    });
    await withPage(async (page) => {
      await signIn(page, users.operator);
      await nav(page).getByRole('link', { name: 'Live' }).click();
      const row = page.getByTestId(`occupancy-${buildingId}`);
      await row.waitFor();
      // The entry reaches presence through the stream: the page polls, so it updates without a reload.
      await row.getByRole('cell', { name: '1', exact: true }).waitFor({ timeout: 30_000 });
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'live');
      await row.getByRole('link', { name: /Muster list/ }).click();
      await page.getByTestId('muster-summary').getByText('1 person inside').waitFor();
      await page.getByRole('button', { name: 'Print' }).waitFor();
      assert.equal(await nav(page).getByRole('link', { name: 'Door audit' }).count(), 0);
      assert.equal(
        (await api(page, 'GET', '/audit/swipes?buildingId=HQ&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z'))
          .status,
        403,
      );
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'muster');

      // The door events of a person are the auditors': the operator's employee page has no recent swipes.
      await page.goto(`/employees/${employeeId}`);
      await page.getByRole('heading', { name: 'Can enter' }).waitFor();
      await page.getByRole('heading', { name: 'Command history' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Recent swipes' }).count(), 0);
    });
    await withPage(async (page) => {
      await signIn(page, users.auditor);
      await nav(page).waitFor();
      assert.equal(await nav(page).getByRole('link', { name: 'Live' }).count(), 0);
      assert.equal((await api(page, 'GET', '/live')).status, 403);
      assert.equal((await api(page, 'GET', `/buildings/${buildingId}/muster`)).status, 403);
      await page.goto('/live');
      await page.getByTestId('not-for-role').waitFor();
    });
  });
});
