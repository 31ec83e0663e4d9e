package dev.diligence.bench.manifest;

import dev.diligence.bench.database.DatasetCounts;
import dev.diligence.bench.portfolio.TenantPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the bench scripts need to know about a loaded database: its tenants, the bench tenant and its
 * scale fund, a sample of the bench tenant's assessment ids (published and open, in random order), the
 * counts read back from the database, and the load time in seconds.
 */
public record Manifest(
        String database,
        String size,
        long seed,
        List<TenantPlan> tenants,
        UUID scaleFund,
        int scaleFundHoldings,
        List<UUID> assessmentIds,
        DatasetCounts counts,
        double seconds) {

    public void writeTo(Path file) throws IOException {
        TenantPlan bench = tenants.get(0);
        Map<String, Object> json = object(
                "database", database,
                "size", size,
                "seed", seed,
                "tenants",
                        tenants.stream()
                                .map(t -> object("id", t.id().toString(), "key", t.key(), "name", t.name()))
                                .toList(),
                "benchTenant", object("id", bench.id().toString(), "key", bench.key()),
                "scaleFund", object("id", scaleFund.toString(), "holdings", scaleFundHoldings),
                "assessmentIds", assessmentIds.stream().map(UUID::toString).toList(),
                "counts",
                        object(
                                "tenants",
                                counts.tenants(),
                                "funds",
                                counts.funds(),
                                "companies",
                                counts.companies(),
                                "holdings",
                                counts.holdings(),
                                "assessments",
                                counts.assessments(),
                                "publishedAssessments",
                                counts.publishedAssessments(),
                                "findings",
                                counts.findings()),
                "seconds", Math.round(seconds * 10) / 10.0);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Json.write(json));
    }

    /** A JSON object with the members in the given order: name, value, name, value, ... */
    private static Map<String, Object> object(Object... members) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            object.put((String) members[i], members[i + 1]);
        }
        return object;
    }
}
