package dev.diligence.domain.company;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.Listed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A target company of a firm. Invariants: the profile is valid; at most one external reference per
 * source; an archived company is never changed again; {@code version} grows by one with every
 * stored change.
 */
public record Company(
        CompanyId id,
        CompanyProfile profile,
        List<ExternalReference> externalReferences,
        boolean archived,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Listed {

    public static final int MAX_REFERENCES = 20;

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        externalReferences = List.copyOf(externalReferences);
    }

    /** A new company, if the profile and references are valid. */
    public static Company register(CompanyProfile profile, List<ExternalReference> references, Instant now) {
        CompanyProfile normalized = profile.normalized();
        List<Violation> violations = new ArrayList<>(normalized.violations());
        checkReferences(references, violations);
        RuleViolationException.throwIfAny(violations);
        return new Company(CompanyId.random(), normalized, references, false, 0, now, now);
    }

    /**
     * This company with the non-null attributes of {@code changes} applied, and its external
     * references replaced when {@code references} is not null.
     */
    public Company revise(
            CompanyProfile changes, @Nullable List<ExternalReference> references, long expectedVersion, Instant now) {
        requireVersion(expectedVersion);
        requireActive();
        CompanyProfile revised = profile.with(changes).normalized();
        List<ExternalReference> newReferences = references == null ? externalReferences : references;
        List<Violation> violations = new ArrayList<>(revised.violations());
        checkReferences(newReferences, violations);
        RuleViolationException.throwIfAny(violations);
        return new Company(id, revised, newReferences, false, version, createdAt, now);
    }

    /** This company archived. A null {@code expectedVersion} archives whatever the current version is. */
    public Company archive(@Nullable Long expectedVersion, Instant now) {
        if (expectedVersion != null) {
            requireVersion(expectedVersion);
        }
        requireActive();
        return new Company(id, profile, externalReferences, true, version, createdAt, now);
    }

    /** Fails unless the company may take part in new holdings. */
    public void requireActive() {
        if (archived) {
            throw new RuleViolationException(Violation.general(ViolationCode.INVALID_STATE, "the company is archived"));
        }
    }

    @Override
    public UUID listId() {
        return id.value();
    }

    @Override
    public String listName() {
        return profile.name();
    }

    private void requireVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the company was changed since version " + expectedVersion + "; its current version is "
                            + version));
        }
    }

    private static void checkReferences(List<ExternalReference> references, List<Violation> out) {
        if (references.size() > MAX_REFERENCES) {
            out.add(Violation.of(
                    "externalReferences",
                    ViolationCode.OUT_OF_RANGE,
                    "a company has at most " + MAX_REFERENCES + " external references"));
            return;
        }
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            ExternalReference reference = references.get(i);
            List<String> field = List.of("externalReferences", String.valueOf(i));
            reference.check(field, out);
            if (reference.source() != null && !sources.add(reference.source())) {
                out.add(new Violation(
                        List.of("externalReferences", String.valueOf(i), "source"),
                        ViolationCode.ALREADY_EXISTS,
                        "the company has another reference in source " + reference.source()));
            }
        }
    }
}
