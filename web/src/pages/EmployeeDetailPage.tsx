import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError, CommandAlert, CommandTable, useFollow } from '../commands';
import { useLoad } from '../load';
import {
  formatDateRange,
  formatDateTime,
  formatValidUntil,
  naturalCompare,
  sortNaturally,
  staffLabel,
  zoneNote,
} from '../format';
import { Empty, Failure, Loading } from '../states';
import { useBuildings, zoneOf } from '../zones';
import type { Accepted, Command, EmployeeDetail, PageOf } from '../types';
import { scheduleText } from './BuildingDetailPage';
import { cardStatusColor } from './CardsPage';
import { CanEnter } from './AccessAnswers';
import { employeeTitle } from '../erasure';
import { EmployeeActions } from './EmployeeActions';
import { EraseEmployee } from './EraseEmployee';
import { GrantAccess } from './GrantAccess';
import { IssueCard } from './IssueCard';
import { RecentSwipes } from './RecentSwipes';
import { affiliationFacts } from '../affiliation';

export function employeeStatusColor(status: string): string {
  return status === 'ACTIVE' ? 'green' : status === 'OFFBOARDED' || status === 'ERASED' ? 'red' : 'gray';
}

/**
 * One employee: their data, cards, grants, where they may enter, their recent swipes (for the roles that audit
 * doors) and command history (newest first, paged by the API's cursor).
 */
