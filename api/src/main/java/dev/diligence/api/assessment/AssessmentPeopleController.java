package dev.diligence.api.assessment;

import dev.diligence.api.assessment.AssessmentView.EvidenceView;
import dev.diligence.api.assessment.AssessmentView.PublicationView;
import dev.diligence.api.assessment.AssessmentView.RetractionView;
import dev.diligence.api.assessment.AssessmentView.ReviewCommentView;
import dev.diligence.api.person.PeopleService;
import dev.diligence.api.person.PersonView;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The people of an assessment's workflow as {@code Person}s: its lead assessor, editors and
 * submitters, the reviewers who asked for changes or published it, the administrator who retracted
 * it and who added each piece of evidence. Each field reads the people of a whole batch in one query.
 */
@Controller
class AssessmentPeopleController {

    private final PeopleService people;

    AssessmentPeopleController(PeopleService people) {
        this.people = people;
    }

    @BatchMapping(typeName = "Assessment")
    Map<AssessmentView, PersonView> assessor(List<AssessmentView> assessments) {
        return people.personOf(assessments, AssessmentView::leadAssessor);
    }

    @BatchMapping(typeName = "Assessment")
    Map<AssessmentView, List<PersonView>> editedBy(List<AssessmentView> assessments) {
        return people.peopleOf(assessments, AssessmentView::editors);
    }

    @BatchMapping(typeName = "Assessment")
    Map<AssessmentView, List<PersonView>> submittedBy(List<AssessmentView> assessments) {
        return people.peopleOf(assessments, AssessmentView::submitters);
    }

    @BatchMapping(typeName = "AssessmentPublication")
    Map<PublicationView, PersonView> publisher(List<PublicationView> publications) {
        return people.personOf(publications, PublicationView::publishedBy);
    }

    @BatchMapping(typeName = "AssessmentRetraction")
    Map<RetractionView, PersonView> retractor(List<RetractionView> retractions) {
        return people.personOf(retractions, RetractionView::retractedBy);
    }

    @BatchMapping(typeName = "ReviewComment")
    Map<ReviewCommentView, PersonView> requestedBy(List<ReviewCommentView> comments) {
        return people.personOf(comments, ReviewCommentView::reviewer);
    }

    @BatchMapping(typeName = "Evidence")
    Map<EvidenceView, PersonView> contributor(List<EvidenceView> evidence) {
        return people.personOf(evidence, EvidenceView::addedBy);
    }
}
