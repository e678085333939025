package org.dxaflow.web;

import java.nio.charset.StandardCharsets;

/** An HTTP answer that is a document (a PDF), or an error as JSON. Routes copy all three onto the exchange. */
public record ApiDocument(int status, String contentType, byte[] content) {

    public static ApiDocument of(String contentType, byte[] content) {
        return new ApiDocument(200, contentType, content.clone());
    }

    public static ApiDocument error(ApiResponse error) {
        return new ApiDocument(error.status(), "application/json", error.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
