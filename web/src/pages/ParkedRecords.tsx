import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useAuth } from '../auth';
import { useLoad } from '../load';
import { payloadOf, reasonColor } from '../parked';
import { Empty, Failure, formatInstant, Loading } from '../states';
import type { PageOf, ParkedRecord } from '../types';

/** Records per page (the API's default). */
const PAGE_SIZE = 20;

/**
 * The stream's counterpart of a dead-letter queue: records on the swipe stream that access-stream could never
 * apply, parked with their reason so the shard went on (docs/operations.md, "Parked stream records"). Read only:
 * nothing is replayed from here, the producer is fixed at the source. Only for the roles the API lets read them;
 * `refresh` changes when the page's Refresh is pressed: the list is read again from its newest page.
 */
export function ParkedRecords({ refresh }: { refresh: number }) {
  const { may } = useAuth();
  return may('readParkedRecords') ? <Parked key={refresh} /> : null;
}

function Parked() {
  const { api } = useAuth();
  const headingId = useId();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const parked = useLoad(
    () => api.get<PageOf<ParkedRecord>>('/parked-records', { size: PAGE_SIZE, cursor: cursors.at(-1) }),
    [api, cursors],
  );
  const next = parked.data?.next;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack>
        <Title order={3} id={headingId}>
          Parked stream records
        </Title>
        <Text size="sm" c="dimmed">
          Records on the swipe stream that could never be applied, newest first. Each was set aside with its reason so
          its shard went on; nothing is replayed from here. Find the producer by the partition key and fix it there.
          Kept 30 days.
        </Text>
        {parked.loading && !parked.data && <Loading label="Loading parked stream records…" />}
        {parked.error && <Failure error={parked.error} onRetry={parked.reload} />}
        {parked.data && parked.data.items.length === 0 && (
          <Empty>{page === 0 ? 'No stream record has been parked.' : 'No older parked records.'}</Empty>
        )}
        {parked.data && parked.data.items.length > 0 && (
          <Table aria-label="Parked stream records">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Parked</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">Message</Table.Th>
                <Table.Th scope="col">Shard and sequence number</Table.Th>
                <Table.Th scope="col">Partition key</Table.Th>
                <Table.Th scope="col">Payload</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parked.data.items.map((record) => (
                <ParkedRow key={`${record.shardId}#${record.sequenceNumber}`} record={record} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(page > 0 || next) && (
          <Group justify="flex-end" role="group" aria-label="Pages of parked records">
            <Button
              variant="default"
              disabled={page === 0 || parked.loading}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Newer
            </Button>
            <Button
              variant="default"
              disabled={!next || parked.loading}
              onClick={() => next && setCursors((c) => [...c, next])}
            >
              Older
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const COLUMNS = 6;

/** One parked record, and under it, once asked for, its payload. */
function ParkedRow({ record }: { record: ParkedRecord }) {
  const [open, setOpen] = useState(false);
  const payloadId = useId();
  const payload = open ? payloadOf(record) : null;
  return (
    <>
      <Table.Tr>
        <Table.Td>{formatInstant(record.parkedAt)}</Table.Td>
        <Table.Td className="bf-reason">
          <Badge variant="light" color={reasonColor(record.reason)}>
            {record.reason}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{record.message}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" className="bf-key bf-shard">
            {record.shardId}
          </Text>
          <Text size="xs" className="bf-key">
            {record.sequenceNumber}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" className="bf-key">
            {record.partitionKey}
          </Text>
        </Table.Td>
        <Table.Td>
          <Button
            variant="default"
            size="xs"
            aria-expanded={open}
            aria-controls={open ? payloadId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide payload' : 'Show payload'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {payload && (
        <Table.Tr id={payloadId}>
          <Table.Td colSpan={COLUMNS}>
            <Stack gap={4}>
              <Text size="xs" c="dimmed" data-testid="payload-note">{`Payload: ${payload.note}`}</Text>
              <Code block className="bf-payload" data-testid="payload">
                {payload.text === '' ? '(empty)' : payload.text}
              </Code>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
