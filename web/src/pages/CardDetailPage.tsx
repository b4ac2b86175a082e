import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { asApiError, CommandAlert, CommandTable, toInstant, toLocalInput, useFollow } from '../commands';
import { useLoad } from '../load';
import { formatDateTime, formatValidUntil, personLabel, zoneNote } from '../format';
import { Empty, Failure, Loading } from '../states';
import type { Accepted, Card, CardDetail } from '../types';
import { cardStatusColor } from './CardsPage';

const TERMINAL = ['LOST', 'REVOKED', 'SUPERSEDED'];

type Simple = 'suspend' | 'resume' | 'report-lost' | 'revoke' | 'unlink';
const SIMPLE: Record<Simple, { label: string; doing: string; confirm?: string }> = {
  suspend: { label: 'Suspend', doing: 'Suspending' },
  resume: { label: 'Resume', doing: 'Resuming' },
  'report-lost': {
    label: 'Report lost',
    doing: 'Reporting lost',
    confirm: 'A card reported lost never works again. Report it lost?',
  },
  revoke: { label: 'Revoke', doing: 'Revoking', confirm: 'A revoked card never works again. Revoke it?' },
  unlink: { label: 'Unlink', doing: 'Unlinking' },
};

/** Which of the simple commands make sense for the card as it is; the API decides the rest when applying. */
function simpleActions(card: Card): Simple[] {
  if (TERMINAL.includes(card.status)) return [];
  const actions: Simple[] = [];
  if (card.status === 'ACTIVE') actions.push('suspend');
  if (card.status === 'SUSPENDED') actions.push('resume');
  if (card.employeeId) actions.push('unlink');
  actions.push('report-lost', 'revoke');
  return actions;
}

