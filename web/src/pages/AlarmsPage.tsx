import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../api';
import { alarmLabel, alarmStatusColor, MAX_NOTE, nextActions, type AlarmRow, type Alarms } from '../alarms';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { useLoad } from '../load';
import { Empty, Failure, formatInstant, Loading, NotForRole } from '../states';

type Scope = 'open' | 'door' | 'building';

/**
 * The alarms operators work through: the unresolved ones newest first, or the history of one door or building.
 * Operators and admins acknowledge (someone is on it) and resolve (dealt with), each with an optional note; the
 * page shows who did it and when. Auditors read.
 */
export function AlarmsPage() {
  const { may, role } = useAuth();
  if (!may('readAlarms')) {
    return (
      <Stack>
        <Title order={2}>Alarms</Title>
        <NotForRole role={role} what="Alarms are for staff." />
      </Stack>
    );
  }
  return <AlarmList />;
}

function AlarmList() {
  const { api } = useAuth();
  const [scope, setScope] = useState<Scope>('open');
  const [id, setId] = useState('');
  const [applied, setApplied] = useState<{ scope: Scope; id: string }>({ scope: 'open', id: '' });
  const alarms = useLoad(
    () =>
      api.get<Alarms>(
        '/alarms',
        applied.scope === 'door'
          ? { doorId: applied.id }
          : applied.scope === 'building'
            ? { buildingId: applied.id }
            : {},
      ),
    [api, applied],
  );
  const title = applied.scope === 'open' ? 'Unresolved alarms' : `Alarms of ${applied.scope} ${applied.id}`;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Alarms</Title>
        <Button variant="default" onClick={alarms.reload} loading={alarms.loading && !!alarms.data}>
          Refresh
        </Button>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setApplied({ scope, id: id.trim() });
        }}
      >
        <Group align="end">
          <NativeSelect
            label="Show"
            value={scope}
            onChange={(event) => setScope(event.currentTarget.value as Scope)}
            data={[
              { value: 'open', label: 'Unresolved alarms' },
              { value: 'door', label: 'History of a door' },
              { value: 'building', label: 'History of a building' },
            ]}
          />
          {scope !== 'open' && (
            <TextInput
              label={scope === 'door' ? 'Door id' : 'Building id'}
              value={id}
              onChange={(event) => setId(event.currentTarget.value)}
              required
            />
          )}
          <Button type="submit">Show</Button>
        </Group>
      </form>
      <Title order={3}>{title}</Title>
      {alarms.loading && !alarms.data && <Loading label="Loading alarms…" />}
      {alarms.error && <Failure error={alarms.error} onRetry={alarms.reload} />}
      {alarms.data && alarms.data.alarms.length === 0 && (
        <Empty>{applied.scope === 'open' ? 'No unresolved alarms.' : 'No alarms here.'}</Empty>
      )}
      {alarms.data && alarms.data.alarms.length > 0 && (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Alarm</Table.Th>
              <Table.Th scope="col">Where</Table.Th>
              <Table.Th scope="col">Raised</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Handling</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alarms.data.alarms.map((alarm) => (
              <AlarmRowView key={alarm.alarmId} alarm={alarm} onChanged={alarms.reload} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function AlarmRowView({ alarm, onChanged }: { alarm: AlarmRow; onChanged(): void }) {
  const { api, may } = useAuth();
  const [action, setAction] = useState<'acknowledge' | 'resolve' | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit() {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      await api.post<AlarmRow>(`/alarms/${encodeURIComponent(alarm.alarmId)}/${action}`, { note: note.trim() || null });
      setAction(null);
      setNote('');
      onChanged();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Table.Tr data-testid={`alarm-${alarm.alarmId}`}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {alarmLabel(alarm.type)}
        </Text>
        {alarm.cardNumber && (
          <Text size="xs" c="dimmed">
            card {alarm.cardNumber}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">door {alarm.doorId}</Text>
        <Text size="xs" c="dimmed">
          {alarm.buildingId ? `building ${alarm.buildingId}` : 'building unknown'}
        </Text>
      </Table.Td>
      <Table.Td>{formatInstant(alarm.raisedAt)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={alarmStatusColor(alarm.status)} data-testid="alarm-status">
          {alarm.status.toLowerCase()}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {alarm.acknowledgedBy && (
            <Text size="xs" data-testid="acknowledged-by">
              Acknowledged by {alarm.acknowledgedBy}, {formatInstant(alarm.acknowledgedAt)}
              {alarm.acknowledgeNote ? `: ${alarm.acknowledgeNote}` : ''}
            </Text>
          )}
          {alarm.resolvedBy && (
            <Text size="xs" data-testid="resolved-by">
              Resolved by {alarm.resolvedBy}, {formatInstant(alarm.resolvedAt)}
              {alarm.resolveNote ? `: ${alarm.resolveNote}` : ''}
            </Text>
          )}
          {may('handleAlarms') && !action && (
            <Group gap="xs">
              {nextActions(alarm.status).map((next) => (
                <Button key={next} size="xs" variant="default" onClick={() => setAction(next)}>
                  {next === 'acknowledge' ? 'Acknowledge' : 'Resolve'}
                </Button>
              ))}
            </Group>
          )}
          {action && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label={action === 'acknowledge' ? 'Note (optional)' : 'How it was resolved (optional)'}
                  value={note}
                  maxLength={MAX_NOTE}
                  autosize
                  minRows={1}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  data-autofocus
                />
                <Group gap="xs">
                  <Button type="submit" size="xs" loading={busy}>
                    {action === 'acknowledge' ? 'Confirm acknowledge' : 'Confirm resolve'}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setAction(null)}>
                    Cancel
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not changed'} role="alert">
              {error.message}
            </Alert>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
