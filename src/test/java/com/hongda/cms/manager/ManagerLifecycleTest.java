package com.hongda.cms.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Region;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Grade and status changes decided by processes, with their history. */
class ManagerLifecycleTest extends IntegrationTest {

    @Autowired
    ManagerEffects effects;

    @Autowired
    ManagerService managers;

    @Test
    void hiredTraineeStartsOnProbationWithHistoryNamingTheProcess() {
        CustomerManager m = managers.hireTrainee(fixtures.unique("H"), "新人", null, Long.parseLong(fixtures.branchId("城东")), Region.URBAN,
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
    void confirmingATraineeMakesThemJuniorAndActiveWithBothHistories() {
        CustomerManager m = fixtures.manager(fixtures.unique("b"), Region.URBAN, Grade.TRAINEE);
        effects.confirm(m.getId(), new ManagerEffects.Decision("PROBATION_PASSED", "pi-2", Fixtures.HR));
        CustomerManager after = managers.find(m.getId()).orElseThrow();
        assertThat(after.getGrade()).isEqualTo(Grade.JUNIOR);
        assertThat(after.getStatus()).isEqualTo(ManagerStatus.ACTIVE);
        assertThat(managers.gradeHistories(List.of(m.getId())).get(m.getId())).last().satisfies(g -> {
            assertThat(g.getFromGrade()).isEqualTo(Grade.TRAINEE);
            assertThat(g.getToGrade()).isEqualTo(Grade.JUNIOR);
            assertThat(g.getDecidedBy()).isEqualTo(Fixtures.HR);
        });
        assertThat(managers.statusHistories(List.of(m.getId())).get(m.getId())).extracting(StatusChange::getToStatus)
                .containsExactly(ManagerStatus.PROBATION, ManagerStatus.ACTIVE);
        assertThatThrownBy(() -> effects.confirm(m.getId(), new ManagerEffects.Decision("again", null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("NOT_A_TRAINEE"));
    }

    @Test
    void promotionAndDemotionGoOneStepWithinTheLadder() {
        CustomerManager m = fixtures.manager(fixtures.unique("b"), Region.URBAN, Grade.INTERMEDIATE);
        GradeChange up = effects.promote(m.getId(), new ManagerEffects.Decision("PROMOTED", "pi-4", Fixtures.COMMITTEE));
        assertThat(up.getFromGrade()).isEqualTo(Grade.INTERMEDIATE);
        assertThat(up.getToGrade()).isEqualTo(Grade.SENIOR);
        assertThatThrownBy(() -> effects.promote(m.getId(), new ManagerEffects.Decision("x", null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("GRADE_ONE_STEP"));
        effects.demote(m.getId(), new ManagerEffects.Decision("DEMOTED", "pi-5", Fixtures.COMMITTEE));
        effects.demote(m.getId(), new ManagerEffects.Decision("DEMOTED", "pi-6", Fixtures.COMMITTEE));
        assertThat(managers.find(m.getId()).orElseThrow().getGrade()).isEqualTo(Grade.JUNIOR);
        assertThatThrownBy(() -> effects.demote(m.getId(), new ManagerEffects.Decision("x", null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("GRADE_ONE_STEP"));
    }

    @Test
    void statusCarriesItsReasonAndALeftManagerIsFinal() {
        CustomerManager m = fixtures.manager(fixtures.unique("b"), Region.URBAN, Grade.JUNIOR);
        effects.suspend(m.getId(), new ManagerEffects.Decision("COMPLAINTS", "pi-7", Fixtures.SUPERVISOR));
        effects.leave(m.getId(), new ManagerEffects.Decision("DISMISSED", "pi-3", Fixtures.HR));
        CustomerManager after = managers.find(m.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(ManagerStatus.LEFT);
        assertThat(after.getStatusReason()).isEqualTo("DISMISSED");
        assertThat(after.getStatusProcessInstanceId()).isEqualTo("pi-3");
        assertThat(managers.statusHistories(List.of(m.getId())).get(m.getId())).extracting(StatusChange::getToStatus)
                .containsExactly(ManagerStatus.ACTIVE, ManagerStatus.SUSPENDED, ManagerStatus.LEFT);
        assertThatThrownBy(() -> effects.suspend(m.getId(), new ManagerEffects.Decision("back", null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("MANAGER_LEFT"));
        assertThatThrownBy(() -> effects.promote(m.getId(), new ManagerEffects.Decision("x", null, null)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void hrChangesTheSupervisorWithAReasonAndOnlyToAnEnabledSupervisor() {
        CustomerManager m = fixtures.manager(fixtures.unique("s"), Region.URBAN, Grade.JUNIOR);
        String change = """
                mutation($m: ID!, $s: ID!) { changeSupervisor(input: {managerId: $m, supervisorId: $s, reason: "调整分管"}) {
                  changed manager { supervisor { id } supervisorHistory { fromSupervisor toSupervisor reason decidedBy } } } }""";
        var r = as(Fixtures.HR).document(change).variable("m", m.getId().toString()).variable("s", Fixtures.SUPERVISOR2).execute();
        r.path("changeSupervisor.changed").entity(Boolean.class).isEqualTo(true);
        r.path("changeSupervisor.manager.supervisor.id").entity(String.class).isEqualTo(Fixtures.SUPERVISOR2);
        r.path("changeSupervisor.manager.supervisorHistory[-1].toSupervisor").entity(String.class).isEqualTo(Fixtures.SUPERVISOR2);
        r.path("changeSupervisor.manager.supervisorHistory[-1].decidedBy").entity(String.class).isEqualTo(Fixtures.HR);
        as(Fixtures.HR).document(change).variable("m", m.getId().toString()).variable("s", Fixtures.SUPERVISOR2).execute()
                .path("changeSupervisor.changed").entity(Boolean.class).isEqualTo(false);
        for (String[] bad : new String[][] {{"ghost", "PERSON_NOT_FOUND"}, {Fixtures.JUDGE, "PERSON_ROLE"}}) {
            as(Fixtures.HR).document(change).variable("m", m.getId().toString()).variable("s", bad[0]).execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                            .containsEntry("rule", bad[1]).containsEntry("field", "input.supervisorId")));
        }
        as(Fixtures.HR).document(change).variable("m", "987654321").variable("s", Fixtures.SUPERVISOR).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        as(Fixtures.SUPERVISOR).document(change).variable("m", m.getId().toString()).variable("s", Fixtures.SUPERVISOR).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void hrRecordsLeaveWhichOnlyThoseEntitledSeeAndOverlapsAreRefused() {
        CustomerManager m = fixtures.manager(fixtures.unique("l"), Region.URBAN, Grade.JUNIOR);
        String record = """
                mutation($m: ID!, $k: LeaveKind!, $from: Date!, $to: Date!) {
                  recordLeave(input: {managerId: $m, kind: $k, startsOn: $from, endsOn: $to, note: "产检"}) { leave { kind startsOn endsOn recordedBy } } }""";
        String id = m.getId().toString();
        java.time.LocalDate today = java.time.LocalDate.now();
        as(Fixtures.HR).document(record).variable("m", id).variable("k", "MATERNITY").variable("from", today.toString())
                .variable("to", today.plusDays(97).toString()).execute().path("recordLeave.leave.recordedBy").entity(String.class)
                .isEqualTo(Fixtures.HR);
        String[][] refusals = {
                {today.plusDays(10).toString(), today.plusDays(20).toString(), "CONFLICT"},
                {today.plusDays(200).toString(), today.plusDays(199).toString(), "BAD_REQUEST"},
                {today.minusYears(11).toString(), today.minusYears(11).plusDays(1).toString(), "BAD_REQUEST"}};
        for (String[] r : refusals) {
            as(Fixtures.HR).document(record).variable("m", id).variable("k", "SICK").variable("from", r[0]).variable("to", r[1])
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo(r[2])));
        }
        as(Fixtures.SUPERVISOR).document(record).variable("m", id).variable("k", "SICK").variable("from", today.plusDays(300).toString())
                .variable("to", today.plusDays(301).toString()).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        String read = "query($m: ID!) { manager(id: $m) { leaves { kind } } }";
        as(Fixtures.AUDITOR).document(read).variable("m", id).execute().path("manager.leaves[*].kind").entityList(String.class)
                .containsExactly("MATERNITY");
        as(Fixtures.COMMITTEE).document(read).variable("m", id).execute().path("manager.leaves").entityList(Object.class).hasSize(0);
    }
}
