package io.badgeflow.model.employee;

import static io.badgeflow.model.command.Commands.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.RejectedException;
import io.badgeflow.model.RejectionReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmployeeTests {

    @Test
    void isActiveWithNoCardsWhenRegistered() {
        var employee =
                Employee.registered("emp-1", "E-1001", "Ada", "Lovelace", "ada@example.com", null, NOW, "command-1");

        assertThat(employee.status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(employee.cardIds()).isEmpty();
        assertThat(employee.registeredBy()).isEqualTo("command-1");
        assertThat(employee.registeredAt()).isEqualTo(NOW);
        assertThat(employee.version()).isEqualTo(1);
    }

    @Test
    void deactivatesAndReactivates() {
        var inactive = Employees.active().build().deactivated();

        assertThat(inactive.status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertThat(inactive.reactivated().status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(inactive.reactivated().version()).isEqualTo(4);
    }

    @Test
    void refusesToDeactivateAnInactiveEmployee() {
        assertRejected(
                () -> Employees.in(EmployeeStatus.INACTIVE).build().deactivated(),
                RejectionReason.EMPLOYEE_ALREADY_INACTIVE);
    }

    @Test
    void refusesToReactivateAnActiveEmployee() {
        assertRejected(() -> Employees.active().build().reactivated(), RejectionReason.EMPLOYEE_ALREADY_ACTIVE);
    }

    @Test
    void erasesNameEmailAndDepartmentOfAnOffboardedEmployeeOnly() {
        var offboarded = Employees.active().holding("card-1").build().offboarded();

        var erased = offboarded.erased();

        assertThat(erased.status()).isEqualTo(EmployeeStatus.ERASED);
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.givenName()).isNull();
        assertThat(erased.familyName()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.department()).isNull();
        assertThat(erased.employeeNumber()).isEqualTo(offboarded.employeeNumber());
        assertThat(erased.cardIds()).containsExactly("card-1");
        assertThat(erased.version()).isEqualTo(offboarded.version() + 1);
        assertRejected(() -> Employees.active().build().erased(), RejectionReason.EMPLOYEE_NOT_OFFBOARDED);
        assertRejected(erased::erased, RejectionReason.EMPLOYEE_ERASED);
        assertRejected(erased::offboarded, RejectionReason.EMPLOYEE_ERASED);
    }

    @Test
    void anErasedContractorStaysAContractor() {
        var contractor =
                Affiliation.contractor("Acme Cleaning", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));

        var erased = Employees.active().as(contractor).build().offboarded().erased();

        assertThat(erased.affiliation()).isEqualTo(contractor);
    }

    @Test
    void keepsItsCardHistoryButNoCurrentCardWhenOffboarded() {
        var offboarded = Employees.active().holding("card-1").build().offboarded();

        assertThat(offboarded.status()).isEqualTo(EmployeeStatus.OFFBOARDED);
        assertThat(offboarded.currentCardId()).isNull();
        assertThat(offboarded.cardIds()).containsExactly("card-1");
    }

    @Test
    void offboardsAnInactiveEmployeeToo() {
        assertThat(Employees.in(EmployeeStatus.INACTIVE).build().offboarded().status())
                .isEqualTo(EmployeeStatus.OFFBOARDED);
    }

    static Stream<UnaryOperator<Employee>> everyChange() {
        return Stream.of(
                Employee::deactivated,
                Employee::reactivated,
                Employee::offboarded,
                Employee::touched,
                e -> e.holding("card-9"),
                e -> renamedByron(e, NOW));
    }

    @ParameterizedTest
    @MethodSource("everyChange")
    void neverChangesOnceOffboarded(UnaryOperator<Employee> change) {
        assertRejected(
                () -> change.apply(Employees.in(EmployeeStatus.OFFBOARDED).build()),
                RejectionReason.EMPLOYEE_OFFBOARDED);
    }

    @Test
    void takesTheDataOfANewerUpdate() {
        var updated = renamedByron(Employees.active().build(), NOW);

        assertThat(updated.familyName()).isEqualTo("Byron");
        assertThat(updated.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void refusesAnUpdateOlderThanTheDataItHas() {
        var employee = Employees.active().updatedAt(NOW).build();

        assertRejected(() -> renamedByron(employee, NOW.minusSeconds(1)), RejectionReason.STALE_UPDATE);
    }

    @Test
    void dropsACardFromCurrentAndHistoryWhenItIsTakenBack() {
        var employee = Employees.active().holding("card-1").build().without("card-1");

        assertThat(employee.currentCardId()).isNull();
        assertThat(employee.cardIds()).isEmpty();
    }

    @Test
    void keepsAnEndedCardInItsHistory() {
        var employee = Employees.active()
                .holding("card-1")
                .build()
                .withoutCurrentCard()
                .holding("card-2");

        assertThat(employee.currentCardId()).isEqualTo("card-2");
        assertThat(employee.cardIds()).containsExactly("card-1", "card-2");
    }

    @Test
    void cannotHoldACurrentCardOutsideItsCards() {
        assertThatThrownBy(() -> new Employee(
                        "e",
                        "1",
                        "A",
                        "B",
                        "a@b.c",
                        null,
                        EmployeeStatus.ACTIVE,
                        "card-1",
                        java.util.List.of(),
                        NOW,
                        "c",
                        NOW,
                        1,
                        Affiliation.EMPLOYEE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(ThrowingCallable change, RejectionReason reason) {
        assertThatThrownBy(change)
                .isInstanceOf(RejectedException.class)
                .extracting(e -> ((RejectedException) e).reason())
                .isEqualTo(reason);
    }

    private static Employee renamedByron(Employee employee, Instant at) {
        return employee.updated("E-1001", "Ada", "Byron", "ada@example.com", null, at);
    }
}
