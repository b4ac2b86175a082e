package io.badgeflow.admin.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.command.Command;
import io.badgeflow.model.command.DeactivateEmployee;
import io.badgeflow.model.command.OffboardEmployee;
import io.badgeflow.model.command.ReactivateEmployee;
import io.badgeflow.model.command.RegisterEmployee;
import io.badgeflow.model.command.UpdateEmployee;
import io.badgeflow.model.paging.Page;
import io.badgeflow.model.paging.PageRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

/** The HTTP contract of employees: commands answered 202 with their Location, validation, and the read side. */
class EmployeeApiTests extends ApiSliceTestSupport {

    private static final String VALID = """
            {"employeeNumber":"E-1","givenName":"Ada","familyName":"Lovelace","email":"ada@example.com"}""";

    @Test
    void acceptsARegistrationFromAnAdminAndWritesOneCommand() throws Exception {
        var result = mvc.perform(post("/api/v1/employees")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID)
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();

        var command = writtenOnce(RegisterEmployee.class);
        assertThat(command.actor()).isEqualTo(ADMIN_SUBJECT);
        assertThat(command.email()).isEqualTo("ada@example.com");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
        assertThat(result.getResponse().getContentAsString()).contains(command.employeeId(), command.commandId());
    }

    @Test
    void acceptsAnUpdateWithTheWholeRecordForTheEmployeeInThePath() throws Exception {
        mvc.perform(put("/api/v1/employees/emp-7")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID)
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.employeeId").value("emp-7"));

        var command = writtenOnce(UpdateEmployee.class);
        assertThat(command.employeeId()).isEqualTo("emp-7");
        assertThat(command.familyName()).isEqualTo("Lovelace");
    }

    @ParameterizedTest
    @CsvSource({"deactivate, DeactivateEmployee", "reactivate, ReactivateEmployee", "offboard, OffboardEmployee"})
    void acceptsEachStatusChangeAsItsOwnCommand(String action, String type) throws Exception {
        var result = mvc.perform(post("/api/v1/employees/emp-7/" + action).with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.employeeId").value("emp-7"))
                .andReturn();

        Command command = written().getFirst();
        assertThat(command.type()).isEqualTo(type);
        assertThat(command).isInstanceOfAny(DeactivateEmployee.class, ReactivateEmployee.class, OffboardEmployee.class);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
    }

    @Test
    void namesEveryInvalidFieldInAProblem() throws Exception {
        mvc.perform(post("/api/v1/employees")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"employeeNumber\":\"\",\"givenName\":\"Ada\",\"familyName\":\"L\",\"email\":\"nope\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.email").exists())
                .andExpect(jsonPath("$.errors.employeeNumber").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void namesAnInvalidEmployeeIdInThePath() throws Exception {
        mvc.perform(post("/api/v1/employees/bad id!/deactivate").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.employeeId").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void answersUnreadableJsonWithABadRequestProblem() throws Exception {
        mvc.perform(post("/api/v1/employees")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{oops")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAnOperatorWithAForbiddenProblem() throws Exception {
        mvc.perform(post("/api/v1/employees")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID)
                        .with(operator()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(written()).isEmpty();
    }

    @Test
    void refusesACallWithoutATokenWithAnUnauthorizedProblem() throws Exception {
        mvc.perform(post("/api/v1/employees")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void findsAnEmployeeByTheirExactNumberFirst() throws Exception {
        when(directory.employeeByNumber("E-42")).thenReturn(Optional.of(Examples.employee("emp-42")));

        mvc.perform(get("/api/v1/employees").param("q", "E-42").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].employeeId").value("emp-42"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    @Test
    void searchesByFamilyNamePrefixWhenNoNumberMatches() throws Exception {
        when(directory.employeeByNumber("Lov")).thenReturn(Optional.empty());
        when(directory.employees(eq("Lov"), eq(new PageRequest(5, null))))
                .thenReturn(new Page<>(List.of(Examples.employee("emp-1")), "cursor-2"));

        mvc.perform(get("/api/v1/employees")
                        .param("q", "Lov")
                        .param("size", "5")
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].familyName").value("Lovelace"))
                .andExpect(jsonPath("$.next").value("cursor-2"));
    }

    @Test
    void listsEveryoneWithoutAQueryAndPassesTheCursorOn() throws Exception {
        when(directory.employees(isNull(), eq(new PageRequest(20, "c1")))).thenReturn(Page.empty());

        mvc.perform(get("/api/v1/employees").param("cursor", "c1").with(auditor()))
                .andExpect(status().isOk());

        verify(directory).employees(null, new PageRequest(20, "c1"));
    }

    @Test
    void refusesAPageSizeAboveTheLimitNamingSize() throws Exception {
        mvc.perform(get("/api/v1/employees").param("size", "1000").with(auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void showsAnEmployeeWithCardsGrantsAndLatestCommands() throws Exception {
        var employee = Examples.employee("emp-1", "card-1");
        when(directory.employee("emp-1")).thenReturn(Optional.of(employee));
        when(directory.cards(List.of("card-1"))).thenReturn(List.of(Examples.card("card-1", "emp-1")));
        when(directory.grantsOf("emp-1")).thenReturn(List.of(Examples.grant("emp-1", "HQ")));
        when(history.ofEmployee("emp-1", PageRequest.first(20)))
                .thenReturn(new Page<>(List.of(Examples.applied("cmd-9", "IssueCard", "emp-1", "card-1")), "more"));

        mvc.perform(get("/api/v1/employees/emp-1").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employee.email").value("ada@example.com"))
                .andExpect(jsonPath("$.cards[0].cardId").value("card-1"))
                .andExpect(jsonPath("$.grants[0].buildingId").value("HQ"))
                .andExpect(jsonPath("$.grants[0].schedule.days[0]").value("MONDAY"))
                .andExpect(jsonPath("$.grants[0].schedule.from").value("07:00"))
                .andExpect(jsonPath("$.commands.items[0].type").value("IssueCard"))
                .andExpect(jsonPath("$.commands.next").value("more"));
    }

    @Test
    void answersAnUnknownEmployeeWithNotFoundProblem() throws Exception {
        when(directory.employee(any())).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/employees/nobody").with(auditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/employees/nobody/commands").with(auditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void pagesThroughAnEmployeesCommandHistory() throws Exception {
        when(directory.employee("emp-1")).thenReturn(Optional.of(Examples.employee("emp-1")));
        when(history.ofEmployee("emp-1", new PageRequest(20, "c2")))
                .thenReturn(new Page<>(List.of(Examples.applied("cmd-1", "RegisterEmployee", "emp-1", null)), null));

        mvc.perform(get("/api/v1/employees/emp-1/commands")
                        .param("cursor", "c2")
                        .with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].commandId").value("cmd-1"))
                .andExpect(jsonPath("$.items[0].status").value("APPLIED"));
    }
}
