import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useAuth } from '../auth';
import { CommandTable } from '../commands';
import { useLoad } from '../load';
import { Empty, Failure, Loading } from '../states';
import type { Command, PageOf } from '../types';

/** Recently finished commands, newest first; a rejected one shows its reason and message. */
export function CommandsPage() {
  const { api } = useAuth();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const commands = useLoad(
    () => api.get<PageOf<Command>>('/commands', { size: 20, cursor: cursors.at(-1) }),
    [api, cursors],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Commands</Title>
        <Button variant="default" onClick={commands.reload}>
          Refresh
        </Button>
      </Group>
      {commands.loading && <Loading label="Loading commands…" />}
      {commands.error && <Failure error={commands.error} onRetry={commands.reload} />}
      {commands.data && commands.data.items.length === 0 && <Empty>No commands have finished yet.</Empty>}
      {commands.data && commands.data.items.length > 0 && (
        <CommandTable commands={commands.data.items} label="Recent commands" showSubject />
      )}
      {(page > 0 || commands.data?.next) && (
        <Group justify="flex-end" aria-label="Pages">
          <Button variant="default" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Newer
          </Button>
          <Button
            variant="default"
            disabled={!commands.data?.next}
            onClick={() => commands.data?.next && setCursors((c) => [...c, commands.data!.next!])}
          >
            Older
          </Button>
        </Group>
      )}
    </Stack>
  );
}
