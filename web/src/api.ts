/**
 * The browser's only way to the back office: same-origin calls to admin-service, the access token from memory in
 * the Authorization header, and every error turned into an ApiError carrying the API's problem+json (RFC 9457),
 * so pages can show its `detail` and put its `errors` next to the fields they name.
 */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  /** field, parameter or header -> what is wrong with it */
  errors?: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `The request failed (HTTP ${problem.status}).`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** What is wrong with one field, when the API named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.[field];
  }
}

/** Reads an error response: problem+json when the API sent it, otherwise a message from the status alone. */
export async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem> & Record<string, unknown>;
      return new ApiError({
        status: typeof body.status === 'number' ? body.status : response.status,
        title: typeof body.title === 'string' ? body.title : undefined,
        detail: typeof body.detail === 'string' ? body.detail : undefined,
        errors: isStringRecord(body.errors) ? body.errors : undefined,
      });
    } catch {
      // not JSON after all: fall through to the status
    }
  }
  return new ApiError({ status: response.status, detail: statusMessage(response.status) });
}

/** A network failure (server down, connection refused) as an ApiError with status 0. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    status: 0,
    detail: 'The server cannot be reached. Check your connection and try again.',
  });
  (error as { cause?: unknown }).cause = cause;
  return error;
}

function statusMessage(status: number): string {
  switch (status) {
    case 401:
      return 'Your session has ended. Please sign in again.';
    case 403:
      return 'Your role does not allow this request.';
    case 404:
      return 'Not found.';
    default:
      return status >= 500
        ? 'The server could not complete the request. Try again.'
        : `The request failed (HTTP ${status}).`;
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

export type Query = Record<string, string | number | undefined | null>;

/** Calls `/api/v1` with the current access token; `token` is asked on every call, so a refreshed one is used. */
export class ApiClient {
  constructor(
    private readonly token: () => string | null,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly base = '/api/v1',
  ) {}

  get<T>(path: string, query: Query = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return this.request<T>('GET', path + (search ? `?${search}` : ''));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Posts a form (e.g. a file upload); the browser sets the multipart Content-Type with its boundary. */
  async postForm<T>(path: string, form: FormData): Promise<T> {
    const response = await this.send('POST', path, 'application/json, application/problem+json', form);
    return (await response.json()) as T;
  }

  /** Reads a text resource (a CSV report); errors are still the API's problem+json. */
  async getText(path: string): Promise<string> {
    const response = await this.send('GET', path, 'text/csv, text/plain, application/problem+json');
    return response.text();
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(
      method,
      path,
      'application/json, application/problem+json',
      body === undefined ? undefined : JSON.stringify(body),
    );
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, accept: string, body?: string | FormData): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (typeof body === 'string') headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, { method, headers, body, credentials: 'same-origin' });
    } catch (cause) {
      throw networkError(cause);
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }
}
