package dev.diligence.api.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.scoring.CriterionResult;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.OverallResult;
import dev.diligence.domain.scoring.RedFlag;
import dev.diligence.domain.scoring.RedFlagEffect;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The investment committee's report on one assessment, A4 portrait: the cover (company, funds,
 * assessment, status, publication), the key figures (overall score, maturity level, coverage,
 * confidence), a chart per dimension of each criterion's effective level against its target, the
 * caps and red flags that fired, the top findings with owners, due dates and plans, and the
 * evidence.
 */
final class AssessmentReport {

    static final String TITLE = "AI Maturity Assessment  |  Investment Committee Report";

    /** The most findings listed; the findings export lists them all. */
    static final int FINDINGS_SHOWN = 30;

    /** The most pieces of evidence listed. */
    static final int EVIDENCE_SHOWN = 100;

    private final AssessmentReportData data;
    private final Assessment assessment;
    private final ScoringResult score;

    private AssessmentReport(AssessmentReportData data) {
        this.data = data;
        this.assessment = data.assessment();
        this.score = data.score();
    }

    /** The report of {@code data} as a PDF. */
    static byte[] render(AssessmentReportData data) {
        AssessmentReport report = new AssessmentReport(data);
        ReportPageFrame frame = new ReportPageFrame(
                TITLE,
                data.companyName(),
                "Confidential  |  generated " + ReportStyle.instant(data.generatedAt()) + " for " + data.generatedFor()
                        + "  |  framework version " + data.assessment().frameworkVersion());
        return ReportDocument.write(
                PageSize.A4,
                frame,
                "AI maturity assessment of " + data.companyName(),
                "Investment committee report",
                report::addTo);
    }

    private void addTo(Document document, PdfWriter writer) throws DocumentException {
        cover(document);
        keyFigures(document);
        document.add(LevelLegend.table());
        dimensions(document, writer);
        redFlags(document, writer);
        findings(document, writer);
        evidence(document, writer);
    }

    private void cover(Document document) throws DocumentException {
        Paragraph overline = new Paragraph("ASSESSMENT REPORT", ReportStyle.font(8, Font.BOLD, ReportStyle.ACCENT));
        document.add(overline);
        Paragraph company = new Paragraph(PdfText.safe(data.companyName(), 120), ReportStyle.TITLE);
        document.add(company);
        document.add(ReportStyle.paragraph(
                "AI maturity assessment under framework version " + assessment.frameworkVersion(),
                ReportStyle.SUBTITLE));

        PdfPTable facts = new PdfPTable(new float[] {1.1f, 3.2f});
        facts.setWidthPercentage(100);
        facts.setSpacingBefore(8);
        facts.setSpacingAfter(4);
        fact(facts, "Fund(s)", data.funds().isEmpty() ? "none visible" : String.join(", ", data.funds()));
        fact(facts, "Assessment", "AI maturity assessment of " + data.companyName());
        fact(facts, "Assessment ID", data.assessmentId());
        fact(facts, "Status", assessment.status().name());
        fact(facts, "Framework version", String.valueOf(assessment.frameworkVersion()));
        fact(facts, "Lead assessor", data.person(assessment.leadAssessor()));
        fact(
                facts,
                "Started / last changed",
                ReportStyle.instant(assessment.createdAt()) + "  /  " + ReportStyle.instant(assessment.updatedAt()));
        fact(facts, "Publication", publication());
        fact(
                facts,
                "Scores",
                data.storedScore()
                        ? "as stored at publication"
                        : "computed from the recorded inputs; not final until published");
        document.add(facts);
    }

    private String publication() {
        if (assessment.publication() == null) {
            return "Not published (status " + assessment.status().name() + ")";
        }
        String published =
                "Published by " + data.person(assessment.publication().publishedBy()) + " on "
                        + ReportStyle.instant(assessment.publication().publishedAt());
        if (assessment.status() == AssessmentStatus.RETRACTED && assessment.retraction() != null) {
            return published + "; retracted by "
                    + data.person(assessment.retraction().retractedBy()) + " on "
                    + ReportStyle.instant(assessment.retraction().retractedAt()) + ": "
                    + PdfText.safe(assessment.retraction().reason(), 300);
        }
        return published;
    }

