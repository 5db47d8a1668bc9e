package com.hongda.cms.common;

/** Small rules for text input, the same in every module. */
public final class Texts {

    private Texts() {
    }

    /** The text trimmed, or null when there is none: an empty or blank optional field means "not given". */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
