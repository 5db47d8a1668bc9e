package com.hongda.cms.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.branch.BranchSettings;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.GradeQuotas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quota arithmetic against hand calculations. */
class QuotaTest {

    @Test
    void placesAreTheTargetLessTheHoldersWhoStay() {
        // 23 graded (5 / 12 / 6) at 20 / 50 / 30: targets floor(4.6) = 4, floor(11.5) = 11, floor(6.9) = 6.
        GradeQuotas.Targets t = GradeQuotas.targets(settings(20, 50, 30),
                Map.of(Grade.JUNIOR, 5, Grade.INTERMEDIATE, 12, Grade.SENIOR, 6));
        assertThat(t.graded()).isEqualTo(23);
        assertThat(t.target(Grade.JUNIOR)).isEqualTo(4);
        assertThat(t.target(Grade.INTERMEDIATE)).isEqualTo(11);
        assertThat(t.seniorCap()).isEqualTo(6);
        // SENIOR: 6 holders, 3 re-compete: 3 stay, places 6 − 3 = 3.
        assertThat(Quota.of(Grade.SENIOR, t, 3, 0)).isEqualTo(new Quota(Grade.SENIOR, 23, 30, 6, 6, 3, 0, 3, true));
        // INTERMEDIATE: 12 holders, 4 re-compete, 1 demoted for absence: 7 stay, places 11 − 7 = 4.
        assertThat(Quota.of(Grade.INTERMEDIATE, t, 4, 1).places()).isEqualTo(4);
        // A branch over its SENIOR cap has no places, however many re-compete.
        GradeQuotas.Targets over = GradeQuotas.targets(settings(35, 50, 15), Map.of(Grade.JUNIOR, 3, Grade.INTERMEDIATE, 3, Grade.SENIOR, 4));
        assertThat(Quota.of(Grade.SENIOR, over, 2, 0).places()).isZero();
    }

    private static BranchSettings settings(int junior, int intermediate, int senior) {
        return new BranchSettings(junior, intermediate, senior, 200, 140, java.util.List.of());
    }
}
