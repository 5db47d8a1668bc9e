package com.hongda.cms.security;

/**
 * What the people module needs to know about branches, implemented by the branch module: a person's
 * branch is a reference to a branch record, and the branch module in turn names people (the branch
 * head), so the dependency points from branches to people and this look-up points back.
 */
public interface BranchDirectory {

    /** Whether a branch with this id exists. */
    boolean exists(long branchId);
}
