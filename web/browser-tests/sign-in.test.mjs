// Sign-in as staff live it: an invited admin's first sign-in (temporary password from the invitation email, a
// password of their own, the authenticator set-up), a later sign-in with password and code, the Users page
// (invite, role, disable and re-enable, with the disabled user's sign-in refused), and deep links that land on the
// sign-in page and come back after it. TOTP codes are computed here from the key the page shows (RFC 6238).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { baseUrl, browserPerFile, demoUsers, screenshot, seriousAccessibilityViolations, signIn } from './support.mjs';

const users = demoUsers();
const withPage = browserPerFile();
// The emulator keeps every email the user pool "sends" (scripts/browser-tests exports its port).
const emulatorUrl =
  process.env.BADGEFLOW_EMULATOR_URL ?? `http://127.0.0.1:${process.env.BADGEFLOW_EMULATOR_PORT ?? 4566}`;

const invited = `signin-${Date.now()}@example.com`;
const ownPassword = `Own-${Date.now()}-pass!A1`;
let secret;

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes it. */
function totp(key, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hash = createHmac('sha1', base32(key)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function temporaryPasswordOf(email) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const mailbox = await (await fetch(`${emulatorUrl}/_ministack/ses/messages`)).json();
    for (const messages of Object.values(mailbox.messages ?? {})) {
      const invitation = messages.find((message) => JSON.stringify(message.To).includes(email));
      if (invitation) {
        const match = /temporary password(?::| is) (\S+)/.exec(invitation.BodyText);
        assert.ok(match, `a temporary password in ${invitation.BodyText}`);
        return match[1].replace(/\.$/, '');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no invitation to ${email}`);
}

async function enterCode(page, code) {
  // By name: the label also carries the required-field marker.
  const field = page.locator('input[name="code"]');
  await field.fill(code);
  await field.press('Enter');
}

async function openUsers(page) {
  await signIn(page, users.admin);
  await page.getByRole('heading', { name: 'Employees' }).waitFor();
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users' }).waitFor();
}

describe('sign-in as staff use it', () => {
  test('an admin invites a new admin by email; the list shows them as invited', async () => {
    await withPage(async (page) => {
      await openUsers(page);
      await page.getByLabel('Email').fill(invited);
      await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('admin');
      await page.getByRole('button', { name: 'Invite' }).click();
      await page.getByTestId('users-notice').getByText(`Invited ${invited} as admin`).waitFor();
      const row = page.getByTestId(`user-${invited}`);
      await row.getByText('invited (not signed in yet)').waitFor();
      // The temporary password is emailed, never shown.
      assert.doesNotMatch(await page.locator('main').textContent(), /temporary password:/i);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'users');
    });
  });

  test('first sign-in: temporary password, a password of their own, then the authenticator set-up', async () => {
    const temporary = await temporaryPasswordOf(invited);
    await withPage(async (page) => {
      await signIn(page, { username: invited, password: temporary });
      await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
      await page.locator('input[name="newPassword"]').fill('too-short');
      await page.locator('input[name="repeatPassword"]').fill('too-short');
      await page.getByRole('button', { name: 'Set password' }).click();
      // The pool's policy, in its words, next to the field.
      await page.getByRole('alert').waitFor();
      await screenshot(page, 'sign-in-new-password');

      await page.locator('input[name="newPassword"]').fill(ownPassword);
      await page.locator('input[name="repeatPassword"]').fill(ownPassword);
      await page.getByRole('button', { name: 'Set password' }).click();

      await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
      await page.getByRole('img', { name: 'QR code of your authenticator key' }).waitFor();
      secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'sign-in-totp-setup');

      const wrong = totp(secret) === '000000' ? '111111' : '000000';
      await enterCode(page, wrong);
      await page.getByText('The code is not right').first().waitFor();
      await enterCode(page, totp(secret));
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await page.getByTestId('current-user').textContent(), invited);
      assert.equal(await page.getByTestId('current-role').textContent(), 'admin');
    });
  });

  test('a later sign-in asks for the password and the current code', async () => {
    assert.ok(secret, 'the set-up test enrolled the authenticator');
    await withPage(async (page) => {
      await signIn(page, { username: invited, password: ownPassword });
      await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
      await screenshot(page, 'sign-in-totp-code');
      await enterCode(page, totp(secret));
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await page.getByTestId('current-user').textContent(), invited);
    });
  });

  test('an admin changes the role, disables the user (whose sign-in is then refused) and re-enables them', async () => {
    await withPage(async (page) => {
      await openUsers(page);
      const row = page.getByTestId(`user-${invited}`);
      await row.getByLabel(`Role of ${invited}`).selectOption('operator');
      await page.getByTestId('users-notice').getByText(`${invited} is now operator`).waitFor();
      await row.getByRole('button', { name: `Disable ${invited}` }).click();
      await page.getByTestId('users-notice').getByText('is disabled and signed out everywhere').waitFor();
      await row.getByText('disabled', { exact: true }).waitFor();
      await screenshot(page, 'users-disabled');
      // One's own account cannot be disabled (the API refuses it too, as it refuses to lose the last admin).
      assert.equal(
        await page
          .getByTestId(`user-${users.admin.username}`)
          .getByRole('button', { name: /Disable/ })
          .isDisabled(),
        true,
      );

      await withPage(async (refused) => {
        await signIn(refused, { username: invited, password: ownPassword });
        const alert = refused.getByRole('alert');
        await alert.waitFor();
        assert.match(await alert.textContent(), /Incorrect username or password/);
      });

      await row.getByRole('button', { name: `Enable ${invited}` }).click();
      await page.getByTestId('users-notice').getByText('may sign in again').waitFor();
    });
    await withPage(async (page) => {
      await signIn(page, { username: invited, password: ownPassword });
      await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
      await enterCode(page, totp(secret));
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await page.getByTestId('current-role').textContent(), 'operator');
    });
  });

  test('signed out, a deep link shows the sign-in page and, once signed in, the page it named', async () => {
    await withPage(async (page) => {
      await page.goto('/commands');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      assert.doesNotMatch(await page.locator('body').textContent(), /Unauthorized|Bearer/);
      assert.equal(new URL(page.url()).pathname, '/commands');
      await screenshot(page, 'sign-in-deep-link');
      await page.locator('input[name="username"]').fill(users.operator.username);
      await page.locator('input[name="password"]').fill(users.operator.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Commands' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/commands');
    });
    await withPage(async (page) => {
      await page.goto('/login?next=/cards');
      await page.locator('input[name="username"]').fill(users.operator.username);
      await page.locator('input[name="password"]').fill(users.operator.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Cards' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/cards');
    });
    await withPage(async (page) => {
      // Not ours: no open redirect, the start page instead.
      await page.goto('/login?next=//evil.example/x');
      await page.locator('input[name="username"]').fill(users.operator.username);
      await page.locator('input[name="password"]').fill(users.operator.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(new URL(page.url()).host, new URL(baseUrl).host);
      assert.equal(new URL(page.url()).pathname, '/employees');
    });
  });
});
