package dev.diligence.api.finding;

import dev.diligence.api.person.PeopleService;
import dev.diligence.api.person.PersonView;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The people of a finding as {@code Person}s: its remediation owner, for a whole batch of findings in one query. */
@Controller
class FindingPeopleController {

    private final PeopleService people;

    FindingPeopleController(PeopleService people) {
        this.people = people;
    }

    @BatchMapping(typeName = "Finding")
    Map<FindingView, PersonView> ownedBy(List<FindingView> findings) {
        return people.personOf(findings, FindingView::owner);
    }
}
