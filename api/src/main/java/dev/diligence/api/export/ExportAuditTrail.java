package dev.diligence.api.export;

import dev.diligence.api.audit.AuditRecorder;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records a file export or report in the audit trail: one event of the export's action (e.g.
 * {@code exportFindings}, {@code reportPortfolio}), of the object type {@value #ENTITY_TYPE} with an ID
 * of its own, and what was asked and charged as its details. The callers own the transaction and the
 * authorisation (each export's service method).
 */
@Component
public class ExportAuditTrail {

    public static final String ENTITY_TYPE = "Export";

    private final AuditRecorder audit;

    ExportAuditTrail(AuditRecorder audit) {
        this.audit = audit;
    }

    public void record(String action, Map<String, Object> details) {
        audit.record(action, ENTITY_TYPE, UUID.randomUUID(), null, details);
    }
}
