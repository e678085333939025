package org.dxaflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the engine's REST API. */
public final class Http {

    /** Status and parsed JSON body. */
    public record Reply(int status, JsonNode json, java.net.http.HttpHeaders headers) {
        public Reply(int status, JsonNode json) {
            this(status, json, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final int port;
    private final String authorization;

    /** A client signed in as {@link TestUsers#DEFAULT} (an admin). */
    public Http(int port) {
        this(port, TestUsers.DEFAULT, TestUsers.PASSWORD);
    }

    private Http(int port, String username, String password) {
        this.port = port;
        this.authorization = username == null ? null : "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The same engine, signed in as another user of {@link TestUsers} (or with a wrong password). */
    public Http as(String username, String password) {
        return new Http(port, username, password);
    }

    public Http as(String username) {
        return as(username, TestUsers.PASSWORD);
    }

    /** The same engine, without credentials. */
    public Http anonymous() {
        return new Http(port, null, null);
    }

    public int port() {
        return port;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** A document (a PDF): status, content type and the bytes as sent. */
    public record Document(int status, String contentType, byte[] body) {
    }

    public Document getDocument(String path) {
        try {
            HttpResponse<byte[]> r = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Document(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, String jsonBody) {
        return post(path, "application/json", jsonBody);
    }

    public Reply post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isBlank() ? null : mapper.readTree(r.body()), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The orders the API returns for a placer order number. */
    public JsonNode orders(String query) {
        Reply r = get("/api/orders?" + query);
        if (r.status() != 200) {
            throw new AssertionError("GET /api/orders?" + query + " answered " + r.status() + ": " + r.json());
        }
        return r.json();
    }
}
