package com.hongda.cms.personnel;

/**
 * What was decided: the codes the decision forms offer. Each effect on the manager carries a reason
 * code of its own in the manager's history ({@link #reason(PersonnelKind)}).
 */
public enum PersonnelOutcome {
    DEMOTE, SUSPEND, DISMISS, NO_ACTION, COUNSEL_OUT, TRANSFER, PROMOTE;

    /** The reason code the manager's grade or status history shows for this outcome of a case of this kind. */
    String reason(PersonnelKind kind) {
        return switch (kind) {
            case MISCONDUCT -> switch (this) {
                case DEMOTE -> "MISCONDUCT_DEMOTED";
                case SUSPEND -> "MISCONDUCT_SUSPENDED";
                case DISMISS -> "MISCONDUCT_DISMISSED";
                default -> throw new IllegalStateException("no effect of " + this);
            };
            case EXIT_REVIEW -> switch (this) {
                case COUNSEL_OUT -> "EXIT_COUNSELLED_OUT";
                case TRANSFER -> "EXIT_TRANSFERRED";
                case DISMISS -> "EXIT_DISMISSED";
                default -> throw new IllegalStateException("no exit by " + this);
            };
            case EXCEPTIONAL_PROMOTION -> "EXCEPTIONAL_PROMOTION";
        };
    }
}