export function EmployeeDetailPage() {
  const { employeeId = '' } = useParams();
  const { api, may } = useAuth();
  const detail = useLoad(
    () => api.get<EmployeeDetail>(`/employees/${encodeURIComponent(employeeId)}`),
    [api, employeeId],
  );
  const [more, setMore] = useState<{ items: Command[]; next?: string | null; error?: ApiError; loading?: boolean }>({
    items: [],
  });
  const { tracked, follow, dismiss } = useFollow(api, () => {
    setMore({ items: [] });
    detail.reload();
  });
  const [issuing, setIssuing] = useState(false);
  const [granting, setGranting] = useState(false);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const buildings = useBuildings(api);

  if (detail.loading && !detail.data) return <Loading label="Loading employee…" />;
  if (detail.error || !detail.data) {
    return (
      <Stack>
        <Anchor component={Link} to="/employees">
          ← Employees
        </Anchor>
        {detail.error && (
          <Failure error={detail.error} onRetry={detail.error.status === 404 ? undefined : detail.reload} />
        )}
      </Stack>
    );
  }
  const { employee, cards, grants, commands } = detail.data;
  // An offboarded (or erased) employee gets no new card or grant (the API would reject them with
  // EMPLOYEE_OFFBOARDED or EMPLOYEE_ERASED).
  const current = employee.status !== 'OFFBOARDED' && employee.status !== 'ERASED';
  const history = [...commands.items, ...more.items];
  const next = more.items.length > 0 || more.error ? more.next : commands.next;

  async function loadMore() {
    setMore((m) => ({ ...m, loading: true, error: undefined }));
    try {
      const page = await api.get<PageOf<Command>>(`/employees/${encodeURIComponent(employeeId)}/commands`, {
        size: 20,
        cursor: next ?? undefined,
      });
      setMore((m) => ({ items: [...m.items, ...page.items], next: page.next }));
    } catch (error) {
      setMore((m) => ({ ...m, loading: false, next, error: error as ApiError }));
    }
  }

  async function revoke(buildingId: string) {
    setRevokeError(null);
    try {
      const accepted = await api.delete<Accepted>(
        `/employees/${encodeURIComponent(employeeId)}/grants/${encodeURIComponent(buildingId)}`,
      );
      follow(`Revoking access to ${buildingId}`, accepted.commandId);
    } catch (failure) {
      setRevokeError(asApiError(failure));
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/employees">
        ← Employees
      </Anchor>
      <CommandAlert tracked={tracked} onClose={dismiss} />
      <Group>
        <Title order={2}>{employeeTitle(employee)}</Title>
        <Badge variant="light" color={employeeStatusColor(employee.status)} data-testid="employee-status">
          {employee.status}
        </Badge>
      </Group>
      <dl className="bf-facts">
        {(
          [
            ['Employee number', employee.employeeNumber],
            ['Email', employee.email ?? '—'],
            ['Department', employee.department ?? '—'],
            ...affiliationFacts(employee.affiliation),
            ['Registered', formatDateTime(employee.registeredAt)],
            ['Updated', formatDateTime(employee.updatedAt)],
            ['Employee id', employee.employeeId],
          ] as [string, string][]
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

      <Text size="xs" c="dimmed">
        {zoneNote(null)} A grant&apos;s times are in its building&apos;s zone; its validity dates are whole days there.
      </Text>

      {may('changeEmployee') && <EmployeeActions detail={detail.data} follow={follow} />}
      {may('changeEmployee') && <EraseEmployee employee={employee} follow={follow} />}

      <Group justify="space-between">
        <Title order={3}>Cards</Title>
        {may('issueCard') && current && <Button onClick={() => setIssuing(true)}>Issue card</Button>}
      </Group>
      {cards.length === 0 ? (
        <Empty>No cards issued to this employee.</Empty>
      ) : (
        <Table aria-label="Cards">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Valid from</Table.Th>
              <Table.Th scope="col">Valid until</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortNaturally(cards, (card) => card.cardNumber).map((card) => (
              <Table.Tr key={card.cardId}>
                <Table.Td>
                  <Anchor component={Link} to={`/cards/${encodeURIComponent(card.cardId)}`}>
                    {card.cardNumber}
                  </Anchor>
                  {card.cardId === employee.currentCardId ? ' (current)' : ''}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={cardStatusColor(card.status)}>
                    {card.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(card.validFrom)}</Table.Td>
                <Table.Td>{formatValidUntil(card.validUntil)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Group justify="space-between">
        <Title order={3}>Access grants</Title>
        {may('grantAccess') && current && <Button onClick={() => setGranting(true)}>Grant access</Button>}
      </Group>
      {revokeError && (
        <Alert color="red" title={revokeError.problem.title ?? 'Not revoked'} role="alert">
          {revokeError.message}
        </Alert>
      )}
      {grants.length === 0 ? (
        <Empty>No access granted yet.</Empty>
      ) : (
        <Table aria-label="Access grants">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Building</Table.Th>
              <Table.Th scope="col">Schedule</Table.Th>
              <Table.Th scope="col">Valid</Table.Th>
              <Table.Th scope="col">Granted</Table.Th>
              {may('grantAccess') && <Table.Th scope="col">Revoke</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...grants]
              .sort((a, b) => naturalCompare(a.buildingId, b.buildingId))
              .map((grant) => (
                <Table.Tr key={grant.buildingId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/buildings/${encodeURIComponent(grant.buildingId)}`}>
                      {buildings.has(grant.buildingId)
                        ? `${buildings.get(grant.buildingId)!.name} (${grant.buildingId})`
                        : grant.buildingId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{scheduleText(grant)}</Table.Td>
                  <Table.Td>{formatDateRange(grant.validFrom, grant.validUntil)}</Table.Td>
                  <Table.Td>
                    {formatDateTime(grant.grantedAt, zoneOf(buildings, grant.buildingId))}
                    {grant.grantedBy ? ` by ${staffLabel(grant.grantedByName, grant.grantedBy)}` : ''}
                  </Table.Td>
                  {may('grantAccess') && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        aria-label={`Revoke access to ${grant.buildingId}`}
                        onClick={() => revoke(grant.buildingId)}
                      >
                        Revoke
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}

      <CanEnter employeeId={employee.employeeId} />

      <RecentSwipes employeeId={employee.employeeId} />

      <Title order={3}>Command history</Title>
      {history.length === 0 ? (
        <Empty>No commands yet.</Empty>
      ) : (
        <CommandTable commands={history} label="Command history" />
      )}
      {more.error && <Failure error={more.error} />}
      {next && (
        <Group>
          <Button variant="default" loading={more.loading} onClick={loadMore}>
            Older commands
          </Button>
        </Group>
      )}

      {may('issueCard') && (
        <IssueCard
          opened={issuing}
          onClose={() => setIssuing(false)}
          employeeId={employee.employeeId}
          onAccepted={(accepted, number) => follow(`Issuing card ${number}`, accepted.commandId)}
        />
      )}
      {may('grantAccess') && (
        <GrantAccess
          opened={granting}
          onClose={() => setGranting(false)}
          employeeId={employee.employeeId}
          onAccepted={(accepted, buildingId) => follow(`Granting access to ${buildingId}`, accepted.commandId)}
        />
      )}
    </Stack>
  );
}
