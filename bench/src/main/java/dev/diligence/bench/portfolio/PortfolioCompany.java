package dev.diligence.bench.portfolio;

import dev.diligence.domain.company.CompanyId;
import java.time.Instant;

/** A company of a generated portfolio, created before any of its assessments. */
public record PortfolioCompany(CompanyId id, Instant createdAt) {}
