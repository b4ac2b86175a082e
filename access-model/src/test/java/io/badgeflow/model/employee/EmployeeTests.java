package io.badgeflow.model.employee;

import static io.badgeflow.model.command.Commands.NOW;
import static io.badgeflow.model.command.Commands.registerEmployee;
import static io.badgeflow.model.command.Commands.updateEmployee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badgeflow.model.command.RejectedException;
import io.badgeflow.model.command.RejectionReason;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmployeeTests {

    @Test
    void isActiveWithNoCardsWhenRegistered() {
        var command = registerEmployee().build();

        var employee = Employee.registered(command);

        assertThat(employee.status()).isEqualTo(EmployeeStatus.ACTIVE);
        assertThat(employee.cardIds()).isEmpty();
        assertThat(employee.registeredBy()).isEqualTo(command.commandId());
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
                e -> e.updated(updateEmployee("emp-1", "Byron", NOW)));
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
        var updated = Employees.active().build().updated(updateEmployee("emp-1", "Byron", NOW));

        assertThat(updated.familyName()).isEqualTo("Byron");
        assertThat(updated.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void refusesAnUpdateOlderThanTheDataItHas() {
        var employee = Employees.active().updatedAt(NOW).build();

        assertRejected(
                () -> employee.updated(updateEmployee("emp-1", "Byron", NOW.minusSeconds(1))),
                RejectionReason.STALE_UPDATE);
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
                        1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(ThrowingCallable change, RejectionReason reason) {
        assertThatThrownBy(change)
                .isInstanceOf(RejectedException.class)
                .extracting(e -> ((RejectedException) e).reason())
                .isEqualTo(reason);
    }
}
