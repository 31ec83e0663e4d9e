package dev.diligence.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The file endpoints ({@code /exports/...}: exports and reports) as their tests call them: a GET with
 * a bearer token that must answer a file, or must be refused with a JSON problem even when the client
 * asks for a page; and what is read back: a CSV file, an XLSX sheet of sections, the audit event of a
 * download.
 */
public final class FileDownloads {

    /** The content type of an XLSX file. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Supplier<WebTestClient> server;
    private final MediaType[] pageAccept;

    /**
     * Downloads through {@code server} (a test's {@code this::server}); refusals are asked for
     * accepting {@code pageAccept}, as a browser asks for a page (and the file), and must still be JSON.
     */
    public FileDownloads(Supplier<WebTestClient> server, MediaType... pageAccept) {
        this.server = server;
        this.pageAccept = pageAccept.clone();
    }

    /** GETs {@code path} as {@code token}; asserts 200 and returns the exchange: its headers and the file. */
    public EntityExchangeResult<byte[]> download(String token, String path) {
        return server.get()
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
    }

    /**
     * GETs {@code path} as {@code token} (without one when null), accepting a page; asserts
     * {@code status} and a JSON problem, and returns the problem's body for further checks.
     */
    public WebTestClient.BodyContentSpec refused(@Nullable String token, String path, int status) {
        return expectRefusal(token, path, status, pageAccept);
    }

    /**
     * The platform administrator (403) and a caller without a token (401) are refused {@code path}
     * with a JSON problem, whether or not they ask for a page.
     */
    public void assertRefusedToPlatformAdminAndStrangers(String path) {
        String platformAdmin = ApiIntegrationTest.platformAdminToken();
        for (MediaType[] accept : List.of(new MediaType[0], pageAccept)) {
            expectRefusal(platformAdmin, path, 403, accept);
            expectRefusal(null, path, 401, accept);
        }
    }

    private WebTestClient.BodyContentSpec expectRefusal(
            @Nullable String token, String path, int status, MediaType... accept) {
        WebTestClient.RequestHeadersSpec<?> request = server.get().get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (accept.length > 0) {
            request = request.accept(accept);
        }
        return request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }

    /** The records of a CSV export, header first; asserts the UTF-8 byte order mark it starts with. */
    public static List<CSVRecord> csv(byte[] file) throws IOException {
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        try (Reader reader =
                new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(reader).getRecords();
        }
    }

    /** The IDs of the rows of an export: the first column of every record below the header. */
    public static List<String> ids(List<CSVRecord> records) {
        return records.stream().skip(1).map(record -> record.get(0)).toList();
    }

    /**
     * The value cells of a sheet of sections (below its header: section, measure, value; the XLSX
     * "Summary" and "Score" sheets) by "section|measure", a dimension's section ("D1 Governance") by
     * its code alone ("D1|Count").
     */
    public static Map<String, Cell> bySectionAndMeasure(Sheet sheet) {
        Map<String, Cell> cells = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                String section = row.getCell(0).getStringCellValue();
                String code = section.matches("D\\d+ .*") ? section.substring(0, section.indexOf(' ')) : section;
                cells.put(code + "|" + row.getCell(1).getStringCellValue(), row.getCell(2));
            }
        }
        return cells;
    }

    /** An audit event as a download records it: its entity type and its {@code after} JSON as text. */
    public record AuditEvent(String entityType, String after) {}

    /** The audit events of {@code action} by {@code actor} (a subject) in the firm {@code tenant}, newest first. */
    public static List<AuditEvent> auditEvents(String tenant, String action, String actor) {
        try (Connection admin = TestDatabase.get().connectAsAdmin();
                PreparedStatement statement = admin.prepareStatement("""
                        select e.entity_type, e.after::text
                        from audit_events e join tenants t on t.id = e.tenant_id
                        where t.key = ? and e.action = ? and e.actor = ?
                        order by e.occurred_at desc""")) {
            statement.setString(1, tenant);
            statement.setString(2, action);
            statement.setString(3, actor);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    events.add(new AuditEvent(row.getString(1), row.getString(2)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest audit event of {@code action} by {@code actor} in the firm {@code tenant}; asserts there is one. */
    public static AuditEvent latestAuditEvent(String tenant, String action, String actor) {
        List<AuditEvent> events = auditEvents(tenant, action, actor);
        assertThat(events).as("an audit event %s by %s", action, actor).isNotEmpty();
        return events.get(0);
    }
}
