package com.hongda.cms.manager;

/**
 * A manager left the sequence (dismissed, transferred, resigned, counselled out): published inside the
 * transaction of their leaving, so the customer module lists their customers for reassignment with it.
 */
public record ManagerLeft(long managerId, String reason, String processInstanceId, String decidedBy) {
}
