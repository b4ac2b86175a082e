import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lbUrl, demoUsers, browserPerFile, screenshot, seriousAccessibilityViolations, signIn } from './support.mjs';

const users = demoUsers();
const withPage = browserPerFile();

describe('the web UI served by admin-service', () => {
  test('serves the page under the strict Content-Security-Policy', async () => {
    const response = await fetch(`${lbUrl}/employees`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<div id="root">/);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /style-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
  });

  test('the login page has no serious accessibility violations, and a wrong password shows the error', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'login');

      await signIn(page, { username: users.admin.username, password: 'not-the-password-1A!' });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), /Incorrect username or password/);
      await screenshot(page, 'login-wrong-password');
    });
  });

  test('an admin registers an employee, sees it APPLIED and in the list, and opens it', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await page.getByTestId('current-role').textContent(), 'admin');

      const number = `E-${Date.now()}`;
      await page.getByRole('button', { name: 'Register employee' }).click();
      const form = page.getByRole('dialog', { name: 'Register an employee' });
      await form.getByLabel('Employee number').fill(number);
      await form.getByLabel('Given name').fill('Ada');
      await form.getByLabel('Family name').fill('Lovelace');
      await form.getByLabel('Email').fill('not-an-email');
      await form.getByRole('button', { name: 'Register' }).click();
      // The API's problem+json names the field; the form shows it next to the field.
      await form.getByText('must be a well-formed email address').waitFor();
      await screenshot(page, 'employees-register-invalid');

      await form.getByLabel('Email').fill('ada.lovelace@example.com');
      await form.getByLabel('Department').fill('Analytical Engines');
      await form.getByRole('button', { name: 'Register' }).click();
      await page.getByTestId('command-status').getByText('APPLIED').waitFor({ timeout: 30_000 });

      await page.getByLabel('Family name or employee number').fill(number);
      await page.getByRole('button', { name: 'Search' }).click();
      const row = page.getByRole('row').filter({ hasText: number });
      await row.getByRole('link', { name: 'Lovelace, Ada' }).waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'employees');

      await row.getByRole('link', { name: 'Lovelace, Ada' }).click();
      await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
      const history = page.getByRole('table', { name: 'Command history' });
      await history.getByText('RegisterEmployee').waitFor();
      await history.getByText('APPLIED').waitFor();
      await page.getByText('No cards issued to this employee.').waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);

      // A reload keeps the session (the HttpOnly refresh cookie), and logout ends it.
      await page.reload();
      await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      const refresh = await page.evaluate(async () => (await fetch('/auth/refresh', { method: 'POST' })).status);
      assert.equal(refresh, 401);
    });
  });

  test('an auditor sees no register button, and the API refuses the auditor a registration', async () => {
    await withPage(async (page) => {
      await signIn(page, users.auditor);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await page.getByTestId('current-role').textContent(), 'auditor');
      await page.getByRole('table', { name: 'Employees' }).or(page.getByTestId('empty')).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Register employee' }).count(), 0);
      await screenshot(page, 'employees-auditor');

      const status = await page.evaluate(async () => {
        const session = await (await fetch('/auth/refresh', { method: 'POST' })).json();
        const response = await fetch('/api/v1/employees', {
          method: 'POST',
          headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            employeeNumber: 'E-AUDIT',
            givenName: 'Eve',
            familyName: 'Auditor',
            email: 'eve@example.com',
          }),
        });
        return { status: response.status, type: response.headers.get('content-type') };
      });
      assert.equal(status.status, 403);
      assert.match(status.type, /application\/problem\+json/);
    });
  });
});
