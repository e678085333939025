package org.dxaflow.densitometry.conf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into {@link YamlNode}s with line numbers, using Jackson's streaming YAML parser.
 * Numbers keep their written text so that 0.120 is read as the decimal 0.120, exactly.
 */
public final class YamlTreeReader {

    private final YAMLFactory factory = new YAMLFactory();

    public YamlNode read(Path path, ConfigErrors errors) {
        String file = path.getFileName().toString();
        try (JsonParser p = factory.createParser(path.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) {
                errors.add(file + ":1", "file is empty");
                return null;
            }
            return node(p, file, errors);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(file + ":" + line, "not valid YAML: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            errors.add(file, "cannot read: " + e.getMessage());
            return null;
        }
    }

    private YamlNode node(JsonParser p, String file, ConfigErrors errors) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                YamlNode value = node(p, file, errors);
                if (entries.putIfAbsent(key, value) != null) {
                    errors.add(file + ":" + keyLine, "duplicate key '" + key + "'");
                }
            }
            return new YamlNode.MapNode(file, line, entries);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p, file, errors));
            }
            return new YamlNode.ListNode(file, line, items);
        }
        boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
        return new YamlNode.ScalarNode(file, line, t == JsonToken.VALUE_NULL ? null : p.getText(), number);
    }
}
