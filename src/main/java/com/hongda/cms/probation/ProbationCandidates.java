package com.hongda.cms.probation;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may work a probation task, called from the model's candidate expressions: the named person
 * when there is one, otherwise the role that stands in (any SUPERVISOR for a trainee without a
 * supervisor, HR for a trainee without a login). An empty list adds no candidate.
 */
@Component("probationCandidates")
public class ProbationCandidates {

    /** {@code [userId]}, or none when there is no such user. */
    public List<String> user(String userId) {
        return blank(userId) ? List.of() : List.of(userId);
    }

    /** {@code [group]} when there is no user, otherwise none. */
    public List<String> unless(String userId, String group) {
        return blank(userId) ? List.of(group) : List.of();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
