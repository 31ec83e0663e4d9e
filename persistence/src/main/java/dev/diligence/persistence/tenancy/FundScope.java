package dev.diligence.persistence.tenancy;

/**
 * Which funds a unit of work reads: all of its tenant's ({@link TenantWide}), or only those granted to
 * one token subject ({@link GrantedTo}). There is no third case, and no subject that stands for
 * "tenant-wide": a restriction always names a real, non-blank subject.
 */
public sealed interface FundScope {

    /** Every fund of the tenant. */
    FundScope TENANT_WIDE = new TenantWide();

    /** Only the funds granted to {@code subject}; rejects a blank one, which no grant can name. */
    static FundScope grantedTo(String subject) {
        return new GrantedTo(subject);
    }

    /** Reads are not narrowed to granted funds. */
    record TenantWide() implements FundScope {}

    /** Reads are narrowed to the funds granted to {@code subject}, which is not blank. */
    record GrantedTo(String subject) implements FundScope {

        public GrantedTo {
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("a fund scope needs a subject that is not blank");
            }
        }
    }
}
