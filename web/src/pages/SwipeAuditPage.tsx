import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, type Query } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { instantFromLocal, localInputValue } from '../live';
import { RECENT_DAYS } from '../recentSwipes';
import { Empty, Failure, Loading, NotForRole } from '../states';
import type { PageOf, SwipeEvent } from '../types';
import { EventTable } from './LivePage';

type By = 'employeeId' | 'doorId' | 'buildingId';

const BY_LABEL: Record<By, string> = { employeeId: 'Employee id', doorId: 'Door id', buildingId: 'Building code' };

/**
 * The auditors' view of the doors: the stored events of one employee, door or building over a range of up to 31
 * days, with decision, reason and rule; paged like every list, and downloadable as the API's streamed CSV.
 * Opened from an employee's recent swipes (`?employeeId=`), it shows that person's last 7 days at once.
 */
export function SwipeAuditPage() {
  const { may, role } = useAuth();
  if (!may('auditSwipes')) {
    return (
      <Stack>
        <Title order={2}>Door audit</Title>
        <NotForRole role={role} what="The door audit is for auditors and admins." />
      </Stack>
    );
  }
  return <SwipeAudit />;
}

function SwipeAudit() {
  const { api } = useAuth();
  const [params] = useSearchParams();
  const linked = params.get('employeeId')?.trim() || null;
  const [by, setBy] = useState<By>('employeeId');
  const [id, setId] = useState(linked ?? '');
  const [from, setFrom] = useState(() =>
    localInputValue(new Date(Date.now() - (linked ? RECENT_DAYS : 1) * 24 * 3600 * 1000)),
  );
  const [to, setTo] = useState(() => localInputValue(new Date(Date.now() + 60 * 1000)));
  const [query, setQuery] = useState<Query | null>(() =>
    linked ? { employeeId: linked, from: instantFromLocal(from), to: instantFromLocal(to) } : null,
  );
  const [cursors, setCursors] = useState<string[]>([]);
  const [page, setPage] = useState<PageOf<SwipeEvent> | null>(null);
  // The request (query and page) the page and error shown answer; another one is loading.
  const [answered, setAnswered] = useState<{ query: Query; cursors: string[] } | null>(null);
  const loading = query !== null && (answered?.query !== query || answered.cursors !== cursors);
  const [error, setError] = useState<ApiError | null>(null);
  const [download, setDownload] = useState<{ href: string; name: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!query) return;
    let stopped = false;
    api.get<PageOf<SwipeEvent>>('/audit/swipes', { ...query, cursor: cursors.at(-1) }).then(
      (answer) => !stopped && (setPage(answer), setError(null), setAnswered({ query, cursors })),
      (failure: unknown) => !stopped && (setPage(null), setError(asApiError(failure)), setAnswered({ query, cursors })),
    );
    return () => {
      stopped = true;
    };
  }, [api, query, cursors]);

  useEffect(
    () => () => {
      if (download) URL.revokeObjectURL(download.href);
    },
    [download],
  );

  function search(event: React.FormEvent) {
    event.preventDefault();
    setDownload(null);
    setCursors([]);
    setQuery({ [by]: id.trim(), from: instantFromLocal(from), to: instantFromLocal(to) });
  }

  async function exportCsv() {
    if (!query) return;
    setExporting(true);
    try {
      const params = new URLSearchParams();
      Object.entries(query).forEach(([key, value]) => value && params.set(key, String(value)));
      const text = await api.getText(`/audit/swipes.csv?${params}`);
      const href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      setDownload({ href, name: `swipes-${by.replace('Id', '')}-${String(query[by])}.csv` });
      setError(null);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack>
      <Title order={2}>Door audit</Title>
      <form onSubmit={search} aria-label="Door events to show">
        <Group align="flex-end">
          <NativeSelect
            label="Events of"
            value={by}
            onChange={(e) => setBy(e.currentTarget.value as By)}
            data={[
              { value: 'employeeId', label: 'An employee' },
              { value: 'doorId', label: 'A door' },
              { value: 'buildingId', label: 'A building' },
            ]}
          />
          <TextInput
            label={BY_LABEL[by]}
            value={id}
            onChange={(e) => setId(e.currentTarget.value)}
            required
            error={error?.problem.errors?.[by]}
          />
          <TextInput
            type="datetime-local"
            label="From"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            required
            error={error?.problem.errors?.from}
          />
          <TextInput
            type="datetime-local"
            label="Until (not included)"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            required
            error={error?.problem.errors?.to}
          />
          <Button type="submit" loading={loading}>
            Show events
          </Button>
        </Group>
      </form>
      <Text size="xs" c="dimmed">
        At most 31 days at a time; the range is in your browser&apos;s local time, each event&apos;s time is shown in
        its building&apos;s zone (named).
      </Text>
      {error && <Failure error={error} />}
      {loading && !page && <Loading label="Loading door events…" />}
      {page && page.items.length === 0 && <Empty>No door event in this range.</Empty>}
      {page && page.items.length > 0 && <EventTable events={page.items} label="Door events" />}
      {page && (
        <Group justify="space-between">
          <Group>
            <Button variant="default" loading={exporting} onClick={exportCsv} disabled={page.items.length === 0}>
              Export CSV
            </Button>
            {download && (
              <Button
                component="a"
                href={download.href}
                download={download.name}
                variant="light"
                data-testid="csv-download"
              >
                Save {download.name}
              </Button>
            )}
          </Group>
          {(cursors.length > 0 || page.next) && (
            <Group aria-label="Pages of door events">
              <Button
                variant="default"
                disabled={cursors.length === 0}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                Previous page
              </Button>
              <Button
                variant="default"
                disabled={!page.next}
                onClick={() => page.next && setCursors((c) => [...c, page.next!])}
              >
                Next page
              </Button>
            </Group>
          )}
        </Group>
      )}
      {download && (
        <Alert color="green" title="Export ready" role="status">
          The CSV holds every event of the range, not only this page.
        </Alert>
      )}
    </Stack>
  );
}
