package dev.diligence.domain.framework;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Port to the stored framework versions: the platform versions, the same for every tenant, and the
 * versions the current tenant derived from them. Another tenant's derived version is invisible: it
 * reads exactly like a number nobody used. A derived version is assembled from its base with its
 * stored weights through {@link FrameworkVersion#deriveWeights}, so the weight rules are checked
 * again on every read.
 */
public interface Frameworks {

    /** Every version the current tenant may use, by number: the platform versions, then its own derived ones. */
    List<FrameworkVersion> all();

    /**
     * The newest platform version: what a new assessment and a portfolio without a version asked for
     * use. Platform versions are stored by the migrations, so there always is one.
     */
    default FrameworkVersion latestPlatformVersion() {
        return all().stream()
                .filter(version -> !version.isDerived())
                .max(Comparator.comparingInt(FrameworkVersion::number))
                .orElseThrow(() -> new IllegalStateException("no platform framework version is stored"));
    }

    /** The version numbered {@code version}; empty when there is none, or when it is another tenant's. */
    Optional<FrameworkVersion> find(int version);

    /**
     * Reserves the number of a new derived version: unique across all tenants (a version number names
     * one version wherever it is used), larger than every platform version's number, and never handed
     * out twice, even when the derivation that reserved it is rolled back.
     */
    int nextDerivedNumber();

    /**
     * Stores a derived version of the current tenant: its tenant, its base version and its weights;
     * everything else comes from the base. Returns the version as stored, read back.
     *
     * @throws IllegalArgumentException when {@code derived} is a platform version
     */
    FrameworkVersion add(FrameworkVersion derived);
}
