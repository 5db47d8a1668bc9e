package com.hongda.cms.workflow.history;

/**
 * Who may read process history, as a {@code @PreAuthorize} rule: internal audit and administrators
 * see every instance; everyone else is refused with FORBIDDEN. Nothing in the history API writes.
 */
public final class HistoryAccess {

    public static final String READERS = "hasAnyRole('AUDITOR','ADMIN')";

    private HistoryAccess() {
    }
}
