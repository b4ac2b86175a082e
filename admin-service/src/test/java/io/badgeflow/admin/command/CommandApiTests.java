package io.badgeflow.admin.command;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.RejectionReason;
import io.badgeflow.model.command.CommandRecord;
import io.badgeflow.model.command.CommandStatus;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Where a command stands: PENDING while only its document exists, then APPLIED or REJECTED with a reason. */
class CommandApiTests extends ApiSliceTestSupport {

    @Test
    void reportsARejectionWithItsReasonCodeAndMessage() throws Exception {
        when(log.find("cmd-1"))
                .thenReturn(Optional.of(new CommandRecord(
                        "cmd-1",
                        "LinkCard",
                        "sub",
                        CommandStatus.REJECTED,
                        RejectionReason.CARD_TERMINAL,
                        "card card-1 is LOST and can no longer change",
                        "emp-1",
                        "card-1",
                        "commands/cmd-1.json",
                        Examples.AT)));

        mvc.perform(get("/api/v1/commands/cmd-1").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("CARD_TERMINAL"))
                .andExpect(jsonPath("$.message").value("card card-1 is LOST and can no longer change"));
    }

    @Test
    void reportsPendingWhileOnlyTheDocumentExists() throws Exception {
        when(log.find("cmd-2")).thenReturn(Optional.empty());
        when(documents.exists("cmd-2")).thenReturn(true);

        mvc.perform(get("/api/v1/commands/cmd-2").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void answersAnUnknownCommandWithNotFoundProblem() throws Exception {
        when(log.find("cmd-3")).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/commands/cmd-3").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void listsTheMostRecentCommands() throws Exception {
        when(history.recent(new PageRequest(20, null)))
                .thenReturn(new Page<>(List.of(Examples.applied("cmd-4", "RegisterBuilding", null, "HQ")), "older"));

        mvc.perform(get("/api/v1/commands").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].subjectId").value("HQ"))
                .andExpect(jsonPath("$.next").value("older"));
    }

    @Test
    void namesWhoSubmittedACommandAndTheEmployeeItConcerns() throws Exception {
        when(history.recent(new PageRequest(20, null)))
                .thenReturn(new Page<>(
                        List.of(
                                Examples.applied("cmd-5", "GrantAccess", "emp-1", "emp-1"),
                                Examples.applied("cmd-6", "GrantAccess", "emp-1", "emp-1")),
                        null));
        when(directory.employees(List.of("emp-1"))).thenReturn(List.of(Examples.employee("emp-1")));
        when(staff.displayNames(List.of("sub-admin-1"))).thenReturn(Map.of("sub-admin-1", "Grace Hopper"));

        mvc.perform(get("/api/v1/commands").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[1].employeeNumber").value("E-emp-1"))
                .andExpect(jsonPath("$.items[1].givenName").value("Ada"))
                .andExpect(jsonPath("$.items[1].familyName").value("Lovelace"))
                .andExpect(jsonPath("$.items[1].actor").value("sub-admin-1"))
                .andExpect(jsonPath("$.items[1].actorName").value("Grace Hopper"));
    }
}
