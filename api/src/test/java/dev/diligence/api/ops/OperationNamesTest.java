package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OperationNamesTest {

    private final OperationNames names = new OperationNames(2, 3, Set.of("FundOverview"));

    @Test
    void aNameBecomesATagOnlyOnceOperationsOfItHaveSucceededEnoughTimes() {
        names.succeeded("CompanyPage");
        names.succeeded("CompanyPage");
        assertThat(names.forMetric("CompanyPage")).isEqualTo(OperationNames.OTHER);
        names.succeeded("CompanyPage");
        assertThat(names.forMetric("CompanyPage")).isEqualTo("CompanyPage");
    }

    @Test
    void namesThatNeverSucceedNeverFillTheSlots() {
        IntStream.range(0, 5_000)
                .mapToObj(i -> "Junk" + i)
                .forEach(junk -> assertThat(names.forMetric(junk)).isEqualTo(OperationNames.OTHER));
        for (String name : new String[] {"Dashboard", "Portfolio"}) {
            IntStream.range(0, 3).forEach(i -> names.succeeded(name));
            assertThat(names.forMetric(name)).isEqualTo(name);
        }
    }

    @Test
    void atMostTheMaximumOfNamesAreAdmittedBesideTheAllowList() {
        for (String name : new String[] {"One", "Two", "Three"}) {
            IntStream.range(0, 3).forEach(i -> names.succeeded(name));
        }
        assertThat(names.forMetric("One")).isEqualTo("One");
        assertThat(names.forMetric("Two")).isEqualTo("Two");
        assertThat(names.forMetric("Three")).isEqualTo(OperationNames.OTHER);
        assertThat(names.forMetric("FundOverview"))
                .as("allowed without a success")
                .isEqualTo("FundOverview");
    }

    @Test
    void unsafeAndMissingNamesAreNeverTags() {
        assertThat(names.forMetric(null)).isEqualTo(OperationNames.NONE);
        assertThat(names.forMetric("")).isEqualTo(OperationNames.NONE);
        IntStream.range(0, 3).forEach(i -> names.succeeded("x-y"));
        assertThat(names.forMetric("x-y")).isEqualTo(OperationNames.OTHER);
    }
}
