import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoUsers, browserPerFile, screenshot, seriousAccessibilityViolations, signIn } from './support.mjs';

const users = demoUsers();
const withPage = browserPerFile();

/** Waits until the followed command (optionally the one whose alert says `label`) is APPLIED. */
async function applied(page, label) {
  const alert = page.getByTestId('command-status');
  await (label ? alert.filter({ hasText: label }) : alert).getByText('APPLIED').waitFor({ timeout: 30_000 });
}

// The building the first test registers, for the grant in the second.
const building = { code: `B-${Date.now()}` };
building.name = `Engine House ${building.code}`;

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

describe('cards, buildings and doors in the web UI', () => {
  test('an admin registers a building and a door and sees the device key once', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      await nav(page).getByRole('link', { name: 'Buildings' }).click();
      await page.getByRole('heading', { name: 'Buildings' }).waitFor();

      const { code, name } = building;
      await page.getByRole('button', { name: 'Register building' }).click();
      const form = page.getByRole('dialog', { name: 'Register a building' });
      await form.getByLabel('Code').fill(code);
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Time zone').fill('Europe/London');
      await form.getByRole('button', { name: 'Register' }).click();
      await applied(page);
      const link = page.getByRole('table', { name: 'Buildings' }).getByRole('link', { name });
      await link.waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'buildings');

      await link.click();
      await page.getByRole('heading', { name }).waitFor();
      await page.getByText('No doors registered in this building yet.').waitFor();
      await page.getByText('Nobody may enter this building yet.').waitFor();

      await page.getByRole('button', { name: 'Register door' }).click();
      const doorForm = page.getByRole('dialog', { name: 'Register a door' });
      await doorForm.getByLabel('Door name').fill('Main entrance');
      await doorForm.getByLabel('Capability').selectOption('IN');
      await doorForm.getByRole('button', { name: 'Register' }).click();

      const panel = page.getByTestId('device-key-panel');
      await panel.waitFor();
      assert.match(await panel.textContent(), /will not be shown again/);
      const key = (await page.getByTestId('device-key').textContent()).trim();
      assert.ok(key.length >= 16, `a device key is shown (${key.length} characters)`);
      await panel.getByRole('button', { name: 'Copy key' }).waitFor();
      await applied(page);
      const doors = page.getByRole('table', { name: 'Doors' });
      await doors.getByRole('row').filter({ hasText: 'Main entrance' }).getByText('IN', { exact: true }).waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'building-door-key');

      // Once: after "stored" and after a reload the key is nowhere on the page.
      await panel.getByRole('button', { name: 'I have stored the key' }).click();
      assert.equal(await page.getByTestId('device-key').count(), 0);
      await page.reload();
      await page.getByRole('heading', { name }).waitFor();
      await page.getByRole('table', { name: 'Doors' }).getByText('Main entrance').waitFor();
      assert.equal(await page.getByTestId('device-key').count(), 0);
      assert.doesNotMatch(await page.content(), new RegExp(key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

      // Rotating gives a new key, shown the same way.
      await page.getByRole('button', { name: 'Rotate key of Main entrance' }).click();
      const rotated = (await page.getByTestId('device-key').textContent()).trim();
      assert.notEqual(rotated, key);
      await applied(page, 'Rotating the key of Main entrance');
    });
  });

  test("an admin sets the building's anti-passback to TIMED 15 minutes; an operator sees the mode but no form", async () => {
    const { code, name } = building;
    const mode = (page) => page.locator('.bf-facts div').filter({ hasText: 'Anti-passback' }).locator('dd');
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await nav(page).waitFor();
      await page.goto(`/buildings/${code}`);
      await page.getByRole('heading', { name }).waitFor();
      const form = page.getByRole('form', { name: 'Set anti-passback' });
      await form.getByLabel('Mode').selectOption('TIMED');
      await form.getByLabel('Minutes').fill('15');
      await form.getByRole('button', { name: 'Set anti-passback' }).click();
      await applied(page, `Setting anti-passback of ${name} to Timed (15 min)`);
      await mode(page).getByText('Timed (15 min)').waitFor();

      // After a reload the page reads the building's new setting back: in the facts and in the form.
      await page.reload();
      await page.getByRole('heading', { name }).waitFor();
      assert.equal(await mode(page).textContent(), 'Timed (15 min)');
      assert.equal(await form.getByLabel('Mode').inputValue(), 'TIMED');
      assert.equal(await form.getByLabel('Minutes').inputValue(), '15');
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
    });
    await withPage(async (page) => {
      await signIn(page, users.operator);
      await nav(page).waitFor();
      await page.goto(`/buildings/${code}`);
      await page.getByRole('heading', { name }).waitFor();
      assert.equal(await mode(page).textContent(), 'Timed (15 min)');
      assert.equal(await page.getByRole('form', { name: 'Set anti-passback' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Set anti-passback' }).count(), 0);
    });
  });

  test('an admin issues a card to an employee and suspends it, grants and revokes access, and sees a rejection', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();

      const number = `E-${Date.now()}`;
      await page.getByRole('button', { name: 'Register employee' }).click();
      const form = page.getByRole('dialog', { name: 'Register an employee' });
      await form.getByLabel('Employee number').fill(number);
      await form.getByLabel('Given name').fill('Grace');
      await form.getByLabel('Family name').fill('Hopper');
      await form.getByLabel('Email').fill('grace.hopper@example.com');
      await form.getByRole('button', { name: 'Register' }).click();
      await applied(page);
      await page.getByLabel('Family name or employee number').fill(number);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('row').filter({ hasText: number }).getByRole('link', { name: 'Hopper, Grace' }).click();
      await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();

      // Access to the first test's building on weekdays, then revoked.
      await page.getByRole('button', { name: 'Grant access' }).click();
      const grant = page.getByRole('dialog', { name: 'Grant access' });
      await grant.getByLabel('Building', { exact: true }).selectOption(building.code);
      await grant.getByLabel('Only on a schedule').check();
      await grant.getByRole('button', { name: 'Grant', exact: true }).click();
      await applied(page, `Granting access to ${building.code}`);
      const grants = page.getByRole('table', { name: 'Access grants' });
      await grants
        .getByRole('row')
        .filter({ hasText: building.code })
        .getByText('Mon, Tue, Wed, Thu, Fri 07:00–19:00')
        .waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'employee-detail-grant');
      await page.getByRole('button', { name: `Revoke access to ${building.code}` }).click();
      await applied(page, `Revoking access to ${building.code}`);
      await page.getByText('No access granted yet.').waitFor();

      const cardNumber = `C-${Date.now()}`;
      await page.getByRole('button', { name: 'Issue card' }).click();
      const issue = page.getByRole('dialog', { name: 'Issue a card' });
      await issue.getByLabel('Card number').fill(cardNumber);
      await issue.getByRole('button', { name: 'Issue' }).click();
      await applied(page, `Issuing card ${cardNumber}`);
      const cardLink = page.getByRole('table', { name: 'Cards' }).getByRole('link', { name: cardNumber });
      await cardLink.waitFor();

      await cardLink.click();
      await page.getByRole('heading', { name: `Card ${cardNumber}` }).waitFor();
      await page.getByRole('table', { name: 'Command history' }).getByText('IssueCard').waitFor();
      const status = page.getByTestId('card-status');
      assert.equal(await status.textContent(), 'ACTIVE');
      await page.getByRole('button', { name: 'Suspend' }).click();
      await applied(page, 'Suspending card');
      await page.getByTestId('card-status').getByText('SUSPENDED').waitFor();
      await page.getByRole('button', { name: 'Resume' }).waitFor();
      await page.getByRole('table', { name: 'Command history' }).getByText('SuspendCard').waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'card-detail');

      await nav(page).getByRole('link', { name: 'Cards' }).click();
      await page.getByRole('heading', { name: 'Cards' }).waitFor();
      await page.getByLabel('Status').selectOption('SUSPENDED');
      const row = page.getByRole('table', { name: 'Cards' }).getByRole('row').filter({ hasText: cardNumber });
      await row.getByText('SUSPENDED').waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'cards');

      // The same card number again: the API accepts the command, card-events rejects it, the page says why.
      await page.getByRole('button', { name: 'Issue card' }).click();
      const again = page.getByRole('dialog', { name: 'Issue a card' });
      await again.getByLabel('Card number').fill(cardNumber);
      await again.getByRole('button', { name: 'Issue' }).click();
      const rejected = page.getByTestId('command-status');
      await rejected.getByText('REJECTED').waitFor({ timeout: 30_000 });
      assert.match(await rejected.textContent(), /CARD_NUMBER_TAKEN/);
    });
  });

  test('an operator sees the cards list but no issue button, and the recent commands', async () => {
    await withPage(async (page) => {
      await signIn(page, users.operator);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await page.getByTestId('current-role').textContent(), 'operator');
      await nav(page).getByRole('link', { name: 'Cards' }).click();
      await page.getByRole('heading', { name: 'Cards' }).waitFor();
      await page.getByRole('table', { name: 'Cards' }).or(page.getByTestId('empty')).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Issue card' }).count(), 0);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);

      await nav(page).getByRole('link', { name: 'Buildings' }).click();
      await page.getByRole('heading', { name: 'Buildings' }).waitFor();
      await page.getByRole('table', { name: 'Buildings' }).or(page.getByTestId('empty')).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Register building' }).count(), 0);

      await nav(page).getByRole('link', { name: 'Commands' }).click();
      await page.getByRole('heading', { name: 'Commands' }).waitFor();
      // The rejection of the second test, with its reason.
      await page
        .getByRole('table', { name: 'Recent commands' })
        .getByText(/CARD_NUMBER_TAKEN/)
        .first()
        .waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'commands');
    });
  });
});
