package org.dxaflow.results.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dxaflow.densitometry.Manufacturer;

/**
 * Which calibration a scanner's BMD is on, from the manufacturer text it sends. Only the mapping
 * says so: an unlisted manufacturer is OTHER, and the engine then reports its own scores as not
 * computable (no sBMD equation) instead of comparing values on different scales.
 */
final class ScaleRules {

    private record Rule(Pattern manufacturer, Manufacturer scale) {
    }

    private final List<Rule> rules;

    private ScaleRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static ScaleRules read(List<MappingNode> nodes) {
        List<Rule> rules = new ArrayList<>();
        for (MappingNode n : nodes) {
            Pattern p;
            try {
                p = Pattern.compile(n.string("manufacturer"));
            } catch (PatternSyntaxException e) {
                throw n.error("manufacturer", "not a regular expression: " + e.getDescription());
            }
            Manufacturer m = n.child("scale").enumValue(Manufacturer.class, Manufacturer::parse);
            n.finish();
            rules.add(new Rule(p, m));
        }
        return new ScaleRules(rules);
    }

    Manufacturer scaleFor(String manufacturer) {
        if (manufacturer == null) {
            return Manufacturer.OTHER;
        }
        return rules.stream().filter(r -> r.manufacturer().matcher(manufacturer).find()).map(Rule::scale)
                .findFirst().orElse(Manufacturer.OTHER);
    }
}
