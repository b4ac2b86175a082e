import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import {
  api,
  applyPlan,
  browserPerFile,
  command,
  demoUsers,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './support.mjs';

// HR sync in the Imports page: a file is a dry run whose plan (create / update with old -> new / offboard /
// unchanged / rejected) is shown and downloadable, and an admin applies it after a confirmation. A full export
// that would offboard more people than the safety limit allows cannot be applied without the override and a
// reason (it is not applied here: it would offboard the other tests' people).

const users = demoUsers();
const withPage = browserPerFile();
const nav = (page) => page.getByRole('navigation', { name: 'Main' });
const HEADER = 'employee number,given name,family name,email,department\r\n';

async function upload(page, name, csv, { fullExport = false } = {}) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  if (fullExport) await page.getByLabel(/^Full export/).check();
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByTestId('import-status').getByText('PLANNED').waitFor({ timeout: 60_000 });
}

describe('HR sync: dry run, plan and apply in the web UI', () => {
  test('an admin reviews a plan, downloads it, applies it, and the same file again plans nothing but unchanged', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      await nav(page).getByRole('link', { name: 'Imports' }).click();
      await page.getByRole('heading', { name: 'Imports', exact: true }).waitFor();
      const stamp = Date.now();

      // Day one: two new people (one with a name a spreadsheet would run as a formula) and a duplicated number.
      const day1 =
        '\uFEFF' +
        HEADER +
        `S${stamp}-1,Zoë,"O'Brien, Jr.",zoe-${stamp}@example.com,Research\r\n` +
        `S${stamp}-2,=cmd,山田,yamada-${stamp}@example.com,\r\n` +
        `S${stamp}-3,Dup,One,d1-${stamp}@example.com,\r\n` +
        `S${stamp}-3,Dup,Two,d2-${stamp}@example.com,\r\n`;
      await upload(page, `hr-${stamp}-day1.csv`, day1);

      assert.equal(
        await page.getByTestId('plan-summary').textContent(),
        'Plan: 2 to create, 0 to update, 0 to offboard, 0 unchanged, 2 rejected.',
      );
      const plan = page.getByRole('table', { name: 'Import plan' });
      await plan.getByText(`Zoë O'Brien, Jr. (S${stamp}-1)`).waitFor();
      await plan.getByText(`=cmd 山田 (S${stamp}-2)`).waitFor();
      const duplicate = plan.getByRole('row').filter({ hasText: `Dup One (S${stamp}-3)` });
      assert.match(await duplicate.textContent(), /REJECTED.*DUPLICATE_EMPLOYEE_NUMBER/);
      // Nothing is applied by the dry run.
      const before = await api(page, 'GET', `/employees?q=O'Brien`);
      assert.doesNotMatch(JSON.stringify(before.body), new RegExp(`S${stamp}-1`));
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'hr-sync-plan');

      // The plan as a file: UTF-8 with a byte order mark, the formula-like name neutralised.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download plan (CSV)' }).click(),
      ]);
      const importId = new URL(page.url()).searchParams.get('import');
      assert.equal(download.suggestedFilename(), `import-${importId}-plan.csv`);
      const planCsv = await readFile(await download.path(), 'utf8');
      assert.match(planCsv, /^\uFEFFrow,action,employeeNumber,givenName,familyName,employeeId,changes,reason,message/);
      assert.match(planCsv, new RegExp(`CREATE,S${stamp}-2,"'=cmd",山田`));

      await applyPlan(page);
      assert.equal(await page.getByTestId('import-counts').textContent(), '4 of 4 rows done: 2 applied, 2 rejected.');
      await page.getByRole('table', { name: 'Import report' }).getByText(`Zoë O'Brien, Jr. (S${stamp}-1)`).waitFor();

      // Day two: Zoë's email and department change, a third person joins.
      const day2 =
        HEADER +
        `S${stamp}-1,Zoë,"O'Brien, Jr.",zoe.obrien-${stamp}@example.com,Research & Development\r\n` +
        `S${stamp}-2,=cmd,山田,yamada-${stamp}@example.com,\r\n` +
        `S${stamp}-4,Nia,New,nia-${stamp}@example.com,\r\n`;
      await page.goto('/imports');
      await upload(page, `hr-${stamp}-day2.csv`, day2);
      assert.equal(
        await page.getByTestId('plan-summary').textContent(),
        'Plan: 1 to create, 1 to update, 0 to offboard, 1 unchanged, 0 rejected.',
      );
      await page.getByLabel('Show').selectOption('UPDATE');
      const update = page.getByRole('table', { name: 'Import plan' }).getByRole('row').filter({ hasText: 'UPDATE' });
      await update.waitFor();
      assert.match(
        await update.textContent(),
        new RegExp(
          `Zoë O'Brien, Jr\\. \\(S${stamp}-1\\).*email: zoe-${stamp}@example\\.com → zoe\\.obrien-${stamp}@example\\.com; ` +
            'department: Research → Research & Development',
        ),
      );
      await applyPlan(page);
      const zoe = (await api(page, 'GET', `/employees?q=O'Brien`)).body.items.find(
        (e) => e.employeeNumber === `S${stamp}-1`,
      );
      assert.equal(zoe.email, `zoe.obrien-${stamp}@example.com`);
      assert.equal(zoe.department, 'Research & Development');

      // The same file again: a new dry run in which everything is unchanged.
      await page.goto('/imports');
      await upload(page, `hr-${stamp}-day2-again.csv`, day2);
      assert.equal(
        await page.getByTestId('plan-summary').textContent(),
        'Plan: 0 to create, 0 to update, 0 to offboard, 3 unchanged, 0 rejected.',
      );
    });
  });

  test('a full export over the safety limit needs an override with a reason', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      await nav(page).getByRole('link', { name: 'Imports' }).click();
      const stamp = Date.now();
      // Two people the system holds, so that there is someone to leave out.
      for (const i of [1, 2]) {
        await command(page, 'POST', '/employees', {
          employeeNumber: `K${stamp}-${i}`,
          givenName: 'Kept',
          familyName: `Person ${i}`,
          email: `k${i}-${stamp}@example.com`,
        });
      }
      // Everyone else the system holds is missing from this one-person "full export".
      await upload(page, `truncated-${stamp}.csv`, HEADER + `T${stamp},Tess,Truncated,t-${stamp}@example.com,\r\n`, {
        fullExport: true,
      });

      await page
        .getByTestId('plan-limit')
        .getByText(/more than|the safety limit allows/)
        .waitFor();
      await page.getByLabel('Show').selectOption('OFFBOARD');
      await page.getByRole('table', { name: 'Import plan' }).getByText('OFFBOARD').first().waitFor();
      await page.getByRole('button', { name: 'Apply plan…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Apply this plan?' });
      assert.equal(await dialog.getByRole('button', { name: 'Apply' }).isDisabled(), true);
      await dialog.getByLabel(/^Override the safety limit/).check();
      assert.equal(await dialog.getByRole('button', { name: 'Apply' }).isDisabled(), true, 'a reason is required');
      await dialog.getByLabel('Reason for the override').fill('test');
      assert.equal(await dialog.getByRole('button', { name: 'Apply' }).isDisabled(), false);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'hr-sync-over-limit');
      // Not applied: the API refuses it without the override, and the import stays PLANNED.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      const importId = new URL(page.url()).searchParams.get('import');
      const view = (await api(page, 'GET', `/imports/${importId}`)).body;
      const refused = await api(page, 'POST', `/imports/${importId}/apply`, { fingerprint: view.plan.fingerprint });
      assert.equal(refused.status, 409);
      assert.match(refused.body.detail, /safety limit/);
      await page.getByTestId('import-status').getByText('PLANNED').waitFor();
    });
  });
});
