import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { CommandAlert, useFollow } from '../commands';
import { useLoad } from '../load';
import { formatDateTime, formatValidUntil, personLabel, sortNaturally, zoneNote } from '../format';
import { Empty, Failure, Loading } from '../states';
import { CARD_STATUSES, type Card, type PageOf } from '../types';
import { IssueCard } from './IssueCard';

const PAGE_SIZE = 20;

export function cardStatusColor(status: string): string {
  switch (status) {
    case 'ACTIVE':
      return 'green';
    case 'SUSPENDED':
      return 'yellow';
    case 'LOST':
    case 'REVOKED':
      return 'red';
    default:
      return 'gray';
  }
}

/**
 * Cards by number (in natural order: 999 before 1000), optionally in one status, paged by the API's cursor; admins
 * issue new ones. A card opens doors in several buildings, so its validity is shown in the browser's zone, named.
 */
export function CardsPage() {
  const { api, may } = useAuth();
  const [status, setStatus] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const [issuing, setIssuing] = useState(false);

  const cards = useLoad(
    () => api.get<PageOf<Card>>('/cards', { status, size: PAGE_SIZE, cursor: cursors.at(-1) }),
    [api, status, cursors],
  );
  const { tracked, follow, dismiss } = useFollow(api, cards.reload);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Cards</Title>
        {may('issueCard') && <Button onClick={() => setIssuing(true)}>Issue card</Button>}
      </Group>
      <CommandAlert tracked={tracked} onClose={dismiss} />

      <Group align="flex-end">
        <NativeSelect
          label="Status"
          w={220}
          value={status}
          data={[{ value: '', label: 'Any status' }, ...CARD_STATUSES.map((s) => ({ value: s, label: s }))]}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setCursors([undefined]);
          }}
        />
      </Group>

      {cards.loading && <Loading label="Loading cards…" />}
      {cards.error && <Failure error={cards.error} onRetry={cards.reload} />}
      {cards.data && cards.data.items.length === 0 && (
        <Empty>{status ? `No card is ${status}.` : 'No cards issued yet.'}</Empty>
      )}
      {cards.data && cards.data.items.length > 0 && (
        <Text size="xs" c="dimmed">
          {zoneNote(null)}
        </Text>
      )}
      {cards.data && cards.data.items.length > 0 && (
        <Table striped highlightOnHover aria-label="Cards">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Number</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Employee</Table.Th>
              <Table.Th scope="col">Valid from</Table.Th>
              <Table.Th scope="col">Valid until</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortNaturally(cards.data.items, (card) => card.cardNumber).map((card) => (
              <Table.Tr key={card.cardId}>
                <Table.Td>
                  <Anchor component={Link} to={`/cards/${encodeURIComponent(card.cardId)}`}>
                    {card.cardNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td className="bf-status">
                  <Badge variant="light" color={cardStatusColor(card.status)}>
                    {card.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {card.employeeId ? (
                    <Anchor component={Link} to={`/employees/${encodeURIComponent(card.employeeId)}`}>
                      {personLabel(card, card.employeeId)}
                    </Anchor>
                  ) : (
                    'in stock'
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(card.validFrom)}</Table.Td>
                <Table.Td>{formatValidUntil(card.validUntil)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(page > 0 || cards.data?.next) && (
        <Group justify="flex-end" aria-label="Pages">
          <Button variant="default" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </Button>
          <Button
            variant="default"
            disabled={!cards.data?.next}
            onClick={() => cards.data?.next && setCursors((c) => [...c, cards.data!.next!])}
          >
            Next page
          </Button>
        </Group>
      )}

      {may('issueCard') && (
        <IssueCard
          opened={issuing}
          onClose={() => setIssuing(false)}
          onAccepted={(accepted, number) => follow(`Issuing card ${number}`, accepted.commandId)}
        />
      )}
    </Stack>
  );
}
