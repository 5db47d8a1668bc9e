package com.hongda.cms.common;

/**
 * The Relay pagination arguments of a connection field. Cursors are opaque to clients; here they
 * encode a row offset, which works with every sort order the queries offer.
 */
public record PageArgs(Integer first, String after, Integer last, String before) {

    private static final String PREFIX = "o:";

    public static String cursorFor(long offset) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static long offsetOf(String field, String cursor) {
        if (cursor.length() > 32) {
            throw invalidCursor(field);
        }
        String decoded;
        try {
            decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalidCursor(field);
        }
        if (!decoded.startsWith(PREFIX)) {
            throw invalidCursor(field);
        }
        try {
            long offset = Long.parseLong(decoded.substring(PREFIX.length()));
            if (offset < 0 || offset >= Integer.MAX_VALUE) {
                throw invalidCursor(field);
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalidCursor(field);
        }
    }

    private static DomainException invalidCursor(String field) {
        return DomainException.badRequest(field, "CURSOR_FORMAT", "error.cursor", field);
    }
}
