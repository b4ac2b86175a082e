import { Alert, Anchor, Button, Group, Modal, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { CommandAlert, useFollow } from '../commands';
import { useCommandForm } from '../forms';
import { useLoad } from '../load';
import { Empty, Failure, Loading } from '../states';
import type { Accepted, Building, PageOf } from '../types';

const PAGE_SIZE = 20;

/** Buildings, paged by the API's cursor; admins register new ones. */
export function BuildingsPage() {
  const { api, may } = useAuth();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const [registering, setRegistering] = useState(false);
  const buildings = useLoad(
    () => api.get<PageOf<Building>>('/buildings', { size: PAGE_SIZE, cursor: cursors.at(-1) }),
    [api, cursors],
  );
  const { tracked, follow, dismiss } = useFollow(api, buildings.reload);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Buildings</Title>
        {may('registerBuilding') && <Button onClick={() => setRegistering(true)}>Register building</Button>}
      </Group>
      <CommandAlert tracked={tracked} onClose={dismiss} />

      {buildings.loading && <Loading label="Loading buildings…" />}
      {buildings.error && <Failure error={buildings.error} onRetry={buildings.reload} />}
      {buildings.data && buildings.data.items.length === 0 && <Empty>No buildings registered yet.</Empty>}
      {buildings.data && buildings.data.items.length > 0 && (
        <Table striped highlightOnHover aria-label="Buildings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Time zone</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {buildings.data.items.map((building) => (
              <Table.Tr key={building.buildingId}>
                <Table.Td>{building.buildingId}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/buildings/${encodeURIComponent(building.buildingId)}`}>
                    {building.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{building.timeZone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(page > 0 || buildings.data?.next) && (
        <Group justify="flex-end" aria-label="Pages">
          <Button variant="default" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </Button>
          <Button
            variant="default"
            disabled={!buildings.data?.next}
            onClick={() => buildings.data?.next && setCursors((c) => [...c, buildings.data!.next!])}
          >
            Next page
          </Button>
        </Group>
      )}

      {may('registerBuilding') && (
        <RegisterBuilding
          opened={registering}
          onClose={() => setRegistering(false)}
          onAccepted={(accepted, name) => follow(`Registering ${name}`, accepted.commandId)}
        />
      )}
    </Stack>
  );
}

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

function RegisterBuilding({
  opened,
  onClose,
  onAccepted,
}: {
  opened: boolean;
  onClose(): void;
  onAccepted(accepted: Accepted, name: string): void;
}) {
  const { api } = useAuth();
  const empty = { buildingId: '', name: '', timeZone: browserZone() };
  const { field, error, busy, submit } = useCommandForm(empty, async (values) => {
    const accepted = await api.post<Accepted>('/buildings', values);
    onAccepted(accepted, values.name);
    onClose();
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Register a building"
      transitionProps={{ duration: 0 }}
      // No scroll lock: it injects a <style> element, which the CSP refuses.
      lockScroll={false}
    >
      <form onSubmit={submit} noValidate aria-label="Register a building">
        <Stack>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not registered'} role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput
            label="Code"
            description="The building's id, e.g. HQ"
            withAsterisk
            {...field('buildingId')}
            data-autofocus
          />
          <TextInput label="Name" withAsterisk {...field('name')} />
          <TextInput
            label="Time zone"
            description="IANA zone, e.g. Europe/London"
            withAsterisk
            {...field('timeZone')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Register
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
