package dev.diligence.api.refusal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the API writes the body of a refusal, whoever makes it (a filter, the GraphQL route,
 * the error page, Tomcat's connector through {@link JsonErrorReportValve}): always JSON, whatever the
 * client accepts. On the GraphQL path it is a GraphQL response with one error and no {@code data}
 * ({@code application/graphql-response+json}, the media type GraphQL-over-HTTP gives non-2xx answers):
 * <pre>{"errors":[{"message":"...","extensions":{"classification":"...", ...}}], "extensions":{...}}</pre>
 * (the response's {@code extensions} only when the refusal has some)
 * elsewhere a problem detail of RFC 9457 ({@code application/problem+json}), its extensions as
 * further members:
 * <pre>{"type":"about:blank","title":"Not Found","status":404,"detail":"..."}</pre>
 */
@Component
public class Refusals {

    /** Refusals answered, by classification (and HTTP status where the answer is one of HTTP's own). */
    public static final String METRIC = "diligence.refusals";

    private final String graphQlPath;
    private final JsonMapper json;
    private final MeterRegistry meters;

    Refusals(@Value("${spring.graphql.http.path:/graphql}") String graphQlPath, JsonMapper json, MeterRegistry meters) {
        this.graphQlPath = graphQlPath;
        this.json = json;
        this.meters = meters;
    }

    /**
     * The body answering {@code refusal}, as {@link #render}, counted in {@code diligence.refusals}
     * (tags: {@code classification}, {@code status}): the answer is about to be sent.
     */
    public RefusalBody answer(String path, Refusal refusal) {
        meters.counter(METRIC, "classification", refusal.classification(), "status", String.valueOf(refusal.status()))
                .increment();
        return render(path, refusal);
    }

    /** The body answering {@code refusal} of a request for {@code path} (null when the request line was unreadable). */
    public RefusalBody render(String path, Refusal refusal) {
        if (graphQlPath.equals(path)) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("classification", refusal.classification());
            extensions.putAll(refusal.extensions());
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", refusal.message());
            error.put("extensions", extensions);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("errors", List.of(error));
            if (!refusal.responseExtensions().isEmpty()) {
                response.put("extensions", refusal.responseExtensions());
            }
            return new RefusalBody(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, json.writeValueAsBytes(response));
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", refusal.title());
        problem.put("status", refusal.status());
        problem.put("detail", refusal.message());
        problem.putAll(refusal.extensions());
        return new RefusalBody(MediaType.APPLICATION_PROBLEM_JSON, json.writeValueAsBytes(problem));
    }

    /** Answers the request with {@code refusal}: status, Content-Type, Content-Length and body; headers set before stay. */
    public void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        write(request.getRequestURI(), response, refusal);
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, Refusal)}, for a request to {@code path}. */
    public void write(String path, HttpServletResponse response, Refusal refusal) throws IOException {
        RefusalBody body = answer(path, refusal);
        response.setStatus(refusal.status());
        response.setContentType(body.contentType().toString());
        response.setContentLength(body.bytes().length);
        response.getOutputStream().write(body.bytes());
    }
}