    private static void fact(PdfPTable facts, String label, String value) {
        PdfPCell name = ReportStyle.cell(label, ReportStyle.font(8.5f, Font.BOLD, ReportStyle.MUTED));
        name.setPaddingLeft(0);
        facts.addCell(name);
        facts.addCell(ReportStyle.cell(value, ReportStyle.BODY));
    }

    private void keyFigures(Document document) throws DocumentException {
        OverallResult overall = score.overall();
        PdfPTable figures = new PdfPTable(4);
        figures.setWidthPercentage(100);
        figures.setSpacingBefore(10);
        figures.setSpacingAfter(2);
        figures.addCell(figure(
                "Overall score",
                overall == null ? "n/a" : ReportStyle.score(overall.score()),
                overall == null ? "nothing scored yet" : "of 4  (" + ReportStyle.percent(overall.percentage()) + "%)",
                null));
        Integer level = overall == null ? null : overall.level();
        figures.addCell(figure(
                "Maturity level",
                level == null ? "n/a" : String.valueOf(level),
                level == null
                        ? (overall != null && overall.levelSuppressed() ? "suppressed by a red flag" : "no level")
                        : ReportStyle.level(level, ""),
                level));
        figures.addCell(figure("Coverage", ReportStyle.share(score.coverage()), "of applicable weight scored", null));
        figures.addCell(figure(
                "Confidence",
                overall == null ? "n/a" : ReportStyle.share(overall.confidence()),
                "weighted by evidence quality",
                null));
        document.add(figures);
        if (overall != null) {
            StringBuilder note = new StringBuilder("Overall score " + ReportStyle.score(overall.score())
                    + ", floor (lowest dimension) " + ReportStyle.score(overall.floor()) + ", uncapped level "
                    + overall.uncappedLevel() + ".");
            if (overall.levelSuppressed()) {
                note.append(" No maturity level is reported: a red flag suppresses it.");
            } else if (overall.levelCappedBy() != null) {
                note.append(" The level is capped by ")
                        .append(overall.levelCappedBy())
                        .append(" at ")
                        .append(overall.level())
                        .append('.');
            }
            document.add(ReportStyle.paragraph(note.toString(), ReportStyle.SMALL_MUTED));
        }
    }

    private static PdfPCell figure(String label, String value, String caption, @Nullable Integer level) {
        PdfPTable inner = new PdfPTable(1);
        inner.setWidthPercentage(100);
        PdfPCell labelCell = ReportStyle.plain(new PdfPCell(new Phrase(label.toUpperCase(), ReportStyle.FIGURE_LABEL)));
        inner.addCell(labelCell);
        Font valueFont = new Font(ReportStyle.FIGURE);
        PdfPCell valueCell = new PdfPCell(new Phrase(PdfText.safe(value), valueFont));
        valueCell.setBorder(Rectangle.NO_BORDER);
        if (level != null) {
            valueFont.setColor(ReportStyle.textOn(level));
            valueCell.setBackgroundColor(ReportStyle.levelColour(level));
            valueCell.setHorizontalAlignment(Element.ALIGN_CENTER);
        }
        valueCell.setPaddingBottom(5);
        inner.addCell(valueCell);
        inner.addCell(ReportStyle.plain(new PdfPCell(new Phrase(PdfText.safe(caption), ReportStyle.SMALL_MUTED))));
        PdfPCell cell = new PdfPCell(inner);
        cell.setBorder(Rectangle.BOX);
        cell.setBorderColor(ReportStyle.RULE);
        cell.setBackgroundColor(ReportStyle.SHADE);
        cell.setPadding(7);
        return cell;
    }

