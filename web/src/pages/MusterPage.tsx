import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth';
import { useLoad } from '../load';
import { formatDateTime, sortPeople, zoneNote } from '../format';
import { Empty, Failure, Loading, NotForRole } from '../states';
import { useBuildingZone } from '../zones';
import type { MusterView } from '../types';
import { affiliationLabel } from '../affiliation';

/**
 * The emergency muster list: everyone the building believes inside now, by name, with the door they came through
 * and since when. Printable (the print stylesheet drops the navigation and buttons); reloaded on demand, since a
 * list being read out at the assembly point must not change under the reader.
 */
export function MusterPage() {
  const { may, role } = useAuth();
  if (!may('watchLive')) {
    return (
      <Stack>
        <Title order={2}>Muster list</Title>
        <NotForRole role={role} what="The muster list is for operators and admins." />
      </Stack>
    );
  }
  return <Muster />;
}

function Muster() {
  const { buildingId = '' } = useParams();
  const { api } = useAuth();
  const muster = useLoad(
    () => api.get<MusterView>(`/buildings/${encodeURIComponent(buildingId)}/muster`),
    [api, buildingId],
  );
  const zone = useBuildingZone(api, buildingId);

  return (
    <Stack>
      <Group justify="space-between" className="bf-no-print">
        <Anchor component={Link} to="/live">
          ← Live
        </Anchor>
        <Group>
          <Button variant="default" onClick={muster.reload} loading={muster.loading}>
            Refresh
          </Button>
          <Button onClick={() => window.print()} disabled={!muster.data}>
            Print
          </Button>
        </Group>
      </Group>
      <Title order={2}>Muster list{muster.data ? ` — ${muster.data.buildingName}` : ''}</Title>
      {muster.loading && !muster.data && <Loading label="Loading who is inside…" />}
      {muster.error && (
        <Failure error={muster.error} onRetry={muster.error.status === 404 ? undefined : muster.reload} />
      )}
      {muster.data && (
        <>
          <Text size="xs" c="dimmed">
            {zoneNote(zone, muster.data.buildingName)}
          </Text>
          <Text data-testid="muster-summary">
            {`${muster.data.inside} ${muster.data.inside === 1 ? 'person' : 'people'} inside as of ${formatDateTime(muster.data.asOf, zone)}.`}
          </Text>
          {muster.data.people.length === 0 ? (
            <Empty>Nobody is inside this building.</Empty>
          ) : (
            <Table aria-label="People inside" className="bf-muster">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Employee number</Table.Th>
                  <Table.Th scope="col">Department</Table.Th>
                  <Table.Th scope="col">Visitor or contractor</Table.Th>
                  <Table.Th scope="col">Last door</Table.Th>
                  <Table.Th scope="col">Inside since</Table.Th>
                  <Table.Th scope="col">Accounted for</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sortPeople(muster.data.people).map((person) => (
                  <Table.Tr key={person.employeeId} data-testid={`muster-${person.employeeId}`}>
                    <Table.Th scope="row" fw="normal">
                      {person.familyName || person.givenName
                        ? `${person.familyName ?? ''}, ${person.givenName ?? ''}`
                        : person.employeeId}
                    </Table.Th>
                    <Table.Td>{person.employeeNumber ?? '—'}</Table.Td>
                    <Table.Td>{person.department ?? '—'}</Table.Td>
                    <Table.Td data-testid={`muster-affiliation-${person.employeeId}`}>
                      {affiliationLabel(person)}
                    </Table.Td>
                    <Table.Td>{person.lastDoorName ?? person.lastDoorId ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(person.since, zone)}</Table.Td>
                    <Table.Td>
                      <span className="bf-tick" aria-hidden="true" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
