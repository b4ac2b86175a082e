import { Alert, Badge, Table } from '@mantine/core';
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiError, type ApiClient } from './api';
import { personLabel, staffLabel } from './format';
import { formatInstant } from './states';
import type { Command } from './types';

export interface Tracked {
  /** what the person did, e.g. "Suspending card 1001" */
  label: string;
  command: Command;
}

export function asApiError(failure: unknown): ApiError {
  return failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) });
}

export function statusColor(status: string): string {
  return status === 'APPLIED' ? 'green' : status === 'REJECTED' ? 'red' : 'blue';
}

/**
 * Follows one command at a time: polls `GET /commands/{id}` until card-events has applied or rejected it, then
 * calls `onFinished` (usually a reload of the page's data).
 */
export function useFollow(api: ApiClient, onFinished: () => void) {
  const [tracked, setTracked] = useState<Tracked | null>(null);
  // The latest onFinished, without restarting the polling when the caller passes a new function.
  const finished = useEffectEvent(onFinished);
  const commandId = tracked?.command.commandId;
  const pending = tracked?.command.status === 'PENDING';
  useEffect(() => {
    if (!commandId || !pending) return;
    let stopped = false;
    let attempts = 0;
    const poll = async () => {
      if (stopped) return;
      attempts += 1;
      try {
        const command = await api.get<Command>(`/commands/${encodeURIComponent(commandId)}`);
        if (stopped) return;
        if (command.status !== 'PENDING') {
          setTracked((t) => (t && t.command.commandId === commandId ? { ...t, command } : t));
          finished();
          return;
        }
      } catch {
        // keep polling; a passing failure should not lose the command
      }
      if (attempts < 120) setTimeout(poll, 500);
    };
    setTimeout(poll, 300);
    return () => {
      stopped = true;
    };
  }, [api, commandId, pending]);
  const follow = useCallback(
    (label: string, commandId: string) => setTracked({ label, command: { commandId, status: 'PENDING' } }),
    [],
  );
  return { tracked, follow, dismiss: () => setTracked(null) };
}

/** Where the followed command stands; a rejected one shows its reason and message. */
export function CommandAlert({ tracked, onClose }: { tracked: Tracked | null; onClose(): void }) {
  if (!tracked) return null;
  const { command } = tracked;
  return (
    <Alert
      role="status"
      aria-live="polite"
      data-testid="command-status"
      color={statusColor(command.status)}
      title={tracked.label}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      Command {command.commandId}: <strong>{command.status}</strong>
      {command.reason ? ` — ${command.reason}` : ''}
      {command.message ? `: ${command.message}` : ''}
    </Alert>
  );
}

/** A list of commands, newest first. */
export function CommandTable({
  commands,
  label,
  showSubject = false,
}: {
  commands: Command[];
  label: string;
  showSubject?: boolean;
}) {
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Command</Table.Th>
          {showSubject && <Table.Th scope="col">Concerns</Table.Th>}
          {showSubject && <Table.Th scope="col">By</Table.Th>}
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Reason</Table.Th>
          <Table.Th scope="col">Finished</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {commands.map((command) => (
          <Table.Tr key={command.commandId}>
            <Table.Td>{command.type ?? command.commandId}</Table.Td>
            {showSubject && <Table.Td>{concerns(command)}</Table.Td>}
            {showSubject && <Table.Td>{command.actor ? staffLabel(command.actorName, command.actor) : '—'}</Table.Td>}
            <Table.Td className="bf-status">
              <Badge variant="light" color={statusColor(command.status)}>
                {command.status}
              </Badge>
            </Table.Td>
            <Table.Td>{command.reason ? `${command.reason}: ${command.message ?? ''}` : '—'}</Table.Td>
            <Table.Td>{formatInstant(command.finishedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What a command concerns: the employee by name and number when it concerns one on record, else its subject id. */
export function concerns(command: Command): string {
  if (command.employeeId && (command.givenName || command.familyName)) return personLabel(command);
  return command.subjectId ?? command.employeeId ?? '—';
}

/** A datetime-local value (the browser's time zone) as an instant, or null when empty. */
export function toInstant(local: string): string | null {
  if (!local.trim()) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An instant as a datetime-local value in the browser's time zone. */
export function toLocalInput(instant?: string | null): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
