package org.dxaflow.results.mapping;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.sr.SrItem;

/**
 * Walks an SR content tree and turns every NUM whose concept name a rule knows into a value at a
 * site and side. The site is the rule's own (a site-specific code), else the nearest one in context:
 * a site modifier on the NUM, then each enclosing container (its concept name, or its site
 * modifier), nearest first. The side is found the same way. A rule site and a context site that
 * disagree, a site or side code the mapping does not list, a NUM with no site or with units the
 * mapping does not accept: each is a problem, never a guess.
 */
final class SrWalk {

    private final List<MeasurementRule> rules;
    private final SrMapping.SrContext context;
    private final UnitRules units;
    private final MeasurementSet set;
    private final List<String> problems;
    private final List<String> warnings;
    private final Predicate<SrItem> headerItem;
    private final Deque<SrItem> ancestors = new ArrayDeque<>();

    SrWalk(List<MeasurementRule> rules, SrMapping.SrContext context, UnitRules units, MeasurementSet set,
           List<String> problems, List<String> warnings, Predicate<SrItem> headerItem) {
        this.rules = rules;
        this.context = context;
        this.units = units;
        this.set = set;
        this.problems = problems;
        this.warnings = warnings;
        this.headerItem = headerItem;
    }

    void walk(SrItem item) {
        if (item.isNum()) {
            Optional<MeasurementRule> rule = rules.stream().filter(r -> r.code().matches(item.name())).findFirst();
            if (rule.isPresent()) {
                measure(item, rule.get());
            } else if (!headerItem.test(item)) {
                warnings.add("ignored " + item.describe() + ": not in the mapping's measurements");
            }
        }
        ancestors.push(item);
        for (SrItem child : item.children()) {
            if (!child.isModifier()) {
                walk(child);
            }
        }
        ancestors.pop();
    }

    private void measure(SrItem num, MeasurementRule rule) {
        if (num.number() == null) {
            if (num.text() != null) {
                problems.add(num.describe() + " value '" + num.text() + "' is not a number");
            } else {
                warnings.add(num.describe() + " has no value (not measured)");
            }
            return;
        }
        Optional<Site> found = contextSite(num);
        if (found == null) {
            return; // problem already recorded
        }
        Site site = rule.site();
        if (site != null && found.isPresent() && found.get() != site) {
            problems.add(num.describe() + " is a " + site + " code but its context says " + found.get());
            return;
        }
        if (site == null) {
            if (found.isEmpty()) {
                problems.add(num.describe() + " (" + rule.quantity() + ") has no site: no enclosing container or"
                        + " site modifier the mapping lists");
                return;
            }
            site = found.get();
        }
        Optional<Laterality> side = contextLaterality(num);
        if (side == null) {
            return;
        }
        Laterality laterality = rule.laterality();
        if (laterality != null && side.isPresent() && side.get() != laterality) {
            problems.add(num.describe() + " is a " + laterality + " code but its laterality modifier says " + side.get());
            return;
        }
        laterality = laterality != null ? laterality : side.orElse(null);
        if (laterality != null && MeasurementSet.isMidline(site)) {
            warnings.add(num.describe() + ": laterality " + laterality + " ignored for midline site " + site);
            laterality = null;
        }
        String unit = num.unit() == null ? "" : num.unit().code();
        Optional<BigDecimal> value = units.toCanonical(rule.quantity(), num.number(), unit);
        if (value.isEmpty()) {
            problems.add(num.describe() + " has units '" + unit + "'; the mapping accepts " + units.accepted(
                    rule.quantity()) + " for " + rule.quantity());
            return;
        }
        set.add(site, laterality, rule.quantity(), value.get(), "item " + num.position());
    }

    /** The nearest site in context; empty when none; null when a listed modifier names an unknown site (problem recorded). */
    private Optional<Site> contextSite(SrItem num) {
        Optional<Site> own = siteFromModifiers(num);
        if (own == null || own.isPresent()) {
            return own;
        }
        for (SrItem a : ancestors) {
            if (a.isContainer()) {
                Optional<Site> s = context.site(a.name());
                if (s.isPresent()) {
                    return s;
                }
            }
            Optional<Site> m = siteFromModifiers(a);
            if (m == null || m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private Optional<Site> siteFromModifiers(SrItem item) {
        for (SrItem mod : item.modifiers()) {
            if (context.isSiteModifier(mod)) {
                Optional<Site> s = context.site(mod.code());
                if (s.isEmpty()) {
                    problems.add(mod.describe() + " names site " + mod.code() + ", which the mapping's sites do not list");
                    return null;
                }
                return s;
            }
        }
        return Optional.empty();
    }

    private Optional<Laterality> contextLaterality(SrItem num) {
        Optional<Laterality> own = lateralityFromModifiers(num);
        if (own == null || own.isPresent()) {
            return own;
        }
        for (SrItem a : ancestors) {
            Optional<Laterality> l = lateralityFromModifiers(a);
            if (l == null || l.isPresent()) {
                return l;
            }
        }
        return Optional.empty();
    }

    private Optional<Laterality> lateralityFromModifiers(SrItem item) {
        for (SrItem mod : item.modifiers()) {
            if (context.isLateralityModifier(mod)) {
                Optional<Laterality> l = context.laterality(mod.code());
                if (l.isEmpty()) {
                    problems.add(mod.describe() + " names laterality " + mod.code()
                            + ", which the mapping's lateralities do not list");
                    return null;
                }
                return l;
            }
        }
        return Optional.empty();
    }
}
