package org.dxaflow.check;

import java.time.Instant;
import java.util.List;

/**
 * One reload attempt: which part ({@code routes}, {@code hl7-mappings}, {@code result-mappings},
 * {@code justification}), the file whose change set it off, whether the new version is now in use,
 * and if not every problem as {@code file:line: message}. Holds no message content.
 */
public record ReloadEvent(Instant at, String part, String file, boolean applied, List<String> problems) {

    public ReloadEvent {
        problems = List.copyOf(problems);
    }
}