/** One card: its data, its latest commands and (admin) the commands that change it. */
export function CardDetailPage() {
  const { cardId = '' } = useParams();
  const { api, may } = useAuth();
  const path = `/cards/${encodeURIComponent(cardId)}`;
  const detail = useLoad(() => api.get<CardDetail>(path), [api, path]);
  const { tracked, follow, dismiss } = useFollow(api, detail.reload);
  const [confirming, setConfirming] = useState<Simple | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [linkTo, setLinkTo] = useState('');
  const [validity, setValidity] = useState<{ validFrom: string; validUntil: string } | null>(null);

  if (detail.loading && !detail.data) return <Loading label="Loading card…" />;
  if (detail.error || !detail.data) {
    return (
      <Stack>
        <Anchor component={Link} to="/cards">
          ← Cards
        </Anchor>
        {detail.error && (
          <Failure error={detail.error} onRetry={detail.error.status === 404 ? undefined : detail.reload} />
        )}
      </Stack>
    );
  }
  const { card, commands } = detail.data;

  async function send(label: string, request: () => Promise<Accepted>): Promise<boolean> {
    setBusy(true);
    setActionError(null);
    try {
      const accepted = await request();
      follow(label, accepted.commandId);
      return true;
    } catch (failure) {
      setActionError(asApiError(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function simple(action: Simple) {
    if (SIMPLE[action].confirm && confirming !== action) {
      setConfirming(action);
      return;
    }
    setConfirming(null);
    void send(`${SIMPLE[action].doing} card ${card.cardNumber}`, () => api.post<Accepted>(`${path}/${action}`));
  }

  async function link(event: FormEvent) {
    event.preventDefault();
    if (
      await send(`Linking card ${card.cardNumber}`, () =>
        api.post<Accepted>(`${path}/link`, { employeeId: linkTo.trim() }),
      )
    ) {
      setLinkTo('');
    }
  }

  async function setCardValidity(event: FormEvent) {
    event.preventDefault();
    if (!validity) return;
    if (
      await send(`Setting the validity of card ${card.cardNumber}`, () =>
        api.put<Accepted>(`${path}/validity`, {
          validFrom: toInstant(validity.validFrom),
          validUntil: toInstant(validity.validUntil),
        }),
      )
    ) {
      setValidity(null);
    }
  }

  const terminal = TERMINAL.includes(card.status);
  return (
    <Stack>
      <Anchor component={Link} to="/cards">
        ← Cards
      </Anchor>
      <Group>
        <Title order={2}>Card {card.cardNumber}</Title>
        <Badge variant="light" color={cardStatusColor(card.status)} data-testid="card-status">
          {card.status}
        </Badge>
      </Group>
      <CommandAlert tracked={tracked} onClose={dismiss} />
      <dl className="bf-facts">
        <div>
          <Text component="dt" size="xs" c="dimmed">
            Employee
          </Text>
          <Text component="dd" m={0}>
            {card.employeeId ? (
              <Anchor component={Link} to={`/employees/${encodeURIComponent(card.employeeId)}`}>
                {personLabel(card, card.employeeId)}
              </Anchor>
            ) : (
              'in stock'
            )}
          </Text>
        </div>
        {(
          [
            ['Valid from', formatDateTime(card.validFrom)],
            ['Valid until', formatValidUntil(card.validUntil)],
            ['Issued', formatDateTime(card.issuedAt)],
            ['Card id', card.cardId],
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
      <Text size="xs" c="dimmed">
        {zoneNote(null)} A card opens doors in any building it is granted, so no building's zone applies.
      </Text>

      {may('changeCard') && !terminal && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={3}>Actions</Title>
            {actionError && (
              <Alert color="red" title={actionError.problem.title ?? 'Not sent'} role="alert">
                {actionError.message}
              </Alert>
            )}
            <Group>
              {simpleActions(card).map((action) => (
                <Button
                  key={action}
                  variant={SIMPLE[action].confirm ? 'outline' : 'default'}
                  color={SIMPLE[action].confirm ? 'red' : undefined}
                  disabled={busy}
                  onClick={() => simple(action)}
                >
                  {SIMPLE[action].label}
                </Button>
              ))}
              <Button
                variant="default"
                disabled={busy}
                onClick={() =>
                  setValidity({ validFrom: toLocalInput(card.validFrom), validUntil: toLocalInput(card.validUntil) })
                }
              >
                Set validity
              </Button>
            </Group>
            {confirming && (
              <Alert color="red" title="Please confirm" role="alert">
                <Stack gap="xs">
                  <Text size="sm">{SIMPLE[confirming].confirm}</Text>
                  <Group>
                    <Button color="red" size="xs" onClick={() => simple(confirming)}>
                      Yes, {SIMPLE[confirming].label.toLowerCase()}
                    </Button>
                    <Button variant="default" size="xs" onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {!card.employeeId && (
              <form onSubmit={link} aria-label="Link to an employee">
                <Group align="flex-end">
                  <TextInput
                    label="Link to employee id"
                    value={linkTo}
                    onChange={(e) => setLinkTo(e.currentTarget.value)}
                    error={actionError?.fieldError('employeeId')}
                    w={360}
                  />
                  <Button type="submit" variant="default" disabled={busy || linkTo.trim() === ''}>
                    Link
                  </Button>
                </Group>
              </form>
            )}
            {validity && (
              <form onSubmit={setCardValidity} aria-label="Set validity">
                <Group align="flex-end">
                  <TextInput
                    label="Valid from"
                    type="datetime-local"
                    value={validity.validFrom}
                    error={actionError?.fieldError('validFrom')}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setValidity((s) => s && { ...s, validFrom: v });
                    }}
                  />
                  <TextInput
                    label="Valid until"
                    type="datetime-local"
                    value={validity.validUntil}
                    error={actionError?.fieldError('validUntil')}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setValidity((s) => s && { ...s, validUntil: v });
                    }}
                  />
                  <Button type="submit" disabled={busy}>
                    Save validity
                  </Button>
                  <Button variant="default" onClick={() => setValidity(null)}>
                    Cancel
                  </Button>
                </Group>
              </form>
            )}
          </Stack>
        </Paper>
      )}

      <Title order={3}>Command history</Title>
      {commands.items.length === 0 ? (
        <Empty>No commands yet.</Empty>
      ) : (
        <CommandTable commands={commands.items} label="Command history" />
      )}
    </Stack>
  );
}
