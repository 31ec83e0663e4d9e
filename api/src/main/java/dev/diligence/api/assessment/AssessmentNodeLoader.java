package dev.diligence.api.assessment;

import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.domain.assessment.AssessmentId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@code node(id:)} for assessments. */
@Component
class AssessmentNodeLoader implements NodeLoader {

    private final AssessmentService assessments;

    AssessmentNodeLoader(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public String typeName() {
        return AssessmentView.TYPE;
    }

    @Override
    public Optional<AssessmentView> load(UUID id) {
        return assessments.summaryWithCompany(new AssessmentId(id)).map(AssessmentView::of);
    }
}
