import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { isAlarm, listAgeText, mergeEvents, outcomeText, personText } from '../live';
import { formatDateTime } from '../format';
import { Empty, Failure, Loading, NotForRole } from '../states';
import type { LiveView, SwipeEvent } from '../types';
import { useBuildings, zoneOf } from '../zones';

/** How often the page asks for news. Polling with fetch keeps the token in the Authorization header. */
const POLL_MS = 3000;

/**
 * The operators' live view: occupancy per building, alarms and door activity, kept current by polling
 * `GET /api/v1/live` (each poll passes the previous answer's `next`; events seen twice are shown once).
 */
export function LivePage() {
  const { may, role } = useAuth();
  if (!may('watchLive')) {
    return (
      <Stack>
        <Title order={2}>Live</Title>
        <NotForRole role={role} what="The live door activity is for operators and admins." />
      </Stack>
    );
  }
  return <Live />;
}

function Live() {
  const { api } = useAuth();
  const [view, setView] = useState<LiveView | null>(null);
  const [events, setEvents] = useState<SwipeEvent[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const next = useRef<string | undefined>(undefined);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api
        .get<LiveView>('/live', { after: next.current })
        .then(
          (answer) => {
            if (stopped) return;
            next.current = answer.next;
            setView(answer);
            setEvents((shown) => mergeEvents(shown, answer.events));
            setError(null);
          },
          (failure: unknown) => !stopped && setError(asApiError(failure)),
        )
        .finally(() => {
          if (!stopped) timer = setTimeout(poll, POLL_MS);
        });
    };
    poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api]);

  const alarms = events.filter(isAlarm);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Live</Title>
        <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="live-as-of">
          {view ? `Updated ${formatDateTime(view.asOf)}` : 'Connecting…'}
        </Text>
      </Group>
      {error && <Failure error={error} />}
      {!view && !error && <Loading label="Loading live activity…" />}
      {view && (
        <>
          <Title order={3}>Occupancy</Title>
          {view.buildings.length === 0 ? (
            <Empty>No building is registered yet.</Empty>
          ) : (
            <Table aria-label="Occupancy per building">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Building</Table.Th>
                  <Table.Th scope="col">Inside now</Table.Th>
                  <Table.Th scope="col">Muster list</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.buildings.map((building) => (
                  <Table.Tr key={building.buildingId} data-testid={`occupancy-${building.buildingId}`}>
                    <Table.Td>
                      {building.name}{' '}
                      <Text span size="xs" c="dimmed">
                        {building.buildingId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{building.inside}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/buildings/${encodeURIComponent(building.buildingId)}/muster`}
                        aria-label={`Muster list of ${building.name}`}
                      >
                        Muster list
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          <Title order={3}>Door lists (offline)</Title>
          {(view.doorLists ?? []).length === 0 ? (
            <Empty>No door is registered yet.</Empty>
          ) : (
            <Table aria-label="Offline allow-list per door">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Door</Table.Th>
                  <Table.Th scope="col">Building</Table.Th>
                  <Table.Th scope="col">List version</Table.Th>
                  <Table.Th scope="col">Age</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(view.doorLists ?? []).map((door) => (
                  <Table.Tr key={door.doorId} data-testid={`door-list-${door.doorId}`}>
                    <Table.Td>{door.name}</Table.Td>
                    <Table.Td>{door.buildingId}</Table.Td>
                    <Table.Td>{door.version ?? '—'}</Table.Td>
                    <Table.Td>{listAgeText(door.ageSeconds)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          <Title order={3}>Alarms</Title>
          {alarms.length === 0 ? (
            <Empty>No alarm in the last minutes.</Empty>
          ) : (
            <EventTable events={alarms} label="Alarms" />
          )}

          <Title order={3}>Door activity</Title>
          {events.length === 0 ? (
            <Empty>No door activity in the last minutes.</Empty>
          ) : (
            <EventTable events={events} label="Door activity" />
          )}
        </>
      )}
    </Stack>
  );
}

function decisionColor(event: SwipeEvent): string {
  if (isAlarm(event)) return 'red';
  return event.decision === 'GRANTED' ? 'green' : event.decision === 'DENIED' ? 'orange' : 'gray';
}

/**
 * Door events as a table: when, where, who, what; shared by the live and audit views and the employee page (which
 * leaves out "who": it is the page's own person).
 */
export function EventTable({
  events,
  label,
  who = true,
}: {
  events: readonly SwipeEvent[];
  label: string;
  who?: boolean;
}) {
  // each event's time in its own building's zone (the browser's until the buildings are read), the zone named
  const { api } = useAuth();
  const buildings = useBuildings(api);
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">When</Table.Th>
          <Table.Th scope="col">Door</Table.Th>
          {who && <Table.Th scope="col">Who</Table.Th>}
          <Table.Th scope="col">Direction</Table.Th>
          <Table.Th scope="col">Outcome</Table.Th>
          <Table.Th scope="col">Rule</Table.Th>
          <Table.Th scope="col">Alarms</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => (
          <Table.Tr key={event.eventId} data-testid={`event-${event.eventId}`}>
            <Table.Td>{formatDateTime(event.occurredAt, zoneOf(buildings, event.buildingId))}</Table.Td>
            <Table.Td>{event.doorName ?? event.doorId}</Table.Td>
            {who && (
              <Table.Td>
                {event.employeeId ? (
                  <Anchor component={Link} to={`/employees/${encodeURIComponent(event.employeeId)}`}>
                    {personText(event)}
                  </Anchor>
                ) : (
                  personText(event)
                )}
              </Table.Td>
            )}
            <Table.Td>{event.direction ?? '—'}</Table.Td>
            <Table.Td className="bf-status">
              <Badge variant="light" color={decisionColor(event)}>
                {outcomeText(event)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="xs" className="bf-key">
                {event.rule ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>{event.alarms.length > 0 ? event.alarms.join(', ') : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
