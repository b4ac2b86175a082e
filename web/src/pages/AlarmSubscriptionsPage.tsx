import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../api';
import {
  endpointProblem,
  subscriptionStatusLabel,
  type AlarmSubscription,
  type AlarmSubscriptions,
  type RotatedSecret,
  type SubscriptionProtocol,
} from '../alarms';
import { useAuth } from '../auth';
import { asApiError } from '../commands';
import { useLoad } from '../load';
import { Empty, Failure, formatInstant, Loading, NotForRole } from '../states';

/** A secret the API showed once: kept on screen until dismissed, never stored. */
interface ShownSecret {
  id: string;
  secret: string;
  note: string;
}

/**
 * Who the alarms reach: email and SMS subscriptions of the alarms topic (SNS asks an email address to confirm
 * first) and signed webhooks, whose secret is shown once when it is made or rotated. Admins add, rotate and remove;
 * operators and auditors read.
 */
export function AlarmSubscriptionsPage() {
  const { api, may, role } = useAuth();
  const list = useLoad(() => api.get<AlarmSubscriptions>('/alarm-subscriptions'), [api]);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  if (!may('readAlarms')) {
    return (
      <Stack>
        <Title order={2}>Alarm subscriptions</Title>
        <NotForRole role={role} what="Alarm subscriptions are for staff." />
      </Stack>
    );
  }

  async function act(run: () => Promise<void>) {
    setError(null);
    try {
      await run();
      list.reload();
    } catch (failure) {
      setError(asApiError(failure));
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Alarm subscriptions</Title>
        <Button variant="default" onClick={list.reload}>
          Refresh
        </Button>
      </Group>
      {shown && (
        <Alert
          color="yellow"
          title="Copy the signing secret now"
          role="status"
          data-testid="webhook-secret"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setShown(null)}
        >
          <Stack gap="xs">
            <Text size="sm">{shown.note}</Text>
            <Code block data-testid="webhook-secret-value">
              {shown.secret}
            </Code>
          </Stack>
        </Alert>
      )}
      {error && (
        <Alert color="red" title={error.problem.title ?? 'Not changed'} role="alert">
          {error.message}
        </Alert>
      )}
      {may('manageAlarmSubscriptions') && (
        <AddSubscription
          onAdded={(created) => {
            if (created.secret && created.id) {
              setShown({
                id: created.id,
                secret: created.secret,
                note: 'The receiver verifies each delivery with this secret (docs/alarm-webhooks.md). It is not shown again.',
              });
            }
            list.reload();
          }}
        />
      )}
      {list.loading && !list.data && <Loading label="Loading subscriptions…" />}
      {list.error && <Failure error={list.error} onRetry={list.reload} />}
      {list.data && list.data.subscriptions.length === 0 && <Empty>Nobody is subscribed to the alarms.</Empty>}
      {list.data && list.data.subscriptions.length > 0 && (
        <Table aria-label="Alarm subscriptions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Endpoint</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Added</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.subscriptions.map((subscription, index) => (
              <SubscriptionRow
                key={subscription.id ?? `pending-${index}`}
                subscription={subscription}
                onRemove={(id) => act(() => api.delete<void>(`/alarm-subscriptions/${encodeURIComponent(id)}`))}
                onRotate={(id) =>
                  act(async () => {
                    const rotated = await api.post<RotatedSecret>(
                      `/alarm-subscriptions/${encodeURIComponent(id)}/rotate-secret`,
                    );
                    setShown({
                      id,
                      secret: rotated.secret,
                      note: `The previous secret keeps signing (as a second v1 value) until ${formatInstant(rotated.previousSecretValidUntil)}.`,
                    });
                  })
                }
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function SubscriptionRow({
  subscription,
  onRemove,
  onRotate,
}: {
  subscription: AlarmSubscription;
  onRemove(id: string): void;
  onRotate(id: string): void;
}) {
  const { may } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const id = subscription.id;
  return (
    <Table.Tr data-testid="alarm-subscription">
      <Table.Td>{subscription.protocol.toLowerCase()}</Table.Td>
      <Table.Td>
        <Text size="sm" className="bf-key">
          {subscription.endpoint}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={subscription.status === 'PENDING_CONFIRMATION' ? 'yellow' : 'green'}>
          {subscriptionStatusLabel(subscription.status)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {subscription.createdAt ? `${formatInstant(subscription.createdAt)} by ${subscription.createdBy}` : '—'}
      </Table.Td>
      <Table.Td>
        {may('manageAlarmSubscriptions') && id && (
          <Group gap="xs">
            {subscription.protocol === 'WEBHOOK' && (
              <Button size="xs" variant="default" onClick={() => onRotate(id)}>
                Rotate secret
              </Button>
            )}
            {subscription.removable && !confirming && (
              <Button size="xs" variant="outline" color="red" onClick={() => setConfirming(true)}>
                Remove
              </Button>
            )}
            {confirming && (
              <>
                <Button size="xs" color="red" onClick={() => onRemove(id)}>
                  Yes, remove
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AddSubscription({ onAdded }: { onAdded(created: AlarmSubscription): void }) {
  const { api } = useAuth();
  const [protocol, setProtocol] = useState<SubscriptionProtocol>('WEBHOOK');
  const [endpoint, setEndpoint] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problem = endpointProblem(protocol, endpoint);

  async function submit() {
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<AlarmSubscription>('/alarm-subscriptions', {
        protocol,
        endpoint: endpoint.trim(),
      });
      setEndpoint('');
      setTouched(false);
      onAdded(created);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Add a subscription">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Title order={3}>Add a subscription</Title>
          <Group align="start">
            <NativeSelect
              label="Kind"
              value={protocol}
              onChange={(event) => setProtocol(event.currentTarget.value as SubscriptionProtocol)}
              data={[
                { value: 'WEBHOOK', label: 'Webhook (signed HTTPS POST)' },
                { value: 'EMAIL', label: 'Email' },
                { value: 'SMS', label: 'SMS' },
              ]}
            />
            <TextInput
              label={protocol === 'WEBHOOK' ? 'URL' : protocol === 'EMAIL' ? 'Email address' : 'Phone (E.164)'}
              value={endpoint}
              onChange={(event) => setEndpoint(event.currentTarget.value)}
              onBlur={() => setTouched(true)}
              error={touched ? problem : null}
              maxLength={2048}
              style={{ flex: 1 }}
              required
            />
          </Group>
          {error && (
            <Alert color="red" title={error.problem.title ?? 'Not added'} role="alert">
              {error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              Add subscription
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
