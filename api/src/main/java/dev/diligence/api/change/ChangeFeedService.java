package dev.diligence.api.change;

import dev.diligence.api.security.Authorities;
import dev.diligence.domain.change.ChangeFeed;
import dev.diligence.domain.change.ChangePage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the change feed of the caller's firm, for integration scripts and tenant admins. */
@Service
@PreAuthorize(Authorities.CHANGE_FEED_READER)
@Transactional(readOnly = true)
public class ChangeFeedService {

    private final ChangeFeed feed;

    ChangeFeedService(ChangeFeed feed) {
        this.feed = feed;
    }

    /** At most {@code limit} changes after the position {@code after}, in commit order. */
    public ChangePage after(long after, int limit) {
        return feed.after(after, limit);
    }
}
