package dev.diligence.api.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A server in front of the API under test, for the example clients' tests: it refuses the requests
 * its plan names as the API refuses (a status, one error of a classification with
 * {@code retryAfterSeconds}, and a {@code Retry-After} header unless the plan leaves it out), passes
 * every other request on with its {@code Authorization} header, and records when each request arrived.
 */
public final class RefusingFront implements AutoCloseable {

    /** How to refuse one request; {@code retryAfterHeader} false leaves the wait to the body alone. */
    public record Refusal(int status, String classification, int retryAfterSeconds, boolean retryAfterHeader) {

        public static Refusal throttled(int retryAfterSeconds) {
            return new Refusal(429, "THROTTLED", retryAfterSeconds, true);
        }

        public static Refusal unavailable(int retryAfterSeconds) {
            return new Refusal(503, "UNAVAILABLE", retryAfterSeconds, true);
        }
    }

    /** Which requests to refuse. */
    public interface Plan {
        /** The refusal of the n-th request (from 1), or null to pass it to the API. */
        @Nullable
        Refusal of(int arrival);
    }

    private final HttpServer server;
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    private RefusingFront(String apiUrl, String contentType, Plan plan) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/graphql", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            arrivals.add(System.nanoTime());
            Refusal refusal = plan.of(arrivals.size());
            int status;
            byte[] body;
            if (refusal != null) {
                status = refusal.status();
                if (refusal.retryAfterHeader()) {
                    exchange.getResponseHeaders().set("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
                }
                body = ("{\"errors\":[{\"message\":\"retry later\",\"extensions\":{\"classification\":\""
                                + refusal.classification() + "\",\"retryAfterSeconds\":" + refusal.retryAfterSeconds()
                                + "}}]}")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                try {
                    HttpResponse<byte[]> answer = http.send(
                            HttpRequest.newBuilder(URI.create(apiUrl))
                                    .header("Content-Type", "application/json")
                                    .header(
                                            "Authorization",
                                            exchange.getRequestHeaders().getFirst("Authorization"))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = answer.statusCode();
                    body = answer.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Starts a front for the API at {@code apiUrl}, answering with {@code contentType}. */
    public static RefusingFront start(String apiUrl, String contentType, Plan plan) throws IOException {
        return new RefusingFront(apiUrl, contentType, plan);
    }

    /** The front's GraphQL endpoint, for the client under test. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    /** {@link System#nanoTime()} of each request's arrival, in order. */
    public List<Long> arrivals() {
        return arrivals;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
