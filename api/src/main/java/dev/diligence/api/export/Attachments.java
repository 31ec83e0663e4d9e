package dev.diligence.api.export;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers an export's response starts with: the format's media type, a file to save, never cached. */
public final class Attachments {

    private Attachments() {}

    /** Sets the headers of a file named {@code name} plus the format's extension, e.g. {@code findings-2026-12-07.csv}. */
    public static void start(HttpServletResponse response, ExportFormat format, String name) {
        response.setContentType(format.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name + "." + format.extension())
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
