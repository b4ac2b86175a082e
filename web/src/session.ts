import { ApiError, networkError, toApiError } from './api';

/**
 * The signed-in user. The access token lives in memory only (never in storage a script could read later); the
 * refresh token is an HttpOnly cookie scoped to /auth that this code never sees. A reload asks /auth/refresh,
 * which turns the cookie back into an access token.
 */
export interface Session {
  accessToken: string;
  /** seconds the access token is valid from when it was issued */
  expiresIn: number;
  username: string;
  groups: string[];
}

/**
 * A sign-in step the pool (or, for an admin without TOTP, the service) asks for before a session opens. Its
 * session travels in an HttpOnly cookie this code never sees; `secretCode` and `otpauthUri` come with MFA_SETUP.
 */
export interface Challenge {
  challenge: 'NEW_PASSWORD_REQUIRED' | 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA';
  username: string;
  secretCode?: string;
  otpauthUri?: string;
}

export type Role = 'admin' | 'operator' | 'auditor';

/** The strongest role among the user's Cognito groups; null when none is ours. */
export function roleOf(groups: readonly string[]): Role | null {
  for (const role of ['admin', 'operator', 'auditor'] as const) {
    if (groups.includes(role)) return role;
  }
  return null;
}

/**
 * When to refresh a token valid for `expiresIn` seconds: at 80% of its life, but at least a minute before it
 * expires (when the life allows), and never sooner than 5 s from now.
 */
export function refreshDelayMs(expiresIn: number): number {
  const life = Math.max(0, expiresIn) * 1000;
  const delay = Math.min(life * 0.8, life - 60_000);
  return Math.max(5_000, Math.round(delay));
}

type Listener = (session: Session | null) => void;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Holds the session, refreshes it before it expires, and tells the UI when it changes or ends. */
export class SessionManager {
  private session: Session | null = null;
  private timer: unknown = null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly timers: Timers = browserTimers,
  ) {}

  get current(): Session | null {
    return this.session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Signs in with a password: null once signed in, else the next step to answer. */
  login(username: string, password: string): Promise<Challenge | null> {
    return this.step('/auth/login', { username, password });
  }

  /** Answers NEW_PASSWORD_REQUIRED. */
  newPassword(username: string, newPassword: string): Promise<Challenge | null> {
    return this.step('/auth/new-password', { username, newPassword });
  }

  /** Answers SOFTWARE_TOKEN_MFA with the authenticator's current code. */
  mfa(username: string, code: string): Promise<Challenge | null> {
    return this.step('/auth/mfa', { username, code });
  }

  /** Finishes MFA_SETUP with the first code of the new secret. */
  mfaSetup(username: string, code: string): Promise<Challenge | null> {
    return this.step('/auth/mfa-setup', { username, code });
  }

  private async step(path: string, body: unknown): Promise<Challenge | null> {
    const answer = await this.call(path, body);
    if (isChallenge(answer)) return answer;
    this.set(answer);
    return null;
  }

  /**
   * Exchanges the refresh cookie for a new access token; ends the session when that is refused (or when the
   * service asks for a step first: the sign-in page starts it again).
   */
  async refresh(): Promise<Session | null> {
    try {
      const answer = await this.call('/auth/refresh');
      const session = isChallenge(answer) ? null : answer;
      this.set(session);
      return session;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        this.set(null);
        return null;
      }
      // The server is unreachable for a moment: keep the session and try again shortly.
      if (this.session) this.schedule(15);
      throw error;
    }
  }

  async logout(): Promise<void> {
    try {
      await this.call('/auth/logout');
    } finally {
      this.set(null);
    }
  }

  private set(session: Session | null): void {
    this.session = session;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (session) this.schedule(session.expiresIn);
    this.listeners.forEach((listener) => listener(session));
  }

  private schedule(expiresIn: number): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.refresh().catch(() => undefined);
    }, refreshDelayMs(expiresIn));
  }

  private async call(path: string, body?: unknown): Promise<Session | Challenge> {
    let response: Response;
    try {
      response = await this.fetchImpl(path, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? '{}' : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (cause) {
      throw networkError(cause);
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return null as unknown as Session;
    return (await response.json()) as Session | Challenge;
  }
}

function isChallenge(answer: Session | Challenge): answer is Challenge {
  return answer !== null && typeof (answer as Challenge).challenge === 'string';
}

/**
 * Where to go after signing in: the `next` path when it is one of ours (a same-origin relative path), else the
 * start page. A scheme, a host (`//x`, `/\\x`) or anything not starting with one slash is refused: no open redirect.
 */
export function safeNext(next: string | null | undefined, fallback = '/employees'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters (a browser drops tabs and newlines from URLs, so `/\t/x` would become `//x`).
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  try {
    const url = new URL(next, 'https://badgeflow.invalid');
    if (url.origin !== 'https://badgeflow.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
