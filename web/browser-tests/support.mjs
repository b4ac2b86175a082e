// Shared by the browser tests: the running system's address, the demo users bin/run created, a headless
// Debian Chromium, CSP violations collected from every page, axe-core and screenshots.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const baseUrl = process.env.BADGEFLOW_UI_URL ?? 'http://127.0.0.1:8081';
// The same load balancer for Node.js's own requests, which cannot resolve *.localhost (see scripts/browser-tests).
export const lbUrl = process.env.BADGEFLOW_LB_URL ?? baseUrl;

/** role -> { username, password } from bin/run's demo-users.tsv */
export function demoUsers() {
  const file = process.env.BADGEFLOW_DEMO_USERS ?? '../.run/demo-users.tsv';
  const users = {};
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const [role, username, password] = line.split('\t');
    users[role] = { username, password };
  }
  return users;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.BADGEFLOW_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Running as root in CI containers; the sandbox needs user namespaces we may not have.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh context (own cookies) and page that records every Content-Security-Policy violation. */
export async function newPage(browser) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.cspViolations = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      page.cspViolations.push(message.text());
    }
  });
  page.on('pageerror', (error) => page.cspViolations.push(`page error: ${error.message}`));
  return { context, page };
}

export async function signIn(page, user) {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(user.username);
  // The password field by name: its label also carries the required-field marker.
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** axe-core run inside the page (evaluated over the DevTools protocol, so the page's CSP stays as it is). */
export async function seriousAccessibilityViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** Under target/ (gitignored): a test run never rewrites docs/ui/, `scripts/browser-tests --refresh-docs` does. */
function screenshotPath(name) {
  const dir = process.env.BADGEFLOW_SCREENSHOTS ?? path.resolve('target/screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** A screenshot of one part of a page (a section further down a long page), in the same place as the others. */
export async function screenshotOf(locator, name) {
  await locator.screenshot({ path: screenshotPath(name) });
}

/**
 * One browser for a test file (launched before its tests, closed after) and `withPage(body)`: a fresh context per
 * test that must end without Content-Security-Policy violations or page errors.
 */
export function browserPerFile() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return async function withPage(body) {
    const { context, page } = await newPage(browser);
    try {
      await body(page);
      assert.deepEqual(page.cspViolations, [], 'the page ran without Content-Security-Policy violations or errors');
    } finally {
      await context.close();
    }
  };
}

/**
 * A back-office API call from inside the signed-in page, with the page's own session (a fresh access token from the
 * refresh cookie): JSON in and out; a string body goes as text/csv (an import), a non-JSON answer comes back as text.
 */
export async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/auth/refresh', { method: 'POST' })).json();
      const headers = { Authorization: `Bearer ${session.accessToken}` };
      if (body !== undefined) headers['Content-Type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const type = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        type,
        disposition: response.headers.get('content-disposition'),
        body: type.includes('json') ? await response.json() : await response.text(),
      };
    },
    { method, path, body },
  );
}

/** Sends a command through the API and waits until card-events has APPLIED it; returns the 202's body. */
export async function command(page, method, path, body) {
  const accepted = await api(page, method, path, body);
  assert.equal(accepted.status, 202, `${method} ${path}: ${JSON.stringify(accepted.body)}`);
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const { body: status } = await api(page, 'GET', `/commands/${accepted.body.commandId}`);
    if (status.status !== 'PENDING') {
      assert.equal(status.status, 'APPLIED', `${method} ${path}: ${JSON.stringify(status)}`);
      return accepted.body;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`${method} ${path} still PENDING`);
}

/**
 * A door asking the decision API through the load balancer, as a reader does: on a 503 (load shed, a store slow
 * right after start, or its deadline passed on a busy test machine) it asks again after Retry-After with the same
 * request, same eventId and occurredAt, which records the decision at most once. Resolves to the last answer.
 */
export async function decideAtDoor(
  door,
  cardNumber,
  { direction = 'IN', eventId = randomUUID(), deadlineMs = 10000, attempts = 20 } = {},
) {
  const request = JSON.stringify({ eventId, cardNumber, direction, occurredAt: new Date().toISOString() });
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${lbUrl}/door-api/v1/doors/${encodeURIComponent(door.doorId)}/decisions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Door-Key': door.deviceKey,
        'X-Door-Deadline-Ms': String(deadlineMs),
      },
      body: request,
    });
    const text = await response.text();
    if (response.status !== 503 || attempt >= attempts) {
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('Retry-After') ?? 1)));
  }
}

/**
 * Applies the plan of the import the Imports page shows: waits for its dry run (PLANNED), confirms it in the dialog
 * and waits until it is COMPLETED.
 */
export async function applyPlan(page) {
  await page.getByTestId('import-status').getByText('PLANNED').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Apply plan…' }).click();
  await page.getByRole('dialog', { name: 'Apply this plan?' }).getByRole('button', { name: 'Apply' }).click();
  await page.getByTestId('import-status').getByText('COMPLETED').waitFor({ timeout: 90_000 });
}
