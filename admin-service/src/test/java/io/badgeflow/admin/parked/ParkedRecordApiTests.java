package io.badgeflow.admin.parked;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.aws.parking.ParkReason;
import io.badgeflow.aws.parking.ParkedRecord;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parked-records listing: every field of a parked record, paged by the shared size and cursor. */
class ParkedRecordApiTests extends ApiSliceTestSupport {

    @Test
    void listsParkedRecordsNewestFirstWithTheirReasonAndPayloadExcerpt() throws Exception {
        var record = ParkedRecord.of(
                "shardId-000000000001",
                "49650000000000000000000000000001",
                "card:04A1",
                "not json".getBytes(StandardCharsets.UTF_8),
                ParkReason.MALFORMED,
                "not a JSON object",
                Instant.parse("2026-03-03T09:00:00Z"));
        when(parkedRecords.newest(new PageRequest(2, "c1"))).thenReturn(new Page<>(List.of(record), "c2"));

        mvc.perform(get("/api/v1/parked-records?size=2&cursor=c1").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].shardId").value("shardId-000000000001"))
                .andExpect(jsonPath("$.items[0].sequenceNumber").value("49650000000000000000000000000001"))
                .andExpect(jsonPath("$.items[0].partitionKey").value("card:04A1"))
                .andExpect(jsonPath("$.items[0].size").value(8))
                .andExpect(jsonPath("$.items[0].reason").value("MALFORMED"))
                .andExpect(jsonPath("$.items[0].message").value("not a JSON object"))
                .andExpect(jsonPath("$.items[0].payloadBase64").value("bm90IGpzb24="))
                .andExpect(jsonPath("$.items[0].truncated").value(false))
                .andExpect(jsonPath("$.items[0].parkedAt").value("2026-03-03T09:00:00Z"))
                .andExpect(jsonPath("$.next").value("c2"));
    }

    @Test
    void refusesAPageSizeOverTheLimit() throws Exception {
        mvc.perform(get("/api/v1/parked-records?size=101").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void refusesAuditors() throws Exception {
        when(parkedRecords.newest(any())).thenReturn(Page.empty());

        mvc.perform(get("/api/v1/parked-records").with(auditor())).andExpect(status().isForbidden());
    }
}
