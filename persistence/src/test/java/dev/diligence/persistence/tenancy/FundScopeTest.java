package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A fund scope restricts to a real subject or to nothing: no blank subject can stand in for "tenant-wide". */
class FundScopeTest {

    @Test
    void aRestrictionNeedsASubjectThatIsNotBlank() {
        for (String blank : Arrays.asList(null, "", " ", "\t\n")) {
            assertThatThrownBy(() -> FundScope.grantedTo(blank))
                    .as("subject [%s]", blank)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FundScope.grantedTo("frank"))
                .isEqualTo(new FundScope.GrantedTo("frank"))
                .isNotEqualTo(FundScope.TENANT_WIDE);
    }
}
