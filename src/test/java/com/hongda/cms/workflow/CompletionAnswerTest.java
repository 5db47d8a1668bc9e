package com.hongda.cms.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.StatementCounter;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * What completeTask answers, over real HTTP on the test process {@code steps-probe}: the caller's next
 * task in the case (assigned to them first, else one they may claim as a candidate user or through a
 * role; null when the case waits for someone else) and where the case stands, read after the
 * completion committed, for the same few statements however many steps the case has open.
 */
class CompletionAnswerTest extends IntegrationTest {

    private static final String COMPLETE = InboxClient.claimingAndCompleting("""
            taskId processEnded
            nextTask { id step assignee candidateUsers candidateGroups businessKey }
            case { processInstanceId steps { key kind } incidents { id } }""");
    /** The whole answer a front end could ask for: the next task as an inbox page shows it, the case with its incidents. */
    private static final String EVERYTHING = InboxClient.claimingAndCompleting("""
            taskId processInstanceId processEnded
            nextTask { id name step processKey processName businessKey due priority assignee candidateGroups candidateUsers
              subjectType subject { __typename } comments { message } form { key label type required value } }
            case { processInstanceId currentSteps steps { key name kind due incident { id message } } incidents { id step } }""");
    private static final String BARE = InboxClient.claimingAndCompleting("taskId processEnded");

    @Autowired
    TaskProbe probe;

    @Autowired
    TaskService taskService;

    @Autowired
    StatementCounter counter;

    @Test
    void aTaskAssignedToTheCallerComesBeforeOneTheyMayClaim() {
        ProcessInstance pi = probe.startSteps(fixtures.unique("steps"), List.of());
        GraphQlTester.Response r = complete(Fixtures.HR, task(pi, "draft"), Map.of("owner", Fixtures.HR, "signer", Fixtures.HR));
        r.path("completeTask.processEnded").entity(Boolean.class).isEqualTo(false);
        r.path("completeTask.nextTask.step").entity(String.class).isEqualTo("countersign");
        r.path("completeTask.nextTask.assignee").entity(String.class).isEqualTo(Fixtures.HR);
        r.path("completeTask.nextTask.id").entity(String.class).isEqualTo(task(pi, "countersign"));
        r.path("completeTask.case.processInstanceId").entity(String.class).isEqualTo(pi.getId());
        r.path("completeTask.case.steps[*].key").entityList(String.class)
                .satisfies(steps -> assertThat(steps).containsExactlyInAnyOrder("sign", "countersign"));
        r.path("completeTask.case.steps[*].kind").entityList(String.class)
                .satisfies(kinds -> assertThat(kinds).containsOnly("TASK"));
    }

