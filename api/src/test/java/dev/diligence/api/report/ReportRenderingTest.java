package dev.diligence.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.portfolio.HeatmapCell;
import dev.diligence.domain.portfolio.PortfolioRow;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.SensitiveDomain;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reports drawn from data made in memory, without a server: text in any script never breaks
 * them, every page has its frame and page number, and the numbers are written as documented.
 */
class ReportRenderingTest {

    private static final FrameworkVersion V1 = FrameworkV1.VERSION;
    private static final Instant NOW = Instant.parse("2025-06-02T09:30:00Z");

    @Test
    void textOutsideHelveticasCharactersIsShownByItsLettersOrAQuestionMark() {
        assertThat(PdfText.safe("Zürich Straße – “quoted” €5")).isEqualTo("Zürich Straße – “quoted” €5");
        assertThat(PdfText.safe("Őrség Ștefan Łódź")).isEqualTo("Orség Stefan ?ódz");
        assertThat(PdfText.safe("東京 AI 🚀")).isEqualTo("?? AI ?");
        assertThat(PdfText.safe("tab\there\u0000")).isEqualTo("tab here ");
        assertThat(PdfText.safe(null)).isEmpty();
        assertThat(PdfText.safe("a".repeat(50), 10)).hasSize(10).endsWith("\u2026");
        assertThat(PdfText.slug("Zürich AI, Inc. 東京", "x")).isEqualTo("zurich-ai-inc");
        assertThat(PdfText.slug("東京", "company")).isEqualTo("company");
    }

    @Test
    void anAssessmentReportWithTextInAnyScriptHasItsNumbersAndAFramedPageEach() throws IOException {
        byte[] pdf = AssessmentReport.render(assessment("Ωmega 東京 Analytics GmbH 🚀"));
        ReportPdfs.save(pdf, "sample-assessment-report.pdf");

        String text = ReportPdfs.text(pdf);
        assertThat(text)
                .contains("mega ?? Analytics GmbH ?")
                .contains("AI Maturity Assessment")
                .contains("Framework version 1")
                .contains("Published by Rita Reviewer on 2025-06-01 08:00 UTC")
                .contains("Caps and red flags", "RF3")
                .contains("Top findings", "No drift monitoring", "Olga Owner", "2025-07-01")
                .contains("data-room/C1.1.pdf");
        int pages = ReportPdfs.pages(pdf);
        assertThat(pages).isGreaterThan(1);
        for (int page = 1; page <= pages; page++) {
            assertThat(text).contains("Page " + page + " of " + pages);
        }
    }

    @Test
    void aPortfolioReportListsEveryCompanyOfTheHeatmapAndTheTopRemediation() throws IOException {
        byte[] pdf = PortfolioReport.render(portfolio(60));
        ReportPdfs.save(pdf, "sample-portfolio-report.pdf");

        String text = ReportPdfs.text(pdf);
        assertThat(text)
                .contains("Portfolio AI Maturity")
                .contains("Fund Ünïcode ?? I")
                .contains("Company 1 ?", "Company 60 ?")
                .contains("Remediation priorities")
                .contains("Score distribution");
        int pages = ReportPdfs.pages(pdf);
        assertThat(text).contains("Page " + pages + " of " + pages);
    }

