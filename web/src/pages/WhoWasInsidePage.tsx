import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { insideAtSummary, instantToLocal, localToInstant } from '../insideAt';
import { useLoad } from '../load';
import { formatDateTime, naturalCompare, zoneNote } from '../format';
import { Empty, Failure, Loading, NotForRole } from '../states';
import type { Building, InsideAt, PageOf } from '../types';

/**
 * Who was inside a building at a past moment, for auditors (and admins): rebuilt by the API from the door-event
 * archive over a 24-hour look-back, names joined from the employees table.
 */
export function WhoWasInsidePage() {
  const { may, role } = useAuth();
  if (!may('readInsideAt')) {
    return (
      <Stack>
        <Title order={2}>Who was inside</Title>
        <NotForRole role={role} what="Who was inside a building at a past moment is for auditors and admins." />
      </Stack>
    );
  }
  return <WhoWasInside />;
}

function WhoWasInside() {
  const { api } = useAuth();
  const buildings = useLoad(() => api.get<PageOf<Building>>('/buildings', { size: 100 }), [api]);
  const [buildingId, setBuildingId] = useState('');
  const [at, setAt] = useState(() => instantToLocal(new Date()));
  const [report, setReport] = useState<InsideAt | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = buildingId || buildings.data?.items[0]?.buildingId || '';
  const reported = buildings.data?.items.find((b) => b.buildingId === report?.buildingId);
  const zone = reported?.timeZone;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const instant = localToInstant(at);
    if (!instant) {
      setError(
        new ApiError({
          status: 400,
          title: 'Not a moment',
          detail: 'Enter a date and time.',
          errors: { at: 'Enter a date and time.' },
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setReport(await api.get<InsideAt>(`/buildings/${encodeURIComponent(chosen)}/inside-at`, { at: instant }));
    } catch (failure) {
      setReport(null);
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={2}>Who was inside</Title>
      {buildings.loading && <Loading label="Loading buildings…" />}
      {buildings.error && <Failure error={buildings.error} onRetry={buildings.reload} />}
      {buildings.data && buildings.data.items.length === 0 && <Empty>No building is registered yet.</Empty>}
      {buildings.data && buildings.data.items.length > 0 && (
        <form onSubmit={submit} noValidate aria-label="Who was inside">
          <Group align="flex-end">
            <NativeSelect
              label="Building"
              value={chosen}
              onChange={(e) => setBuildingId(e.currentTarget.value)}
              data={[...buildings.data.items]
                .sort((a, b) => naturalCompare(a.name, b.name))
                .map((b) => ({ value: b.buildingId, label: `${b.name} (${b.buildingId})` }))}
            />
            <TextInput
              label="At (your local time)"
              type="datetime-local"
              step={1}
              value={at}
              error={error?.fieldError('at')}
              onChange={(e) => setAt(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Show
            </Button>
          </Group>
        </form>
      )}
      {error && !error.fieldError('at') && (
        <Alert color="red" title={error.problem.title ?? 'Not answered'} role="alert">
          {error.message}
        </Alert>
      )}
      {report && (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {zoneNote(zone, reported?.name)}
          </Text>
          <Text size="sm" data-testid="inside-at-summary">
            {insideAtSummary(report, (instant) => formatDateTime(instant, zone))}
          </Text>
          {report.people.length > 0 && (
            <Table aria-label="People inside">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Employee number</Table.Th>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Inside since</Table.Th>
                  <Table.Th scope="col">Last door</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...report.people]
                  .sort((a, b) => naturalCompare(a.name, b.name) || naturalCompare(a.employeeNumber, b.employeeNumber))
                  .map((person) => (
                    <Table.Tr key={person.employeeId}>
                      <Table.Td>
                        <Text size="sm" className="bf-key">
                          {person.employeeNumber ?? person.employeeId}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {person.name ?? (
                          <Text size="sm" c="dimmed">
                            no longer on record
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{formatDateTime(person.since, zone)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" className="bf-key">
                          {person.lastDoorId}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}
