package org.dxaflow.dicom.data;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Looks up the VR and keyword of a tag: the constants of {@link Tag} and {@link CommandTag},
 * plus the structural rules of PS3.5 that hold for every tag.
 *
 * <p>Implicit VR decoding depends on this: the VR is not in the stream, so an unknown tag is
 * reported as UN and its bytes are kept as they are. The maps are built once from the constants
 * (by reflection, so each tag is written down exactly once) and never change afterwards.
 */
public final class Dictionary {

    private static final Map<Integer, Tag> BY_TAG;
    private static final Map<String, Tag> BY_KEYWORD;

    static {
        Map<Integer, Tag> byTag = new HashMap<>();
        Map<String, Tag> byKeyword = new HashMap<>();
        for (Class<?> holder : new Class<?>[] {Tag.class, CommandTag.class}) {
            for (Field f : holder.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.getType() != Tag.class || !Modifier.isStatic(m) || !Modifier.isPublic(m)) {
                    continue;
                }
                try {
                    Tag t = (Tag) f.get(null);
                    if (byTag.put(t.value(), t) != null || byKeyword.put(t.keyword(), t) != null) {
                        throw new ExceptionInInitializerError("duplicate dictionary entry " + t);
                    }
                } catch (IllegalAccessException e) {
                    throw new ExceptionInInitializerError(e);
                }
            }
        }
        BY_TAG = Map.copyOf(byTag);
        BY_KEYWORD = Map.copyOf(byKeyword);
    }

    private Dictionary() {
    }

    /**
     * The VR to assume for a tag when the encoding does not say (Implicit VR):
     * <ul>
     *   <li>group length (gggg,0000): UL (PS3.5 7.2);</li>
     *   <li>private creator (odd gggg,0010-00FF): LO (PS3.5 7.8.1);</li>
     *   <li>other private elements and unknown public ones: UN (PS3.5 6.2.2);</li>
     *   <li>overlay group 60xx (even xx): the entry for group 6000 (PS3.5 7.6 repeating groups);</li>
     *   <li>item and delimitation tags, which have no VR: UN.</li>
     * </ul>
     */
    public static VR vrOf(int tag) {
        Tag t = lookup(tag);
        if (t != null) {
            return t.vr();
        }
        if (Tag.isGroupLength(tag) && !Tag.isItemOrDelimiter(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        return VR.UN;
    }

    /** The dictionary entry for a tag, or null when unknown (private or not in our subset). */
    public static Tag lookup(int tag) {
        Tag t = BY_TAG.get(tag);
        if (t == null && isRepeatingOverlayGroup(Tag.group(tag))) {
            t = BY_TAG.get(Tag.of(0x6000, Tag.element(tag)));
        }
        return t;
    }

    /** The PS3.6 keyword of a tag, or null if unknown. */
    public static String keywordOf(int tag) {
        Tag t = lookup(tag);
        return t == null ? null : t.keyword();
    }

    /** The entry with that PS3.6 keyword (e.g. "PatientName"), or null. */
    public static Tag forKeyword(String keyword) {
        return BY_KEYWORD.get(keyword);
    }

    /** Every entry, in no particular order (for tests and tooling). */
    public static Collection<Tag> entries() {
        return BY_TAG.values();
    }

    private static boolean isRepeatingOverlayGroup(int group) {
        return group >= 0x6000 && group <= 0x60FF && (group & 1) == 0;
    }
}
