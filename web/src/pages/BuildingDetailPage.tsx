import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { ANTI_PASSBACK_MODES, antiPassbackBody, antiPassbackText } from '../antiPassback';
import { useAuth } from '../auth';
import { asApiError, CommandAlert, useFollow } from '../commands';
import { useCommandForm } from '../forms';
import { useLoad } from '../load';
import { formatDateRange, formatDateTime, personLabel, sortPeople, staffLabel, zoneNote } from '../format';
import { Empty, Failure, Loading } from '../states';
import type { Accepted, AntiPassback, BuildingDetail, DoorKeyAccepted, Grant, PageOf } from '../types';
import { WhoCanEnter } from './AccessAnswers';

/**
 * One building: its anti-passback mode (admins change it), its doors (admins register doors and rotate their keys)
 * and who may enter it.
 */
export function BuildingDetailPage() {
  const { buildingId = '' } = useParams();
  const { api, may } = useAuth();
  const path = `/buildings/${encodeURIComponent(buildingId)}`;
  const detail = useLoad(() => api.get<BuildingDetail>(path), [api, path]);
  const [grantCursors, setGrantCursors] = useState<(string | undefined)[]>([undefined]);
  const grantPage = grantCursors.length - 1;
  const grants = useLoad(
    () => api.get<PageOf<Grant>>(`${path}/grants`, { size: 20, cursor: grantCursors.at(-1) }),
    [api, path, grantCursors],
  );
  const { tracked, follow, dismiss } = useFollow(api, () => {
    detail.reload();
    grants.reload();
  });
  const [registering, setRegistering] = useState(false);
  const [key, setKey] = useState<{ doorName: string; answer: DoorKeyAccepted } | null>(null);
  const [rotateError, setRotateError] = useState<ApiError | null>(null);
  const [rotating, setRotating] = useState<string | null>(null);

  if (detail.loading && !detail.data) return <Loading label="Loading building…" />;
  if (detail.error || !detail.data) {
    return (
      <Stack>
        <Anchor component={Link} to="/buildings">
          ← Buildings
        </Anchor>
        {detail.error && (
          <Failure error={detail.error} onRetry={detail.error.status === 404 ? undefined : detail.reload} />
        )}
      </Stack>
    );
  }
  const { building, doors } = detail.data;

  function keyShown(answer: DoorKeyAccepted, doorName: string, label: string) {
    setKey({ doorName, answer });
    follow(label, answer.commandId);
  }

  async function rotate(doorId: string, doorName: string) {
    setRotating(doorId);
    setRotateError(null);
    try {
      const answer = await api.post<DoorKeyAccepted>(`/doors/${encodeURIComponent(doorId)}/rotate-key`);
      keyShown(answer, doorName, `Rotating the key of ${doorName}`);
    } catch (failure) {
      setRotateError(asApiError(failure));
    } finally {
      setRotating(null);
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/buildings">
        ← Buildings
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{building.name}</Title>
        {may('watchLive') && (
          <Anchor component={Link} to={`/buildings/${encodeURIComponent(building.buildingId)}/muster`}>
            Muster list
          </Anchor>
        )}
      </Group>
      <dl className="bf-facts">
        {(
          [
            ['Code', building.buildingId],
            ['Time zone', building.timeZone],
            ['Anti-passback', antiPassbackText(building.antiPassback)],
            ['Doors', String(doors.length)],
          ] as const
        ).map(([term, value]) => (
          <div key={term}>
            <Text component="dt" size="xs" c="dimmed">
              {term}
            </Text>
            <Text component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </dl>
      {key && <DeviceKeyPanel doorName={key.doorName} answer={key.answer} onDone={() => setKey(null)} />}
      <CommandAlert tracked={tracked} onClose={dismiss} />

      {may('setAntiPassback') && (
        <SetAntiPassback
          key={`${building.antiPassback.mode}-${building.antiPassback.minutes ?? ''}`}
          buildingId={building.buildingId}
          current={building.antiPassback}
          onAccepted={(accepted, text) =>
            follow(`Setting anti-passback of ${building.name} to ${text}`, accepted.commandId)
          }
        />
      )}

      <Group justify="space-between">
        <Title order={3}>Doors</Title>
        {may('manageDoors') && <Button onClick={() => setRegistering(true)}>Register door</Button>}
      </Group>
      {rotateError && (
        <Alert color="red" title={rotateError.problem.title ?? 'Key not rotated'} role="alert">
          {rotateError.message}
        </Alert>
      )}
      {doors.length === 0 ? (
        <Empty>No doors registered in this building yet.</Empty>
      ) : (
        <Table aria-label="Doors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Capability</Table.Th>
              <Table.Th scope="col">Door id</Table.Th>
              {may('manageDoors') && <Table.Th scope="col">Device key</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doors.map((door) => (
              <Table.Tr key={door.doorId}>
                <Table.Td>{door.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {door.capability}
                  </Badge>
                </Table.Td>
                <Table.Td>{door.doorId}</Table.Td>
                {may('manageDoors') && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      loading={rotating === door.doorId}
                      aria-label={`Rotate key of ${door.name}`}
                      onClick={() => rotate(door.doorId, door.name)}
                    >
                      Rotate key
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <WhoCanEnter key={doors.map((door) => door.doorId).join(',')} doors={doors} />

      <Title order={3}>Access grants</Title>
      <Text size="xs" c="dimmed">
        {zoneNote(building.timeZone, building.name)} Validity dates are whole days in that zone.
      </Text>
      {grants.loading && <Loading label="Loading grants…" />}
      {grants.error && <Failure error={grants.error} onRetry={grants.reload} />}
      {grants.data && grants.data.items.length === 0 && <Empty>Nobody may enter this building yet.</Empty>}
      {grants.data && grants.data.items.length > 0 && (
        <Table aria-label="Access grants">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Employee</Table.Th>
              <Table.Th scope="col">Schedule</Table.Th>
              <Table.Th scope="col">Valid</Table.Th>
              <Table.Th scope="col">Granted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortPeople(grants.data.items).map((grant) => (
              <Table.Tr key={grant.employeeId} data-testid={`grant-${grant.employeeId}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/employees/${encodeURIComponent(grant.employeeId)}`}>
                    {personLabel(grant, grant.employeeId)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{scheduleText(grant)}</Table.Td>
                <Table.Td>{formatDateRange(grant.validFrom, grant.validUntil)}</Table.Td>
                <Table.Td>
                  {formatDateTime(grant.grantedAt, building.timeZone)}
                  {grant.grantedBy ? ` by ${staffLabel(grant.grantedByName, grant.grantedBy)}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(grantPage > 0 || grants.data?.next) && (
        <Group justify="flex-end" aria-label="Pages of grants">
          <Button variant="default" disabled={grantPage === 0} onClick={() => setGrantCursors((c) => c.slice(0, -1))}>
            Previous page
          </Button>
          <Button
            variant="default"
            disabled={!grants.data?.next}
            onClick={() => grants.data?.next && setGrantCursors((c) => [...c, grants.data!.next!])}
          >
            Next page
          </Button>
        </Group>
      )}

      {may('manageDoors') && (
        <RegisterDoor
          buildingId={building.buildingId}
          opened={registering}
          onClose={() => setRegistering(false)}
          onAccepted={(answer, name) => keyShown(answer, name, `Registering door ${name}`)}
        />
      )}
    </Stack>
  );
}

export function scheduleText(grant: Grant): string {
  return grant.schedule
    ? `${grant.schedule.days.map((d) => d.charAt(0) + d.slice(1, 3).toLowerCase()).join(', ')} ${grant.schedule.from}–${grant.schedule.until}`
    : 'any time';
}

/** The plaintext device key, shown once: it is not stored anywhere, so it cannot be shown again. */
function DeviceKeyPanel({ doorName, answer, onDone }: { doorName: string; answer: DoorKeyAccepted; onDone(): void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(answer.deviceKey ?? '');
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  if (!answer.deviceKey) {
    return (
      <Alert color="orange" title={`No device key for ${doorName}`} role="alert">
        {answer.deviceKeyNote ?? 'The device key was shown once already. Rotate the key if it was lost.'}
      </Alert>
    );
  }
  return (
    <Alert color="orange" title={`Device key for ${doorName}`} role="alert" data-testid="device-key-panel">
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          Copy this key into the door controller now. It is shown only this once and will not be shown again; if it is
          lost, rotate the door's key.
        </Text>
        <Code block className="bf-key" data-testid="device-key" aria-label="Device key">
          {answer.deviceKey}
        </Code>
        <Group>
          <Button size="xs" onClick={copy}>
            {copied === 'yes' ? 'Copied' : 'Copy key'}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            I have stored the key
          </Button>
          {copied === 'failed' && (
            <Text size="sm" role="status">
              Copying failed: select the key and copy it by hand.
            </Text>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * The SetAntiPassback form, filled with the building's current setting (it is mounted again when that changes);
 * minutes are asked for only for TIMED. Field errors are the API's.
 */
function SetAntiPassback({
  buildingId,
  current,
  onAccepted,
}: {
  buildingId: string;
  current: AntiPassback;
  onAccepted(accepted: Accepted, text: string): void;
}) {
  const { api } = useAuth();
  const initial = { mode: current.mode as string, minutes: current.minutes === null ? '' : String(current.minutes) };
  const { values, field, error, busy, submit } = useCommandForm(initial, async (form) => {
    const body = antiPassbackBody(form);
    const accepted = await api.put<Accepted>(`/buildings/${encodeURIComponent(buildingId)}/anti-passback`, body);
    onAccepted(
      accepted,
      antiPassbackText({
        mode: form.mode as AntiPassback['mode'],
        minutes: typeof body.minutes === 'number' ? body.minutes : null,
      }),
    );
  });
  const { error: modeError, ...mode } = field('mode');
  const { error: minutesError, ...minutes } = field('minutes');

  return (
    <form onSubmit={submit} noValidate aria-label="Set anti-passback">
      <Stack gap="xs">
        <Title order={3}>Anti-passback</Title>
        {error && (
          <Alert color="red" title={error.problem.title ?? 'Not set'} role="alert">
            {error.message}
          </Alert>
        )}
        <Group align="flex-end">
          <NativeSelect label="Mode" w={380} {...mode} error={modeError} data={[...ANTI_PASSBACK_MODES]} />
          {values.mode === 'TIMED' && (
            <TextInput
              label="Minutes"
              description="1 to 1440"
              type="number"
              min={1}
              max={1440}
              w={140}
              withAsterisk
              {...minutes}
              error={minutesError}
            />
          )}
          <Button type="submit" loading={busy}>
            Set anti-passback
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RegisterDoor({
  buildingId,
  opened,
  onClose,
  onAccepted,
}: {
  buildingId: string;
  opened: boolean;
  onClose(): void;
  onAccepted(answer: DoorKeyAccepted, name: string): void;
}) {
  const { api } = useAuth();
  const [name, setName] = useState('');
  const [capability, setCapability] = useState('BOTH');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<DoorKeyAccepted>(`/buildings/${encodeURIComponent(buildingId)}/doors`, {
        name,
        capability,
      });
      onAccepted(answer, name);
      setName('');
      setCapability('BOTH');
      onClose();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Register a door"
      transitionProps={{ duration: 0 }}
      // No scroll lock: it injects a <style> element, which the CSP refuses.
      lockScroll={false}
    >
      <form onSubmit={submit} noValidate aria-label="Register a door">
        <Stack>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not registered'} role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput
            label="Door name"
            name="name"
            withAsterisk
            value={name}
            error={error?.fieldError('name')}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <NativeSelect
            label="Capability"
            name="capability"
            value={capability}
            error={error?.fieldError('capability')}
            onChange={(e) => setCapability(e.currentTarget.value)}
            data={[
              { value: 'BOTH', label: 'In and out (BOTH)' },
              { value: 'IN', label: 'Entry only (IN)' },
              { value: 'OUT', label: 'Exit only (OUT)' },
            ]}
          />
          <Text size="sm" c="dimmed">
            The door's device key is shown once, after registering.
          </Text>
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
