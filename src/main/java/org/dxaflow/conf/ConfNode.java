package org.dxaflow.conf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One value of a configuration file, with its key path ({@code protocol.codes}, {@code sites[2]})
 * and its {@code file:line:column}. Typed getters check the value and, on a problem, add it to the
 * {@link ConfProblems} and return a neutral value ("", 0, false, zero, empty) so reading goes on and
 * finds the next problem; the load then fails at {@link ConfProblems#throwIfAny()}, so a neutral
 * value never reaches the engine. Every key asked for is recorded, and {@link #finish()} reports the
 * keys nobody asked for: a misspelt threshold ("minYaers") is an error, never a silent default.
 *
 * <p>A node is absent when its key is missing. Reading an absent node reports the missing key once;
 * what lies below it, and below a value of the wrong kind or a file that could not be read, is
 * quiet: one mistake gives one problem, not one per key under it.
 */
public final class ConfNode {

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "on");

    private final YamlNode value;
    private final String path;
    /** Where problems about missing keys below go: the key of a mapping entry, else the value. */
    private final Location anchor;
    private final boolean quiet;
    private final ConfProblems problems;
    private final Set<String> known = new HashSet<>();
    private boolean reported;

    private ConfNode(YamlNode value, String path, Location anchor, boolean quiet, ConfProblems problems) {
        this.value = value;
        this.path = path;
        this.anchor = anchor;
        this.quiet = quiet;
        this.problems = problems;
    }

    static ConfNode root(YamlNode value, ConfProblems problems) {
        return new ConfNode(value, "", value.location(), false, problems);
    }

    /** The root of a file whose problem is already reported. */
    static ConfNode unreadable(Location at, ConfProblems problems) {
        return new ConfNode(null, "", at, true, problems);
    }

    /** Where the value starts; for an absent value, where its key should have been. */
    public Location location() {
        return value != null ? value.location() : anchor;
    }

    /** The key path from the top of the file, e.g. {@code populations[0].site}; "" at the top. */
    public String path() {
        return path;
    }

    public boolean isMap() {
        return value instanceof YamlNode.Mapping;
    }

    public boolean isScalar() {
        return value instanceof YamlNode.Scalar && present(value);
    }

    /**
     * Whether {@code key} has a value (an explicit YAML null counts as none); the key counts as
     * known for {@link #finish()}.
     */
    public boolean has(String key) {
        known.add(key);
        return value instanceof YamlNode.Mapping m && m.entries().containsKey(key)
                && present(m.entries().get(key).value());
    }

    /** The value under {@code key}, absent if the key is missing; the key counts as known. */
    public ConfNode get(String key) {
        known.add(key);
        Optional<YamlNode.Mapping> mapping = require(YamlNode.Mapping.class, "a mapping");
        if (mapping.isEmpty()) {
            return new ConfNode(null, qualified(key), anchor, true, problems);
        }
        YamlNode.Entry entry = mapping.get().entries().get(key);
        return entry == null ? new ConfNode(null, qualified(key), anchor, false, problems)
                : new ConfNode(entry.value(), qualified(key), entry.keyLocation(), false, problems);
    }

    /**
     * The mapping under {@code key}, reported at once when it is missing or not a mapping: for a
     * section that must be there even though every key in it is optional.
     */
    public ConfNode map(String key) {
        ConfNode child = get(key);
        child.require(YamlNode.Mapping.class, "a mapping");
        return child;
    }

    /** The entries of a mapping whose keys are data (protocol codes, regions), in file order; all known. */
    public Map<String, ConfNode> entries() {
        Map<String, ConfNode> out = new LinkedHashMap<>();
        require(YamlNode.Mapping.class, "a mapping").ifPresent(m -> m.entries().values().forEach(e -> {
            known.add(e.key());
            out.put(e.key(), new ConfNode(e.value(), qualified(e.key()), e.keyLocation(), false, problems));
        }));
        return out;
    }

    /** The items of a list. */
    public List<ConfNode> items() {
        List<ConfNode> out = new ArrayList<>();
        require(YamlNode.Sequence.class, "a list").ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                out.add(new ConfNode(item, path + "[" + i + "]", item.location(), false, problems));
            }
        });
        return out;
    }

    /**
     * The items of a list of scalars. They keep the list's path ({@code workingDays}, not
     * {@code workingDays[1]}): their column says which one, and nothing lies below them.
     */
    private List<ConfNode> scalarItems() {
        List<ConfNode> out = new ArrayList<>();
        require(YamlNode.Sequence.class, "a list").ifPresent(seq -> seq.items().forEach(item ->
                out.add(new ConfNode(item, path, item.location(), false, problems))));
        return out;
    }

    /** The items of a list, or this value alone: for keys where {@code x: A} means {@code x: [A]}. */
    public List<ConfNode> oneOrMore() {
        if (value instanceof YamlNode.Sequence || !present(value)) {
            return items();
        }
        return List.of(this);
    }

    /** A scalar as text (numbers as written), trimmed; it may be empty. */
    public String text() {
        return scalar("text").map(s -> s.text().trim()).orElse("");
    }

    /** Text that must say something: a name, a citation, a code. */
    public String nonBlank() {
        String text = text();
        if (text.isEmpty() && isScalar()) {
            problem("must not be empty");
        }
        return text;
    }

    public int integer() {
        return wholeNumber("a whole number").orElse(0);
    }

    /** A whole number from {@code min} to {@code max} inclusive. */
    public int integer(int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        Optional<Integer> n = wholeNumber(expected);
        if (n.isPresent() && (n.get() < min || n.get() > max)) {
            problem("expected " + expected + ", found " + n.get());
            return 0;
        }
        return n.orElse(0);
    }

    public BigDecimal decimal() {
        Optional<YamlNode.Scalar> s = scalar("a number");
        if (s.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (s.get().kind() != YamlNode.Scalar.Kind.INTEGER && s.get().kind() != YamlNode.Scalar.Kind.DECIMAL) {
            typeProblem("a number", s.get());
            return BigDecimal.ZERO;
        }
        return new BigDecimal(s.get().text());
    }

    public boolean bool() {
        Optional<YamlNode.Scalar> s = scalar("true or false");
        if (s.isEmpty()) {
            return false;
        }
        if (s.get().kind() != YamlNode.Scalar.Kind.BOOLEAN) {
            typeProblem("true or false", s.get());
            return false;
        }
        return TRUE_WORDS.contains(s.get().text().toLowerCase(Locale.ROOT));
    }

    /**
     * A value from a vocabulary: {@code parser} gives it from the text, or nothing, and then the
     * problem names the value and what is {@code allowed}.
     */
    public <T> Optional<T> parse(Function<String, Optional<T>> parser, String allowed) {
        Optional<YamlNode.Scalar> s = scalar("one of: " + allowed);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String text = s.get().text().trim();
        Optional<T> parsed = parser.apply(text);
        if (parsed.isEmpty()) {
            problem("unknown value '" + text + "' (allowed: " + allowed + ")");
        }
        return parsed;
    }

    /** An enum constant, by its exact name. */
    public <E extends Enum<E>> Optional<E> enumValue(Class<E> type) {
        return parse(text -> Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst(),
                Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    public String text(String key) {
        return get(key).text();
    }

    public String nonBlank(String key) {
        return get(key).nonBlank();
    }

    /** The text under {@code key}, empty when the key is absent. */
    public Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    public int integer(String key) {
        return get(key).integer();
    }

    public int integer(String key, int min, int max) {
        return get(key).integer(min, max);
    }

    public BigDecimal decimal(String key) {
        return get(key).decimal();
    }

    /** A number greater than 0: a standard deviation, a slope, a least significant change. */
    public BigDecimal positiveDecimal(String key) {
        ConfNode child = get(key);
        BigDecimal d = child.decimal();
        if (d.signum() <= 0 && child.isScalar()) {
            child.problem("must be greater than 0, was " + d.toPlainString());
        }
        return d;
    }

    public boolean bool(String key) {
        return get(key).bool();
    }

    public List<ConfNode> list(String key) {
        return get(key).items();
    }

    /** The items under {@code key}, none when it is absent; a single value counts as a list of one. */
    public List<ConfNode> optionalItems(String key) {
        return has(key) ? get(key).oneOrMore() : List.of();
    }

    /** A list of texts (may be empty, must be present). */
    public List<String> texts(String key) {
        return get(key).scalarItems().stream().map(ConfNode::text).toList();
    }

    /** A list of enum constant names; an unknown name is reported with the allowed ones and left out. */
    public <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
        List<E> out = new ArrayList<>();
        get(key).scalarItems().forEach(item -> item.enumValue(type).ifPresent(out::add));
        return out;
    }

    /**
     * Reports a problem with this value (a code not defined elsewhere, a range), at its location;
     * nothing when the value is already reported missing or of the wrong kind, which says it all.
     */
    public void problem(String message) {
        if (!quiet && !reported) {
            problems.add(location(), path.isEmpty() ? message : path + ": " + message);
        }
    }

    /** Reports a problem with the value under {@code key}, or at this mapping when the key is missing. */
    public void problem(String key, String message) {
        YamlNode.Entry entry = value instanceof YamlNode.Mapping m ? m.entries().get(key) : null;
        new ConfNode(entry == null ? null : entry.value(), qualified(key), anchor, quiet || reported, problems)
                .problem(message);
    }

    /** Reports every key of this mapping that no getter asked for. Call once all keys have been read. */
    public void finish() {
        if (!(value instanceof YamlNode.Mapping m)) {
            return;
        }
        String expected = known.stream().sorted().collect(Collectors.joining(", "));
        for (YamlNode.Entry entry : m.entries().values()) {
            if (!known.contains(entry.key())) {
                problems.add(entry.keyLocation(), "unknown key '" + entry.key() + "'"
                        + (path.isEmpty() ? "" : " in " + path) + " (expected one of: " + expected + ")");
            }
        }
    }

    private Optional<Integer> wholeNumber(String expected) {
        Optional<YamlNode.Scalar> s = scalar(expected);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.get().kind() == YamlNode.Scalar.Kind.INTEGER) {
            try {
                return Optional.of(Integer.parseInt(s.get().text()));
            } catch (NumberFormatException e) {
                // too large for an int: reported as the wrong kind of number below
            }
        }
        typeProblem(expected, s.get());
        return Optional.empty();
    }

    private Optional<YamlNode.Scalar> scalar(String expected) {
        return require(YamlNode.Scalar.class, expected);
    }

    /** This value as {@code type}, or empty after reporting (once) that it is missing or of another kind. */
    private <T extends YamlNode> Optional<T> require(Class<T> type, String expected) {
        if (type.isInstance(value) && present(value)) {
            return Optional.of(type.cast(value));
        }
        if (!quiet && !reported) {
            if (value == null) {
                problems.add(anchor, "missing required key '" + path + "' (" + expected + ")");
            } else {
                typeProblem(expected, value);
            }
        }
        reported = true;
        return Optional.empty();
    }

    private void typeProblem(String expected, YamlNode found) {
        problem("expected " + expected + ", found " + found.kindName());
        reported = true;
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean present(YamlNode node) {
        return node != null && !(node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL);
    }
}
