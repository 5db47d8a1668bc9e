package com.hongda.cms.personnel;

/** What a personnel case decides, each with its process. */
public enum PersonnelKind {
    /** A misconduct report (违规、损失、欺诈、被曝光): HR decides. */
    MISCONDUCT("personnel-misconduct"),
    /** An exit review (劝退、转岗或辞退): demoted twice, or failed the skills test. */
    EXIT_REVIEW("personnel-exit-review"),
    /** An exceptional promotion (破格晋升): a committee member proposes, another and HR approve. */
    EXCEPTIONAL_PROMOTION("personnel-promotion");

    private final String processKey;

    PersonnelKind(String processKey) {
        this.processKey = processKey;
    }

    /** The key of the process model that decides this kind. */
    public String processKey() {
        return processKey;
    }
}
