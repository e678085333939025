package org.dxaflow.results.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dxaflow.conf.ConfNode;
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

    static ScaleRules read(List<ConfNode> nodes) {
        List<Rule> rules = new ArrayList<>();
        for (ConfNode n : nodes) {
            Pattern p = null;
            try {
                p = Pattern.compile(n.nonBlank("manufacturer"));
            } catch (PatternSyntaxException e) {
                n.problem("manufacturer", "not a regular expression: " + e.getDescription());
            }
            Optional<Manufacturer> m = n.get("scale").parse(Manufacturer::parse, "HOLOGIC, GE_LUNAR, NORLAND, OTHER");
            n.finish();
            if (p != null && m.isPresent()) {
                rules.add(new Rule(p, m.get()));
            }
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
