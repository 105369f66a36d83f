import { sourceLabel } from '../../components/source-label';
import { When } from '../../components/when';
import { DataTable } from '../../components/data-table';
import { QueryCard } from '../../components/query-card';
import { SeriesPanel } from '../../components/series-panel';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import type { EventRow } from '../../workers/compute-queries';
import { allEmpty, ReportPage } from '../filters/report-page';
import { useEventsTable } from './api/get-events';
import { useEmptyReason } from '../filters/use-empty-reason';
import type { EmptySpec } from '../filters/empty-reason';

const EMPTY =
  'Import an event attendance export (Luma, Meetup or Eventbrite guest list with check-ins) to see events and attendees.';
const EVENTS: EmptySpec = {
  kinds: ['events'],
  noun: 'events',
  goal: 'to see events and attendees',
  importHint: EMPTY,
};

function EventTable() {
  const q = useEventsTable();
  const why = useEmptyReason()(EVENTS);
  return (
    // Named apart from the page's own region ("Events", its h1): landmarks must be unique.
    <QueryCard
      title="Events"
      label="Events with attendees in the period"
      query={q}
      emptyTitle={why.title}
      empty={why.text}
    >
      {(rows) => (
        <DataTable<EventRow>
          caption="Events with attendees in the period"
          captionHidden
          rows={rows}
          rowKey={(e) => `${e.source}|${e.name}`}
          initialSort={{ id: 'date', dir: 'descending' }}
          columns={[
            { id: 'name', label: 'Event', value: (e) => e.name },
            { id: 'source', label: 'Source', value: (e) => sourceLabel(e.source) },
            {
              id: 'date',
              // A check-in time where the export has one; else the event's date (given, or read from the export).
              label: 'Date',
              value: (e) => e.firstAt,
              render: (e) => <When at={e.firstAt} />,
            },
            { id: 'attendees', label: 'Attendees', numeric: true, value: (e) => e.attendees },
          ]}
        />
      )}
    </QueryCard>
  );
}

export function EventsPage() {
  const why = useEmptyReason();
  return (
    <ReportPage id="events" title="Events">
      {(r) => {
        const s = r.series;
        const empty = allEmpty(s.events, s.attendees) ? why(EVENTS).text : undefined;
        return (
          <>
            {/* Two charts, each on its own scale: a handful of events a month drawn beside dozens of attendees was a flat line. */}
            <SeriesPanel
              title="Attendees"
              definition={<Definition>{DEFINITIONS.events}</Definition>}
              empty={empty}
              months={r.months}
              unit="attendees"
              series={[
                { key: 'events', label: 'Events', values: s.events, tableOnly: true },
                { key: 'attendees', label: 'Attendees', color: 'var(--c1)', values: s.attendees },
              ]}
            />
            <SeriesPanel
              title="Events held"
              definition={<Definition>{DEFINITIONS.events}</Definition>}
              empty={empty}
              months={r.months}
              unit="events"
              series={[
                { key: 'events', label: 'Events', color: 'var(--c2)', values: s.events, dashed: true },
                { key: 'attendees', label: 'Attendees', values: s.attendees, tableOnly: true },
              ]}
            />
            <EventTable />
          </>
        );
      }}
    </ReportPage>
  );
}
