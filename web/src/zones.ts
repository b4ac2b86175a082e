import type { ApiClient } from './api';
import { useLoad } from './load';
import type { Building, BuildingDetail, PageOf } from './types';

/** At most this many buildings are read for their zones (10 pages of 100); more sites than that is not this UI. */
const MAX_PAGES = 10;

/** Every building's IANA time zone by building id, read page by page from `GET /buildings`. */
export async function loadBuildingZones(api: ApiClient): Promise<Map<string, Building>> {
  const buildings = new Map<string, Building>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await api.get<PageOf<Building>>('/buildings', { size: 100, cursor });
    answer.items.forEach((building) => buildings.set(building.buildingId, building));
    if (!answer.next) break;
    cursor = answer.next;
  }
  return buildings;
}

/**
 * The buildings by id, for pages that show events of several buildings (the door audit, the live feed) and show
 * each time in its building's zone. While they load, or if they cannot be read, times fall back to the browser's
 * zone, which is named with them.
 */
export function useBuildings(api: ApiClient): Map<string, Building> {
  const loaded = useLoad(() => loadBuildingZones(api), [api]);
  return loaded.data ?? EMPTY;
}

const EMPTY = new Map<string, Building>();

/** The zone of the building, or undefined (the browser's zone) when the building is unknown. */
export function zoneOf(buildings: Map<string, Building>, buildingId?: string | null): string | undefined {
  return buildingId ? buildings.get(buildingId)?.timeZone : undefined;
}

/** One building's zone (`GET /buildings/{id}`), for pages about one building; undefined until it is known. */
export function useBuildingZone(api: ApiClient, buildingId?: string | null): string | undefined {
  const loaded = useLoad(
    () =>
      buildingId
        ? api.get<BuildingDetail>(`/buildings/${encodeURIComponent(buildingId)}`).then((d) => d.building.timeZone)
        : Promise.resolve(undefined),
    [api, buildingId],
  );
  return loaded.data ?? undefined;
}
