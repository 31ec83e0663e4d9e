package dev.diligence.api.change;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** GraphQL {@code ChangeFeed}. */
record ChangeFeedView(List<ChangeView> changes, @Nullable String cursor, boolean hasMore) {}
