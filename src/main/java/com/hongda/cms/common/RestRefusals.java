package com.hongda.cms.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal ({@link DomainException}) from any endpoint outside GraphQL (the spreadsheet downloads and
 * imports), answered in the service's one error form with the HTTP status of its classification.
 */
@RestControllerAdvice(annotations = RestController.class)
class RestRefusals {

    private final HttpErrors errors;

    RestRefusals(HttpErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> refused(DomainException e, Locale locale) {
        HttpStatus status = switch (e.type()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        Map<String, Object> field = e.field() == null ? null : Map.of("field", e.field());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(errors.error(locale, e.type(), e.rule(), field, e.messageKey(), e.args()))));
    }
}
