package dev.diligence.api.standing;

import dev.diligence.api.security.Authorities;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.standing.CompanyStanding;
import dev.diligence.domain.standing.CompanyStandings;
import dev.diligence.domain.standing.StandingReads;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case of a dashboard: where companies stand. Every business role reads. */
@Service
public class CompanyStandingService {

    private final CompanyStandings standings;

    CompanyStandingService(CompanyStandings standings) {
        this.standings = standings;
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<CompanyId, CompanyStanding> standings(Collection<CompanyId> companies, StandingReads reads) {
        return standings.standings(companies, reads);
    }
}
