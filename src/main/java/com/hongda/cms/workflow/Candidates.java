package com.hongda.cms.workflow;

import java.util.List;

/** Who may work a task: its candidate groups (roles) and candidate users, as the inbox and the history show them. */
public record Candidates(List<String> groups, List<String> users) {

    public static final Candidates NONE = new Candidates(List.of(), List.of());
}