    @Test
    void theNextTaskFollowsTheCaseFromPersonToPersonAndIsNullWhenItIsSomeoneElsesTurn() {
        String bk = fixtures.unique("steps");
        ProcessInstance pi = probe.startSteps(bk, List.of());

        // HR drafts; the countersignature is ADMIN's, the signature HR's to claim as a candidate user.
        GraphQlTester.Response drafted = complete(Fixtures.HR, task(pi, "draft"), Map.of("owner", Fixtures.ADMIN, "signer", Fixtures.HR));
        drafted.path("completeTask.nextTask.step").entity(String.class).isEqualTo("sign");
        drafted.path("completeTask.nextTask.assignee").valueIsNull();
        drafted.path("completeTask.nextTask.candidateUsers").entityList(String.class).containsExactly(Fixtures.HR);
        drafted.path("completeTask.nextTask.businessKey").entity(String.class).isEqualTo(bk);

        // ADMIN countersigns the task assigned to them (claim: true changes nothing on a task one holds).
        GraphQlTester.Response countersigned = complete(Fixtures.ADMIN, task(pi, "countersign"), Map.of());
        countersigned.path("completeTask.nextTask").valueIsNull();
        countersigned.path("completeTask.case.steps[*].key").entityList(String.class).containsExactly("sign");

        // HR signs; the review is HR's through the role.
        GraphQlTester.Response signed = complete(Fixtures.HR, task(pi, "sign"), Map.of());
        signed.path("completeTask.nextTask.step").entity(String.class).isEqualTo("review");
        signed.path("completeTask.nextTask.candidateGroups").entityList(String.class).containsExactly("HR");

        // HR reviews; the approval is a supervisor's, not HR's.
        GraphQlTester.Response reviewed = complete(Fixtures.HR, task(pi, "review"), Map.of());
        reviewed.path("completeTask.nextTask").valueIsNull();
        reviewed.path("completeTask.case.steps[*].key").entityList(String.class).containsExactly("approve");
        reviewed.path("completeTask.processEnded").entity(Boolean.class).isEqualTo(false);

        // The supervisor approves: the case has ended, with nothing left and no incident.
        GraphQlTester.Response approved = complete(Fixtures.SUPERVISOR, task(pi, "approve"), Map.of());
        approved.path("completeTask.processEnded").entity(Boolean.class).isEqualTo(true);
        approved.path("completeTask.nextTask").valueIsNull();
        approved.path("completeTask.case.steps").entityList(Object.class).hasSize(0);
        approved.path("completeTask.case.incidents").entityList(Object.class).hasSize(0);
    }

    @Test
    void anotherCandidatesTaskOrAnotherCasesTaskIsNeverTheNext() {
        ProcessInstance other = probe.startSteps(fixtures.unique("steps"), List.of());
        ProcessInstance pi = probe.startSteps(fixtures.unique("steps"), List.of(Fixtures.HR + "-not", "watcher"));
        GraphQlTester.Response r = complete(Fixtures.HR, task(pi, "draft"), Map.of("owner", Fixtures.ADMIN, "signer", Fixtures.SUPERVISOR));
        // HR may claim the other case's draft, but it is not in this case; the two watch tasks name others.
        r.path("completeTask.nextTask").valueIsNull();
        r.path("completeTask.case.steps[*].key").entityList(String.class)
                .satisfies(steps -> assertThat(steps).containsExactlyInAnyOrder("sign", "countersign", "watch", "watch"));
        assertThat(taskService.createTaskQuery().processInstanceId(other.getId()).taskCandidateGroup("HR").count()).isEqualTo(1);
    }

    @Test
    void theAnswerCostsTheSameStatementsWhateverTheCaseHoldsOpen() {
        answerStatements(1);
        long one = answerStatements(1);
        long many = answerStatements(8);
        assertThat(one).as("the next task and the case are read at all").isPositive();
        assertThat(many).isEqualTo(one);
    }

    /**
     * The statements the whole answer costs beyond the bare completion, in a case that has
     * {@code watchers} watch tasks open beside the draft: two cases alike, one completed each way.
     */
    private long answerStatements(int watchers) {
        List<String> names = IntStream.range(0, watchers).mapToObj(i -> "watcher-" + i).toList();
        return statements(names, EVERYTHING) - statements(names, BARE);
    }

    private long statements(List<String> watchers, String document) {
        ProcessInstance pi = probe.startSteps(fixtures.unique("steps"), watchers);
        String draft = task(pi, "draft");
        counter.reset();
        as(Fixtures.HR).document(document).variable("id", draft)
                .variable("values", InboxClient.values(Map.of("owner", Fixtures.HR, "signer", Fixtures.HR))).execute().errors().verify();
        return counter.count();
    }

    private GraphQlTester.Response complete(String user, String taskId, Map<String, ?> values) {
        GraphQlTester.Response r = as(user).document(COMPLETE).variable("id", taskId).variable("values", InboxClient.values(values)).execute();
        r.errors().verify();
        return r;
    }

    private String task(ProcessInstance pi, String step) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult().getId();
    }
}
