package dev.diligence.bench;

import dev.diligence.bench.database.BenchDatabase;
import dev.diligence.bench.database.DatasetCounts;
import dev.diligence.bench.database.IntegrityCheck;
import dev.diligence.bench.database.ScaleFund;
import dev.diligence.bench.manifest.Manifest;
import dev.diligence.bench.portfolio.PortfolioShape;
import dev.diligence.bench.portfolio.TenantPlan;
import dev.diligence.bench.portfolio.TenantPortfolio;
import dev.diligence.domain.assessment.AssessmentId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a benchmark database: recreates and migrates it, loads a reproducible multi-tenant
 * portfolio with COPY, analyzes it and writes the manifest the bench scripts read. The data depends
 * only on the size and the seed, and on the day it is generated: every timestamp lies before the
 * anchor, the start of the current UTC day. Arguments: see {@link GeneratorOptions}.
 */
public final class GenerateDataset {

    static final int MANIFEST_ASSESSMENT_IDS = 5_000;

    private GenerateDataset() {}

    public static void main(String[] args) throws Exception {
        GeneratorOptions options = GeneratorOptions.parse(args);
        long started = System.nanoTime();
        Instant anchor =
                LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<TenantPlan> plans = PortfolioShape.tenants(options.size(), options.seed());

        BenchDatabase database = new BenchDatabase(
                options.serverUrl(),
                options.adminUser(),
                options.database(),
                options.ownerPassword(),
                options.appPassword());
        database.recreate();
        database.migrate();
        log(started, "database " + options.database() + " created and migrated");

        List<AssessmentId> benchAssessments = new ArrayList<>();
        // generation (Java) of the next tenant overlaps the COPY (PostgreSQL) of the current one
        ExecutorService generator = Executors.newSingleThreadExecutor();
        try (Connection admin = database.connectAsAdmin()) {
            DatasetLoader loader = new DatasetLoader(admin);
            loader.tenants(plans, anchor.minus(Duration.ofDays(1200)));
            Future<TenantDataset> next =
                    generator.submit(() -> TenantDataset.generate(plans.get(0), options.seed(), anchor));
            for (int i = 0; i < plans.size(); i++) {
                TenantDataset dataset = next.get();
                if (i + 1 < plans.size()) {
                    TenantPlan following = plans.get(i + 1);
                    next = generator.submit(() -> TenantDataset.generate(following, options.seed(), anchor));
                }
                loader.tenant(dataset);
                if (i == 0) {
                    benchAssessments.addAll(dataset.assessments());
                }
                log(
                        started,
                        "loaded " + dataset.plan().key() + ": " + dataset.plan().companies() + " companies, "
                                + dataset.assessments().size() + " assessments");
            }
        } finally {
            generator.shutdownNow();
        }

        try (Connection admin = database.connectAsAdmin();
                Statement statement = admin.createStatement()) {
            int rules = new IntegrityCheck(admin).verify();
            log(started, "verified " + rules + " foreign keys and rules");
            statement.execute("vacuum analyze");
            log(started, "vacuum analyze done");
            DatasetCounts counts = DatasetCounts.read(admin);
            ScaleFund scaleFund = ScaleFund.read(admin, plans.get(0).id(), TenantPortfolio.SCALE_FUND);
            double seconds = (System.nanoTime() - started) / 1e9;
            new Manifest(
                            options.database(),
                            options.size().label(),
                            options.seed(),
                            plans,
                            scaleFund.id(),
                            scaleFund.holdings(),
                            sample(benchAssessments, options.seed()),
                            counts,
                            seconds)
                    .writeTo(options.manifest());
            System.out.printf(
                    "%s (%s, seed %d) loaded in %.1f s: %s%nmanifest: %s%n",
                    options.database(),
                    options.size().label(),
                    options.seed(),
                    seconds,
                    counts,
                    options.manifest().toAbsolutePath());
        }
    }

    /** Up to {@link #MANIFEST_ASSESSMENT_IDS} of the ids, in an order drawn from the seed. */
    private static List<UUID> sample(List<AssessmentId> ids, long seed) {
        List<UUID> shuffled =
                new ArrayList<>(ids.stream().map(AssessmentId::value).toList());
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(MANIFEST_ASSESSMENT_IDS, shuffled.size())));
    }

    private static void log(long started, String message) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }
}
