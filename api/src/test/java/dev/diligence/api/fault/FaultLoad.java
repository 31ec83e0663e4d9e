package dev.diligence.api.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load for the fault test, over real HTTP: writers create funds with unique names, readers read
 * funds already acknowledged by {@code node(id:)} and compare the name. Every answer is recorded with
 * the time its request was sent and classified: right, UNAVAILABLE (with its HTTP status and
 * {@code Retry-After}), failed otherwise, or wrong (a fund that exists answered as null without an
 * error, or with another name).
 */
final class FaultLoad implements AutoCloseable {

    enum Kind {
        OK,
        UNAVAILABLE,
        FAILED,
        WRONG
    }

    /** One answer: when its request was sent and answered (nanoTime), what it was. */
    record Outcome(
            String operation,
            long sentNanos,
            long answeredNanos,
            Kind kind,
            int status,
            Optional<String> retryAfter,
            String detail) {

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(answeredNanos - sentNanos);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREATE =
            "mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id name } userErrors { code } } }";
    private static final String READ = "query($id: ID!) { node(id: $id) { id ... on Fund { name } } }";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong names = new AtomicLong();
    /** Funds whose creation was acknowledged: global ID to name. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    FaultLoad(URI endpoint, String token, int writers, int readers) {
        this.endpoint = endpoint;
        this.token = token;
        this.threads = Executors.newFixedThreadPool(writers + readers);
        for (int i = 0; i < writers; i++) {
            int writer = i;
            threads.submit(() -> loop(() -> write(writer)));
        }
        for (int i = 0; i < readers; i++) {
            threads.submit(() -> loop(this::read));
        }
    }

    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Outcomes of requests sent at or after {@code sinceNanos}. */
    List<Outcome> sentSince(long sinceNanos) {
        return outcomes.stream()
                .filter(outcome -> outcome.sentNanos() >= sinceNanos)
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("load threads did not stop");
        }
    }

    private void loop(Runnable request) {
        while (running.get()) {
            request.run();
        }
    }

    private void write(int writer) {
        String name = "Fault fund " + writer + "-" + names.incrementAndGet();
        Map<String, Object> input = Map.of("name", name, "vintageYear", 2020, "strategy", "BUYOUT", "currency", "USD");
        send("createFund", CREATE, Map.of("input", input), (data, errors) -> {
            JsonNode fund = data.path("createFund").path("fund");
            if (errors.isEmpty()
                    && fund.hasNonNull("id")
                    && name.equals(fund.path("name").asString())) {
                acknowledged.put(fund.get("id").asString(), name);
                return Optional.empty();
            }
            return Optional.of("not created: " + data);
        });
    }

    private void read() {
        List<Map.Entry<String, String>> known = List.copyOf(acknowledged.entrySet());
        if (known.isEmpty()) {
            Thread.onSpinWait();
            return;
        }
        Map.Entry<String, String> fund = known.get(ThreadLocalRandom.current().nextInt(known.size()));
        send("node", READ, Map.of("id", fund.getKey()), (data, errors) -> {
            JsonNode node = data.path("node");
            if (errors.isEmpty() && fund.getValue().equals(node.path("name").asString())) {
                return Optional.empty();
            }
            return Optional.of("node(" + fund.getKey() + ") answered " + node);
        });
    }

    /** Judges a response without errors: empty when right, else why it is wrong. */
    @FunctionalInterface
    private interface Judge {
        Optional<String> wrong(JsonNode data, List<JsonNode> errors);
    }

    private void send(String operation, String query, Map<String, Object> variables, Judge judge) {
        long sent = System.nanoTime();
        Kind kind;
        int status = 0;
        Optional<String> retryAfter = Optional.empty();
        String detail = "";
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After");
            JsonNode body = JSON.readTree(response.body());
            List<JsonNode> errors =
                    body.path("errors").isArray() ? List.copyOf(iterable(body.path("errors"))) : List.of();
            if (!errors.isEmpty()) {
                boolean allUnavailable = errors.stream()
                        .allMatch(error -> "UNAVAILABLE"
                                .equals(error.path("extensions")
                                        .path("classification")
                                        .asString()));
                kind = allUnavailable ? Kind.UNAVAILABLE : Kind.FAILED;
                detail = errors.toString();
            } else {
                Optional<String> wrong = judge.wrong(body.path("data"), errors);
                kind = wrong.isPresent() ? Kind.WRONG : Kind.OK;
                detail = wrong.orElse("");
            }
        } catch (IOException | JacksonException e) {
            kind = Kind.FAILED;
            detail = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        outcomes.add(new Outcome(operation, sent, System.nanoTime(), kind, status, retryAfter, detail));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