    static AssessmentReportData assessment(String company) {
        CompanyId companyId = CompanyId.random();
        AssessmentContext context = new AssessmentContext(
                true, EuAiActTier.HIGH, Set.of(SensitiveDomain.CREDIT), new BigDecimal("0.75"), false);
        Assessment assessment = Assessment.start(companyId, V1, context, "alice", "alice", NOW);
        assessment =
                assessment.scoreCriterion("C1.1", CriterionScore.scored(3, Confidence.HIGH, 0), null, "alice", NOW);
        assessment = assessment.addEvidence(
                "C1.1", EvidenceItem.of(EvidenceKind.DOCUMENT, "data-room/C1.1.pdf", "alice", NOW), "alice", NOW);
        assessment =
                assessment.scoreCriterion("C1.2", CriterionScore.scored(2, Confidence.MEDIUM, 0), null, "alice", NOW);
        assessment = assessment.scoreCriterion("C1.3", CriterionScore.scored(4, Confidence.LOW, 0), null, "alice", NOW);
        assessment =
                assessment.scoreCriterion("C2.1", CriterionScore.scored(3, Confidence.MEDIUM, 0), null, "alice", NOW);
        assessment =
                assessment.scoreCriterion("C2.2", CriterionScore.scored(1, Confidence.HIGH, 0), null, "alice", NOW);
        assessment = assessment.scoreCriterion(
                "C2.4", CriterionScore.notApplicable("Batch scoring only"), null, "alice", NOW);
        assessment =
                assessment.scoreCriterion("C3.1", CriterionScore.scored(1, Confidence.HIGH, 0), null, "alice", NOW);
        assessment =
                assessment.scoreCriterion("C4.1", CriterionScore.scored(2, Confidence.MEDIUM, 0), null, "alice", NOW);
        assessment = assessment.scoreCriterion("C4.2", CriterionScore.scored(1, Confidence.LOW, 0), null, "alice", NOW);
        assessment = assessment.submit("alice", NOW);
        assessment = assessment.publish("rita", V1, new ScoringEngine(), Instant.parse("2025-06-01T08:00:00Z"));
        AssessmentId id = assessment.id();
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.raise(
                id,
                "C3.1",
                new FindingContent(
                        "No drift monitoring",
                        "Models in production are not monitored.",
                        Severity.CRITICAL,
                        "olga",
                        LocalDate.parse("2025-07-01"),
                        "Add drift monitoring with alerts to the on-call rota; 東京 team owns it.",
                        List.of()),
                FindingSource.assessor(),
                NOW));
        findings.add(Finding.raise(
                id,
                null,
                FindingContent.of("Model cards missing", "No model cards.", Severity.LOW),
                FindingSource.assessor(),
                NOW));
        return new AssessmentReportData(
                "QXNzZXNzbWVudDpzYW1wbGU",
                company,
                List.of("Fund I", "Growth Fund II"),
                assessment,
                assessment.score(V1, new ScoringEngine()),
                true,
                V1,
                findings,
                Map.of("alice", "Alice Assessor", "rita", "Rita Reviewer", "olga", "Olga Owner"),
                NOW,
                "Tina Admin");
    }

    static PortfolioReportData portfolio(int companies) {
        List<PortfolioRow> rows = new ArrayList<>();
        List<BigDecimal> overall = new ArrayList<>();
        for (int i = 1; i <= companies; i++) {
            BigDecimal score =
                    new BigDecimal(4.0 * (companies - i) / companies).setScale(10, java.math.RoundingMode.HALF_UP);
            overall.add(score);
            Map<String, BigDecimal> dimensions = new LinkedHashMap<>();
            dimensions.put("D1", score);
            dimensions.put("D2", score.min(new BigDecimal("2.5")));
            dimensions.put("D3", i % 7 == 0 ? null : new BigDecimal(i % 5));
            dimensions.put("D4", new BigDecimal("1.0000000000"));
            Map<Severity, Integer> open = new EnumMap<>(Severity.class);
            open.put(Severity.CRITICAL, i % 3);
            open.put(Severity.HIGH, i % 2);
            Integer level = i % 11 == 0 ? null : Math.min(4, score.intValue());
            rows.add(new PortfolioRow(
                    CompanyId.random(),
                    "Company " + i + " 🚀",
                    AssessmentId.random(),
                    NOW,
                    score,
                    score.multiply(BigDecimal.valueOf(25)),
                    level,
                    level == null,
                    BigDecimal.ONE,
                    new BigDecimal("0.8"),
                    level == null,
                    dimensions,
                    List.of(),
                    open,
                    companies,
                    companies - i,
                    new BigDecimal(100.0 * (companies - i) / (companies - 1))
                            .setScale(10, java.math.RoundingMode.HALF_UP),
                    List.of(new HeatmapCell("C1.1", ScoreState.SCORED, 2, false, false))));
        }
        List<RemediationItem> remediation = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            remediation.add(new RemediationItem(
                    rows.get(i).company(),
                    rows.get(i).companyName(),
                    rows.get(i).assessment(),
                    "C" + (1 + i % 4) + ".1",
                    1,
                    1 + i % 3,
                    new BigDecimal("0.21").subtract(new BigDecimal("0.01").multiply(BigDecimal.valueOf(i)))));
        }
        PortfolioSummary summary = new PortfolioSummary(
                1,
                companies,
                ScoreStatistics.of(overall),
                Map.of("D1", ScoreStatistics.of(overall)),
                List.of(12, 15, 13, 10, 5),
                5,
                List.of(CompanyId.random()),
                Map.of());
        return new PortfolioReportData(
                "RnVuZDpzYW1wbGU",
                "Fund Ünïcode 東京 I",
                NOW,
                List.of(),
                V1,
                summary,
                rows,
                companies,
                remediation,
                57,
                NOW,
                "Tina Admin");
    }
}
