package io.badgeflow.model.command;

import static io.badgeflow.model.command.Commands.registerEmployee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.InvalidFieldException;
import org.junit.jupiter.api.Test;

class RegisterEmployeeTests {

    @Test
    void refusesAnEmailWithoutADomain() {
        assertThatThrownBy(() -> registerEmployee().email("ada").build())
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("email");
    }

    @Test
    void refusesABlankGivenName() {
        assertThatThrownBy(() -> registerEmployee().givenName("  ").build())
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("givenName must not be blank");
    }

    @Test
    void refusesAnEmployeeIdWithSlashes() {
        assertThatThrownBy(() -> registerEmployee().employeeId("../etc").build())
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("employeeId");
    }

    @Test
    void namesItsTypeForTheDocument() {
        assertThat(registerEmployee().build().type()).isEqualTo("RegisterEmployee");
    }
}
