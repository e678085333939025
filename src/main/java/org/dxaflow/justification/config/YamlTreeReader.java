package org.dxaflow.justification.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a YAML file into a {@link YamlNode} tree with locations, using Jackson's streaming parser. */
public final class YamlTreeReader {

    private final YAMLFactory factory = new YAMLFactory();

    /**
     * Parses {@code file}. Syntax errors and duplicate keys are reported as {@link ConfigException}
     * with the file location; an empty document is an error too (a rule file must say something).
     */
    public YamlNode read(Path file) {
        String name = file.toString();
        ConfigProblems problems = new ConfigProblems();
        if (!Files.isRegularFile(file)) {
            problems.add(new Location(name, 0, 0), "file not found");
            problems.throwIfAny();
        }
        try (JsonParser parser = factory.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(name, 1, 1), "file is empty");
                problems.throwIfAny();
            }
            YamlNode root = readValue(parser, name, problems);
            problems.throwIfAny();
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? new Location(name, 0, 0) : locationOf(name, at);
            throw new ConfigException(List.of(location + ": YAML syntax error: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private YamlNode readValue(JsonParser parser, String file, ConfigProblems problems) throws IOException {
        Location location = locationOf(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    Location keyLocation = locationOf(file, parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = readValue(parser, file, problems);
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
                    items.add(readValue(parser, file, problems));
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

    private static Location locationOf(String file, JsonLocation at) {
        return new Location(file, at.getLineNr(), at.getColumnNr());
    }
}
