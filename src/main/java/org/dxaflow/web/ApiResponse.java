package org.dxaflow.web;

/** An HTTP answer from an API bean: the status and a JSON body. Routes copy both onto the exchange. */
public record ApiResponse(int status, String body) {

    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, "{\"error\":" + quote(message) + "}");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
