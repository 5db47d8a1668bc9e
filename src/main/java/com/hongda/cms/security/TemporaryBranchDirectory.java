package com.hongda.cms.security;

import org.springframework.stereotype.Component;

/**
 * Stands in for the branch module's {@link BranchDirectory} until that module is merged, which
 * replaces it (delete this file then): every id from 1 to 1000 is a branch.
 */
@Component
class TemporaryBranchDirectory implements BranchDirectory {

    @Override
    public boolean exists(long branchId) {
        return branchId >= 1 && branchId <= 1000;
    }
}
