package dev.diligence.bench.assessment;

import dev.diligence.bench.copy.TenantTables;
import dev.diligence.bench.portfolio.PortfolioCompany;
import dev.diligence.bench.portfolio.SeededIds;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.persistence.testing.PortfolioGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The assessment history of companies under framework version 1, built and published through the
 * domain by {@link PortfolioGenerator}, so every stored result is the scoring engine's. A company
 * with {@code n} assessments has, in time order: publications over the two years before the anchor
 * (each superseding the one before, published later), then in most cases one open assessment (a
 * draft or one in review) started after the last publication. Invariants: at least one publication
 * per company; every timestamp after the company's creation and before the anchor; reviewers never
 * edited what they publish (four eyes).
 */
public final class CompanyAssessments {

    private static final FrameworkVersion VERSION = FrameworkV1.VERSION;
    private static final Duration HISTORY = Duration.ofDays(730);
    private static final int PROHIBITED_ONE_IN = 40;

    private final PortfolioGenerator generator;
    private final ScoringEngine engine = new ScoringEngine();
    private final Random random;
    private final SeededIds ids;
    private final Instant anchor;
    private final AssessmentRows assessmentRows;
    private final CompanyFindings findings;

    public CompanyAssessments(TenantTables tables, UUID tenant, long seed, SeededIds ids, Instant anchor) {
        this.generator = new PortfolioGenerator(seed);
        this.random = new Random(seed);
        this.ids = ids;
        this.anchor = anchor;
        this.assessmentRows = new AssessmentRows(tables, tenant, ids);
        this.findings = new CompanyFindings(random, ids, anchor, new FindingRows(tables, tenant));
    }

    /** Writes {@code count} (at least 2) assessments of {@code company} with their findings; returns their ids. */
    public List<AssessmentId> write(PortfolioCompany company, int count) {
        boolean open = random.nextInt(100) < 85;
        int published = open ? count - 1 : count;
        Instant[] publishedAt = publicationTimes(published);
        List<AssessmentId> written = new ArrayList<>();
        Instant previous = company.createdAt();
        for (int i = 0; i < published; i++) {
            Instant startedAt = between(later(previous, publishedAt[i].minus(Duration.ofDays(20))), publishedAt[i]);
            Instant next = i + 1 < published ? publishedAt[i + 1] : null;
            written.add(publication(company, startedAt, publishedAt[i], next));
            previous = publishedAt[i];
        }
        if (open) {
            written.add(openAssessment(company, between(previous, anchor)));
        }
        return written;
    }

    /** Published at {@code publishedAt}; its rule findings resolved in part when {@code supersededAt} is given. */
    private AssessmentId publication(
            PortfolioCompany company, Instant startedAt, Instant publishedAt, Instant supersededAt) {
        String assessor = assessor();
        Assessment draft = draft(company, assessor, startedAt);
        if (random.nextInt(100) < 15) {
            Instant sentBack = between(startedAt, publishedAt);
            draft = draft.submit(assessor, sentBack)
                    .requestChanges(
                            reviewer(),
                            "Please attach evidence for the monitoring criteria before publication.",
                            sentBack);
        }
        Assessment assessment = generator.published(draft, VERSION, reviewer(), publishedAt);
        assessmentRows.write(assessment);
        findings.ruleFindings(assessment.id(), assessment.publication().result().redFlags(), startedAt, supersededAt);
        findings.assessorFindings(assessment.id(), publishedAt);
        return assessment.id();
    }

    /** A draft, or in four cases of ten one submitted for review; its rule findings are open. */
    private AssessmentId openAssessment(PortfolioCompany company, Instant startedAt) {
        String assessor = assessor();
        Assessment draft = draft(company, assessor, startedAt);
        findings.ruleFindings(draft.id(), draft.score(VERSION, engine).redFlags(), startedAt, null);
        Assessment assessment = random.nextInt(10) < 4 ? draft.submit(assessor, between(startedAt, anchor)) : draft;
        assessmentRows.write(assessment);
        return assessment.id();
    }

    /** The generator's draft under an id drawn from the seeded ids (the domain draws a random one). */
    private Assessment draft(PortfolioCompany company, String assessor, Instant at) {
        Assessment a = generator.draft(company.id(), VERSION, generator.context(PROHIBITED_ONE_IN), assessor, at);
        return new Assessment(
                new AssessmentId(ids.next()),
                a.company(),
                a.frameworkVersion(),
                a.context(),
                a.leadAssessor(),
                a.criteria(),
                a.status(),
                a.review(),
                a.publication(),
                a.retraction(),
                a.version(),
                a.createdAt(),
                a.updatedAt());
    }

    /** {@code count} distinct instants in the two years before the anchor (the last day left free), ascending. */
    private Instant[] publicationTimes(int count) {
        long window = HISTORY.minus(Duration.ofDays(1)).toMinutes();
        Instant start = anchor.minus(HISTORY);
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; i++) {
            times[i] = start.plus(
                    Duration.ofMinutes((long) (random.nextDouble() * window)).plusSeconds(i));
        }
        Arrays.sort(times);
        return times;
    }

    /** A random instant strictly between {@code from} and {@code to} (or {@code from} when they are too close). */
    private Instant between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        return seconds < 2 ? from : from.plusSeconds(1 + (long) (random.nextDouble() * (seconds - 1)));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private String assessor() {
        return "analyst-" + (1 + random.nextInt(6));
    }

    private String reviewer() {
        return "reviewer-" + (1 + random.nextInt(3));
    }
}
