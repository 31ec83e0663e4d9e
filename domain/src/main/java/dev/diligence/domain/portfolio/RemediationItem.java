package dev.diligence.domain.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.shared.paging.Cursor;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;

/**
 * A criterion of a company below its target, with its remediation priority (gap × w × W), from the
 * stored result. Ranked by {@link #RANKING}, a total order (clarification 4 of the framework), so
 * pages never repeat or skip an item.
 */
public record RemediationItem(
        CompanyId company,
        String companyName,
        AssessmentId assessment,
        String criterion,
        int criterionPosition,
        int gap,
        BigDecimal priority) {

    /** The name of the ranking's one ordering, stated in its cursors. */
    public static final String ORDER = "PRIORITY_GAP_NAME_CODE";

    /**
     * The ranking: priority descending, then gap descending, then the company's name ascending ignoring
     * case (lower-cased, compared character by character), then the criterion code ascending, then the
     * company's ID (as PostgreSQL orders UUIDs: by their hexadecimal text). The SQL of the ranking must
     * order exactly so.
     */
    public static final Comparator<RemediationItem> RANKING = Comparator.comparing(
                    RemediationItem::priority, Comparator.reverseOrder())
            .thenComparing(RemediationItem::gap, Comparator.reverseOrder())
            .thenComparing(item -> lowerCase(item.companyName()))
            .thenComparing(RemediationItem::criterion)
            .thenComparing(item -> item.company().value().toString());

    /** The name as the ranking compares it. */
    public static String lowerCase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The keyset position of this item: priority, gap, criterion code and company name, and the company id. */
    public Cursor cursor() {
        return new Cursor(
                ORDER, priority.toPlainString() + "|" + gap + "|" + criterion + "|" + companyName, company.value());
    }
}