    private void dimensions(Document document, PdfWriter writer) throws DocumentException {
        ReportStyle.section(document, writer, "Dimension scores", 140);
        PdfPTable table = ReportStyle.table(3.4f, 0.9f, 0.9f, 1, 1, 1, 1.1f);
        table.addCell(ReportStyle.head("Dimension"));
        table.addCell(ReportStyle.headRight("Weight"));
        PdfPCell scoreHead = ReportStyle.head("Score");
        scoreHead.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(scoreHead);
        for (String head : List.of("Uncapped", "Coverage", "Confidence")) {
            table.addCell(ReportStyle.headRight(head));
        }
        table.addCell(ReportStyle.head("Capped by"));
        for (DimensionResult dimension : score.dimensions()) {
            table.addCell(
                    ReportStyle.cell(dimension.code() + "  " + dimensionName(dimension.code()), ReportStyle.BODY));
            table.addCell(ReportStyle.number(ReportStyle.score(dimension.weight()), ReportStyle.BODY));
            table.addCell(ReportStyle.levelCell(
                    dimension.applicable() ? ReportStyle.score(dimension.score()) : "not applicable",
                    dimension.score() == null ? null : ReportStyle.band(dimension.score()),
                    ReportStyle.BODY_BOLD));
            table.addCell(ReportStyle.number(ReportStyle.score(dimension.uncappedScore()), ReportStyle.BODY));
            table.addCell(ReportStyle.number(
                    ReportStyle.share(dimension.coverage()) + (dimension.provisional() ? " *" : ""), ReportStyle.BODY));
            table.addCell(ReportStyle.number(ReportStyle.share(dimension.confidence()), ReportStyle.BODY));
            table.addCell(ReportStyle.cell(dimension.cappedBy() == null ? "" : dimension.cappedBy(), ReportStyle.BODY));
        }
        document.add(table);
        if (score.dimensions().stream().anyMatch(DimensionResult::provisional)) {
            document.add(ReportStyle.paragraph(
                    "* provisional: less than 70% of the dimension's weight is scored.", ReportStyle.SMALL_MUTED));
        }

        ReportStyle.section(document, writer, "Criteria against their targets", 160);
        document.add(ReportStyle.paragraph(
                "Each bar is a criterion's effective level on the 0 to 4 scale, in its level's colour; the diamond"
                        + " marks its target. A dashed outline shows a recorded level of 3 or 4 that the evidence gate"
                        + " counts as 2 (low confidence or no evidence).",
                ReportStyle.SMALL_MUTED));
        Map<String, List<CriterionResult>> byDimension = score.criteria().stream()
                .collect(Collectors.groupingBy(
                        CriterionResult::dimension, java.util.LinkedHashMap::new, Collectors.toList()));
        for (DimensionResult dimension : score.dimensions()) {
            PdfPTable chart = new PdfPTable(new float[] {4, 1});
            chart.setWidthPercentage(100);
            chart.setSpacingBefore(6);
            chart.setKeepTogether(true);
            PdfPCell title = new PdfPCell(new Phrase(
                    PdfText.safe(dimension.code() + "  " + dimensionName(dimension.code())), ReportStyle.SUBHEADING));
            title.setBorder(Rectangle.BOTTOM);
            title.setBorderColor(ReportStyle.NAVY);
            title.setPaddingBottom(4);
            chart.addCell(title);
            PdfPCell value = new PdfPCell(new Phrase(
                    PdfText.safe(
                            dimension.applicable()
                                    ? "Score " + ReportStyle.score(dimension.score())
                                    : "Score not applicable"),
                    ReportStyle.SUBHEADING));
            value.setBorder(Rectangle.BOTTOM);
            value.setBorderColor(ReportStyle.NAVY);
            value.setHorizontalAlignment(Element.ALIGN_RIGHT);
            value.setPaddingBottom(4);
            chart.addCell(value);
            PdfPCell bars = DimensionBarChart.cell(bars(byDimension.getOrDefault(dimension.code(), List.of())));
            bars.setColspan(2);
            bars.setPaddingTop(4);
            chart.addCell(bars);
            document.add(chart);
        }
        List<String> notAssessed = score.notAssessed();
        if (!notAssessed.isEmpty()) {
            document.add(ReportStyle.paragraph(
                    "Not assessed yet: " + String.join(", ", notAssessed) + ".", ReportStyle.SMALL_MUTED));
        }
    }

