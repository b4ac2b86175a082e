import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { useLoad } from '../load';
import { newestSwipes, RECENT_DAYS, RECENT_SHOWN, recentRange } from '../recentSwipes';
import { Empty, Failure, Loading } from '../states';
import type { PageOf, SwipeEvent } from '../types';
import { EventTable } from './LivePage';

/**
 * An employee's latest door events, newest first, from the door audit. Only for the roles that may audit doors:
 * the API refuses the others, so they do not see the section at all.
 */
export function RecentSwipes({ employeeId }: { employeeId: string }) {
  const { may } = useAuth();
  return may('auditSwipes') ? <Swipes employeeId={employeeId} /> : null;
}

function Swipes({ employeeId }: { employeeId: string }) {
  const { api } = useAuth();
  const swipes = useLoad(
    () =>
      newestSwipes(
        (query) => api.get<PageOf<SwipeEvent>>('/audit/swipes', { employeeId, ...query }),
        recentRange(new Date()),
      ),
    [api, employeeId],
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Recent swipes</Title>
        <Anchor component={Link} to={`/door-audit?employeeId=${encodeURIComponent(employeeId)}`}>
          Open in door audit
        </Anchor>
      </Group>
      {swipes.loading && !swipes.data && <Loading label="Loading recent swipes…" />}
      {swipes.error && <Failure error={swipes.error} onRetry={swipes.reload} />}
      {swipes.data && swipes.data.length === 0 && <Empty>{`No swipes in the last ${RECENT_DAYS} days.`}</Empty>}
      {swipes.data && swipes.data.length > 0 && (
        <>
          <EventTable events={swipes.data} label="Recent swipes" who={false} />
          <Text size="xs" c="dimmed">{`The newest ${RECENT_SHOWN} at most, from the last ${RECENT_DAYS} days.`}</Text>
        </>
      )}
    </Stack>
  );
}
