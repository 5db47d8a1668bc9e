package com.hongda.cms.personnel;

/** The kind of misconduct reported. */
public enum MisconductCategory {
    /** 违规: a breach of the rules. */
    VIOLATION,
    /** 造成损失: a loss caused to the company or a customer. */
    LOSS,
    /** 欺诈: fraud. */
    FRAUD,
    /** 被曝光: exposed in public (media, regulator). */
    PUBLIC_EXPOSURE
}
