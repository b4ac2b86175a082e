import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshDelayMs, roleOf, safeNext, SessionManager } from './session';

const session = (token: string, expiresIn = 3600) => ({
  accessToken: token,
  expiresIn,
  username: 'demo-admin',
  groups: ['admin'],
});

describe('refreshDelayMs', () => {
  it('refreshes an hour-long token at 80% of its life', () => {
    expect(refreshDelayMs(3600)).toBe(2_880_000);
  });

  it('refreshes a short token a minute before it expires', () => {
    expect(refreshDelayMs(240)).toBe(180_000);
  });

  it('never waits less than five seconds', () => {
    expect(refreshDelayMs(30)).toBe(5_000);
    expect(refreshDelayMs(0)).toBe(5_000);
  });
});

describe('roleOf', () => {
  it('takes the strongest of our groups', () => {
    expect(roleOf(['auditor', 'admin'])).toBe('admin');
    expect(roleOf(['operator'])).toBe('operator');
    expect(roleOf(['someone-else'])).toBeNull();
  });
});

describe('SessionManager', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refreshes the token before it expires and keeps refreshing', async () => {
    const answers = [session('a', 300), session('b', 300), session('c', 300)];
    const fetchImpl = vi.fn(async () => Response.json(answers.shift()));
    const manager = new SessionManager(fetchImpl as unknown as typeof fetch);

    await manager.login('demo-admin', 'pw');
    expect(manager.current?.accessToken).toBe('a');

    await vi.advanceTimersByTimeAsync(239_000);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect((fetchImpl.mock.calls[1] as unknown as [string])[0]).toBe('/auth/refresh');
    expect(manager.current?.accessToken).toBe('b');

    await vi.advanceTimersByTimeAsync(240_000);
    expect(manager.current?.accessToken).toBe('c');
  });

  it('ends the session when the refresh is refused', async () => {
    const answers = [
      Response.json(session('a', 300)),
      new Response(JSON.stringify({ status: 401, detail: 'Sign in again.' }), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    ];
    const manager = new SessionManager((async () => answers.shift()!) as unknown as typeof fetch);
    const seen: (string | null)[] = [];
    manager.subscribe((s) => seen.push(s?.accessToken ?? null));

    await manager.login('demo-admin', 'pw');
    await vi.advanceTimersByTimeAsync(240_000);

    expect(manager.current).toBeNull();
    expect(seen).toEqual(['a', null]);
  });

  it('stops refreshing after logout', async () => {
    const fetchImpl = vi.fn(async (path: string) =>
      path === '/auth/logout' ? new Response(null, { status: 204 }) : Response.json(session('a', 300)),
    );
    const manager = new SessionManager(fetchImpl as unknown as typeof fetch);

    await manager.login('demo-admin', 'pw');
    await manager.logout();
    await vi.advanceTimersByTimeAsync(3_600_000);

    expect(manager.current).toBeNull();
    expect(fetchImpl.mock.calls.map((call) => (call as unknown as [string])[0])).toEqual([
      '/auth/login',
      '/auth/logout',
    ]);
  });

  it('shows a wrong password as the API problem', async () => {
    const manager = new SessionManager(
      (async () =>
        new Response(JSON.stringify({ status: 401, detail: 'Incorrect username or password.' }), {
          status: 401,
          headers: { 'Content-Type': 'application/problem+json' },
        })) as unknown as typeof fetch,
    );

    await expect(manager.login('demo-admin', 'wrong')).rejects.toThrow('Incorrect username or password.');
    expect(manager.current).toBeNull();
  });
});

describe('sign-in steps', () => {
  it('walks a new password and the TOTP set-up before the session opens, posting each step to its endpoint', async () => {
    const answers = [
      { challenge: 'NEW_PASSWORD_REQUIRED', username: 'new@example.com' },
      { challenge: 'MFA_SETUP', username: 'new@example.com', secretCode: 'JBSWY3DP', otpauthUri: 'otpauth://totp/x' },
      session('a', 900),
    ];
    const fetchImpl = vi.fn(async () => Response.json(answers.shift()));
    const manager = new SessionManager(fetchImpl as unknown as typeof fetch);
    const seen: unknown[] = [];
    manager.subscribe((current) => seen.push(current));

    expect(await manager.login('new@example.com', 'Temporary-123456')).toMatchObject({
      challenge: 'NEW_PASSWORD_REQUIRED',
    });
    expect(manager.current).toBeNull();
    expect(await manager.newPassword('new@example.com', 'Mine-1234567890!')).toMatchObject({
      challenge: 'MFA_SETUP',
      secretCode: 'JBSWY3DP',
    });
    expect(await manager.mfaSetup('new@example.com', '123456')).toBeNull();

    expect(manager.current?.accessToken).toBe('a');
    expect(seen).toHaveLength(1);
    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([path]) => path)).toEqual(['/auth/login', '/auth/new-password', '/auth/mfa-setup']);
    expect(JSON.parse(calls[1][1].body as string)).toEqual({
      username: 'new@example.com',
      newPassword: 'Mine-1234567890!',
    });
  });

  it('answers SOFTWARE_TOKEN_MFA on /auth/mfa', async () => {
    const answers = [{ challenge: 'SOFTWARE_TOKEN_MFA', username: 'boss' }, session('b', 900)];
    const fetchImpl = vi.fn(async () => Response.json(answers.shift()));
    const manager = new SessionManager(fetchImpl as unknown as typeof fetch);

    await manager.login('boss', 'pw');
    await manager.mfa('boss', '654321');

    expect((fetchImpl.mock.calls[1] as unknown as [string])[0]).toBe('/auth/mfa');
    expect(manager.current?.accessToken).toBe('b');
  });

  it('opens no session when a refresh is answered with a step', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ challenge: 'MFA_SETUP', username: 'boss' }));
    const manager = new SessionManager(fetchImpl as unknown as typeof fetch);

    expect(await manager.refresh()).toBeNull();
    expect(manager.current).toBeNull();
  });
});

describe('safeNext', () => {
  it('keeps a path of ours with its query', () => {
    expect(safeNext('/buildings/HQ')).toBe('/buildings/HQ');
    expect(safeNext('/cards?status=LOST#top')).toBe('/cards?status=LOST#top');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'evil', '/\t/evil.example', '']) {
      expect(safeNext(next)).toBe('/employees');
    }
    expect(safeNext(null)).toBe('/employees');
  });
});
