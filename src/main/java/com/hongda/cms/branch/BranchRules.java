package com.hongda.cms.branch;

/** The limits every branch's settings in effect keep, whether own or default. */
final class BranchRules {

    static final int MAX_CAPACITY = 10_000;

    private BranchRules() {
    }

    /** What is wrong with complete settings, in words for a log or an operator; null when nothing is. */
    static String problem(BranchSettings.Own s) {
        for (BranchSettings.Setting setting : BranchSettings.Setting.values()) {
            int v = s.get(setting);
            boolean capacity = setting == BranchSettings.Setting.URBAN_CAPACITY || setting == BranchSettings.Setting.RURAL_CAPACITY;
            if (capacity ? v < 1 || v > MAX_CAPACITY : v < 0 || v > 100) {
                return setting + " out of range: " + v;
            }
        }
        if (s.juniorTargetPercent() + s.intermediateTargetPercent() + s.seniorCapPercent() != 100) {
            return "the grade targets add up to "
                    + (s.juniorTargetPercent() + s.intermediateTargetPercent() + s.seniorCapPercent()) + ", not 100";
        }
        return null;
    }
}
