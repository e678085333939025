package org.dxaflow.conf;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one YAML file into a {@link ConfNode} tree with locations, through Jackson's streaming
 * parser. Numbers keep their written text, so 0.120 is read as the decimal 0.120 exactly.
 */
public final class YamlFile {

    private YamlFile() {
    }

    /**
     * The document's root. A missing, unreadable, empty or malformed file, and a duplicate key, is
     * added to {@code problems}; the root of a file that could not be read is then an absent node
     * that reports nothing more, so one broken file gives one problem, not one per key.
     */
    public static ConfNode read(Path file, ConfProblems problems) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            problems.add(Location.of(file), "file not found");
            return ConfNode.unreadable(Location.of(file), problems);
        }
        try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                problems.add(new Location(name, 1, 1), "file is empty");
                return ConfNode.unreadable(new Location(name, 1, 1), problems);
            }
            return ConfNode.root(value(parser, name, problems), problems);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? Location.of(file) : locationOf(name, at);
            problems.add(location, "YAML syntax error: " + oneLine(e.getOriginalMessage()));
            return ConfNode.unreadable(location, problems);
        } catch (IOException e) {
            problems.add(Location.of(file), "cannot read: " + e.getMessage());
            return ConfNode.unreadable(Location.of(file), problems);
        }
    }

    private static YamlNode value(JsonParser parser, String file, ConfProblems problems) throws IOException {
        Location location = locationOf(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    Location keyLocation = locationOf(file, parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = value(parser, file, problems);
                    if (entries.containsKey(key)) {
                        problems.add(keyLocation, "duplicate key '" + key + "'");
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyLocation, value));
                    }
                }
                return new YamlNode.Mapping(entries, location);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, file, problems));
                }
                return new YamlNode.Sequence(items, location);
            }
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.INTEGER, location);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.DECIMAL, location);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.BOOLEAN, location);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.Scalar.Kind.NULL, location);
            default:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.STRING, location);
        }
    }

    /**
     * The parser's message without its indented excerpts of the file ("in 'reader', line 2..."):
     * a problem is one line, and its location is already in front of it.
     */
    private static String oneLine(String message) {
        return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining(": "));
    }

    private static Location locationOf(String file, JsonLocation at) {
        return new Location(file, at.getLineNr(), at.getColumnNr());
    }
}
