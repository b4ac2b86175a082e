import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, toApiError } from './api';

function problem(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('toApiError', () => {
  it('keeps the detail and the field errors of a problem+json body', async () => {
    const error = await toApiError(
      problem(400, {
        status: 400,
        title: 'Invalid request',
        detail: 'The request has invalid fields: email.',
        errors: { email: 'must be a well-formed email address' },
      }),
    );

    expect(error.status).toBe(400);
    expect(error.message).toBe('The request has invalid fields: email.');
    expect(error.fieldError('email')).toBe('must be a well-formed email address');
    expect(error.fieldError('givenName')).toBeUndefined();
  });

  it('says what the status means when the body is no problem+json', async () => {
    const error = await toApiError(new Response('<html>bad gateway</html>', { status: 502 }));

    expect(error.status).toBe(502);
    expect(error.message).toMatch(/could not complete/);
    expect(error.problem.errors).toBeUndefined();
  });

  it('ignores an errors member that is not a map of strings', async () => {
    const error = await toApiError(problem(400, { status: 400, detail: 'x', errors: ['a'] }));

    expect(error.problem.errors).toBeUndefined();
  });
});

describe('ApiClient', () => {
  it('sends the current token and the query, and leaves out empty parameters', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ items: [] }));
    let token = 'first';
    const client = new ApiClient(() => token, fetchImpl as unknown as typeof fetch);

    await client.get('/employees', { q: 'Love', size: 20, cursor: undefined });
    token = 'second';
    await client.get('/employees', { q: '' });

    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0][0]).toBe('/api/v1/employees?q=Love&size=20');
    expect((calls[0][1].headers as Record<string, string>).Authorization).toBe('Bearer first');
    expect(calls[1][0]).toBe('/api/v1/employees');
    expect((calls[1][1].headers as Record<string, string>).Authorization).toBe('Bearer second');
  });

  it('sends PUT with a JSON body and DELETE without one', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ commandId: 'c-1', status: 'PENDING' }, { status: 202 }));
    const client = new ApiClient(() => 't', fetchImpl as unknown as typeof fetch);

    await client.put('/cards/c/validity', { validFrom: null, validUntil: '2027-01-01T00:00:00Z' });
    await client.delete('/employees/e/grants/HQ');

    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0][1].method).toBe('PUT');
    expect(calls[0][1].body).toBe('{"validFrom":null,"validUntil":"2027-01-01T00:00:00Z"}');
    expect((calls[0][1].headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(calls[1][0]).toBe('/api/v1/employees/e/grants/HQ');
    expect(calls[1][1].method).toBe('DELETE');
    expect(calls[1][1].body).toBeUndefined();
  });

  it('posts a form without setting its Content-Type, so the browser adds the multipart boundary', async () => {
    const fetchImpl = vi.fn(async () =>
      Response.json({ importId: 'a'.repeat(32), status: 'PENDING' }, { status: 202 }),
    );
    const client = new ApiClient(() => 't', fetchImpl as unknown as typeof fetch);
    const form = new FormData();
    form.append('file', new Blob(['employee number\n'], { type: 'text/csv' }), 'people.csv');

    const accepted = await client.postForm<{ importId: string }>('/imports', form);

    const [url, init] = (fetchImpl.mock.calls as unknown as [string, RequestInit][])[0];
    expect(url).toBe('/api/v1/imports');
    expect(init.body).toBe(form);
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer t');
    expect(accepted.importId).toHaveLength(32);
  });

  it('reads a text resource, and its problem+json when it is refused', async () => {
    const csv = 'row,status\n1,APPLIED\n';
    const ok = new ApiClient(
      () => 't',
      (async () => new Response(csv, { headers: { 'Content-Type': 'text/csv' } })) as unknown as typeof fetch,
    );
    expect(await ok.getText('/imports/x/report')).toBe(csv);

    const refused = new ApiClient(() => 't', (async () =>
      problem(404, { status: 404, detail: 'There is no report for import x (yet).' })) as unknown as typeof fetch);
    const error = (await refused.getText('/imports/x/report').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/no report/);
  });

  it('throws the API problem on a refusal', async () => {
    const client = new ApiClient(() => 't', (async () =>
      problem(403, { status: 403, detail: 'Your role does not allow this request.' })) as unknown as typeof fetch);

    const error = await client.post('/employees', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect((error as ApiError).message).toBe('Your role does not allow this request.');
  });

  it('turns a network failure into status 0', async () => {
    const client = new ApiClient(() => 't', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);

    const error = (await client.get('/commands').catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(0);
    expect(error.message).toMatch(/cannot be reached/);
  });
});
