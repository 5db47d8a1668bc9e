package com.hongda.cms.workflow;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may work a task, for the models' candidate expressions: the named person when there is one,
 * otherwise the role that stands in. {@code camunda:candidateUsers="${candidates.user(supervisorId)}"
 * camunda:candidateGroups="${candidates.unless(supervisorId, 'SUPERVISOR')}"}. An empty list adds no
 * candidate.
 */
@Component("candidates")
public class CandidateRules {

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
