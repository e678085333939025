package org.dxaflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One hand-written referral case of {@code samples/hl7/referrals} (see its README), as the RIS
 * would send it: {@link #toHl7} builds the order message, the expectations are read as written.
 */
public record ReferralCase(Path file, String id, JsonNode root) {

    public static final Path DIR = Path.of("samples/hl7/referrals");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String[] VERSIONS = {"2.3", "2.4", "2.5", "2.5.1"};

    public static List<ReferralCase> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().matches("case-.*\\.yaml")).sorted()
                    .map(ReferralCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case whose file name starts {@code case-NN-}. */
    public static ReferralCase number(int n) {
        String prefix = String.format("case-%02d-", n);
        return all().stream().filter(c -> c.file().getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "*.yaml in " + DIR));
    }

    static ReferralCase read(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            return new ReferralCase(file, root.path("id").asText(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String placerOrderNumber() {
        return root.path("referral").path("placerOrderNumber").asText();
    }

    /** Cases take turns at the four versions dxaflow accepts orders in, so ORM and OMG are both exercised. */
    public String version(int index) {
        return VERSIONS[index % VERSIONS.length];
    }

    public String expectedOutcome() {
        return root.path("expected").path("outcome").asText();
    }

    public List<String> expectedProtocol() {
        return texts(root.path("expected").path("protocol"));
    }

    public List<String> expectedFlags() {
        return texts(root.path("expected").path("flags"));
    }

    /** Expected earliest scan date (YYYY-MM-DD), or null. */
    public String expectedEarliestScanDate() {
        JsonNode d = root.path("expected").path("earliestScanDate");
        return d.isNull() || d.isMissingNode() ? null : d.asText();
    }

    public Map<String, String> expectedCriteria() {
        Map<String, String> out = new LinkedHashMap<>();
        root.path("expected").path("criteria").fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }

    /**
     * The case as an HL7 new order, per the README's table: ORC-9 the referral date, PID-7/8 the
     * patient, ORC-12 and OBR-16 the referrer (both empty when unsigned), OBR-13 the free-text
     * clinical details, one OBX per answer.
     */
    public String toHl7(String version, String controlId) {
        return toHl7(version, controlId, placerOrderNumber());
    }

    /** The same referral under another placer order number (and so another order). */
    public String toHl7(String version, String controlId, String placer) {
        JsonNode r = root.path("referral");
        String when = r.path("referralDate").asText().replace("-", "") + "090000";
        boolean omg = version.startsWith("2.5");
        String type = omg ? "OMG^O19^OMG_O19" : version.equals("2.3") ? "ORM^O01" : "ORM^O01^ORM_O01";
        String referrer = referrer(r.path("referrer"));
        List<String> segments = new ArrayList<>();
        segments.add("MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|" + when + "||" + type + "|" + controlId + "|P|" + version);
        segments.add("PID|1||" + "MR" + placer + "^^^RXA^MR||CASE^" + esc(id) + "||"
                + r.path("patient").path("birthDate").asText().replace("-", "") + "|"
                + r.path("patient").path("sex").asText());
        segments.add("PV1|1|O");
        segments.add("ORC|NW|" + placer + "^CRIS|||||||" + when + "|||" + referrer);
        // OBR-13 relevant clinical information (free text), OBR-16 ordering provider, OBR-18 placer
        // field 1 = accession number (UK RIS)
        segments.add("OBR|1|" + placer + "^CRIS||XDXAS^DXA scan lumbar spine and hip^L" + "|".repeat(9)
                + esc(r.path("clinicalDetails").asText("")) + "|".repeat(3) + referrer + "||" + placer);
        int n = 0;
        Map<String, Integer> subIds = new LinkedHashMap<>();
        for (JsonNode o : root.path("obx")) {
            String code = o.path("code").asText();
            String type2 = o.path("type").asText();
            String value = esc(o.path("value").asText());
            int subId = subIds.merge(code, 1, Integer::sum);
            segments.add("OBX|" + (++n) + "|" + type2 + "|" + esc(code) + "^^" + o.path("system").asText() + "|"
                    + subId + "|" + (type2.equals("CE") ? value + "^^99DXA" : value) + "||||||F");
        }
        return String.join("\r", segments) + "\r";
    }

    /** XCN: id ^ family name; a name-only referrer has no id, an unsigned referral neither. */
    private static String referrer(JsonNode ref) {
        String id = ref.path("id").asText();
        String name = ref.path("name").asText();
        return id.isEmpty() && name.isEmpty() ? "" : esc(id) + "^" + esc(name);
    }

    private static String esc(String s) {
        return s.replace("\\", "\\E\\").replace("|", "\\F\\").replace("^", "\\S\\").replace("&", "\\T\\")
                .replace("~", "\\R\\");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public String toString() {
        return id;
    }
}
