package dev.diligence.api.graphql;

import graphql.schema.DefaultGraphqlTypeComparatorRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.SchemaPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The schema contract: the served schema printed as SDL to {@code schema/schema.graphql}, and the
 * version of that file at git HEAD.
 */
final class SchemaContract {

    /** The path of the schema file inside the repository. */
    static final String FILE = "schema/schema.graphql";

    /** The one command that rewrites the file from the served schema. */
    static final String REGENERATE = "mvn -B verify -pl schema,domain,persistence,api -Dtest=none"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ServedSchemaIT"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Ddiligence.schema.update=true";

    private SchemaContract() {}

    /**
     * The schema as SDL with descriptions and applied directives (such as {@code @deprecated}), without
     * introspection types and the specification's own directive definitions; types, fields, arguments
     * and enum values in the printer's name order, so that the text depends only on the schema.
     */
    static String print(GraphQLSchema schema) {
        SchemaPrinter.Options options = SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeSchemaDefinition(true)
                .includeIntrospectionTypes(false)
                .includeDirectiveDefinition(name -> !DirectiveInfo.isGraphqlSpecifiedDirective(name))
                .setComparators(DefaultGraphqlTypeComparatorRegistry.defaultComparators());
        String sdl = new SchemaPrinter(options).print(schema).strip();
        return sdl.replace("\r\n", "\n") + "\n";
    }

    /** The root of the multi-module project: the nearest directory up from here with {@code schema/pom.xml}. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("schema/pom.xml")) && Files.isRegularFile(d.resolve("api/pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no project root above " + dir);
    }

    static Path file() {
        return projectRoot().resolve(FILE);
    }

    /** What {@code git} said when asked for the file at HEAD. */
    sealed interface AtHead {
        /** The file as committed at HEAD. */
        record Committed(String sdl) implements AtHead {}

        /** The repository has a HEAD commit, but the file is not in it (the commit that adds it). */
        record NotCommitted() implements AtHead {}

        /** No git, no repository or no commit (e.g. a source tarball): nothing to compare with. */
        record Unavailable(String why) implements AtHead {}
    }

    /** The file at HEAD. */
    static AtHead atHead() {
        return at("HEAD");
    }

    /**
     * The file at {@code revision} (such as {@code HEAD} or {@code HEAD~1}); {@link AtHead.Unavailable}
     * also when that commit does not exist (a shallow clone, the first commit).
     */
    static AtHead at(String revision) {
        Path root = projectRoot();
        Optional<Git> head = git(root, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (head.isEmpty()) {
            return new AtHead.Unavailable("git could not be run in " + root);
        }
        if (head.get().exitCode() != 0) {
            return new AtHead.Unavailable(root + " is not a git work tree with a commit " + revision + " "
                    + head.get().err().strip());
        }
        // the path relative to the top of the work tree, which may lie above the project root
        Optional<Git> show = git(root, "show", revision + ":./" + FILE);
        if (show.isEmpty()) {
            return new AtHead.Unavailable("git could not be run in " + root);
        }
        if (show.get().exitCode() != 0) {
            return new AtHead.NotCommitted();
        }
        return new AtHead.Committed(show.get().out());
    }

    private record Git(int exitCode, String out, String err) {}

    private static Optional<Git> git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[] err;
            String out;
            try (InputStream stdout = process.getInputStream();
                    InputStream stderr = process.getErrorStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
                err = stderr.readAllBytes();
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new Git(process.exitValue(), out, new String(err, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
