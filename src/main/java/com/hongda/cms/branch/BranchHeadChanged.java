package com.hongda.cms.branch;

/**
 * A branch has a new head (or none): published inside the transaction of the change, so that the
 * managers the old head supervised by default follow the new one in the same commit.
 *
 * @param before the head before, or null
 * @param after  the head now, or null
 */
public record BranchHeadChanged(long branchId, String before, String after, String reason, String decidedBy) {
}
