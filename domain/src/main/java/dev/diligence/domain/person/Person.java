package dev.diligence.domain.person;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person who acted in a firm, as their token last described them. Deal leads, assessors,
 * reviewers and owners of findings refer to people by {@code subject}.
 *
 * @param subject     the token subject: a stable user or client ID at the identity provider
 * @param displayName the name to show; the subject itself when the token carried no name
 * @param email       email address from the token, when it carried one
 * @param lastSeenAt  when this description was last recorded
 */
public record Person(
        String subject, String displayName, @Nullable String email, Instant lastSeenAt) {

    public Person {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }
}
