package io.badgeflow.admin.audit;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.audit.AuditChain;
import io.badgeflow.model.audit.AuditEntry;
import io.badgeflow.model.audit.ChainHead;
import io.badgeflow.model.audit.ChainVerification;
import io.badgeflow.model.command.CommandStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The audit views: verify answers 200 either way and says what it found; the listing shows blocks with entries. */
class AdminAuditApiTests extends ApiSliceTestSupport {

    @Test
    void reportsAnIntactChainWithItsHead() throws Exception {
        when(auditTrail.verify()).thenReturn(new ChainVerification.Intact(7, 7, "ab".repeat(32)));

        mvc.perform(get("/api/v1/admin-audit/verify").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.blocksChecked").value(7))
                .andExpect(jsonPath("$.headSequence").value(7))
                .andExpect(jsonPath("$.headHash").value("ab".repeat(32)))
                .andExpect(jsonPath("$.problem").doesNotExist());
    }

    @Test
    void reportsABrokenChainAtItsFirstBrokenLinkWithOkBecauseTheFindingIsTheAnswer() throws Exception {
        when(auditTrail.verify())
                .thenReturn(new ChainVerification.Broken(
                        3,
                        "cmd-3",
                        ChainVerification.Problem.HASH_MISMATCH,
                        "block 3 does not hash to its stored hash"));

        mvc.perform(get("/api/v1/admin-audit/verify").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.sequence").value(3))
                .andExpect(jsonPath("$.blockId").value("cmd-3"))
                .andExpect(jsonPath("$.problem").value("HASH_MISMATCH"))
                .andExpect(jsonPath("$.message").value("block 3 does not hash to its stored hash"))
                .andExpect(jsonPath("$.headHash").doesNotExist());
    }

    @Test
    void reportsAMissingBlockWithoutABlockId() throws Exception {
        when(auditTrail.verify())
                .thenReturn(new ChainVerification.Broken(
                        2, null, ChainVerification.Problem.SEQUENCE_GAP, "block 2 is missing"));

        mvc.perform(get("/api/v1/admin-audit/verify").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problem").value("SEQUENCE_GAP"))
                .andExpect(jsonPath("$.blockId").isEmpty());
    }

    @Test
    void listsTheNewestBlocksWithTheirEntries() throws Exception {
        var first = AuditChain.next(
                ChainHead.GENESIS,
                "cmd-1",
                List.of(new AuditEntry(
                        "cmd-1", "RegisterEmployee", "sub-admin-1", CommandStatus.APPLIED, null, "emp-1", Examples.AT)),
                Examples.AT);
        var second = AuditChain.next(
                ChainHead.of(first),
                "cmd-2",
                List.of(new AuditEntry(
                        "cmd-2",
                        null,
                        null,
                        CommandStatus.REJECTED,
                        "MALFORMED_COMMAND",
                        null,
                        Examples.AT.plusSeconds(1))),
                Examples.AT.plusSeconds(1));
        when(auditTrail.latest(20)).thenReturn(List.of(second, first));

        mvc.perform(get("/api/v1/admin-audit").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].sequence").value(2))
                .andExpect(jsonPath("$.items[0].blockId").value("cmd-2"))
                .andExpect(jsonPath("$.items[0].previousHash").value(first.hash()))
                .andExpect(jsonPath("$.items[0].hash").value(second.hash()))
                .andExpect(jsonPath("$.items[0].appendedAt").value("2025-03-01T09:00:01Z"))
                .andExpect(jsonPath("$.items[0].entries[0].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[0].entries[0].reason").value("MALFORMED_COMMAND"))
                .andExpect(jsonPath("$.items[1].entries[0].commandId").value("cmd-1"))
                .andExpect(jsonPath("$.items[1].entries[0].commandType").value("RegisterEmployee"))
                .andExpect(jsonPath("$.items[1].entries[0].actor").value("sub-admin-1"))
                .andExpect(jsonPath("$.items[1].entries[0].subjectId").value("emp-1"))
                .andExpect(jsonPath("$.items[1].entries[0].finishedAt").value("2025-03-01T09:00:00Z"));
    }

    @Test
    void namesWhoActedAndTheEmployeeAnEntryConcerns() throws Exception {
        var block = AuditChain.next(
                ChainHead.GENESIS,
                "cmd-1",
                List.of(
                        new AuditEntry(
                                "cmd-1",
                                "RegisterEmployee",
                                "sub-admin-1",
                                CommandStatus.APPLIED,
                                null,
                                "emp-1",
                                Examples.AT),
                        new AuditEntry(
                                "cmd-2",
                                "IssueCard",
                                "imports-bucket",
                                CommandStatus.APPLIED,
                                null,
                                "card-1",
                                Examples.AT)),
                Examples.AT);
        when(auditTrail.latest(20)).thenReturn(List.of(block));
        when(directory.employees(List.of("emp-1", "card-1"))).thenReturn(List.of(Examples.employee("emp-1")));
        when(staff.displayNames(List.of("sub-admin-1", "imports-bucket")))
                .thenReturn(Map.of("sub-admin-1", "Grace Hopper"));

        mvc.perform(get("/api/v1/admin-audit").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].entries[0].actorName").value("Grace Hopper"))
                .andExpect(jsonPath("$.items[0].entries[0].subjectName").value("Ada Lovelace (E-emp-1)"))
                .andExpect(jsonPath("$.items[0].entries[1].actor").value("imports-bucket"))
                .andExpect(jsonPath("$.items[0].entries[1].actorName").doesNotExist())
                .andExpect(jsonPath("$.items[0].entries[1].subjectName").doesNotExist());
    }

    @Test
    void takesALimitFromOneToAHundred() throws Exception {
        when(auditTrail.latest(100)).thenReturn(List.of());

        mvc.perform(get("/api/v1/admin-audit?limit=100").with(admin())).andExpect(status().isOk());
        verify(auditTrail).latest(100);
        for (var limit : new String[] {"0", "101", "-1"}) {
            mvc.perform(get("/api/v1/admin-audit?limit=" + limit).with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.limit").exists());
        }
    }

    @Test
    void refusesOperators() throws Exception {
        mvc.perform(get("/api/v1/admin-audit/verify").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin-audit").with(operator())).andExpect(status().isForbidden());
    }
}
