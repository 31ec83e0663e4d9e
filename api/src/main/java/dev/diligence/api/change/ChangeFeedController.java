package dev.diligence.api.change;

import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.domain.change.ChangePage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code changes(since:, first:)}: the change feed of the caller's firm. */
@Controller
class ChangeFeedController {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private final ChangeFeedService feed;
    private final ChangedNodes nodes;

    ChangeFeedController(ChangeFeedService feed, ChangedNodes nodes) {
        this.feed = feed;
        this.nodes = nodes;
    }

    /**
     * The changes after {@code since}. The returned cursor is the position of the last change of the
     * page, or {@code since} itself when the page is empty, so a client that always passes back the
     * cursor it got neither skips nor repeats anything.
     */
    @QueryMapping
    ChangeFeedView changes(@Argument @Nullable String since, @Argument @Nullable Integer first) {
        int limit = first == null ? DEFAULT_PAGE_SIZE : first;
        if (limit < 0 || limit > MAX_PAGE_SIZE) {
            throw new BadRequestException("first must be between 0 and " + MAX_PAGE_SIZE);
        }
        long after = ChangeCursor.decode(since);
        ChangePage page = feed.after(after, limit);
        List<ChangeView> changes = page.changes().stream().map(ChangeView::of).toList();
        String cursor = changes.isEmpty()
                ? since
                : ChangeCursor.encode(changes.get(changes.size() - 1).position());
        return new ChangeFeedView(changes, cursor, page.hasMore());
    }

    /** The changed objects of a page as they are now, a few reads per page whatever its size. */
    @BatchMapping(typeName = "Change", field = "node")
    Map<ChangeView, NodeView> node(List<ChangeView> changes) {
        return nodes.of(changes);
    }
}
