package org.dxaflow.hl7;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.order.ClinicalAnswer;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.OrderControl;
import org.dxaflow.order.OrderRequest;
import org.dxaflow.order.PersonName;

/**
 * Reads the orders of an ORM/OMG message through {@code mappings/hl7/order.yaml}. Each ORC opens
 * an order group; the OBR, TQ1 and OBX segments up to the next ORC belong to it.
 */
public final class OrderMapper {

    static final Set<String> FIELDS = Set.of("orderControl", "placerOrderNumber", "placerApplication",
            "fillerOrderNumber", "accessionNumber", "procedureCode", "procedureText", "procedureScheme",
            "requestedDate", "referralDate", "priority", "clinicalInfo");

    /** An order group as read: the raw control code (validated later) and the request. */
    public record MappedOrder(String controlCode, OrderRequest request, List<Er7Message.Segment> segments) {
        public MappedOrder {
            segments = List.copyOf(segments);
        }
    }

    private final Map<String, List<FieldPath>> paths;
    private final List<FieldPath> referrerFrom;
    private final Map<String, Integer> referrerComponents;
    private final AnswerLayout answers;

    record AnswerLayout(String segment, int code, int codingSystemComponent, int valueType, int value, int units) {
    }

    OrderMapper(Map<String, List<FieldPath>> paths, List<FieldPath> referrerFrom,
            Map<String, Integer> referrerComponents, AnswerLayout answers) {
        this.paths = Map.copyOf(paths);
        this.referrerFrom = List.copyOf(referrerFrom);
        this.referrerComponents = Map.copyOf(referrerComponents);
        this.answers = answers;
    }

    public static OrderMapper load(Path file) {
        return MappingFile.read(file, mf -> {
            Map<String, List<FieldPath>> paths = mf.paths("order", FIELDS);
            ConfNode ref = mf.section("referrer");
            List<FieldPath> from = mf.pathList(ref.get("from"));
            Map<String, Integer> comps = Map.of(
                    "id", ref.integer("id"),
                    "familyName", ref.integer("familyName"),
                    "givenName", ref.integer("givenName"),
                    "middleName", ref.integer("middleName"),
                    "prefix", ref.integer("prefix"));
            ConfNode a = mf.section("answers");
            AnswerLayout layout = new AnswerLayout(a.optionalText("segment").orElse("OBX"), a.integer("code"),
                    a.integer("codingSystemComponent"), a.integer("valueType"), a.integer("value"),
                    a.integer("units"));
            return new OrderMapper(paths, from, comps, layout);
        });
    }

    /** The order groups of the message, in message order. */
    public List<MappedOrder> map(Er7Message message) {
        List<MappedOrder> out = new ArrayList<>();
        for (List<Er7Message.Segment> group : groups(message)) {
            String code = get("orderControl", group);
            OrderRequest request = new OrderRequest(
                    OrderControl.of(code).orElse(null),
                    get("placerOrderNumber", group),
                    get("placerApplication", group),
                    get("fillerOrderNumber", group),
                    get("accessionNumber", group),
                    new CodedValue(get("procedureCode", group), get("procedureText", group),
                            get("procedureScheme", group)),
                    referrer(group),
                    Hl7Time.sentDate(get("requestedDate", group)),
                    // only the day of the referral counts ("at referral")
                    Hl7Time.sentDate(get("referralDate", group)).dayOnly(),
                    get("priority", group),
                    get("clinicalInfo", group),
                    answers(group));
            out.add(new MappedOrder(code, request, group));
        }
        return out;
    }

    /** Segments from each ORC up to the next; OBRs before any ORC (malformed) form no group. */
    static List<List<Er7Message.Segment>> groups(Er7Message message) {
        List<List<Er7Message.Segment>> groups = new ArrayList<>();
        List<Er7Message.Segment> current = null;
        for (Er7Message.Segment s : message.segments()) {
            if (s.name().equals("ORC")) {
                current = new ArrayList<>();
                groups.add(current);
            }
            if (current != null) {
                current.add(s);
            }
        }
        return groups;
    }

    private Clinician referrer(List<Er7Message.Segment> group) {
        for (FieldPath p : referrerFrom) {
            var rep = p.repetition(group);
            if (rep.isPresent() && !rep.get().raw().isBlank()) {
                FieldPath.Repetition r = rep.get();
                return new Clinician(r.value(referrerComponents.get("id")), new PersonName(
                        r.value(referrerComponents.get("familyName")), r.value(referrerComponents.get("givenName")),
                        r.value(referrerComponents.get("middleName")), r.value(referrerComponents.get("prefix"))));
            }
        }
        return new Clinician("", PersonName.EMPTY);
    }

    private List<ClinicalAnswer> answers(List<Er7Message.Segment> group) {
        List<ClinicalAnswer> out = new ArrayList<>();
        for (Er7Message.Segment s : group) {
            if (!s.name().equals(answers.segment())) {
                continue;
            }
            List<String> reps = s.repetitions(answers.code());
            if (reps.isEmpty()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String rep : s.repetitions(answers.value())) {
                // A coded answer keeps its code (component 1); other types are one value per repetition.
                values.add(s.value(rep, 1, 1));
            }
            out.add(new ClinicalAnswer(
                    s.value(reps.get(0), 1, 1),
                    s.value(reps.get(0), answers.codingSystemComponent(), 1),
                    s.value(answers.valueType()),
                    values.stream().filter(v -> !v.isEmpty()).toList(),
                    s.value(answers.units())));
        }
        return out;
    }

    public String location(String field) {
        List<FieldPath> p = paths.get(field);
        return p == null || p.isEmpty() ? "ORC^1^1" : p.get(0).errorLocation();
    }

    private String get(String field, List<Er7Message.Segment> group) {
        return MappingFile.first(paths.get(field), group);
    }
}
