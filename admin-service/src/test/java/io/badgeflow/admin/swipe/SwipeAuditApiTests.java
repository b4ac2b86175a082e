package io.badgeflow.admin.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.door.SwipeEntry;
import io.badgeflow.model.door.SwipeQuery;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.paging.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The HTTP contract of the swipe audit: one filter and a bounded range, pages of JSON, or a streamed CSV. */
class SwipeAuditApiTests extends ApiSliceTestSupport {

    private static final String RANGE = "&from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z";

    @Test
    void answersAPageWithDecisionReasonAndJoinedNames() throws Exception {
        when(swipes.find(argThat(q -> q.by() == SwipeQuery.By.EMPLOYEE && q.id().equals("emp-1")), any()))
                .thenReturn(new Page<>(List.of(entry("evt-1", "emp-1", "DENIED", "CARD_NOT_ACTIVE")), "next-1"));
        when(directory.employees(anyList())).thenReturn(List.of(named("emp-1")));
        when(directory.door("door-1")).thenReturn(Optional.of(Examples.door("door-1", "HQ")));

        mvc.perform(get("/api/v1/audit/swipes?employeeId=emp-1" + RANGE).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next").value("next-1"))
                .andExpect(jsonPath("$.items[0].eventId").value("evt-1"))
                .andExpect(jsonPath("$.items[0].decision").value("DENIED"))
                .andExpect(jsonPath("$.items[0].reason").value("CARD_NOT_ACTIVE"))
                .andExpect(jsonPath("$.items[0].rule").value("card-active"))
                .andExpect(jsonPath("$.items[0].familyName").value("Lovelace"))
                .andExpect(jsonPath("$.items[0].doorName").value("Main entrance"));
    }

    @Test
    void requiresExactlyOneFilter() throws Exception {
        problem("/api/v1/audit/swipes?" + RANGE.substring(1), "employeeId");
        problem("/api/v1/audit/swipes?employeeId=emp-1&doorId=door-1" + RANGE, "employeeId");
        problem("/api/v1/audit/swipes.csv?" + RANGE.substring(1), "employeeId");
    }

    @Test
    void requiresABoundedRange() throws Exception {
        problem("/api/v1/audit/swipes?buildingId=HQ&to=2025-03-02T00:00:00Z", "from");
        problem("/api/v1/audit/swipes?buildingId=HQ&from=2025-03-01T00:00:00Z", "to");
        problem("/api/v1/audit/swipes?buildingId=HQ&from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "to");
        problem("/api/v1/audit/swipes?buildingId=HQ&from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z", "to");
        problem("/api/v1/audit/swipes?buildingId=HQ&from=yesterday&to=2025-03-01T00:00:00Z", "from");
        problem("/api/v1/audit/swipes.csv?buildingId=HQ&from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z", "to");
    }

    @Test
    void refusesABadPageSize() throws Exception {
        problem("/api/v1/audit/swipes?doorId=door-1&size=101" + RANGE, "size");
    }

    @Test
    void keepsTheSwipeAuditFromOperators() throws Exception {
        mvc.perform(get("/api/v1/audit/swipes?doorId=door-1" + RANGE).with(operator()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void streamsTheCsvPageByPageWithAHeaderAndNames() throws Exception {
        var first = new ArrayList<SwipeEntry>();
        for (var i = 0; i < 100; i++) {
            first.add(entry("evt-" + i, "emp-1", "GRANTED", "GRANTED"));
        }
        when(swipes.find(any(), argThat(page -> page != null && page.cursor() == null)))
                .thenReturn(new Page<>(first, "page-2"));
        when(swipes.find(any(), argThat(page -> page != null && "page-2".equals(page.cursor()))))
                .thenReturn(new Page<>(
                        List.of(
                                entry("evt-100", "emp-1", "DENIED", "CARD_NOT_ACTIVE"),
                                entry("evt-101", null, "DENIED", "UNKNOWN_CARD")),
                        null));
        when(directory.employees(anyList())).thenReturn(List.of(named("emp-1")));

        var started = mvc.perform(
                        get("/api/v1/audit/swipes.csv?buildingId=HQ" + RANGE).with(admin()))
                .andExpect(request().asyncStarted())
                .andReturn();
        var csv = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"swipes-building-HQ.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsString();

        var lines = csv.split("\r\n");
        assertThat(lines).hasSize(1 + 102);
        assertThat(lines[0]).isEqualTo(String.join(",", SwipeCsv.HEADER));
        assertThat(lines[1])
                .startsWith("2025-03-01T09:00:00Z,evt-0,EntryDecided,HQ,door-1,,emp-1,E-emp-1,Ada,Lovelace,");
        assertThat(lines[101]).contains(",evt-100,").contains(",DENIED,CARD_NOT_ACTIVE,card-active,");
        assertThat(lines[102]).contains(",evt-101,").contains(",,,,,");
    }

    @Test
    void neutralisesSpreadsheetFormulasAndQuotesSeparators() {
        assertThat(SwipeCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SwipeCsv.field("Smith, Jr")).isEqualTo("\"Smith, Jr\"");
        assertThat(SwipeCsv.field("@x")).isEqualTo("'@x");
        assertThat(SwipeCsv.field(null)).isEmpty();
    }

    private void problem(String url, String field) throws Exception {
        mvc.perform(get(url).with(auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors." + field).exists());
    }

    static SwipeEntry entry(String eventId, String employeeId, String decision, String reason) {
        var denied = "DENIED".equals(decision);
        return new SwipeEntry(
                eventId,
                "EntryDecided",
                "door-1",
                "HQ",
                employeeId,
                "N-1",
                "card-1",
                denied ? "REVOKED" : "ACTIVE",
                "IN",
                decision,
                reason,
                denied ? "card-active" : "all-rules-passed",
                "2026-11-24.1",
                null,
                List.of(),
                Examples.AT,
                Examples.AT.plusMillis(5));
    }

    private static Employee named(String employeeId) {
        return Examples.employee(employeeId);
    }
}
