package dev.diligence.domain.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.shared.paging.Cursor;
import java.math.BigDecimal;

/**
 * A criterion of a company below its target, with its remediation priority (gap × w × W), from the
 * stored result. Ranked by priority, highest first, then company id, then framework order
 * ({@code criterionPosition}).
 */
public record RemediationItem(CompanyId company, String companyName, AssessmentId assessment, String criterion,
        int criterionPosition, int gap, BigDecimal priority) {

    /** The name of the ranking's one ordering, stated in its cursors. */
    public static final String ORDER = "PRIORITY_DESC";

    /** The keyset position of this item: priority and criterion position, and the company id. */
    public Cursor cursor() {
        return new Cursor(ORDER, priority.toPlainString() + "|" + criterionPosition, company.value());
    }
}
