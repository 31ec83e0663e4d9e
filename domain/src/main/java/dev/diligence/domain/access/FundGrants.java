package dev.diligence.domain.access;

import dev.diligence.domain.fund.FundId;
import java.util.List;
import java.util.Optional;

/** Port to the fund grants of the current tenant; runs inside the caller's transaction. */
public interface FundGrants {

    /** The grants of one fund, ordered by subject. */
    List<FundGrant> ofFund(FundId fund);

    /** The grants of one person, ordered by time of grant. */
    List<FundGrant> ofSubject(String subject);

    Optional<FundGrant> find(FundId fund, String subject);

    void add(FundGrant grant);

    void remove(FundGrant grant);
}
