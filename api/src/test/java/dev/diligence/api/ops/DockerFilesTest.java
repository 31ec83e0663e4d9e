package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No Docker engine runs where the tests run, so this checks {@code docker/compose.yaml} and
 * {@code docker/Dockerfile} against what the application really reads: every environment variable
 * of the api service is a real setting (Spring's relaxed binding against Spring Boot's configuration
 * metadata, the application's own {@code @ConfigurationProperties} and the few keys it reads from
 * the Environment directly), the embedded default cannot engage, the database roles agree with the
 * init script, the mounted realm exists and is the issuer's realm, the ports agree everywhere, and the
 * image starts with the class data sharing archive that its runtime stage trains ({@code docker/cds-archive.sh}).
 */
class DockerFilesTest {

    /** Management port and readiness path of the Actuator configuration (used when application.yaml does not say). */
    static final int DEFAULT_MANAGEMENT_PORT = 8081;

    static final String READINESS_PATH = "/actuator/health/readiness";
    /** Variables for the JVM rather than for Spring. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    /** The extracted application jar that docker/cds-archive.sh trains and the image starts. */
    static final String CDS_APPLICATION_JAR = "app.jar";

    static Path root;
    static Map<String, Object> compose;
    static Map<String, Object> application;
    static List<String[]> dockerfile;

