package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.ADMIN;
import static dev.diligence.domain.assessment.AssessmentFixtures.anAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.company.CompanyId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestPublishedTest {

    private static final CompanyId COMPANY = CompanyId.random();
    private static final Instant JANUARY = Instant.parse("2026-01-15T00:00:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-15T00:00:00Z");
    private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

    private final Assessment earlier = anAssessment().of(COMPANY).publishedAt(JANUARY);
    private final Assessment later = anAssessment().of(COMPANY).publishedAt(JUNE);

    @Test
    void aLaterPublicationSupersedesAnEarlierOne() {
        assertThat(LatestPublished.of(COMPANY, List.of(later, earlier))).contains(later);
        assertThat(LatestPublished.of(COMPANY, List.of(earlier, later))).contains(later);
    }

    @Test
    void draftsAndAssessmentsInReviewNeverCount() {
        Assessment draft = anAssessment().of(COMPANY).draft();
        Assessment inReview = anAssessment().of(COMPANY).inReview();

        assertThat(LatestPublished.of(COMPANY, List.of(earlier, draft, inReview)))
                .contains(earlier);
        assertThat(LatestPublished.of(COMPANY, List.of(draft, inReview))).isEmpty();
    }

    @Test
    void aRetractedAssessmentStopsCountingAndTheEarlierOneIsLatestAgain() {
        Assessment retracted = later.retract(ADMIN, "wrong data room", JULY);

        assertThat(LatestPublished.of(COMPANY, List.of(earlier, retracted))).contains(earlier);
    }

    @Test
    void otherCompaniesAssessmentsAreIgnored() {
        Assessment elsewhere = anAssessment().publishedAt(JULY);

        assertThat(LatestPublished.of(COMPANY, List.of(earlier, elsewhere))).contains(earlier);
    }

    @Test
    void asOfADateCountsWhatWasPublishedAndNotYetRetractedThen() {
        Assessment retractedInJuly = later.retract(ADMIN, "wrong data room", JULY);
        List<Assessment> history = List.of(earlier, retractedInJuly);

        assertThat(LatestPublished.asOf(COMPANY, history, Instant.parse("2026-03-01T00:00:00Z")))
                .contains(earlier);
        assertThat(LatestPublished.asOf(COMPANY, history, Instant.parse("2026-06-20T00:00:00Z")))
                .contains(retractedInJuly);
        assertThat(LatestPublished.asOf(COMPANY, history, JULY)).contains(earlier);
        assertThat(LatestPublished.asOf(COMPANY, history, Instant.parse("2025-12-31T00:00:00Z")))
                .isEmpty();
    }
}
