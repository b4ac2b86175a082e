import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import { Button, Group, NativeSelect, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../auth';
import { chartSeries, clockTime, summaries, zoneName } from '../dashboard';
import { useLoad } from '../load';
import { Empty, Failure, Loading, NotForRole } from '../states';
import type { Building, BuildingActivity, PageOf } from '../types';

/** How often the charts read again while the page is open. */
const REFRESH_MS = 30_000;

/**
 * What a facilities manager would rather look at than read: one building's occupancy over the day, decisions per
 * minute by outcome, the day's denials by reason and the stream consumer's lag, times on the building's clock with
 * its zone shown. Each chart is a figure whose caption says what it shows in one sentence, with the same data in a
 * table for screen readers (the drawing itself is hidden from them).
 */
export function DashboardPage() {
  const { may, role } = useAuth();
  if (!may('watchLive')) {
    return (
      <Stack>
        <Title order={2}>Dashboard</Title>
        <NotForRole role={role} what="The dashboard is for operators and admins." />
      </Stack>
    );
  }
  return <Dashboard />;
}

function Dashboard() {
  const { api } = useAuth();
  const [params, setParams] = useSearchParams();
  const buildings = useLoad(() => api.get<PageOf<Building>>('/buildings', { size: 100 }), [api]);
  const chosen = params.get('building') ?? buildings.data?.items[0]?.buildingId ?? '';

  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      {buildings.loading && !buildings.data && <Loading label="Loading buildings…" />}
      {buildings.error && <Failure error={buildings.error} onRetry={buildings.reload} />}
      {buildings.data && buildings.data.items.length === 0 && <Empty>No buildings are registered yet.</Empty>}
      {buildings.data && buildings.data.items.length > 0 && (
        <>
          <NativeSelect
            label="Building"
            maw={360}
            value={chosen}
            data={buildings.data.items.map((b) => ({ value: b.buildingId, label: `${b.name} (${b.buildingId})` }))}
            onChange={(event) => setParams({ building: event.currentTarget.value }, { replace: true })}
          />
          {chosen && <Activity buildingId={chosen} />}
        </>
      )}
    </Stack>
  );
}

function Activity({ buildingId }: { buildingId: string }) {
  const { api } = useAuth();
  const activity = useLoad(
    () => api.get<BuildingActivity>(`/buildings/${encodeURIComponent(buildingId)}/activity`),
    [api, buildingId],
  );
  const { reload } = activity;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  if (activity.error) return <Failure error={activity.error} onRetry={activity.reload} />;
  if (!activity.data) return <Loading label="Loading the building's day…" />;
  const data = activity.data;
  const series = chartSeries(data);
  const says = summaries(data, series);
  const zone = zoneName(data.timeZone, data.asOf);

  return (
    <Stack data-testid="dashboard">
      <Group justify="space-between">
        <Text data-testid="dashboard-summary">
          {`${data.buildingName}, ${data.date} as of ${clockTime(data.asOf, data.timeZone)} ${zone} (${data.timeZone}).`}
          {data.truncated && ' The day held more events than one view reads: the charts cover the earliest ones.'}
        </Text>
        <Button variant="default" onClick={activity.reload} loading={activity.loading}>
          Refresh
        </Button>
      </Group>
      {/* A stylesheet grid, not SimpleGrid: its responsive columns are an inline <style>, which the CSP refuses. */}
      <div className="bf-charts">
        <Chart
          testId="chart-occupancy"
          title={`People inside today (${zone})`}
          summary={says.occupancy}
          headers={['Time', 'Inside']}
          rows={series.occupancy.map((p) => [p.time, p.inside])}
        >
          <AreaChart
            h={240}
            data={series.occupancy}
            dataKey="time"
            curveType="stepAfter"
            series={[{ name: 'inside', label: 'People inside', color: 'blue.6' }]}
            withDots={false}
            accessibilityLayer={false}
            tooltipAnimationDuration={0}
          />
        </Chart>
        <Chart
          testId="chart-decisions"
          title={`Decisions per minute, last hour (${zone})`}
          summary={says.decisions}
          headers={['Minute', 'Granted', 'Denied']}
          rows={series.decisions.filter((p) => p.granted + p.denied > 0).map((p) => [p.time, p.granted, p.denied])}
        >
          <BarChart
            h={240}
            data={series.decisions}
            dataKey="time"
            type="stacked"
            withLegend
            series={[
              { name: 'granted', label: 'Granted', color: 'teal.6' },
              { name: 'denied', label: 'Denied', color: 'red.6' },
            ]}
            accessibilityLayer={false}
            tooltipAnimationDuration={0}
          />
        </Chart>
        <Chart
          testId="chart-denials"
          title="Denials by reason, today"
          summary={says.denials}
          headers={['Reason', 'Denials']}
          rows={series.denials.map((r) => [r.reason, r.count])}
        >
          {series.denials.length === 0 ? (
            <Empty>No denials today.</Empty>
          ) : (
            <BarChart
              h={240}
              data={series.denials}
              dataKey="reason"
              orientation="vertical"
              yAxisProps={{ width: 160 }}
              series={[{ name: 'count', label: 'Denials', color: 'red.6' }]}
              accessibilityLayer={false}
              tooltipAnimationDuration={0}
            />
          )}
        </Chart>
        <Chart
          testId="chart-lag"
          title={`Stream consumer lag, last hour (${zone})`}
          summary={says.lag}
          headers={['Minute', 'Seconds behind']}
          rows={(series.lag ?? []).map((p) => [p.time, p.seconds])}
        >
          {series.lag === null || series.lag.length === 0 ? (
            <Empty>{says.lag}</Empty>
          ) : (
            <LineChart
              h={240}
              data={series.lag}
              dataKey="time"
              unit=" s"
              series={[{ name: 'seconds', label: 'Seconds behind', color: 'grape.6' }]}
              withDots={false}
              accessibilityLayer={false}
              tooltipAnimationDuration={0}
            />
          )}
        </Chart>
      </div>
    </Stack>
  );
}

/**
 * A chart as a figure: a heading and a one-sentence summary as its caption, the drawing hidden from assistive
 * technology, and the same data as a visually hidden table.
 */
function Chart({
  testId,
  title,
  summary,
  headers,
  rows,
  children,
}: {
  testId: string;
  title: string;
  summary: string;
  headers: string[];
  rows: (string | number)[][];
  children: ReactNode;
}) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure className="bf-chart" aria-labelledby={titleId} aria-describedby={summaryId} data-testid={testId}>
      <figcaption>
        <Title order={3} size="h5" id={titleId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" id={summaryId}>
          {summary}
        </Text>
      </figcaption>
      <div aria-hidden="true">{children}</div>
      <VisuallyHidden>
        <Table>
          <caption>{title}</caption>
          <Table.Thead>
            <Table.Tr>
              {headers.map((header) => (
                <Table.Th key={header} scope="col">
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={i}>
                {row.map((cell, j) => (
                  <Table.Td key={j}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