    private List<DimensionBarChart.Bar> bars(List<CriterionResult> criteria) {
        return criteria.stream()
                .map(c -> new DimensionBarChart.Bar(
                        c.code(),
                        criterionName(c.code()),
                        c.state() == ScoreState.NOT_APPLICABLE ? "not applicable" : "not assessed",
                        c.effectiveLevel(),
                        c.recordedLevel(),
                        c.gated(),
                        c.target()))
                .toList();
    }

    private void redFlags(Document document, PdfWriter writer) throws DocumentException {
        ReportStyle.section(document, writer, "Caps and red flags", 110);
        List<RedFlag> flags = score.redFlags();
        if (flags.isEmpty()) {
            document.add(ReportStyle.paragraph("No red flag fired: no cap applies.", ReportStyle.BODY));
            return;
        }
        PdfPTable table = ReportStyle.table(0.7f, 0.9f, 0.8f, 4.2f, 2f);
        for (String head : List.of("Rule", "Severity", "Criterion", "Why it fired", "Effect")) {
            table.addCell(ReportStyle.head(head));
        }
        for (RedFlag flag : flags) {
            table.addCell(ReportStyle.cell(flag.rule(), ReportStyle.BODY_BOLD));
            table.addCell(ReportStyle.severityCell(Severity.of(flag.severity())));
            table.addCell(ReportStyle.cell(flag.criterion() == null ? "" : flag.criterion(), ReportStyle.BODY));
            table.addCell(ReportStyle.cell(
                    flag.explanation() + (flag.dealLevel() ? " (concerns the whole deal)" : ""), ReportStyle.SMALL));
            table.addCell(ReportStyle.cell(effects(flag), ReportStyle.SMALL));
        }
        document.add(table);
        List<String> caps = new ArrayList<>();
        score.dimensions().stream()
                .filter(DimensionResult::isCapped)
                .forEach(d -> caps.add(d.code() + " capped by " + d.cappedBy() + " from "
                        + ReportStyle.score(d.uncappedScore()) + " to " + ReportStyle.score(d.score())));
        if (score.overall() != null && score.overall().levelCappedBy() != null) {
            caps.add("maturity level capped by " + score.overall().levelCappedBy() + " from "
                    + score.overall().uncappedLevel() + " to " + score.overall().level());
        }
        if (score.overall() != null && score.overall().levelSuppressed()) {
            caps.add("maturity level suppressed");
        }
        document.add(ReportStyle.paragraph(
                caps.isEmpty()
                        ? "No cap lowered a score or the level."
                        : "Caps applied: " + String.join("; ", caps) + ".",
                ReportStyle.BODY));
    }

    private static String effects(RedFlag flag) {
        if (flag.effects().isEmpty()) {
            return "none on the scores";
        }
        return flag.effects().stream()
                .map(effect -> {
                    if (effect instanceof RedFlagEffect.DimensionCap cap) {
                        return cap.dimension() + " at most " + ReportStyle.score(cap.cap());
                    }
                    if (effect instanceof RedFlagEffect.LevelCap cap) {
                        return "level at most " + cap.cap();
                    }
                    return "no level reported";
                })
                .collect(Collectors.joining("; "));
    }

