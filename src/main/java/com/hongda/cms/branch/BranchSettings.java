package com.hongda.cms.branch;

import com.hongda.cms.common.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of a branch in effect: grade ratio targets in percent of the branch's graded managers
 * (JUNIOR and INTERMEDIATE are targets, SENIOR is a hard cap that promotion may not break) and the
 * most customers a manager may own, by territory. {@code defaults} names those taken from
 * configuration because the branch has none of its own.
 */
public record BranchSettings(int juniorTargetPercent, int intermediateTargetPercent, int seniorCapPercent,
                             int urbanCapacity, int ruralCapacity, List<Setting> defaults) {

    /** The name of one setting, as the API and the change history spell it. */
    public enum Setting { JUNIOR_TARGET_PERCENT, INTERMEDIATE_TARGET_PERCENT, SENIOR_CAP_PERCENT, URBAN_CAPACITY, RURAL_CAPACITY }

    /** A branch's own settings, each null when the default holds. */
    public record Own(Integer juniorTargetPercent, Integer intermediateTargetPercent, Integer seniorCapPercent,
                      Integer urbanCapacity, Integer ruralCapacity) {

        static final Own NONE = new Own(null, null, null, null, null);

        Integer get(Setting s) {
            return switch (s) {
                case JUNIOR_TARGET_PERCENT -> juniorTargetPercent;
                case INTERMEDIATE_TARGET_PERCENT -> intermediateTargetPercent;
                case SENIOR_CAP_PERCENT -> seniorCapPercent;
                case URBAN_CAPACITY -> urbanCapacity;
                case RURAL_CAPACITY -> ruralCapacity;
            };
        }
    }

    /** The own settings completed with the defaults. */
    static BranchSettings of(Own own, Own defaults) {
        List<Setting> fromDefaults = new ArrayList<>();
        int[] values = new int[Setting.values().length];
        for (Setting s : Setting.values()) {
            Integer v = own.get(s);
            if (v == null) {
                fromDefaults.add(s);
                v = defaults.get(s);
            }
            values[s.ordinal()] = v;
        }
        return new BranchSettings(values[0], values[1], values[2], values[3], values[4], List.copyOf(fromDefaults));
    }

    /** Most customers a manager of this territory may own in the branch. */
    public int capacityOf(Region region) {
        return region == Region.RURAL ? ruralCapacity : urbanCapacity;
    }
}
