package org.dxaflow.dicom.query;

import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Dictionary;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.VR;

/**
 * Builds a C-FIND response identifier: exactly the keys the query asked for (PS3.4 C.4.1.1.3.2),
 * with the candidate's values, empty where the candidate has none. A sequence key with an empty
 * item returns the candidate's items whole; a sequence key with keys in its item returns, for each
 * candidate item that matches them, just those keys.
 */
public final class ReturnKeys {

    private final KeyMatcher matcher;

    public ReturnKeys(KeyMatcher matcher) {
        this.matcher = matcher;
    }

    public Attributes build(Attributes query, Attributes candidate) {
        Attributes response = new Attributes();
        copyKeys(query, candidate, response);
        return response;
    }

    private void copyKeys(Attributes query, Attributes candidate, Attributes response) {
        for (int tag : query.tags()) {
            if (tag == Tag.SpecificCharacterSet.value() || (tag & 0xFFFF) == 0) {
                continue;
            }
            VR vr = query.vrOf(tag) == null || query.vrOf(tag) == VR.UN ? Dictionary.vrOf(tag) : query.vrOf(tag);
            if (vr == VR.SQ) {
                copySequence(query.getSequence(tag), candidate.getSequence(tag), response, tag);
            } else if (!response.copyFrom(candidate, tag)) {
                response.setNull(tag, vr);
            }
        }
    }

    private void copySequence(Sequence wanted, Sequence have, Attributes response, int tag) {
        Sequence out = response.newSequence(tag);
        if (have == null) {
            return;
        }
        boolean whole = wanted == null || wanted.isEmpty() || wanted.get(0).isEmpty();
        for (Attributes item : have) {
            if (whole) {
                out.addItem(item);
            } else if (matcher.matches(wanted.get(0), item)) {
                copyKeys(wanted.get(0), item, out.addItem());
            }
        }
    }
}
