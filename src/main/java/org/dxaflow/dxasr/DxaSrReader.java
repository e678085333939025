package org.dxaflow.dxasr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.sr.Code;

/**
 * Reads the measurements back out of a result SR in dxaflow's example layout. Strict on purpose:
 * an item it cannot place (unknown site or measurement code, unexpected value type) is an error,
 * because silently dropping a BMD would be worse than refusing the document.
 */
public final class DxaSrReader {

    public List<SiteMeasurement> read(Attributes sr) {
        Code title = conceptName(sr);
        if (!"CONTAINER".equals(sr.getString(Tag.ValueType)) || !DxaSrCodes.REPORT.sameConcept(title)) {
            throw new IllegalArgumentException("root is not a " + DxaSrCodes.REPORT + " CONTAINER: " + title);
        }
        List<SiteMeasurement> out = new ArrayList<>();
        for (Attributes item : items(sr)) {
            if (!"CONTAINER".equals(item.getString(Tag.ValueType))) {
                throw new IllegalArgumentException("root holds a " + item.getString(Tag.ValueType)
                        + " item; only site CONTAINERs are expected");
            }
            out.add(readSite(item));
        }
        return out;
    }

    private static SiteMeasurement readSite(Attributes container) {
        Code siteCode = conceptName(container);
        Site site = DxaSrCodes.siteOf(siteCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown site " + siteCode));
        Laterality side = null;
        Map<MeasurementKind, BigDecimal> values = new EnumMap<>(MeasurementKind.class);
        for (Attributes item : items(container)) {
            String type = item.getString(Tag.ValueType);
            Code name = conceptName(item);
            if ("CODE".equals(type) && DxaSrCodes.LATERALITY.sameConcept(name)) {
                Code value = Code.readFrom(item.getItem(Tag.ConceptCodeSequence, 0));
                side = DxaSrCodes.lateralityOf(value)
                        .orElseThrow(() -> new IllegalArgumentException("unknown laterality " + value));
            } else if ("NUM".equals(type)) {
                MeasurementKind kind = DxaSrCodes.kindOf(name)
                        .orElseThrow(() -> new IllegalArgumentException("unknown measurement " + name));
                values.put(kind, numericValue(item, kind, siteCode));
            } else {
                throw new IllegalArgumentException("unexpected " + type + " item " + name + " in " + siteCode);
            }
        }
        return new SiteMeasurement(site, side, values);
    }

    private static BigDecimal numericValue(Attributes num, MeasurementKind kind, Code site) {
        Attributes measured = num.getItem(Tag.MeasuredValueSequence, 0);
        String text = measured == null ? null : measured.getString(Tag.NumericValue);
        if (text == null) {
            throw new IllegalArgumentException(kind + " at " + site + " has no numeric value");
        }
        Code unit = Code.readFrom(measured.getItem(Tag.MeasurementUnitsCodeSequence, 0));
        if (!kind.unit().sameConcept(unit)) {
            // a BMD in mg/cm2 read as g/cm2 would be off by 1000: refuse rather than convert silently
            throw new IllegalArgumentException(kind + " at " + site + " in " + unit + ", expected " + kind.unit());
        }
        return new BigDecimal(text.trim());
    }

    private static List<Attributes> items(Attributes parent) {
        Sequence s = parent.getSequence(Tag.ContentSequence);
        return s == null ? List.of() : s.items();
    }

    private static Code conceptName(Attributes item) {
        return Code.readFrom(item.getItem(Tag.ConceptNameCodeSequence, 0));
    }
}
