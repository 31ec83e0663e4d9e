package dev.diligence.api.framework;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.framework.WeightDerivation;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the maturity framework versions: every business role reads the platform versions and
 * its firm's own derived versions; tenant admins derive a version of their firm that changes weights
 * only. A derivation is recorded in the audit trail, in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class FrameworkService {

    /** The GraphQL type of a framework version, as the audit trail names it. */
    static final String TYPE = "FrameworkVersion";

    private final Frameworks frameworks;
    private final AuditRecorder audit;

    FrameworkService(Frameworks frameworks, AuditRecorder audit) {
        this.frameworks = frameworks;
        this.audit = audit;
    }

    @PreAuthorize(Authorities.TENANT_READER)
    public List<FrameworkVersion> all() {
        return frameworks.all();
    }

    @PreAuthorize(Authorities.TENANT_READER)
    public Optional<FrameworkVersion> find(int version) {
        return frameworks.find(version);
    }

    /**
     * Derives the caller's firm's own version of platform version {@code baseVersion}, with the weights
     * in {@code weights} (by dimension or criterion code) replacing the base's; codes not given keep
     * the base's weight. The new version gets a fresh, globally unique number, reserved before the
     * weights are checked: a rejected derivation leaves a gap in the numbers, which carry no meaning.
     *
     * @throws RuleViolationException NOT_FOUND at {@code ["baseVersion"]} when the firm has no such
     *         version; the domain's violations when the base is itself derived or the weights break the
     *         weight rules (at {@code ["weights", code]}). Nothing is written then.
     */
    @PreAuthorize(Authorities.TENANT_ADMIN)
    @Transactional
    public FrameworkVersion derive(int baseVersion, Map<String, BigDecimal> weights) {
        FrameworkVersion base = frameworks
                .find(baseVersion)
                .orElseThrow(() -> new RuleViolationException(Violation.of(
                        "baseVersion", ViolationCode.NOT_FOUND, "there is no framework version with this number")));
        WeightDerivation derivation = base.deriveWeights(frameworks.nextDerivedNumber(), callersTenant(), weights);
        if (derivation instanceof WeightDerivation.Rejected rejected) {
            throw new RuleViolationException(rejected.violations());
        }
        FrameworkVersion derived = frameworks.add(((WeightDerivation.Derived) derivation).version());
        audit.record(
                "deriveFrameworkVersion",
                TYPE,
                FrameworkVersionIds.of(derived.number()),
                null,
                DerivedVersionRecord.of(derived));
        return derived;
    }

    private static TenantId callersTenant() {
        return CurrentCaller.get()
                .tenant()
                .map(Tenant::id)
                .orElseThrow(() -> new IllegalStateException("a tenant admin acts inside a firm"));
    }
}
