package org.dxaflow.results.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.Location;
import org.dxaflow.conf.YamlFile;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.results.ResultIdentifiers;
import org.dxaflow.dicom.sr.SrItem;
import org.dxaflow.dicom.sr.SrTree;

/**
 * Every vendor layout in {@code mappings/results/*.yaml}, read once at startup (every mistake in
 * them stops the engine, each with its file, line and key). An object must be claimed by exactly
 * one mapping: none is an error listing why each mapping declined, two is an error too (the
 * mappings' {@code matches} must be made specific), so a result is never read through a layout
 * chosen by accident.
 */
public final class ResultMappings {

    private final List<SrMapping> sr;
    private final List<OruMapping> oru;

    private ResultMappings(List<SrMapping> sr, List<OruMapping> oru) {
        this.sr = List.copyOf(sr);
        this.oru = List.copyOf(oru);
    }

    /** Loads the directory; a missing directory means no mappings (every result is then unmappable). */
    public static ResultMappings load(Path dir) {
        List<SrMapping> sr = new ArrayList<>();
        List<OruMapping> oru = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new ResultMappings(sr, oru);
        }
        ConfProblems problems = new ConfProblems();
        List<Path> files = List.of();
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(Location.of(dir), "cannot list mappings: " + e.getMessage());
        }
        for (Path file : files) {
            ConfNode root = YamlFile.read(file, problems);
            String fileName = file.getFileName().toString();
            String name = root.has("name") ? root.nonBlank("name") : fileName.substring(0, fileName.length() - 5);
            if (root.has("description")) {
                root.nonBlank("description");
            }
            String format = root.nonBlank("format");
            switch (format) {
                case "dicom-sr" -> sr.add(SrMapping.read(name, root));
                case "hl7-oru" -> oru.add(OruMapping.read(name, root));
                default -> {
                    if (!format.isEmpty()) {
                        root.problem("format", "must be dicom-sr or hl7-oru");
                    }
                    // the rest of the file is not read, so its keys are not reported as unknown
                    continue;
                }
            }
            root.finish();
        }
        problems.throwIfAny();
        return new ResultMappings(sr, oru);
    }

    public List<String> names() {
        return Stream.concat(sr.stream().map(SrMapping::name), oru.stream().map(OruMapping::name)).toList();
    }

    /** Reads a DICOM SR. Identifiers come from the standard attributes, so they are known even on error. */
    public MappingOutcome readSr(Attributes dataSet) {
        SrItem root = SrTree.read(dataSet);
        ResultIdentifiers ids = new ResultIdentifiers(dataSet.getString(Tag.StudyInstanceUID),
                dataSet.getString(Tag.AccessionNumber), dataSet.getString(Tag.PatientID),
                HeaderValues.date(dataSet.getString(Tag.ContentDate, dataSet.getString(Tag.StudyDate)),
                        new ArrayList<>()));
        List<String> declined = new ArrayList<>();
        List<SrMapping> applicable = new ArrayList<>();
        for (SrMapping m : sr) {
            Optional<String> why = m.mismatch(dataSet, root);
            why.ifPresentOrElse(w -> declined.add(m.name() + ": " + w), () -> applicable.add(m));
        }
        if (applicable.size() != 1) {
            return MappingOutcome.failed(null, ids, choiceError(applicable.stream().map(SrMapping::name).toList(),
                    declined, "SOP class " + dataSet.getString(Tag.SOPClassUID, "?") + ", root concept "
                            + (root.name() == null ? "none" : root.name()) + ", manufacturer '"
                            + dataSet.getString(Tag.Manufacturer, "") + "'"));
        }
        SrMapping m = applicable.get(0);
        try {
            return MappingOutcome.mapped(m.read(dataSet, root));
        } catch (UnmappableResultException e) {
            return MappingOutcome.failed(m.name(), ids, e.getMessage());
        }
    }

    /** Reads an ORU^R01. Identifiers are read through the mapping that applies, when one does. */
    public MappingOutcome readOru(Er7Message message) {
        List<String> declined = new ArrayList<>();
        List<OruMapping> applicable = new ArrayList<>();
        for (OruMapping m : oru) {
            Optional<String> why = m.mismatch(message);
            why.ifPresentOrElse(w -> declined.add(m.name() + ": " + w), () -> applicable.add(m));
        }
        if (applicable.size() != 1) {
            return MappingOutcome.failed(null, ResultIdentifiers.NONE,
                    choiceError(applicable.stream().map(OruMapping::name).toList(), declined,
                            "MSH-3 '" + message.msh().value(3) + "', MSH-4 '" + message.msh().value(4) + "'"));
        }
        OruMapping m = applicable.get(0);
        try {
            return MappingOutcome.mapped(m.read(message));
        } catch (UnmappableResultException e) {
            return MappingOutcome.failed(m.name(), m.identifiers(message), e.getMessage());
        }
    }

    private static String choiceError(List<String> applicable, List<String> declined, String object) {
        if (applicable.isEmpty()) {
            return "no mapping in mappings/results matches this object (" + object + ")"
                    + (declined.isEmpty() ? "; there are no mappings of this format" : "; " + String.join("; ", declined));
        }
        return "more than one mapping matches this object (" + object + "): " + applicable
                + "; make their 'matches' specific";
    }
}
