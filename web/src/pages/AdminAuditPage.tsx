import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { chainSummary, shortHash } from '../audit';
import { useAuth } from '../auth';
import { statusColor } from '../commands';
import { useLoad } from '../load';
import { staffLabel } from '../format';
import { Empty, Failure, formatInstant, Loading, NotForRole } from '../states';
import type { AuditBlock, ChainVerification } from '../types';

/** Blocks per step; the API answers at most the newest 100. */
const STEP = 20;
const MAX_BLOCKS = 100;

/**
 * The admin audit trail for auditors (and admins): whether the hash chain holds from block 1 to its head, and the
 * newest blocks with the commands they record. A broken chain is a finding shown plainly, not an error.
 */
export function AdminAuditPage() {
  const { may, role } = useAuth();
  if (!may('readAdminAudit')) {
    return (
      <Stack>
        <Title order={2}>Admin audit</Title>
        <NotForRole role={role} what="The admin audit trail is for auditors and admins." />
      </Stack>
    );
  }
  return <AdminAudit />;
}

function AdminAudit() {
  const { api } = useAuth();
  const verify = useLoad(() => api.get<ChainVerification>('/admin-audit/verify'), [api]);
  const [limit, setLimit] = useState(STEP);
  const blocks = useLoad(() => api.get<{ items: AuditBlock[] }>('/admin-audit', { limit }), [api, limit]);
  const items = blocks.data?.items ?? [];
  const more = items.length >= limit && limit < MAX_BLOCKS;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Admin audit</Title>
        <Button
          variant="default"
          onClick={() => {
            verify.reload();
            blocks.reload();
          }}
        >
          Verify again
        </Button>
      </Group>

      <Title order={3}>Chain</Title>
      {verify.loading && <Loading label="Verifying the chain…" />}
      {verify.error && <Failure error={verify.error} onRetry={verify.reload} />}
      {verify.data && !verify.loading && <ChainStatus verification={verify.data} />}

      <Title order={3}>Newest blocks</Title>
      {blocks.loading && !blocks.data && <Loading label="Loading the audit trail…" />}
      {blocks.error && <Failure error={blocks.error} onRetry={blocks.reload} />}
      {blocks.data && items.length === 0 && <Empty>No command has been recorded in the audit trail yet.</Empty>}
      {items.length > 0 && (
        <Table aria-label="Admin audit trail">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Block</Table.Th>
              <Table.Th scope="col">Command</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Actor</Table.Th>
              <Table.Th scope="col">Subject</Table.Th>
              <Table.Th scope="col">Finished</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((block) => (
              <Fragment key={block.blockId}>
                {block.entries.map((entry, index) => (
                  <Table.Tr key={`${block.blockId}:${entry.commandId}`}>
                    {index === 0 && (
                      <Table.Th scope="rowgroup" rowSpan={block.entries.length} fw="normal">
                        <Text size="sm" fw={600}>
                          Block {block.sequence}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatInstant(block.appendedAt)}
                        </Text>
                        <Text size="xs" c="dimmed" className="bf-key" title={block.hash}>
                          hash {shortHash(block.hash)}
                        </Text>
                      </Table.Th>
                    )}
                    <Table.Td>
                      <Text size="sm">{entry.commandType}</Text>
                      <Text size="xs" c="dimmed" className="bf-key">
                        {entry.commandId}
                      </Text>
                    </Table.Td>
                    <Table.Td className="bf-status">
                      <Badge variant="light" color={statusColor(entry.status)}>
                        {entry.status}
                      </Badge>
                      {entry.reason && <Text size="xs">{entry.reason}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {entry.actorName ? (
                        <Text size="sm" title={entry.actor}>
                          {entry.actorName}
                        </Text>
                      ) : (
                        <Text size="sm" className="bf-key">
                          {staffLabel(null, entry.actor)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {entry.subjectName ? (
                        <Text size="sm" title={entry.subjectId ?? undefined}>
                          {entry.subjectName}
                        </Text>
                      ) : (
                        <Text size="sm" className="bf-key">
                          {entry.subjectId ?? '—'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatInstant(entry.finishedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.length > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {`The newest ${items.length === 1 ? 'block' : `${items.length} blocks`}`}
            {limit >= MAX_BLOCKS && items.length >= MAX_BLOCKS ? ' (the API shows at most 100).' : '.'}
          </Text>
          {more && (
            <Button
              variant="default"
              loading={blocks.loading}
              onClick={() => setLimit((l) => Math.min(MAX_BLOCKS, l + STEP))}
            >
              Older blocks
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function ChainStatus({ verification }: { verification: ChainVerification }) {
  const summary = chainSummary(verification);
  return (
    <Alert
      color={summary.intact ? 'green' : 'red'}
      title={summary.title}
      role={summary.intact ? 'status' : 'alert'}
      data-testid="chain-status"
    >
      <Stack gap={4}>
        <Text size="sm">{summary.detail}</Text>
        {verification.intact && verification.headHash && (
          <Text size="sm">
            Head hash <Code className="bf-key">{verification.headHash}</Code> (record it outside the system to compare
            later).
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
