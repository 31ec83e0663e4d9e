package dev.diligence.api.refusal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, in JSON: renders every error status that reaches the host without a body
 * (above all the connector's own refusals, made before any filter or servlet runs: a malformed
 * request line, headers above {@code server.max-http-request-header-size}) as {@link Refusals} does,
 * instead of Tomcat's HTML page. Like Tomcat's valve it writes nothing once a body was written, the
 * response committed, or the connection can take no more output; it never shows the exception.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private final Refusals refusals;

    public JsonErrorReportValve(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        RefusalBody body = refusals.answer(request.getRequestURI(), Refusal.of(status));
        try {
            response.setContentType(body.contentType().toString());
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body.text());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response can take no body: nothing more to answer
        }
    }
}
