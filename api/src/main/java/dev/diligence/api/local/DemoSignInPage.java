package dev.diligence.api.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The embedded issuer's sign-in page for the authorization-code flow: one button per {@link DemoUser},
 * each a form that posts the user's login as {@code username} to the page's own address (the
 * authorization request, which the issuer then answers with a code for that user). No passwords: the
 * embedded issuer exists for local development and demos only.
 *
 * <p>mock-oauth2-server reads a custom sign-in page from a file, so the page is written to a
 * temporary file at start-up and deleted when the issuer stops.
 */
final class DemoSignInPage {

    private DemoSignInPage() {}

    static Path write() {
        try {
            Path file = Files.createTempFile("diligence-sign-in-", ".html");
            Files.writeString(file, html(), StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded issuer's sign-in page", e);
        }
    }

    static void delete(Path page) {
        try {
            Files.deleteIfExists(page);
        } catch (IOException e) {
            // a temporary file; deleteOnExit tries again
        }
    }

    static String html() {
        String users = DemoUser.ALL.stream().map(DemoSignInPage::form).collect(Collectors.joining("\n"));
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in: Diligence demo</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1b1f24; }
                main { max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
                h1 { font-size: 1.4rem; } p { line-height: 1.5; }
                form { margin: 0.5rem 0; }
                button { width: 100%%; text-align: left; padding: 0.75rem 1rem; font: inherit; cursor: pointer;
                  border: 1px solid #c5cad3; border-radius: 6px; background: #fff; color: #1b1f24; }
                button:hover, button:focus { border-color: #1f4e8c; outline: 2px solid #1f4e8c; }
                .role { display: block; color: #4a5260; font-size: 0.9rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>Sign in to the Diligence demo</h1>
                <p>The embedded token issuer has no passwords: choose who you are.</p>
                %s
                </main>
                </body>
                </html>
                """.formatted(users);
    }

    private static String form(DemoUser user) {
        String role = user.role().claimName() + (user.tenantKey() == null ? "" : " at " + user.tenantKey());
        return """
                <form method="post"><input type="hidden" name="username" value="%s">\
                <button type="submit" id="sign-in-%s">%s<span class="role">%s</span></button></form>""".formatted(
                        HtmlUtils.htmlEscape(user.login()),
                        HtmlUtils.htmlEscape(user.login()),
                        HtmlUtils.htmlEscape(user.name()),
                        HtmlUtils.htmlEscape(role));
    }
}
