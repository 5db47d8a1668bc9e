package com.hongda.cms.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Region;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Grade and status changes decided by processes, with their history. */
class ManagerLifecycleTest extends IntegrationTest {

    @Autowired
    ManagerService managers;

    @Test
    void hiredTraineeStartsOnProbationWithHistoryNamingTheProcess() {
        CustomerManager m = managers.hireTrainee(fixtures.unique("H"), "新人", null, "城东", Region.URBAN,
                Fixtures.SUPERVISOR, "pi-hire-1", Fixtures.HR);
        assertThat(m.getGrade()).isEqualTo(Grade.TRAINEE);
        assertThat(m.getStatus()).isEqualTo(ManagerStatus.PROBATION);
        assertThat(managers.gradeHistories(java.util.List.of(m.getId())).get(m.getId())).singleElement().satisfies(g -> {
            assertThat(g.getToGrade()).isEqualTo(Grade.TRAINEE);
            assertThat(g.getProcessInstanceId()).isEqualTo("pi-hire-1");
            assertThat(g.getDecidedBy()).isEqualTo(Fixtures.HR);
        });
    }

    @Test
    void gradesChangeOneStepAtATime() {
        CustomerManager m = fixtures.manager(fixtures.unique("b"), Region.URBAN, Grade.TRAINEE);
        assertThatThrownBy(() -> managers.changeGrade(m.getId(), Grade.INTERMEDIATE, "skip", null, Fixtures.HR))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("GRADE_ONE_STEP"));
        GradeChange change = managers.changeGrade(m.getId(), Grade.JUNIOR, "PROBATION_PASSED", "pi-2", Fixtures.SUPERVISOR);
        assertThat(change.getFromGrade()).isEqualTo(Grade.TRAINEE);
        assertThat(managers.find(m.getId()).orElseThrow().getGrade()).isEqualTo(Grade.JUNIOR);
    }

    @Test
    void statusCarriesItsReasonAndALeftManagerIsFinal() {
        CustomerManager m = fixtures.manager(fixtures.unique("b"), Region.URBAN, Grade.TRAINEE);
        managers.changeStatus(m.getId(), ManagerStatus.LEFT, "DISMISSED", "pi-3");
        CustomerManager after = managers.find(m.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(ManagerStatus.LEFT);
        assertThat(after.getStatusReason()).isEqualTo("DISMISSED");
        assertThat(after.getStatusProcessInstanceId()).isEqualTo("pi-3");
        assertThatThrownBy(() -> managers.changeStatus(m.getId(), ManagerStatus.ACTIVE, "back", null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("MANAGER_LEFT"));
        assertThatThrownBy(() -> managers.changeGrade(m.getId(), Grade.JUNIOR, "x", null, null))
                .isInstanceOf(DomainException.class);
    }
}
