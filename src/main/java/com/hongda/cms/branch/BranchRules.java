package com.hongda.cms.branch;

/** The limits every branch's settings keep, own or default: shares 0–100 adding up to 100, capacities 1–10,000. */
final class BranchRules {

    static final int MAX_CAPACITY = 10_000;

    private BranchRules() {
    }

    /**
     * What is wrong with settings: a value out of its range ({@code setting} names it), or, when all
     * three shares are given, shares not adding up to 100 ({@code setting} null); null when nothing is.
     */
    record Violation(BranchSettings.Setting setting, int min, int max, int sum) {
    }

    static Violation check(BranchSettings.Own s) {
        for (BranchSettings.Setting setting : BranchSettings.Setting.values()) {
            Integer v = s.get(setting);
            boolean capacity = setting == BranchSettings.Setting.URBAN_CAPACITY || setting == BranchSettings.Setting.RURAL_CAPACITY;
            int min = capacity ? 1 : 0;
            int max = capacity ? MAX_CAPACITY : 100;
            if (v != null && (v < min || v > max)) {
                return new Violation(setting, min, max, 0);
            }
        }
        if (s.juniorTargetPercent() != null && s.intermediateTargetPercent() != null && s.seniorCapPercent() != null) {
            int sum = s.juniorTargetPercent() + s.intermediateTargetPercent() + s.seniorCapPercent();
            if (sum != 100) {
                return new Violation(null, 100, 100, sum);
            }
        }
        return null;
    }
}
