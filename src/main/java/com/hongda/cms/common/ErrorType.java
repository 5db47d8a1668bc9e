package com.hongda.cms.common;

import graphql.ErrorClassification;

/**
 * The classifications a client may see in {@code errors[].extensions.classification}.
 * They are stable codes; the human-readable message comes from the message bundles.
 */
public enum ErrorType implements ErrorClassification {
    BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, INTERNAL_ERROR
}