    @BeforeAll
    static void read() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("docker/compose.yaml"))) {
            root = root.getParent();
        }
        assertThat(root)
                .as("a directory above the working directory holding docker/compose.yaml")
                .isNotNull();
        compose = yaml(root.resolve("docker/compose.yaml"));
        application = yaml(root.resolve("api/src/main/resources/application.yaml"));
        dockerfile = dockerfileInstructions(Files.readString(root.resolve("docker/Dockerfile")));
    }

    // ---------------------------------------------------------------- environment of the api

    @Test
    void everyVariableOfTheApiServiceIsASettingTheApplicationReads() throws Exception {
        Map<String, String> environment = environment("api");
        assertThat(environment).isNotEmpty();
        Set<String> exact = new TreeSet<>();
        Set<String> maps = new TreeSet<>();
        springBootMetadata(exact, maps);
        applicationProperties(exact, maps);
        exact.addAll(keysReadFromTheEnvironment());

        List<ConfigurationPropertyName> exactNames = names(exact);
        List<ConfigurationPropertyName> mapNames = names(maps);
        List<String> unknown = new ArrayList<>();
        Map<String, String> matched = new LinkedHashMap<>();
        for (String variable : environment.keySet()) {
            if (JVM_VARIABLES.contains(variable)) {
                continue;
            }
            ConfigurationPropertySource source = environmentSource(Map.of(variable, "x"));
            String property = exactNames.stream()
                    .filter(name -> source.getConfigurationProperty(name) != null)
                    .map(ConfigurationPropertyName::toString)
                    .findFirst()
                    .orElseGet(() -> mapNames.stream()
                            .filter(name -> source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT)
                            .map(name -> name + ".*")
                            .findFirst()
                            .orElse(null));
            if (property == null) {
                unknown.add(variable);
            } else {
                matched.put(variable, property);
            }
        }
        System.out.println("api environment -> settings: " + matched);
        assertThat(unknown)
                .as(
                        "environment variables of the api service that no setting of the application binds to"
                                + " (known: %d settings, %d map settings)",
                        exact.size(), maps.size())
                .isEmpty();
    }

    @Test
    void theEmbeddedDefaultCannotEngageInTheStack() throws Exception {
        Map<String, String> environment = resolved(environment("api"));
        assertThat(embeddedWouldEngage(environment))
                .as("embedded default with the compose environment")
                .isFalse();
        // and not even when the database URL and the issuer were both forgotten: prod forbids it
        Map<String, String> forgotten = new LinkedHashMap<>(environment);
        forgotten
                .keySet()
                .removeIf(name -> name.startsWith("SPRING_DATASOURCE_URL")
                        || name.startsWith("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_")
                        || name.equals("DILIGENCE_EMBEDDED_ENABLED"));
        assertThat(embeddedWouldEngage(forgotten))
                .as("embedded default without URL and issuer, under %s", forgotten.get("SPRING_PROFILES_ACTIVE"))
                .isFalse();
    }

    @Test
    void theApplicationConnectsWithTheRolesTheInitScriptCreates() throws IOException {
        Map<String, String> api = environment("api");
        Map<String, String> postgres = environment("postgres");
        String script = Files.readString(root.resolve("docker/postgres/init-roles.sh"));
        for (String variable : postgres.keySet()) {
            if (variable.startsWith("DILIGENCE_")) {
                assertThat(script).as("init-roles.sh reads %s", variable).contains("${" + variable);
            }
        }
        assertThat(api.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("DILIGENCE_APP_ROLE"));
        assertThat(api.get("SPRING_FLYWAY_USER")).isEqualTo(postgres.get("DILIGENCE_OWNER_ROLE"));
        assertThat(api.get("SPRING_DATASOURCE_USERNAME")).isNotEqualTo(api.get("SPRING_FLYWAY_USER"));
        assertThat(api.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("DILIGENCE_APP_PASSWORD"));
        assertThat(api.get("SPRING_FLYWAY_PASSWORD")).isEqualTo(postgres.get("DILIGENCE_OWNER_PASSWORD"));
        URI database = URI.create(api.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
        assertThat(database.getHost())
                .as("database host is the postgres service")
                .isEqualTo("postgres");
        assertThat(database.getPort()).isEqualTo(5432);
        assertThat(database.getPath()).isEqualTo("/" + postgres.get("DILIGENCE_DB_NAME"));
        assertThat(postgres)
                .as("the image would create the database owned by postgres, not by the owner role")
                .doesNotContainKey("POSTGRES_DB");

        Map<String, String> mounts = mounts("postgres");
        assertThat(mounts).containsEntry("./postgres/init-roles.sh", "/docker-entrypoint-initdb.d/10-init-roles.sh");
        Path initScript = root.resolve("docker/postgres/init-roles.sh");
        assertThat(initScript).isRegularFile();
        assertThat(Files.isExecutable(initScript))
                .as("executed, not sourced, by the image's entrypoint")
                .isTrue();
        assertThat(mounts).containsValue("/var/lib/postgresql/data");
        assertThat(volumes())
                .containsKey(mounts.entrySet().stream()
                        .filter(mount -> mount.getValue().equals("/var/lib/postgresql/data"))
                        .findFirst()
                        .orElseThrow()
                        .getKey());
    }

    // ---------------------------------------------------------------- Keycloak

    @Test
    void theMountedRealmExistsAndIsTheIssuersRealm() throws IOException {
        Map<String, String> mounts = mounts("keycloak");
        Map.Entry<String, String> realmMount = mounts.entrySet().stream()
                .filter(mount -> mount.getValue().startsWith("/opt/keycloak/data/import/"))
                .findFirst()
                .orElseThrow();
        Path realmFile = root.resolve("docker").resolve(realmMount.getKey()).normalize();
        assertThat(realmFile).as("realm file mounted into Keycloak").isRegularFile();
        assertThat(service("keycloak").get("command").toString())
                .contains("start-dev")
                .contains("--import-realm");

        JsonNode realm = JsonMapper.builder().build().readTree(Files.readString(realmFile));
        String realmName = realm.get("realm").asString();
        Map<String, String> api = resolved(environment("api"));
        URI issuer = URI.create(api.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
        assertThat(issuer.getPath()).as("issuer of realm %s", realmName).isEqualTo("/realms/" + realmName);
        URI keys = URI.create(api.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"));
        assertThat(keys.getPath()).isEqualTo("/realms/" + realmName + "/protocol/openid-connect/certs");
        assertThat(keys.getHost())
                .as("keys are fetched from the keycloak service")
                .isEqualTo("keycloak");

        // the issuer is Keycloak's front-end URL, reachable from the host through the published port
        Map<String, String> keycloak = resolved(environment("keycloak"));
        assertThat(URI.create(keycloak.get("KC_HOSTNAME")).resolve("/realms/" + realmName))
                .isEqualTo(issuer);
        Map<Integer, Integer> published = publishedPorts("keycloak");
        assertThat(published).as("keycloak's published ports").containsEntry(issuer.getPort(), keys.getPort());

        Set<String> clients = new LinkedHashSet<>();
        Set<String> claims = new LinkedHashSet<>();
        for (JsonNode client : realm.get("clients")) {
            clients.add(client.get("clientId").asString());
            JsonNode mappers = client.get("protocolMappers");
            if (mappers != null) {
                for (JsonNode mapper : mappers) {
                    JsonNode claim = mapper.path("config").get("claim.name");
                    if (claim != null) {
                        claims.add(claim.asString());
                    }
                }
            }
        }
        assertThat(clients).as("audience").contains(api.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"));
        assertThat(clients).as("client of the roles").contains(api.get("DILIGENCE_SECURITY_ROLES_CLIENT"));
        assertThat(claims).as("claims mapped into tokens").contains(api.get("DILIGENCE_SECURITY_TENANT_CLAIM"));
    }

    // ---------------------------------------------------------------- ports and health

    @Test
    void portsAgreeBetweenApplicationComposeAndDockerfile() {
        int serverPort = port("server.port", 8080);
        int managementPort = port("management.server.port", DEFAULT_MANAGEMENT_PORT);
        Map<String, String> api = resolved(environment("api"));
        if (api.containsKey("SERVER_PORT")) {
            serverPort = Integer.parseInt(api.get("SERVER_PORT"));
        }
        if (api.containsKey("MANAGEMENT_SERVER_PORT")) {
            managementPort = Integer.parseInt(api.get("MANAGEMENT_SERVER_PORT"));
        }
        assertThat(serverPort).isNotEqualTo(managementPort);

        Set<Integer> exposed = instructions("EXPOSE").stream()
                .flatMap(args -> Stream.of(args.split("\\s+")))
                .map(port -> Integer.parseInt(port.replace("/tcp", "")))
                .collect(Collectors.toSet());
        assertThat(exposed).as("Dockerfile EXPOSE").containsExactlyInAnyOrder(serverPort, managementPort);
        assertThat(publishedPorts("api").values())
                .as("container ports the compose file publishes for the api")
                .containsExactlyInAnyOrder(serverPort, managementPort);

        String dockerHealth = instructions("HEALTHCHECK").get(0);
        assertThat(dockerHealth)
                .as("Dockerfile HEALTHCHECK")
                .contains("http://127.0.0.1:" + managementPort + READINESS_PATH);
        Object composeHealth = ((Map<?, ?>) service("api").get("healthcheck")).get("test");
        assertThat(String.join(" ", strings(composeHealth)))
                .as("compose health check of the api")
                .contains("http://127.0.0.1:" + managementPort + READINESS_PATH);
    }

    @Test
    void everyServiceHasAHealthCheckAndTheApiStartsAfterHealthyDependencies() {
        Map<?, ?> services = (Map<?, ?>) compose.get("services");
        assertThat(services.keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrder("postgres", "keycloak", "api");
        for (Object name : services.keySet()) {
            assertThat(service((String) name)).as("health check of %s", name).containsKey("healthcheck");
        }
        Map<?, ?> dependsOn = (Map<?, ?>) service("api").get("depends_on");
        assertThat(dependsOn.keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrder("postgres", "keycloak");
        dependsOn
                .values()
                .forEach(condition ->
                        assertThat(((Map<?, ?>) condition).get("condition")).isEqualTo("service_healthy"));
        assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:17");
        assertThat(String.valueOf(service("keycloak").get("image"))).contains("keycloak/keycloak:26");
        Map<?, ?> build = (Map<?, ?>) service("api").get("build");
        assertThat(root.resolve("docker")
                        .resolve((String) build.get("context"))
                        .resolve((String) build.get("dockerfile"))
                        .normalize())
                .isEqualTo(root.resolve("docker/Dockerfile"));
    }

    @Test
    void theImageIsAMultiStageLayeredBuildRunningAsNonRootOnAJre17() throws IOException {
        List<String> from = instructions("FROM");
        assertThat(from.size()).as("stages").isGreaterThanOrEqualTo(2);
        assertThat(from.get(0)).contains("maven").contains("17");
        assertThat(from.get(from.size() - 1)).as("runtime base").matches("eclipse-temurin:17-jre\\S*");
        assertThat(instructions("RUN")).anyMatch(run -> run.contains("mvn -B -DskipTests package"));
        // extracted as a plain app.jar with lib/ (no launcher: the JVM's own class loader, which class data sharing
        // needs)
        assertThat(instructions("RUN"))
                .anyMatch(run -> run.contains("-Djarmode=tools")
                        && run.contains("extract --layers")
                        && run.contains("--application-filename " + CDS_APPLICATION_JAR)
                        && !run.contains("--launcher"));
        String user = instructions("USER").get(instructions("USER").size() - 1);
        assertThat(user.split(":")[0]).as("runtime user").isNotIn("root", "0");

        // the jar the image ships is the api module's production jar (its slim classifier), without the development kit
        String pom = Files.readString(root.resolve("api/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        assertThat(pom).contains("<classifier>slim</classifier>");
        assertThat(instructions("COPY"))
                .anyMatch(copy -> copy.contains("api/target/" + finalName.group(1) + "-slim.jar"));
        for (String layer : List.of("dependencies", "snapshot-dependencies", "application")) {
            assertThat(instructions("COPY")).as("layer %s", layer).anyMatch(copy -> copy.contains("/" + layer + "/"));
        }
        // every module the reactor builds is copied into the build stage
        String parent = Files.readString(root.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (module.find()) {
            String name = module.group(1);
            assertThat(instructions("COPY"))
                    .as("module %s copied", name)
                    .anyMatch(copy -> copy.startsWith(name + "/src "));
        }
    }

    @Test
    void theImageStartsWithTheClassDataSharingArchiveThatItsOwnRuntimeStageTrains() throws IOException {
        Path script = root.resolve("docker/cds-archive.sh");
        assertThat(script).isRegularFile();
        assertThat(Files.isExecutable(script))
                .as("docker/cds-archive.sh is executable")
                .isTrue();
        List<String[]> runtime = dockerfile.subList(lastStage(), dockerfile.size());
        String directory = workdir(runtime);

        // trained in the runtime stage (the archive holds for this JVM only), after the application's layers are in
        // place
        // and with nothing copied over them afterwards (the archive holds for these jars only)
        int copyOfScript = indexOf(runtime, "COPY", copy -> copy.startsWith("docker/cds-archive.sh "));
        int training = indexOf(
                runtime,
                "RUN",
                run -> run.matches(".*\\bcds-archive\\.sh --train " + Pattern.quote(directory) + "/?(\\s.*)?"));
        assertThat(copyOfScript)
                .as("COPY docker/cds-archive.sh in the runtime stage")
                .isNotNegative();
        assertThat(training)
                .as("RUN cds-archive.sh --train %s in the runtime stage", directory)
                .isGreaterThan(copyOfScript);
        for (int i = 0; i < runtime.size(); i++) {
            if (runtime.get(i)[0].equals("COPY") && runtime.get(i)[1].contains("/layers/")) {
                assertThat(i)
                        .as("layer copied before the training run: %s", runtime.get(i)[1])
                        .isLessThan(training);
                assertThat(runtime.get(i)[1])
                        .as("layers are copied into the trained directory")
                        .endsWith(" ./");
            }
            if (i > training) {
                assertThat(runtime.get(i)[0])
                        .as("after the training run: %s", String.join(" ", runtime.get(i)))
                        .isNotIn("COPY", "ADD");
            }
        }

        // and the image starts the application as the script trained it: its jar at its path, with its archive
        List<String> entrypoint = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(instructions("ENTRYPOINT").get(0))
                .forEach(part -> entrypoint.add(part.asString()));
        assertThat(entrypoint)
                .containsExactly(
                        "java",
                        "-XX:SharedArchiveFile=" + directory + "/app.jsa",
                        "-jar",
                        directory + "/" + CDS_APPLICATION_JAR);
        String text = Files.readString(script);
        assertThat(text)
                .contains("$dir/" + CDS_APPLICATION_JAR)
                .contains("-XX:SharedArchiveFile=$dir/app.jsa")
                .contains("-XX:ArchiveClassesAtExit=\"$dir/app.jsa\"")
                .contains("-Dspring.context.exit=onRefresh");
    }

    // ---------------------------------------------------------------- what the application reads

    /** Properties of Spring Boot's (and every library's) configuration metadata on the classpath. */
    static void springBootMetadata(Set<String> exact, Set<String> maps) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = DockerFilesTest.class.getClassLoader();
        for (String resource : List.of(
                "META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            Enumeration<URL> urls = loader.getResources(resource);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    JsonNode properties = json.readTree(in).get("properties");
                    if (properties == null) {
                        continue;
                    }
                    for (JsonNode property : properties) {
                        String name = property.get("name").asString();
                        String type =
                                property.has("type") ? property.get("type").asString() : "";
                        (type.startsWith("java.util.Map") ? maps : exact).add(name);
                    }
                }
            }
        }
    }

    /** Properties of the application's own {@code @ConfigurationProperties} records. */
    static void applicationProperties(Set<String> exact, Set<String> maps) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<BeanDefinition> candidates = scanner.findCandidateComponents("dev.diligence");
        assertThat(candidates).as("@ConfigurationProperties of the application").isNotEmpty();
        for (BeanDefinition candidate : candidates) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            collect(prefix, type, exact, maps);
        }
    }

    private static void collect(String prefix, Class<?> type, Set<String> exact, Set<String> maps) {
        assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (Map.class.isAssignableFrom(componentType)) {
                maps.add(name);
            } else if (componentType.isRecord()) {
                collect(name, componentType, exact, maps);
            } else {
                exact.add(name);
            }
        }
    }

    /** Keys the application reads from the Environment directly (string literals in its main sources). */
    static Set<String> keysReadFromTheEnvironment() throws IOException {
        Pattern key = Pattern.compile("\"(diligence(?:\\.[a-z0-9-]+)+)\"");
        Set<String> keys = new TreeSet<>();
        for (String module : List.of("api", "persistence")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file :
                        files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher matcher = key.matcher(Files.readString(file));
                    while (matcher.find()) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static boolean embeddedWouldEngage(Map<String, String> environment) throws Exception {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(environment)));
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        ConfigurationPropertySources.attach(spring);
        String profiles = environment.get("SPRING_PROFILES_ACTIVE");
        if (profiles != null) {
            spring.setActiveProfiles(profiles.split("\\s*,\\s*"));
        }
        Method shouldEngage = Class.forName("dev.diligence.api.local.EmbeddedDefaults")
                .getDeclaredMethod("shouldEngage", org.springframework.core.env.Environment.class);
        shouldEngage.setAccessible(true);
        return (boolean) shouldEngage.invoke(null, spring);
    }

    // ---------------------------------------------------------------- helpers

    private static ConfigurationPropertySource environmentSource(Map<String, Object> variables) {
        return ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables))
                .iterator()
                .next();
    }

    private static List<ConfigurationPropertyName> names(Collection<String> properties) {
        return properties.stream()
                .filter(ConfigurationPropertyName::isValid)
                .map(ConfigurationPropertyName::of)
                .toList();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Object service = ((Map<String, Object>) compose.get("services")).get(name);
        assertThat(service).as("compose service %s", name).isNotNull();
        return (Map<String, Object>) service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> volumes() {
        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        return volumes == null ? Map.of() : volumes;
    }

    /** The service's environment as written (values may hold {@code ${VAR:-default}}). */
    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** The environment as compose would pass it when nothing is overridden: {@code ${VAR:-default}} is its default. */
    private static Map<String, String> resolved(Map<String, String> environment) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach(
                (key, value) -> resolved.put(key, value.replaceAll("\\$\\{[A-Za-z0-9_]+:?-([^}]*)}", "$1")));
        return resolved;
    }

    /** Bind mounts and named volumes of a service: source → target (the short syntax). */
    private static Map<String, String> mounts(String name) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (String volume : strings(service(name).get("volumes"))) {
            String[] parts = volume.split(":");
            mounts.put(parts[0], parts[1]);
        }
        return mounts;
    }

    /** Published ports of a service: host port → container port. */
    private static Map<Integer, Integer> publishedPorts(String name) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (String mapping : strings(service(name).get("ports"))) {
            String[] parts = mapping.replace("/tcp", "").split(":");
            ports.put(Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
        }
        return ports;
    }

    private static List<String> strings(Object list) {
        return list == null
                ? List.of()
                : ((List<?>) list).stream().map(String::valueOf).toList();
    }

    /** A port of application.yaml, {@code ${NAME:default}} read as its default. */
    @SuppressWarnings("unchecked")
    private static int port(String property, int fallback) {
        Object node = application;
        for (String part : property.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return fallback;
            }
            node = ((Map<String, Object>) map).get(part);
        }
        String value = String.valueOf(node).replaceAll("^\\$\\{[^:}]+:([^}]*)}$", "$1");
        return Integer.parseInt(value);
    }

    /** Index of the last stage's FROM. */
    private static int lastStage() {
        int last = -1;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i)[0].equals("FROM")) {
                last = i;
            }
        }
        return last;
    }

    /** The WORKDIR in force at the end of these instructions. */
    private static String workdir(List<String[]> stage) {
        List<String> workdirs = stage.stream()
                .filter(instruction -> instruction[0].equals("WORKDIR"))
                .map(instruction -> instruction[1])
                .toList();
        assertThat(workdirs).as("WORKDIR of the runtime stage").isNotEmpty();
        return workdirs.get(workdirs.size() - 1);
    }

    private static int indexOf(List<String[]> stage, String keyword, Predicate<String> arguments) {
        for (int i = 0; i < stage.size(); i++) {
            if (stage.get(i)[0].equals(keyword) && arguments.test(stage.get(i)[1])) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> instructions(String keyword) {
        return dockerfile.stream()
                .filter(instruction -> instruction[0].equals(keyword))
                .map(instruction -> instruction[1])
                .toList();
    }

    /** Instructions of a Dockerfile as (KEYWORD, arguments), continuation lines joined, comments and flags of FROM/COPY kept. */
    static List<String[]> dockerfileInstructions(String text) {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String instruction = current.toString().strip();
            current.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            String[] parts = instruction.split("\\s+", 2);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (parts[0].equalsIgnoreCase("COPY")) {
                arguments = arguments.replaceAll("--\\S+\\s+", "");
            }
            instructions.add(new String[] {
                parts[0].toUpperCase(), arguments.replaceAll("\\s+", " ").strip()
            });
        }
        return instructions;
    }
}
