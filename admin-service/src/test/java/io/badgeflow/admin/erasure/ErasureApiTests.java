package io.badgeflow.admin.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.badgeflow.admin.ApiSliceTestSupport;
import io.badgeflow.admin.Examples;
import io.badgeflow.model.command.EraseEmployee;
import io.badgeflow.model.employee.Affiliation;
import io.badgeflow.model.employee.Employee;
import io.badgeflow.model.employee.EmployeeStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The HTTP contract of an erasure request: offboarded people only, a reason always, one command. */
class ErasureApiTests extends ApiSliceTestSupport {

    private static final String REASON = "{\"reason\":\"data subject request, ticket 4711\"}";

    @Test
    void acceptsAnAdminsErasureOfAnOffboardedEmployeeAsOneCommandWithTheReason() throws Exception {
        when(directory.employee("emp-7")).thenReturn(Optional.of(in(EmployeeStatus.OFFBOARDED)));

        var result = mvc.perform(post("/api/v1/employees/emp-7/erasure")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REASON)
                        .with(admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.employeeId").value("emp-7"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();

        var command = writtenOnce(EraseEmployee.class);
        assertThat(command.employeeId()).isEqualTo("emp-7");
        assertThat(command.reason()).isEqualTo("data subject request, ticket 4711");
        assertThat(command.actor()).isEqualTo(ADMIN_SUBJECT);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/commands/" + command.commandId());
    }

    @Test
    void refusesSomeoneNotOffboardedOrErasedAlreadyWithAConflictProblem() throws Exception {
        for (var status :
                new EmployeeStatus[] {EmployeeStatus.ACTIVE, EmployeeStatus.INACTIVE, EmployeeStatus.ERASED}) {
            when(directory.employee("emp-7")).thenReturn(Optional.of(in(status)));

            mvc.perform(post("/api/v1/employees/emp-7/erasure")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(REASON)
                            .with(admin()))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }

        assertThat(written()).isEmpty();
    }

    @Test
    void answersAnUnknownEmployeeWithNotFoundAndAMissingReasonWithBadRequest() throws Exception {
        mvc.perform(post("/api/v1/employees/emp-404/erasure")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REASON)
                        .with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        when(directory.employee("emp-7")).thenReturn(Optional.of(in(EmployeeStatus.OFFBOARDED)));
        mvc.perform(post("/api/v1/employees/emp-7/erasure")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"  \"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());

        assertThat(written()).isEmpty();
    }

    @Test
    void refusesAnOperatorWithAForbiddenProblem() throws Exception {
        when(directory.employee("emp-7")).thenReturn(Optional.of(in(EmployeeStatus.OFFBOARDED)));

        mvc.perform(post("/api/v1/employees/emp-7/erasure")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REASON)
                        .with(operator()))
                .andExpect(status().isForbidden());

        assertThat(written()).isEmpty();
    }

    private static Employee in(EmployeeStatus status) {
        var employee = Examples.employee("emp-7");
        return new Employee(
                employee.employeeId(),
                employee.employeeNumber(),
                employee.givenName(),
                employee.familyName(),
                employee.email(),
                employee.department(),
                status,
                null,
                employee.cardIds(),
                employee.registeredAt(),
                employee.registeredBy(),
                employee.updatedAt(),
                employee.version(),
                Affiliation.EMPLOYEE);
    }
}
