package com.hongda.cms.common;

/** Parses the GraphQL {@code ID} strings of domain rows, refusing anything that is not one. */
public final class Ids {

    private Ids() {
    }

    /** An optional id (a filter's, say): null when absent, else as {@link #parse}. */
    public static Long optional(String field, String value) {
        return value == null ? null : parse(field, value);
    }

    /** @param field the input path to name in the error, e.g. {@code input.customerId} */
    public static long parse(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > 19) {
            throw DomainException.badRequest(field, "ID_FORMAT", "error.idFormat", field);
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                throw DomainException.badRequest(field, "ID_FORMAT", "error.idFormat", field);
            }
        }
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw DomainException.badRequest(field, "ID_FORMAT", "error.idFormat", field);
            }
            return id;
        } catch (NumberFormatException e) {
            throw DomainException.badRequest(field, "ID_FORMAT", "error.idFormat", field);
        }
    }
}
