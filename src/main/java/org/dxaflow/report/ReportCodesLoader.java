package org.dxaflow.report;

import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.dicom.sr.Code;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code conf/report/codes.yaml}. Every site, side, quantity and WHO category must have its
 * code and every scheme its URI: a gap would be a report with an uncoded value, so it stops the
 * engine at start, named by {@code file:line:column}.
 */
public final class ReportCodesLoader {

    public static final String FILE = "report/codes.yaml";

    public ReportCodes load(Path confDir) {
        ConfProblems problems = new ConfProblems();
        ConfNode root = YamlFile.read(confDir.resolve(FILE), problems);

        Map<String, String> uris = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        root.map("schemes").entries().forEach((scheme, node) -> {
            uris.put(scheme, node.nonBlank("uri"));
            names.put(scheme, node.nonBlank("name"));
            node.finish();
        });

        Code title = code(root.get("title"));
        Map<ReportQuantity, Code> units = new EnumMap<>(ReportQuantity.class);
        ConfNode unitNode = root.map("units");
        for (ReportQuantity q : ReportQuantity.values()) {
            units.put(q, unit(unitNode.get(q.name())));
        }
        Code percent = unit(unitNode.get("PERCENT"));
        unitNode.finish();

        List<ReportCodes.MeasurementRow> rows = new ArrayList<>();
        for (ConfNode row : root.list("measurements")) {
            List<Site> sites = new ArrayList<>();
            for (ConfNode s : row.get("sites").items()) {
                s.parse(Site::parse, "a site such as L1-L4, FEMORAL_NECK, TOTAL_HIP").ifPresent(sites::add);
            }
            Laterality side = row.has("laterality")
                    ? row.get("laterality").enumValue(Laterality.class).orElse(null) : null;
            boolean findingSite = row.has("findingSite") && row.bool("findingSite");
            Map<ReportQuantity, Code> codes = new EnumMap<>(ReportQuantity.class);
            ConfNode codeNode = row.map("codes");
            for (ReportQuantity q : ReportQuantity.values()) {
                codes.put(q, code(codeNode.get(q.name())));
            }
            codeNode.finish();
            row.finish();
            rows.add(new ReportCodes.MeasurementRow(sites, side, findingSite, codes));
        }

        ConfNode changeNode = root.map("change");
        ReportCodes.ChangeCodes change = new ReportCodes.ChangeCodes(code(changeNode.get("bmd")),
                code(changeNode.get("percent")), code(changeNode.get("significance")));
        changeNode.finish();

        Map<Laterality, Code> sides = new EnumMap<>(Laterality.class);
        ConfNode sideNode = root.map("lateralities");
        for (Laterality l : Laterality.values()) {
            sides.put(l, code(sideNode.get(l.name())));
        }
        sideNode.finish();

        Map<Site, Code> sites = new EnumMap<>(Site.class);
        root.map("findingSites").entries().forEach((name, node) ->
                Site.parse(name).ifPresentOrElse(s -> sites.put(s, code(node)),
                        () -> node.problem("unknown site '" + name + "'")));
        for (Site s : Site.values()) {
            if (!sites.containsKey(s)) {
                root.problem("findingSites", "no finding site for " + s.externalName());
            }
        }

        Map<WhoCategory, Code> who = new EnumMap<>(WhoCategory.class);
        ConfNode whoNode = root.map("whoCategories");
        for (WhoCategory c : WhoCategory.values()) {
            who.put(c, code(whoNode.get(c.name())));
        }
        whoNode.finish();

        ReportCodes codes = new ReportCodes(uris, names, title, units, percent, rows, change,
                code(root.get("findingSiteConcept")), code(root.get("lateralityConcept")), sides, sites,
                code(root.get("whoCategoryConcept")), who, code(root.get("notClassified")));
        for (Site s : Site.values()) {
            for (ReportQuantity q : ReportQuantity.values()) {
                if (codes.measurement(s, null, q).isEmpty()) {
                    root.problem("measurements", "no " + q + " code for " + s.externalName());
                }
            }
        }
        for (Code c : allCodes(codes)) {
            if (!uris.containsKey(c.scheme())) {
                root.problem("schemes", "coding scheme " + c.scheme() + " (of " + c.value() + ") has no uri");
            }
        }
        root.finish();
        problems.throwIfAny();
        return codes;
    }

    private static List<Code> allCodes(ReportCodes codes) {
        List<Code> all = new ArrayList<>(List.of(codes.title(), codes.findingSiteConcept(), codes.lateralityConcept(),
                codes.whoCategoryConcept(), codes.notClassified(), codes.change().bmd(), codes.change().percent(),
                codes.change().significance()));
        for (WhoCategory c : WhoCategory.values()) {
            all.add(codes.whoCategory(c));
        }
        for (Site s : Site.values()) {
            all.add(codes.findingSite(s));
        }
        return all.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static Code code(ConfNode node) {
        String value = node.nonBlank("code");
        String scheme = node.nonBlank("scheme");
        String meaning = node.nonBlank("meaning");
        node.finish();
        return build(node, value, scheme, meaning).orElse(null);
    }

    private static Code unit(ConfNode node) {
        String value = node.nonBlank("code");
        String meaning = node.nonBlank("meaning");
        node.finish();
        return build(node, value, "UCUM", meaning).orElse(null);
    }

    private static Optional<Code> build(ConfNode node, String value, String scheme, String meaning) {
        if (value.isEmpty() || scheme.isEmpty() || meaning.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Code(value, scheme, meaning));
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return Optional.empty();
        }
    }
}
