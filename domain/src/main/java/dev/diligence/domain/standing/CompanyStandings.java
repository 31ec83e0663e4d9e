package dev.diligence.domain.standing;

import dev.diligence.domain.company.CompanyId;
import java.util.Collection;
import java.util.Map;

/** Read-side port: the standing of companies of the current tenant. */
public interface CompanyStandings {

    /**
     * The standing of each company, the parts {@code reads} asks for, in one statement; every
     * company asked for is a key (one without a publication has none, one without open findings
     * counts 0 of each severity). A company the caller may not see reads as one without either.
     */
    Map<CompanyId, CompanyStanding> standings(Collection<CompanyId> companies, StandingReads reads);
}
