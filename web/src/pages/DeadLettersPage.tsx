import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { useLoad } from '../load';
import { Empty, Failure, formatInstant, Loading, NotForRole } from '../states';
import type { DeadLetterQueue, DeadLetters, Redriven } from '../types';
import { ParkedRecords } from './ParkedRecords';

/** How many messages per queue the page shows (the API's default; its depth counts them all). */
const PEEK = 20;

/**
 * What could not be delivered: per queue pair the dead-letter queue's depth, its messages with the recorded
 * reason of their failure, and a redrive (confirmed first) that moves them back to the source queue once the cause
 * is fixed. The consumers are idempotent, so a message delivered twice does no harm. Below them, the stream's
 * own kind of dead letter: the records access-stream parked as unreadable. Operators and admins.
 */
export function DeadLettersPage() {
  const { may, role } = useAuth();
  if (!may('readDeadLetters')) {
    return (
      <Stack>
        <Title order={2}>Dead letters</Title>
        <NotForRole role={role} what="Dead letters and parked stream records are for operators and admins." />
      </Stack>
    );
  }
  return <DeadLetterQueues />;
}

function DeadLetterQueues() {
  const { api } = useAuth();
  const letters = useLoad(() => api.get<DeadLetters>('/dead-letters', { limit: PEEK }), [api]);
  const [moved, setMoved] = useState<Redriven | null>(null);
  const [refreshes, setRefreshes] = useState(0);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Dead letters</Title>
        <Button
          variant="default"
          loading={letters.loading && !!letters.data}
          onClick={() => {
            letters.reload();
            setRefreshes((n) => n + 1);
          }}
        >
          Refresh
        </Button>
      </Group>
      {moved && (
        <Alert
          color="green"
          role="status"
          aria-live="polite"
          data-testid="redrive-result"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setMoved(null)}
          title={`Redrive of ${moved.name}`}
        >
          {moved.moved === 1 ? '1 message went' : `${moved.moved} messages went`} back to the source queue.
        </Alert>
      )}
      {letters.loading && !letters.data && <Loading label="Loading dead letters…" />}
      {letters.error && <Failure error={letters.error} onRetry={letters.reload} />}
      {letters.data && letters.data.queues.length === 0 && <Empty>No dead-letter queues are configured.</Empty>}
      {letters.data?.queues.map((queue) => (
        <QueuePanel
          key={queue.name}
          queue={queue}
          onRedriven={(answer) => {
            setMoved(answer);
            letters.reload();
          }}
        />
      ))}
      <ParkedRecords refresh={refreshes} />
    </Stack>
  );
}

function QueuePanel({ queue, onRedriven }: { queue: DeadLetterQueue; onRedriven(answer: Redriven): void }) {
  const { api, may } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const waiting = queue.depth > 0 || queue.messages.length > 0;

  async function redrive() {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<Redriven>(`/dead-letters/${encodeURIComponent(queue.name)}/redrive`);
      setConfirming(false);
      onRedriven(answer);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={`Queue ${queue.name}`}>
      <Stack>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3}>{queue.name}</Title>
            <Badge variant="light" color={queue.depth > 0 ? 'red' : 'green'} data-testid={`depth-${queue.name}`}>
              {queue.depth === 1 ? '1 message' : `${queue.depth} messages`}
            </Badge>
          </Group>
          {may('redrive') && waiting && (
            <Button variant="outline" color="red" disabled={busy || confirming} onClick={() => setConfirming(true)}>
              Redrive {queue.name}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Source queue <Code>{queue.sourceQueue}</Code>, dead-letter queue <Code>{queue.deadLetterQueue}</Code>
        </Text>
        {error && (
          <Alert color="red" title={error.problem.title ?? 'Not redriven'} role="alert">
            {error.message}
          </Alert>
        )}
        {confirming && (
          <Alert color="red" title={`Redrive ${queue.name}?`} role="alert" data-testid="redrive-confirmation">
            <Stack gap="xs">
              <Text size="sm">
                {`Moves ${queue.depth === 1 ? 'the 1 message' : `all ${queue.depth} messages`} of ${queue.deadLetterQueue} back to ` +
                  `${queue.sourceQueue} (at most 1,000 at a time), where they are delivered again. Redrive once the cause ` +
                  'of the failures is fixed, or they come back here.'}
              </Text>
              <Group>
                <Button color="red" size="xs" loading={busy} onClick={redrive}>
                  Yes, redrive
                </Button>
                <Button ref={cancelRef} variant="default" size="xs" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {queue.messages.length === 0 ? (
          <Empty>
            {queue.depth > 0
              ? 'Messages are waiting but none could be looked at just now (they are in flight); refresh in a moment.'
              : `Nothing in the dead-letter queue of ${queue.name}.`}
          </Empty>
        ) : (
          <>
            {queue.depth > queue.messages.length && (
              <Text size="sm">{`The first ${queue.messages.length} of ${queue.depth} messages.`}</Text>
            )}
            <Table aria-label={`Dead letters of ${queue.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Message</Table.Th>
                  <Table.Th scope="col">Announced</Table.Th>
                  <Table.Th scope="col">Reason</Table.Th>
                  <Table.Th scope="col">Receives</Table.Th>
                  <Table.Th scope="col">Failed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.messages.map((message) => (
                  <Table.Tr key={message.messageId}>
                    <Table.Td>
                      <Text size="sm" className="bf-key">
                        {message.messageId}
                      </Text>
                      <Text size="xs" c="dimmed">
                        sent {formatInstant(message.sentAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {message.commandIds.length > 0 && (
                        <Text size="sm">Commands: {message.commandIds.join(', ')}</Text>
                      )}
                      {message.objectKeys.length > 0 && (
                        <Text size="sm" className="bf-key">
                          {message.objectKeys.join(', ')}
                        </Text>
                      )}
                      {message.objectKeys.length === 0 && message.commandIds.length === 0 && '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{message.reason}</Text>
                      {message.envelopeProblem && (
                        <Text size="xs" c="dimmed">
                          Unreadable message: {message.envelopeProblem}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {message.receiveCount}
                      {message.attempts != null ? ` (${message.attempts} failed)` : ''}
                    </Table.Td>
                    <Table.Td>
                      {message.firstFailedAt
                        ? `${formatInstant(message.firstFailedAt)} – ${formatInstant(message.lastFailedAt)}`
                        : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
