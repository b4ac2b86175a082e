import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  api,
  browserPerFile,
  command,
  demoUsers,
  screenshot,
  screenshotOf,
  seriousAccessibilityViolations,
  signIn,
  applyPlan,
} from './support.mjs';

const users = demoUsers();
const withPage = browserPerFile();

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

/** Waits until the followed command whose alert says `label` is APPLIED. */
async function applied(page, label) {
  await page.getByTestId('command-status').filter({ hasText: label }).getByText('APPLIED').waitFor({ timeout: 30_000 });
}

async function registerEmployee(page, givenName, familyName) {
  const number = `E-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const { employeeId } = await command(page, 'POST', '/employees', {
    employeeNumber: number,
    givenName,
    familyName,
    email: `${givenName.toLowerCase()}@example.com`,
  });
  return { employeeId, number };
}

/**
 * The emulator of the system web/scripts/browser-tests started, for set-up the UI cannot do: its endpoint, the
 * stacks' outputs and the project's virtualenv Python (with boto3). Null when the run directory is not known (the
 * tests run against another system).
 */
function emulator() {
  const runDir = process.env.BADGEFLOW_RUN_DIR;
  const python = path.resolve('../.venv-aws/bin/python');
  if (!runDir || !existsSync(path.join(runDir, 'outputs.json')) || !existsSync(python)) return null;
  const portFile = path.join(runDir, 'emulator.port');
  const port =
    process.env.BADGEFLOW_EMULATOR_PORT ?? (existsSync(portFile) ? readFileSync(portFile, 'utf8').trim() : null);
  if (!port) return null;
  const outputs = JSON.parse(readFileSync(path.join(runDir, 'outputs.json'), 'utf8'));
  return { endpoint: `http://127.0.0.1:${port}`, outputs, python };
}

/** Runs a boto3 script against the emulator; `client` is the boto3 client, the script's arguments are sys.argv[1:]. */
function boto3(aws, service, lines, ...args) {
  return execFileSync(
    aws.python,
    [
      '-c',
      [
        'import base64, json, sys, boto3',
        `client = boto3.client('${service}', endpoint_url='${aws.endpoint}', region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')`,
        ...lines,
      ].join('\n'),
      ...args,
    ],
    { encoding: 'utf8' },
  );
}

/**
 * Puts one unreadable message straight into the imports dead-letter queue, so the page has a dead letter to show
 * and redrive. Answers false when the emulator is not known.
 */
function deadLetterPlanted() {
  const aws = emulator();
  if (!aws) return false;
  boto3(
    aws,
    'sqs',
    ['client.send_message(QueueUrl=sys.argv[1], MessageBody=sys.argv[2])'],
    aws.outputs.ImportsDlqUrl,
    '{"note": "browser test: not an S3 event"}',
  );
  return true;
}

/**
 * Puts a record that is not a door event straight on the swipe stream (as a faulty reader would), so
 * access-stream's consumer parks it. Answers where it landed, `{ shardId, sequenceNumber }`, or null when the
 * emulator is not known.
 */
function poisonRecordPut(partitionKey, text) {
  const aws = emulator();
  if (!aws) return null;
  const answer = boto3(
    aws,
    'kinesis',
    [
      'placed = client.put_record(StreamName=sys.argv[1], PartitionKey=sys.argv[2], Data=base64.b64decode(sys.argv[3]))',
      "print(json.dumps({'shardId': placed['ShardId'], 'sequenceNumber': placed['SequenceNumber']}))",
    ],
    aws.outputs.SwipeStreamName,
    partitionKey,
    Buffer.from(text, 'utf8').toString('base64'),
  );
  return JSON.parse(answer.trim().split('\n').at(-1));
}

