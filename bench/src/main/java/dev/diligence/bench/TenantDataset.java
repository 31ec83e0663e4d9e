package dev.diligence.bench;

import dev.diligence.bench.assessment.CompanyAssessments;
import dev.diligence.bench.copy.TenantTables;
import dev.diligence.bench.portfolio.PortfolioCompany;
import dev.diligence.bench.portfolio.PortfolioShape;
import dev.diligence.bench.portfolio.SeededIds;
import dev.diligence.bench.portfolio.TenantPlan;
import dev.diligence.bench.portfolio.TenantPortfolio;
import dev.diligence.domain.assessment.AssessmentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * All rows of one tenant, generated from the dataset seed and the tenant's index alone, so tenants
 * can be generated in any order (and on another thread) with the same result.
 *
 * @param assessments the ids of the tenant's assessments, in generation order
 */
record TenantDataset(TenantPlan plan, TenantTables tables, List<AssessmentId> assessments) {

    static TenantDataset generate(TenantPlan plan, long seed, Instant anchor) {
        long tenantSeed = seed * 1_000_003L + plan.index();
        Random random = new Random(tenantSeed);
        SeededIds ids = new SeededIds(tenantSeed ^ 0x5DEECE66DL);
        TenantTables tables = new TenantTables();
        List<PortfolioCompany> companies = new TenantPortfolio(plan, random, ids, anchor, tables).write();
        int[] counts = PortfolioShape.assessmentsPerCompany(companies.size(), plan.assessments(), random);
        CompanyAssessments history = new CompanyAssessments(tables, plan.id(), tenantSeed, ids, anchor);
        List<AssessmentId> assessments = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            assessments.addAll(history.write(companies.get(i), counts[i]));
        }
        return new TenantDataset(plan, tables, assessments);
    }
}
