package dev.diligence.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command line of {@link GenerateDataset}: {@code --name value} pairs, every one optional but the database. */
public record GeneratorOptions(
        String serverUrl,
        String adminUser,
        String database,
        DatasetSize size,
        long seed,
        Path manifest,
        String ownerPassword,
        String appPassword) {

    private static final Set<String> NAMES =
            Set.of("url", "admin-user", "database", "size", "seed", "manifest", "owner-password", "app-password");

    public static GeneratorOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --name value with a name of " + NAMES + ", got " + args[i]);
            }
            values.put(name, args[i + 1]);
        }
        String url = values.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5499/");
        String database = values.get("database");
        if (database == null) {
            throw new IllegalArgumentException("--database is required");
        }
        return new GeneratorOptions(
                url.endsWith("/") ? url : url + "/",
                values.getOrDefault("admin-user", "postgres"),
                database,
                DatasetSize.of(values.getOrDefault("size", "small")),
                Long.parseLong(values.getOrDefault("seed", "42")),
                Path.of(values.getOrDefault("manifest", database + ".manifest.json")),
                values.getOrDefault("owner-password", "bench-owner"),
                values.getOrDefault("app-password", "bench-app"));
    }
}
