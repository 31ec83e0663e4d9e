package dev.diligence.api.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * The same requests with an ID the caller can see: the answer must differ from the random ID's
 * (and be a success), or the oracle probes could pass by answering everything alike. Mutating
 * sanity probes act on objects of their own, which no oracle probe names.
 */
record SanityProbe(OracleCaller caller, OracleSlot slot, OracleWorld.Visible visible) {

    static List<SanityProbe> table() {
        List<SanityProbe> table = new ArrayList<>();
        for (OracleCaller caller : OracleCaller.values()) {
            table.add(new SanityProbe(caller, OracleSlot.NODE, OracleWorld.Visible.GRANTED_HOLDING));
            table.add(new SanityProbe(caller, OracleSlot.FUND, OracleWorld.Visible.GRANTED_FUND));
            table.add(new SanityProbe(caller, OracleSlot.COMPANY, OracleWorld.Visible.SHARED_COMPANY));
            table.add(new SanityProbe(caller, OracleSlot.COMPANIES_FILTER_FUND_ID, OracleWorld.Visible.GRANTED_FUND));
            table.add(new SanityProbe(caller, OracleSlot.NODE, OracleWorld.Visible.VISIBLE_DRAFT_ASSESSMENT));
            table.add(new SanityProbe(caller, OracleSlot.NODE, OracleWorld.Visible.VISIBLE_FINDING));
            table.add(new SanityProbe(caller, OracleSlot.ASSESSMENT, OracleWorld.Visible.VISIBLE_DRAFT_ASSESSMENT));
            table.add(new SanityProbe(
                    caller, OracleSlot.FINDINGS_FILTER_ASSESSMENT_ID, OracleWorld.Visible.VISIBLE_DRAFT_ASSESSMENT));
            table.add(new SanityProbe(
                    caller, OracleSlot.FINDINGS_FILTER_COMPANY_ID, OracleWorld.Visible.ASSESSED_COMPANY));
            table.add(new SanityProbe(caller, OracleSlot.FINDINGS_FILTER_FUND_ID, OracleWorld.Visible.GRANTED_FUND));
            table.add(new SanityProbe(
                    caller, OracleSlot.ASSESSMENT_DIFF_BEFORE_ID, OracleWorld.Visible.VISIBLE_DRAFT_ASSESSMENT));
            table.add(new SanityProbe(
                    caller, OracleSlot.ASSESSMENT_DIFF_AFTER_ID, OracleWorld.Visible.VISIBLE_DRAFT_ASSESSMENT));
            table.add(new SanityProbe(caller, OracleSlot.PORTFOLIO_FUND_ID, OracleWorld.Visible.GRANTED_FUND));
            table.add(new SanityProbe(caller, OracleSlot.PORTFOLIO_TREND_FUND_ID, OracleWorld.Visible.GRANTED_FUND));
            // Charlie next to Alpha: both listed, nothing missing (a random ID is missing, Alpha alone listed)
            table.add(new SanityProbe(caller, OracleSlot.COMPARE_COMPANIES_IDS, OracleWorld.Visible.SHARED_COMPANY));
            table.add(new SanityProbe(caller, OracleSlot.COMPARE_COMPANIES_FUND_ID, OracleWorld.Visible.GRANTED_FUND));
        }
        OracleCaller admin = OracleCaller.TENANT_ADMIN;
        table.add(new SanityProbe(admin, OracleSlot.AUDIT_EVENTS_FILTER_ENTITY_ID, OracleWorld.Visible.GRANTED_FUND));
        table.add(new SanityProbe(admin, OracleSlot.FUND_ACCESS_GRANTS_FUND_ID, OracleWorld.Visible.GRANTED_FUND));
        table.add(new SanityProbe(admin, OracleSlot.UPDATE_FUND, OracleWorld.Visible.FUND_TO_UPDATE));
        table.add(new SanityProbe(admin, OracleSlot.ARCHIVE_FUND, OracleWorld.Visible.FUND_TO_ARCHIVE));
        table.add(new SanityProbe(admin, OracleSlot.UPDATE_COMPANY, OracleWorld.Visible.COMPANY_TO_UPDATE));
        table.add(new SanityProbe(admin, OracleSlot.ARCHIVE_COMPANY, OracleWorld.Visible.COMPANY_TO_ARCHIVE));
        table.add(new SanityProbe(admin, OracleSlot.ADD_HOLDING_FUND_ID, OracleWorld.Visible.FUND_TO_ADD_TO));
        table.add(new SanityProbe(admin, OracleSlot.ADD_HOLDING_COMPANY_ID, OracleWorld.Visible.COMPANY_TO_ADD));
        table.add(new SanityProbe(admin, OracleSlot.UPDATE_HOLDING, OracleWorld.Visible.HOLDING_TO_UPDATE));
        table.add(new SanityProbe(admin, OracleSlot.REMOVE_HOLDING, OracleWorld.Visible.HOLDING_TO_REMOVE));
        table.add(new SanityProbe(admin, OracleSlot.GRANT_FUND_ACCESS, OracleWorld.Visible.FUND_TO_GRANT));
        table.add(new SanityProbe(admin, OracleSlot.REVOKE_FUND_ACCESS, OracleWorld.Visible.FUND_TO_REVOKE));
        table.add(new SanityProbe(admin, OracleSlot.CREATE_ASSESSMENT, OracleWorld.Visible.COMPANY_TO_ASSESS));
        table.add(new SanityProbe(
                admin, OracleSlot.START_ASSESSMENT_FROM_LATEST, OracleWorld.Visible.COMPANY_TO_RESTART));
        table.add(new SanityProbe(
                admin, OracleSlot.UPDATE_ASSESSMENT_CONTEXT, OracleWorld.Visible.ASSESSMENT_TO_UPDATE_CONTEXT));
        table.add(new SanityProbe(admin, OracleSlot.SCORE_CRITERION, OracleWorld.Visible.ASSESSMENT_TO_SCORE));
        table.add(new SanityProbe(admin, OracleSlot.ADD_EVIDENCE, OracleWorld.Visible.ASSESSMENT_TO_ADD_EVIDENCE));
        table.add(
                new SanityProbe(admin, OracleSlot.REMOVE_EVIDENCE, OracleWorld.Visible.ASSESSMENT_TO_REMOVE_EVIDENCE));
        table.add(new SanityProbe(admin, OracleSlot.SUBMIT_ASSESSMENT, OracleWorld.Visible.ASSESSMENT_TO_SUBMIT));
        table.add(new SanityProbe(
                admin, OracleSlot.REQUEST_ASSESSMENT_CHANGES, OracleWorld.Visible.ASSESSMENT_TO_SEND_BACK));
        table.add(new SanityProbe(admin, OracleSlot.PUBLISH_ASSESSMENT, OracleWorld.Visible.ASSESSMENT_TO_PUBLISH));
        table.add(new SanityProbe(admin, OracleSlot.RETRACT_ASSESSMENT, OracleWorld.Visible.ASSESSMENT_TO_RETRACT));
        table.add(new SanityProbe(admin, OracleSlot.RAISE_FINDING, OracleWorld.Visible.ASSESSMENT_TO_RAISE_ON));
        table.add(new SanityProbe(admin, OracleSlot.UPDATE_FINDING, OracleWorld.Visible.FINDING_TO_UPDATE));
        table.add(new SanityProbe(admin, OracleSlot.START_FINDING_REMEDIATION, OracleWorld.Visible.FINDING_TO_START));
        table.add(new SanityProbe(admin, OracleSlot.RESOLVE_FINDING, OracleWorld.Visible.FINDING_TO_RESOLVE));
        table.add(new SanityProbe(admin, OracleSlot.ACCEPT_FINDING_RISK, OracleWorld.Visible.FINDING_TO_ACCEPT));
        table.add(new SanityProbe(admin, OracleSlot.REOPEN_FINDING, OracleWorld.Visible.FINDING_TO_REOPEN));
        table.add(new SanityProbe(
                OracleCaller.ASSESSOR, OracleSlot.UPDATE_COMPANY, OracleWorld.Visible.COMPANY_TO_UPDATE_BY_ASSESSOR));
        table.add(new SanityProbe(
                OracleCaller.ASSESSOR,
                OracleSlot.CREATE_ASSESSMENT,
                OracleWorld.Visible.COMPANY_TO_ASSESS_BY_ASSESSOR));
        table.add(new SanityProbe(
                OracleCaller.ASSESSOR,
                OracleSlot.SCORE_CRITERION,
                OracleWorld.Visible.ASSESSMENT_TO_SCORE_BY_ASSESSOR));
        table.add(new SanityProbe(
                OracleCaller.ASSESSOR, OracleSlot.UPDATE_FINDING, OracleWorld.Visible.FINDING_TO_UPDATE_BY_ASSESSOR));
        table.add(new SanityProbe(
                OracleCaller.ASSESSOR, OracleSlot.ARCHIVE_COMPANY, OracleWorld.Visible.COMPANY_TO_ARCHIVE_BY_ASSESSOR));
        return List.copyOf(table);
    }

    @Override
    public String toString() {
        return "[" + caller + "] " + slot + " <- visible " + visible;
    }
}
