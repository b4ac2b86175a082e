// Alarms that reach someone: an admin adds a signed webhook on the Alarm subscriptions page (its secret shown once),
// a door raises an alarm, the receiver (docs/examples/webhook-receiver/receiver.py, the documented verification)
// gets it with a valid signature, and an operator acknowledges and resolves it on the Alarms page.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
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
const RECEIVER = path.resolve('../docs/examples/webhook-receiver/receiver.py');

/** The example receiver on the loopback (the local stage lets a webhook be plain http there). */
const receiver = { process: null, url: null, dir: mkdtempSync(path.join(tmpdir(), 'alarm-webhooks-')) };
receiver.secretFile = path.join(receiver.dir, 'secret.txt');
receiver.log = path.join(receiver.dir, 'deliveries.jsonl');

before(async () => {
  writeFileSync(receiver.secretFile, '');
  receiver.process = spawn(
    'python3',
    [RECEIVER, '--port', '0', '--secret-file', receiver.secretFile, '--log', receiver.log],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  receiver.url = await new Promise((resolve, reject) => {
    receiver.process.stdout.once('data', (chunk) => {
      const match = /listening on (\S+)/.exec(String(chunk));
      if (match) resolve(`${match[1]}alarms-${randomUUID().slice(0, 8)}`);
      else reject(new Error(`receiver said: ${chunk}`));
    });
    receiver.process.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
});

after(() => {
  receiver.process?.kill();
});

function deliveries() {
  try {
    return readFileSync(receiver.log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

describe('alarms', () => {
  test('a webhook added in the UI receives a signed alarm, which an operator acknowledges and resolves', async () => {
    let alarmId;
    let doorId;
    let subscriptionUrl = receiver.url;
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alarm subscriptions' }).click();
      const form = page.getByRole('region', { name: 'Add a subscription' });
      await form.getByLabel('Kind').selectOption('WEBHOOK');
      await form.getByRole('textbox', { name: 'URL' }).fill(subscriptionUrl);
      await form.getByRole('button', { name: 'Add subscription' }).click();
      const secret = (await page.getByTestId('webhook-secret-value').textContent()).trim();
      assert.match(secret, /^whsec_/);
      writeFileSync(receiver.secretFile, `${secret}\n`);
      const row = page.getByTestId('alarm-subscription').filter({ hasText: subscriptionUrl });
      await row.getByText('active').waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'alarm-subscriptions');

      // A door the system knows, and a card nobody knows presented at it: an UNKNOWN_CARD alarm.
      const suffix = `${Date.now()}`.slice(-8);
      const buildingId = `AL-${suffix}`;
      await command(page, 'POST', '/buildings', { buildingId, name: `Alarms ${suffix}`, timeZone: 'Europe/London' });
      const door = await command(page, 'POST', `/buildings/${buildingId}/doors`, {
        name: `Gate ${suffix}`,
        capability: 'BOTH',
      });
      doorId = door.doorId;
      const eventId = randomUUID();
      const decided = await decideAtDoor(door, `NOBODY${suffix}`, { eventId });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));

      let delivery;
      for (let attempt = 0; attempt < 240 && !delivery; attempt += 1) {
        delivery = deliveries().find((d) => d.alarm?.eventId === eventId);
        if (!delivery) await page.waitForTimeout(250);
      }
      assert.ok(delivery, 'the webhook arrived');
      assert.equal(delivery.verified, true, 'its signature verifies with the secret the page showed');
      assert.equal(delivery.alarm.type, 'UNKNOWN_CARD');
      assert.match(delivery.deliveryId, /^[0-9a-f-]{36}$/);
      alarmId = delivery.alarm.alarmId;

      // Removed again, so later runs' alarms do not go to a receiver that is gone.
      await page.reload();
      const added = page.getByTestId('alarm-subscription').filter({ hasText: subscriptionUrl });
      await added.getByRole('button', { name: 'Remove' }).click();
      await added.getByRole('button', { name: 'Yes, remove' }).click();
      await added.waitFor({ state: 'detached' });
    });

    await withPage(async (page) => {
      await signIn(page, users.operator);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alarms' }).click();
      const row = page.getByTestId(`alarm-${alarmId}`);
      await row.waitFor();
      assert.equal(await row.getByTestId('alarm-status').textContent(), 'open');
      await row.getByRole('button', { name: 'Acknowledge' }).click();
      await row.getByLabel('Note (optional)').fill('Guard on the way');
      await row.getByRole('button', { name: 'Confirm acknowledge' }).click();
      await row.getByTestId('acknowledged-by').waitFor();
      assert.match(
        await row.getByTestId('acknowledged-by').textContent(),
        new RegExp(`${users.operator.username}.*Guard on the way`),
      );
      assert.equal(await row.getByTestId('alarm-status').textContent(), 'acknowledged');
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'alarms-acknowledged');

      await row.getByRole('button', { name: 'Resolve' }).click();
      await row.getByLabel('How it was resolved (optional)').fill('Unknown card confiscated');
      await row.getByRole('button', { name: 'Confirm resolve' }).click();
      // Resolved alarms leave the unresolved list; the door's history keeps them.
      await row.waitFor({ state: 'detached' });
      await page.getByLabel('Show').selectOption('door');
      await page.getByRole('textbox', { name: 'Door id' }).fill(doorId);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const history = page.getByTestId(`alarm-${alarmId}`);
      await history.getByTestId('resolved-by').waitFor();
      assert.equal(await history.getByTestId('alarm-status').textContent(), 'resolved');
      assert.match(await history.getByTestId('resolved-by').textContent(), /Unknown card confiscated/);
      await screenshot(page, 'alarms-door-history');
    });
  });
});
