import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { useLoad } from '../load';
import { Empty, Failure, formatInstant, Loading } from '../states';
import type { Command, EmployeeDetail, PageOf } from '../types';

/** One employee: their data, cards, grants and command history (newest first, paged by the API's cursor). */
export function EmployeeDetailPage() {
  const { employeeId = '' } = useParams();
  const { api } = useAuth();
  const detail = useLoad(() => api.get<EmployeeDetail>(`/employees/${encodeURIComponent(employeeId)}`), [api, employeeId]);
  const [more, setMore] = useState<{ items: Command[]; next?: string | null; error?: ApiError; loading?: boolean }>({ items: [] });

  if (detail.loading) return <Loading label="Loading employee…" />;
  if (detail.error) {
    return (
      <Stack>
        <Anchor component={Link} to="/employees">← Employees</Anchor>
        <Failure error={detail.error} onRetry={detail.error.status === 404 ? undefined : detail.reload} />
      </Stack>
    );
  }
  const { employee, cards, grants, commands } = detail.data!;
  const history = [...commands.items, ...more.items];
  const next = more.items.length > 0 || more.error ? more.next : commands.next;

  async function loadMore() {
    setMore((m) => ({ ...m, loading: true, error: undefined }));
    try {
      const page = await api.get<PageOf<Command>>(`/employees/${encodeURIComponent(employeeId)}/commands`,
        { size: 20, cursor: next ?? undefined });
      setMore((m) => ({ items: [...m.items, ...page.items], next: page.next }));
    } catch (error) {
      setMore((m) => ({ ...m, loading: false, next, error: error as ApiError }));
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/employees">← Employees</Anchor>
      <Group>
        <Title order={2}>{employee.givenName} {employee.familyName}</Title>
        <Badge variant="light" color={employee.status === 'ACTIVE' ? 'green' : 'gray'}>{employee.status}</Badge>
      </Group>
      <dl className="bf-facts">
        {([
          ['Employee number', employee.employeeNumber], ['Email', employee.email],
          ['Department', employee.department ?? '—'], ['Registered', formatInstant(employee.registeredAt)],
          ['Updated', formatInstant(employee.updatedAt)], ['Employee id', employee.employeeId],
        ] as const).map(([term, value]) => (
          <div key={term}>
            <Text component="dt" size="xs" c="dimmed">{term}</Text>
            <Text component="dd" m={0}>{value}</Text>
          </div>
        ))}
      </dl>

      <Title order={3}>Cards</Title>
      {cards.length === 0 ? <Empty>No cards issued to this employee.</Empty> : (
        <Table aria-label="Cards">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">Number</Table.Th><Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Valid from</Table.Th><Table.Th scope="col">Valid until</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>{cards.map((card) => (
            <Table.Tr key={card.cardId}>
              <Table.Td>{card.cardNumber}{card.cardId === employee.currentCardId ? ' (current)' : ''}</Table.Td>
              <Table.Td>{card.status}</Table.Td>
              <Table.Td>{formatInstant(card.validFrom)}</Table.Td><Table.Td>{formatInstant(card.validUntil)}</Table.Td>
            </Table.Tr>))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3}>Access grants</Title>
      {grants.length === 0 ? <Empty>No access granted yet.</Empty> : (
        <Table aria-label="Access grants">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">Building</Table.Th><Table.Th scope="col">Schedule</Table.Th>
            <Table.Th scope="col">Valid</Table.Th><Table.Th scope="col">Granted</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>{grants.map((grant) => (
            <Table.Tr key={grant.buildingId}>
              <Table.Td>{grant.buildingId}</Table.Td>
              <Table.Td>{grant.schedule
                ? `${grant.schedule.days.map((d) => d.slice(0, 3)).join(', ')} ${grant.schedule.from}–${grant.schedule.until}`
                : 'any time'}</Table.Td>
              <Table.Td>{grant.validFrom ?? '…'} – {grant.validUntil ?? '…'}</Table.Td>
              <Table.Td>{formatInstant(grant.grantedAt)}{grant.grantedBy ? ` by ${grant.grantedBy}` : ''}</Table.Td>
            </Table.Tr>))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3}>Command history</Title>
      {history.length === 0 ? <Empty>No commands yet.</Empty> : (
        <Table aria-label="Command history">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">Command</Table.Th><Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Reason</Table.Th><Table.Th scope="col">Finished</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>{history.map((command) => (
            <Table.Tr key={command.commandId}>
              <Table.Td>{command.type ?? command.commandId}</Table.Td>
              <Table.Td><Badge variant="light" color={command.status === 'APPLIED' ? 'green' : command.status === 'REJECTED' ? 'red' : 'blue'}>{command.status}</Badge></Table.Td>
              <Table.Td>{command.reason ? `${command.reason}: ${command.message ?? ''}` : '—'}</Table.Td>
              <Table.Td>{formatInstant(command.finishedAt)}</Table.Td>
            </Table.Tr>))}
          </Table.Tbody>
        </Table>
      )}
      {more.error && <Failure error={more.error} />}
      {next && <Group><Button variant="default" loading={more.loading} onClick={loadMore}>Older commands</Button></Group>}
    </Stack>
  );
}
