package dev.diligence.api.framework;

import dev.diligence.domain.framework.FrameworkVersion;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What the audit trail records of a derived version: everything the derivation decided (its number,
 * base and every weight, as exact decimals). Criteria, descriptors and rules are the base's and are
 * not repeated.
 *
 * @param weights every dimension and criterion weight by code, in framework order
 */
record DerivedVersionRecord(int version, int baseVersion, Map<String, BigDecimal> weights) {

    static DerivedVersionRecord of(FrameworkVersion version) {
        return new DerivedVersionRecord(version.number(), version.baseVersion(), version.weights());
    }
}
