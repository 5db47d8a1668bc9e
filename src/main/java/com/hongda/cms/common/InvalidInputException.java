package com.hongda.cms.common;

import java.util.List;

/**
 * Several input problems found at once, so a client can fix every field in one go: each problem
 * becomes its own BAD_REQUEST error naming its field and rule. Thrown before anything is written.
 */
public class InvalidInputException extends RuntimeException {

    private final List<DomainException> problems;

    public InvalidInputException(List<DomainException> problems) {
        super("invalid input: " + problems.size() + " problem(s)");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems given");
        }
        this.problems = List.copyOf(problems);
    }

    public List<DomainException> problems() {
        return problems;
    }
}
