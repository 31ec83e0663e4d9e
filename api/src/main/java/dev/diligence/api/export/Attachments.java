package dev.diligence.api.export;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The headers a file's response starts with: its media type, its name (to save, or to show inline,
 * as the PDF reports are), never cached.
 */
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

    /** Sets the headers of a document a browser shows in place, saved as {@code fileName}. */
    public static void inline(HttpServletResponse response, MediaType mediaType, String fileName) {
        response.setContentType(mediaType.toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
