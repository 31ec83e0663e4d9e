package dev.diligence.domain.portfolio;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.ListOrder;

/**
 * A company of a fund listed by name outside the compared cohort: one without a published assessment,
 * or one whose latest assessment is under another framework version. Such lists are ordered by name,
 * then company id, as company lists ordered by {@link ListOrder#NAME_ASC} are, and their cursors are
 * that ordering's.
 */
public record PortfolioMember(CompanyId company, String name) {

    /** The ordering of member lists, stated in their cursors. */
    public static final ListOrder ORDER = ListOrder.NAME_ASC;

    /** The keyset position of this member: its name, and the company id. */
    public Cursor cursor() {
        return new Cursor(ORDER.name(), name, company.value());
    }
}
