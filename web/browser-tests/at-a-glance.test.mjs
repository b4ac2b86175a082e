import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyPlan,
  browserPerFile,
  command,
  demoUsers,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './support.mjs';

// Screens a facilities manager reads at a glance: people by name and number (never a UUID), the admin's name for
// "granted by", times in the building's zone with the zone named, validity dates as dates, natural order, and the
// list of imports.

const users = demoUsers();
const withPage = browserPerFile();

const nav = (page) => page.getByRole('navigation', { name: 'Main' });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('screens a facilities manager reads at a glance', () => {
  const stamp = `${Date.now()}`.slice(-7);
  const building = { code: `GL${stamp}`, name: `Glance House ${stamp}`, zone: 'Europe/Berlin' };
  // Family names that sort wrongly as text ("10" before "2") and one in another script.
  const people = [
    { givenName: 'Person', familyName: '10', employeeNumber: `G${stamp}-10` },
    { givenName: 'Person', familyName: '2', employeeNumber: `G${stamp}-9` },
    { givenName: '太郎', familyName: '山田', employeeNumber: `G${stamp}-100` },
  ];

  test('grants, a card and commands name people, the admin, the building zone and sort naturally', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();

      await command(page, 'POST', '/buildings', {
        buildingId: building.code,
        name: building.name,
        timeZone: building.zone,
      });
      for (const person of people) {
        const { employeeId } = await command(page, 'POST', '/employees', {
          ...person,
          email: `${person.employeeNumber.toLowerCase()}@example.com`,
        });
        person.employeeId = employeeId;
        await command(page, 'POST', `/employees/${employeeId}/grants`, {
          buildingId: building.code,
          validUntil: '2027-12-31',
        });
      }
      // As an import's "valid until 2027-12-31" stores it: the next midnight UTC, exclusive.
      const card = await command(page, 'POST', '/cards', {
        cardNumber: `GC${stamp}`,
        employeeId: people[1].employeeId,
        validUntil: '2028-01-01T00:00:00Z',
      });

      await page.goto(`/buildings/${building.code}`);
      const grants = page.getByRole('table', { name: 'Access grants' });
      await grants.getByText(`Person 10 (${people[0].employeeNumber})`).waitFor();
      const rows = grants.locator('tbody tr');
      assert.equal(await rows.count(), 3);
      const names = await rows.locator('td:first-child').allTextContents();
      assert.deepEqual(names, [
        `Person 2 (${people[1].employeeNumber})`,
        `Person 10 (${people[0].employeeNumber})`,
        `太郎 山田 (${people[2].employeeNumber})`,
      ]);
      for (const row of await rows.all()) {
        const text = await row.textContent();
        assert.doesNotMatch(text, UUID, 'no id where a person is named');
        assert.match(text, /until 31 Dec 2027/, 'the validity is a date, not shifted by a zone');
        // granted just now, in Berlin's zone, named; by the admin, named
        assert.match(text, /\d{1,2} \w{3} \d{4}, \d{2}:\d{2} CES?T by /);
        assert.match(text, new RegExp(`by ${users.admin.username}`));
      }
      assert.match(await page.getByText(/^Times are in .*time zone, Europe\/Berlin\./).textContent(), /Europe\/Berlin/);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'at-a-glance-grants');

      await page.goto(`/cards/${card.cardId}`);
      await page.getByText(`Person 2 (${people[1].employeeNumber})`).waitFor();
      await page.getByText('through 31 Dec 2027 (UTC)').waitFor();
      await page.getByText(/^Times are in your browser's time zone, /).waitFor();

      await page.goto(`/employees/${people[2].employeeId}`);
      const employeeGrants = page.getByRole('table', { name: 'Access grants' });
      await employeeGrants.getByText(`${building.name} (${building.code})`).waitFor();
      assert.match(await employeeGrants.textContent(), /until 31 Dec 2027/);

      await nav(page).getByRole('link', { name: 'Commands' }).click();
      const recent = page.getByRole('table', { name: 'Recent commands' });
      await recent.getByText(`Person 2 (${people[1].employeeNumber})`).first().waitFor();
      const by = await recent.locator('tbody tr td:nth-child(3)').allTextContents();
      assert.ok(by.includes(users.admin.username), `the admin named in "By": ${by.join(', ')}`);
      assert.ok(
        by.every((cell) => !UUID.test(cell)),
        'no subject id where the admin is named',
      );
      await screenshot(page, 'at-a-glance-commands');
    });
  });

  test('the imports page lists imports newest first and the report names each row', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      await nav(page).getByRole('link', { name: 'Imports' }).click();
      await page.getByRole('heading', { name: 'Imports', exact: true }).waitFor();

      const csv =
        'employee number,given name,family name,email\n' +
        `I${stamp}-10,Person,10,p10-${stamp}@example.com\n` +
        `I${stamp}-2,Person,2,not-an-email\n` +
        `I${stamp}-3,Ünal,Øster,u-${stamp}@example.com\n`;
      const fileName = `glance-${stamp}.csv`;
      await page
        .getByLabel('CSV file')
        .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Upload' }).click();
      await applyPlan(page);

      const report = page.getByRole('table', { name: 'Import report' });
      await report.getByText(`Person 10 (I${stamp}-10)`).waitFor();
      await report.getByText(`Person 2 (I${stamp}-2)`).waitFor();
      await report.getByText(`Ünal Øster (I${stamp}-3)`).waitFor();
      assert.doesNotMatch(await report.textContent(), UUID, 'report rows by number and name');

      // The list, read again once the import finished: this import first, named, with its counts and uploader.
      const list = page.getByRole('table', { name: 'Recent imports' });
      const first = list.locator('tbody tr').first();
      await first.getByText(fileName).waitFor({ timeout: 30_000 });
      const text = await first.textContent();
      assert.match(text, /COMPLETED/);
      assert.match(text, /2 applied, 1 rejected of 3/);
      assert.match(text, new RegExp(users.admin.username));
      assert.match(text, /\d{1,2} \w{3} \d{4}, \d{2}:\d{2} \S+/, 'started, with the zone named');
      await page.getByText(/^Times are in your browser's time zone, /).waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'at-a-glance-imports');

      // Picking an import from the list shows it.
      await page.goto('/imports');
      await list.getByRole('link', { name: fileName }).click();
      await page.getByTestId('import-status').getByText('COMPLETED').waitFor();
      assert.match(page.url(), /\/imports\?import=[0-9a-f]{32}$/);
      assert.equal(await page.getByLabel('Import id').count(), 1, 'one look-up form, however often the list is read');
    });
  });
});
