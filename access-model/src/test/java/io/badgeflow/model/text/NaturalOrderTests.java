package io.badgeflow.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTests {

    private static List<String> sorted(String... values) {
        var list = new ArrayList<>(Arrays.asList(values));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void ordersNumbersInsideTextByValue() {
        assertThat(sorted("Person 10", "Person 100", "Person 2", "Person 1"))
                .containsExactly("Person 1", "Person 2", "Person 10", "Person 100");
        assertThat(sorted("E-10", "E-9", "E-100", "E-1")).containsExactly("E-1", "E-9", "E-10", "E-100");
    }

    @Test
    void readsNumbersLongerThanALongAndLeadingZeros() {
        assertThat(sorted("n 123456789012345678901234567890", "n 99", "n 007", "n 7"))
                .containsExactly("n 7", "n 007", "n 99", "n 123456789012345678901234567890");
    }

    @Test
    void ignoresCaseAndAccentsAndPutsNullLast() {
        assertThat(NaturalOrder.INSTANCE.compare("émile", "Emile")).isZero();
        assertThat(sorted("b", null, "A")).containsExactly("A", "b", null);
        assertThat(sorted("Person", "Person 2", "")).containsExactly("", "Person", "Person 2");
    }
}
