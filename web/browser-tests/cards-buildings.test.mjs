import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoUsers, launch, newPage, screenshot, seriousAccessibilityViolations, signIn } from './support.mjs';

const users = demoUsers();
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withPage(body) {
  const { context, page } = await newPage(browser);
  try {
    await body(page);
    assert.deepEqual(page.cspViolations, [], 'the page ran without Content-Security-Policy violations or errors');
  } finally {
    await context.close();
  }
}

async function applied(page) {
  await page.getByTestId('command-status').getByText('APPLIED').waitFor({ timeout: 30_000 });
}

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

describe('cards, buildings and doors in the web UI', () => {
  test('an admin registers a building and a door and sees the device key once', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      await nav(page).getByRole('link', { name: 'Buildings' }).click();
      await page.getByRole('heading', { name: 'Buildings' }).waitFor();

      const code = `B-${Date.now()}`;
      const name = `Engine House ${code}`;
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
      await applied(page);
    });
  });

  test('an admin issues a card to an employee and suspends it', async () => {
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

      const cardNumber = `C-${Date.now()}`;
      await page.getByRole('button', { name: 'Issue card' }).click();
      const issue = page.getByRole('dialog', { name: 'Issue a card' });
      await issue.getByLabel('Card number').fill(cardNumber);
      await issue.getByRole('button', { name: 'Issue' }).click();
      await applied(page);
      const cardLink = page.getByRole('table', { name: 'Cards' }).getByRole('link', { name: cardNumber });
      await cardLink.waitFor();

      await cardLink.click();
      await page.getByRole('heading', { name: `Card ${cardNumber}` }).waitFor();
      await page.getByRole('table', { name: 'Command history' }).getByText('IssueCard').waitFor();
      const status = page.getByTestId('card-status');
      assert.equal(await status.textContent(), 'ACTIVE');
      await page.getByRole('button', { name: 'Suspend' }).click();
      await applied(page);
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
      await page.getByRole('table', { name: 'Recent commands' }).or(page.getByTestId('empty')).first().waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'commands');
    });
  });
});