describe('employee lifecycle, imports, dead letters and the admin audit in the web UI', () => {
  test('an admin edits an employee, deactivates and reactivates them', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      const { employeeId, number } = await registerEmployee(page, 'Ada', 'Lovelace');

      await page.goto(`/employees/${employeeId}`);
      await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
      await page.getByRole('button', { name: 'Edit' }).click();
      const form = page.getByRole('dialog', { name: 'Edit employee' });
      assert.equal(await form.getByLabel('Employee number').inputValue(), number);
      await form.getByLabel('Email').fill('not-an-email');
      await form.getByRole('button', { name: 'Save' }).click();
      // The API's problem+json names the field; the form shows it next to the field.
      await form.getByText('must be a well-formed email address').waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'employee-edit');
      await form.getByLabel('Family name').fill('King');
      await form.getByLabel('Email').fill('ada.king@example.com');
      await form.getByLabel('Department').fill('Analytical Engines');
      await form.getByRole('button', { name: 'Save' }).click();
      await applied(page, 'Updating Ada Lovelace');
      await page.getByRole('heading', { name: 'Ada King' }).waitFor();
      await page.getByText('ada.king@example.com').waitFor();
      await page.getByRole('table', { name: 'Command history' }).getByText('UpdateEmployee').waitFor();

      await page.getByRole('button', { name: 'Deactivate' }).click();
      await applied(page, 'Deactivating Ada King');
      await page.getByTestId('employee-status').getByText('INACTIVE').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Deactivate' }).count(), 0);
      await page.getByRole('button', { name: 'Reactivate' }).click();
      await applied(page, 'Reactivating Ada King');
      await page.getByTestId('employee-status').getByText('ACTIVE', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Deactivate' }).waitFor();
      const history = page.getByRole('table', { name: 'Command history' });
      await history.getByText('DeactivateEmployee').waitFor();
      await history.getByText('ReactivateEmployee').waitFor();
    });
  });

  test('an admin offboards an employee after a confirmation that names the card and the grant it revokes', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      const building = `OFF-${Date.now()}`;
      await command(page, 'POST', '/buildings', {
        buildingId: building,
        name: `Offboarding ${building}`,
        timeZone: 'Europe/Paris',
      });
      const { employeeId } = await registerEmployee(page, 'Katherine', 'Johnson');
      const cardNumber = `C-${Date.now()}`;
      await command(page, 'POST', '/cards', { cardNumber, employeeId });
      await command(page, 'POST', `/employees/${employeeId}/grants`, { buildingId: building });

      await page.goto(`/employees/${employeeId}`);
      await page.getByRole('heading', { name: 'Katherine Johnson' }).waitFor();
      const cards = page.getByRole('table', { name: 'Cards' });
      await cards.getByRole('row').filter({ hasText: cardNumber }).getByText('ACTIVE').waitFor();
      await page.getByRole('table', { name: 'Access grants' }).getByText(building).waitFor();

      await page.getByRole('button', { name: 'Offboard' }).click();
      const confirmation = page.getByTestId('offboard-confirmation');
      await confirmation.waitFor();
      const text = await confirmation.textContent();
      assert.match(text, /Offboard Katherine Johnson\?/);
      assert.match(text, /cannot be undone/);
      assert.match(text, new RegExp(`Card ${cardNumber} \\(now ACTIVE\\) is revoked`));
      assert.match(text, new RegExp(`Their access grant to ${building} is revoked`));
      // Keyboard: the confirmation takes the focus on its safe choice.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel');
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'employee-offboard');

      await confirmation.getByRole('button', { name: 'Yes, offboard' }).click();
      await applied(page, 'Offboarding Katherine Johnson');
      await page.getByTestId('employee-status').getByText('OFFBOARDED').waitFor();
      await cards.getByRole('row').filter({ hasText: cardNumber }).getByText('REVOKED').waitFor();
      await page.getByText('No access granted yet.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Offboard' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Issue card' }).count(), 0);
      await page.getByRole('table', { name: 'Command history' }).getByText('OffboardEmployee').waitFor();
    });
  });

  test('an admin imports a file with a good and a bad row, sees the report and downloads it', async () => {
    await withPage(async (page) => {
      await signIn(page, users.admin);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      await nav(page).getByRole('link', { name: 'Imports' }).click();
      await page.getByRole('heading', { name: 'Imports', exact: true }).waitFor();
      await page.getByRole('table', { name: 'CSV columns' }).getByText('employee number').waitFor();

      const stamp = Date.now();
      const csv =
        'employee number,given name,family name,email,department\n' +
        `E-${stamp}-1,Mary,Jackson,mary.jackson@example.com,Engineering\n` +
        `E-${stamp}-2,Dorothy,Vaughan,dorothy.vaughan@example,Research\n`;
      await page
        .getByLabel('CSV file')
        .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Upload' }).click();
      await applyPlan(page);
      assert.equal(
        await page.getByRole('progressbar', { name: 'Rows applied or rejected' }).getAttribute('aria-valuenow'),
        '100',
      );
      assert.equal(await page.getByTestId('import-counts').textContent(), '2 of 2 rows done: 1 applied, 1 rejected.');
      const report = page.getByRole('table', { name: 'Import report' });
      const good = report.getByRole('row').filter({ has: page.getByRole('cell', { name: '1', exact: true }) });
      await good.getByText('APPLIED').waitFor();
      assert.equal(await good.getByRole('link').count(), 1, 'the applied row links to its employee');
      // each row names the person by name and employee number, not by id
      assert.equal(await good.getByRole('link').textContent(), `Mary Jackson (E-${stamp}-1)`);
      const bad = report.getByRole('row').filter({ has: page.getByRole('cell', { name: '2', exact: true }) });
      // REJECTED twice: the plan rejected the row (action) and so it was not applied (status)
      await bad.getByText('REJECTED').first().waitFor();
      assert.match(await bad.textContent(), /INVALID_FIELD: .*email/);
      assert.match(await bad.textContent(), new RegExp(`Dorothy Vaughan \\(E-${stamp}-2\\)`));
      // and the list of imports has it, by its file name
      await page
        .getByRole('table', { name: 'Recent imports' })
        .getByText('people.csv')
        .first()
        .waitFor({ timeout: 30_000 });
      assert.match(page.url(), /\/imports\?import=[0-9a-f]{32}$/);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'imports');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download report (CSV)' }).click(),
      ]);
      const importId = new URL(page.url()).searchParams.get('import');
      assert.equal(download.suggestedFilename(), `import-${importId}-report.csv`);
      const downloaded = await readFile(await download.path(), 'utf8');
      assert.match(downloaded, /^row,status,reason,message,employeeId/);
      assert.match(downloaded, /\n1,APPLIED,/);
      assert.match(downloaded, /\n2,REJECTED,INVALID_FIELD,/);
      // The same bytes as the API's report endpoint serves as an attachment.
      const served = await api(page, 'GET', `/imports/${importId}/report`);
      assert.equal(served.status, 200);
      assert.match(served.disposition, /attachment/);
      assert.equal(served.body, downloaded);

      // A reload keeps the import (its id is in the address).
      await page.reload();
      await page.getByTestId('import-status').getByText('COMPLETED').waitFor();
      await page.getByRole('table', { name: 'Import report' }).waitFor();
    });
  });

  test('an operator sees the dead letters but no imports or admin audit, and the API refuses them an upload', async () => {
    await withPage(async (page) => {
      await signIn(page, users.operator);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await nav(page).getByRole('link', { name: 'Imports' }).count(), 0);
      assert.equal(await nav(page).getByRole('link', { name: 'Admin audit' }).count(), 0);

      const planted = deadLetterPlanted();
      await nav(page).getByRole('link', { name: 'Dead letters' }).click();
      await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
      const commands = page.getByRole('region', { name: 'Queue commands' });
      await commands.getByTestId('depth-commands').waitFor();
      await commands.getByRole('table').or(commands.getByTestId('empty')).first().waitFor();
      if (planted) {
        const imports = page.getByRole('region', { name: 'Queue imports' });
        const letters = imports.getByRole('table', { name: 'Dead letters of imports' });
        await letters.getByText(/Unreadable message/).waitFor();
        assert.match(await imports.getByTestId('depth-imports').textContent(), /^[1-9]\d* messages?$/);
        assert.deepEqual(await seriousAccessibilityViolations(page), []);
        await screenshot(page, 'dead-letters');

        await imports.getByRole('button', { name: 'Redrive imports' }).click();
        const confirmation = imports.getByTestId('redrive-confirmation');
        assert.match(await confirmation.textContent(), /back to badgeflow-local-imports/);
        await confirmation.getByRole('button', { name: 'Yes, redrive' }).click();
        assert.match(
          await page.getByTestId('redrive-result').textContent(),
          /[1-9]\d* messages? went back to the source queue/,
        );
      } else {
        assert.deepEqual(await seriousAccessibilityViolations(page), []);
        await screenshot(page, 'dead-letters');
      }

      // Typed in: the page says it is not for this role and offers no upload; the API refuses the upload anyway.
      await page.goto('/imports');
      await page.getByTestId('upload-not-for-role').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Upload' }).count(), 0);
      const upload = await api(page, 'POST', '/imports', 'employee number,given name,family name,email\n');
      assert.equal(upload.status, 403);
      assert.match(upload.type, /application\/problem\+json/);
      const audit = await api(page, 'GET', '/admin-audit/verify');
      assert.equal(audit.status, 403);
      await page.goto('/admin-audit');
      await page.getByTestId('not-for-role').waitFor();
    });
  });

  test('an operator sees a poison stream record parked as MALFORMED, and its payload as text', async () => {
    await withPage(async (page) => {
      await signIn(page, users.operator);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      const stamp = Date.now();
      const partitionKey = `card:BROWSER-TEST-${stamp}`;
      const text = `browser test ${stamp}: not a door event (Grüße)`;
      const placed = poisonRecordPut(partitionKey, text);

      await nav(page).getByRole('link', { name: 'Dead letters' }).click();
      await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
      const section = page.getByRole('region', { name: 'Parked stream records' });
      const listed = () =>
        section.getByRole('table', { name: 'Parked stream records' }).or(section.getByTestId('empty'));
      await listed().first().waitFor();
      if (!placed) {
        assert.deepEqual(await seriousAccessibilityViolations(page), []);
        await screenshotOf(section, 'parked-records');
        return;
      }

      // The consumer parks it within a poll or two; the page shows it after a Refresh.
      const row = section.getByRole('row').filter({ hasText: placed.sequenceNumber });
      const deadline = Date.now() + 30_000;
      while ((await row.count()) === 0) {
        assert.ok(Date.now() < deadline, `record ${placed.sequenceNumber} not shown as parked within 30 s`);
        await page.waitForTimeout(1_000);
        await page.getByRole('button', { name: 'Refresh' }).click();
        await listed().first().waitFor();
      }
      await row.getByText('MALFORMED', { exact: true }).waitFor();
      const cells = await row.textContent();
      assert.match(cells, /not a JSON object/);
      assert.ok(cells.includes(placed.shardId), 'the row names the shard');
      assert.ok(cells.includes(partitionKey), 'the row names the partition key');

      // Keyboard: Tab reaches the row's toggle from the page's Refresh, Enter opens the payload.
      const toggle = row.getByRole('button', { name: 'Show payload' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await page.getByRole('button', { name: 'Refresh', disabled: false }).focus();
      for (
        let tabs = 0;
        tabs < 50 && !(await toggle.evaluate((button) => button === document.activeElement));
        tabs += 1
      ) {
        await page.keyboard.press('Tab');
      }
      assert.ok(await toggle.evaluate((button) => button === document.activeElement), 'Tab reaches Show payload');
      await page.keyboard.press('Enter');
      const hide = row.getByRole('button', { name: 'Hide payload' });
      await hide.waitFor();
      assert.equal(await hide.getAttribute('aria-expanded'), 'true');
      const payload = section.locator(`[id="${await hide.getAttribute('aria-controls')}"]`);
      assert.equal(await payload.getByTestId('payload').textContent(), text);
      assert.equal(
        await payload.getByTestId('payload-note').textContent(),
        `Payload: UTF-8 text, ${Buffer.byteLength(text)} bytes`,
      );
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshotOf(section, 'parked-records');

      await page.keyboard.press('Enter');
      await row.getByRole('button', { name: 'Show payload' }).waitFor();
      assert.equal(await payload.count(), 0);
    });
  });

  test('an auditor sees the admin audit trail with the chain intact, and no dead letters or parked records', async () => {
    await withPage(async (page) => {
      await signIn(page, users.auditor);
      await page.getByRole('heading', { name: 'Employees' }).waitFor();
      assert.equal(await nav(page).getByRole('link', { name: 'Dead letters' }).count(), 0);
      assert.equal(await nav(page).getByRole('link', { name: 'Imports' }).count(), 0);

      await nav(page).getByRole('link', { name: 'Admin audit' }).click();
      await page.getByRole('heading', { name: 'Admin audit' }).waitFor();
      const chain = page.getByTestId('chain-status');
      await chain.getByText('Chain intact').waitFor({ timeout: 30_000 });
      // The earlier tests' commands are in the trail.
      const trail = page.getByRole('table', { name: 'Admin audit trail' });
      await trail.getByText('OffboardEmployee').first().waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await screenshot(page, 'admin-audit');

      const listed = await api(page, 'GET', '/dead-letters');
      assert.equal(listed.status, 403);

      // Typed in: no dead letters and no parked stream records (the API refuses those too).
      await page.goto('/dead-letters');
      await page.getByTestId('not-for-role').waitFor();
      assert.equal(await page.getByRole('region', { name: 'Parked stream records' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Show payload' }).count(), 0);
      const parked = await api(page, 'GET', '/parked-records');
      assert.equal(parked.status, 403);
    });
  });
});