    private void findings(Document document, PdfWriter writer) throws DocumentException {
        ReportStyle.section(document, writer, "Top findings", 120);
        List<Finding> findings = data.findings();
        if (findings.isEmpty()) {
            document.add(ReportStyle.paragraph("No findings were raised on this assessment.", ReportStyle.BODY));
            return;
        }
        long open = findings.stream().filter(f -> !f.status().isClosed()).count();
        document.add(ReportStyle.paragraph(
                ReportStyle.count(findings.size(), "finding", "findings") + " (" + open
                        + " open), most severe first, then by due date"
                        + (findings.size() > FINDINGS_SHOWN
                                ? "; the first " + FINDINGS_SHOWN + " are listed (the findings export has all)."
                                : "."),
                ReportStyle.SMALL_MUTED));
        PdfPTable table = ReportStyle.table(0.35f, 0.95f, 4.3f, 1.2f, 1.5f, 1.05f);
        for (String head : List.of("#", "Severity", "Finding and remediation plan", "Status", "Owner", "Due date")) {
            table.addCell(ReportStyle.head(head));
        }
        int number = 0;
        for (Finding finding : findings.subList(0, Math.min(FINDINGS_SHOWN, findings.size()))) {
            FindingContent content = finding.content();
            table.addCell(ReportStyle.cell(String.valueOf(++number), ReportStyle.SMALL_MUTED));
            table.addCell(ReportStyle.severityCell(content.severity()));
            Phrase what = new Phrase();
            what.add(new Chunk(PdfText.safe(content.title(), 200), ReportStyle.BODY_BOLD));
            String about = (finding.criterion() == null ? "" : finding.criterion() + "  ")
                    + (finding.source().isRule()
                            ? "raised by rule " + finding.source().ruleId()
                            : "");
            if (!about.isBlank()) {
                what.add(new Chunk("\n" + PdfText.safe(about.strip()), ReportStyle.SMALL_MUTED));
            }
            what.add(new Chunk(
                    "\nPlan: "
                            + (content.remediationPlan() == null
                                            || content.remediationPlan().isBlank()
                                    ? "none recorded"
                                    : PdfText.safe(content.remediationPlan(), 600)),
                    ReportStyle.SMALL));
            PdfPCell whatCell = ReportStyle.cell("", ReportStyle.BODY);
            whatCell.setPhrase(what);
            table.addCell(whatCell);
            table.addCell(ReportStyle.cell(finding.status().name().replace('_', ' '), ReportStyle.SMALL));
            table.addCell(ReportStyle.cell(
                    content.owner() == null ? "unassigned" : data.person(content.owner()), ReportStyle.SMALL));
            table.addCell(ReportStyle.cell(
                    content.dueDate() == null ? "none" : content.dueDate().toString(), ReportStyle.SMALL));
        }
        document.add(table);
    }

    private void evidence(Document document, PdfWriter writer) throws DocumentException {
        ReportStyle.section(document, writer, "Evidence", 110);
        List<Map.Entry<String, EvidenceItem>> items = new ArrayList<>();
        for (CriterionAssessment criterion : assessment.criteria().all()) {
            criterion.evidence().forEach(item -> items.add(Map.entry(criterion.code(), item)));
        }
        if (items.isEmpty()) {
            document.add(ReportStyle.paragraph("No evidence was recorded.", ReportStyle.BODY));
            return;
        }
        document.add(ReportStyle.paragraph(
                ReportStyle.count(items.size(), "piece", "pieces") + " of evidence, by criterion"
                        + (items.size() > EVIDENCE_SHOWN ? "; the first " + EVIDENCE_SHOWN + " are listed." : "."),
                ReportStyle.SMALL_MUTED));
        PdfPTable table = ReportStyle.table(0.95f, 1, 4.2f, 1.6f, 1.5f);
        for (String head : List.of("Criterion", "Kind", "Evidence", "Added by", "Added at")) {
            table.addCell(ReportStyle.head(head));
        }
        for (Map.Entry<String, EvidenceItem> entry : items.subList(0, Math.min(EVIDENCE_SHOWN, items.size()))) {
            EvidenceItem item = entry.getValue();
            table.addCell(ReportStyle.cell(entry.getKey(), ReportStyle.SMALL_BOLD));
            table.addCell(ReportStyle.cell(item.kind().name(), ReportStyle.SMALL));
            table.addCell(ReportStyle.cell(PdfText.safe(item.value(), 300), ReportStyle.SMALL));
            table.addCell(ReportStyle.cell(data.person(item.addedBy()), ReportStyle.SMALL));
            table.addCell(ReportStyle.cell(ReportStyle.instant(item.addedAt()), ReportStyle.SMALL));
        }
        document.add(table);
    }

    private String dimensionName(String code) {
        return data.frameworkVersion()
                .flatMap(version -> version.dimension(code))
                .map(Dimension::name)
                .orElse("");
    }

    private String criterionName(String code) {
        return data.frameworkVersion()
                .flatMap(version -> version.criterion(code))
                .map(Criterion::name)
                .orElse("");
    }
}
