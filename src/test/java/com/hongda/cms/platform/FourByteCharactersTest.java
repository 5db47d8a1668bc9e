package com.hongda.cms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.EngineJobs;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Characters outside the Basic Multilingual Plane (emoji, rare CJK such as 𠀀) take four bytes in
 * UTF-8: they must round-trip through the engine's tables and ours, and a lookup by such a text
 * must not fail. H2 always could; MySQL/MariaDB only with utf8mb4 tables and connection.
 */
class FourByteCharactersTest extends IntegrationTest {

    private static final String RARE = "好评 👍 𠀀 😀";

    @Autowired
    EngineJobs jobs;

    private String processInstanceId;

    @Autowired
    HistoryService history;

    @Autowired
    Environment environment;

    @Test
    void branchAndTransferTextsAndAnObjectionRoundTripExactly() {
        String name = "城东 " + RARE + " " + fixtures.unique("B");
        String branch = as(Fixtures.HR).document("""
                mutation($n: String!, $c: String!, $r: String!) { createBranch(input: {code: $c, name: $n, region: URBAN, reason: $r}) {
                  branch { id name } } }""").variable("n", name).variable("c", fixtures.unique("E").replaceAll("[^A-Za-z0-9-]", ""))
                .variable("r", "新设 " + RARE).execute().path("createBranch.branch.name").entity(String.class).isEqualTo(name).get();
        String id = as(Fixtures.HR).document("query($n: String!) { branches(filter: {nameContains: $n}) { nodes { id } } }")
                .variable("n", RARE).execute().path("branches.nodes[0].id").entity(String.class).get();
        as(Fixtures.HR).document("mutation($id: ID!, $r: String!) { updateBranch(input: {id: $id, region: RURAL, reason: $r}) { branch { id } } }")
                .variable("id", id).variable("r", "划转 " + RARE).execute().errors().verify();
        as(Fixtures.AUDITOR).document("query($id: ID!) { branch(id: $id) { changes { reason } } }").variable("id", id).execute()
                .path("branch.changes[*].reason").entityList(String.class).containsExactly("新设 " + RARE, "划转 " + RARE);
        var manager = fixtures.manager(fixtures.unique("E"), com.hongda.cms.common.Region.URBAN, com.hongda.cms.manager.Grade.JUNIOR);
        as(Fixtures.HR).document("""
                mutation($m: ID!, $b: ID!, $r: String!) { transferManager(input: {managerId: $m, branchId: $b, reason: $r}) {
                  manager { branchHistory { reason } } } }""").variable("m", manager.getId().toString()).variable("b", id)
                .variable("r", "调动 " + RARE).execute().path("transferManager.manager.branchHistory[1].reason").entity(String.class)
                .isEqualTo("调动 " + RARE);
        assertThat(branch).isEqualTo(name);
    }

    @Test
    void taskCommentAndCompletionReasonRoundTripExactly() {
        String applicationId = submit();
        String taskId = hrReviewTask(applicationId);

        as(Fixtures.HR).document("mutation($id: ID!, $m: String!) { addTaskComment(input: {taskId: $id, message: $m}) { comment { message } } }")
                .variable("id", taskId).variable("m", RARE).execute()
                .path("addTaskComment.comment.message").entity(String.class).isEqualTo(RARE);
        as(Fixtures.HR).document("query($id: ID!) { task(id: $id) { comments { message } } }").variable("id", taskId).execute()
                .path("task.comments[0].message").entity(String.class).isEqualTo(RARE);

        as(Fixtures.HR).document("mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { assignee } } }")
                .variable("id", taskId).execute().errors().verify();
        String reason = "学历证明缺失 " + RARE;
        as(Fixtures.HR).document("""
                        mutation($id: ID!, $values: [FormValueInput!]) { completeTask(input: {taskId: $id, values: $values}) {
                          taskId } }""")
                .variable("id", taskId)
                .variable("values", List.of(Map.of("key", "qualificationDecision", "value", "REJECT"),
                        Map.of("key", "qualificationReason", "value", reason)))
                .execute().errors().verify();
        jobs.runDue(processInstanceId);

        as(Fixtures.HR).document("query($id: ID!) { application(id: $id) { state rejectionReason } }")
                .variable("id", applicationId).execute()
                .path("application.state").entity(String.class).isEqualTo("REJECTED")
                .path("application.rejectionReason").entity(String.class).isEqualTo(reason);
        assertThat(history.createHistoricVariableInstanceQuery().variableName("qualificationReason")
                .processInstanceId(processInstanceId).singleResult().getValue()).isEqualTo(reason);
    }

    @Test
    void lookingUpByFourByteTextIsNoInternalError() {
        for (String id : new String[] {"😀", "𠀀𠀁", "task-👍"}) {
            GraphQlTester.Response r = as(Fixtures.HR).document("query($id: ID!) { task(id: $id) { id } }").variable("id", id).execute();
            r.errors().satisfy(errors -> assertThat(errors).allSatisfy(e ->
                    assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
            r.path("task").valueIsNull();
        }
        as(Fixtures.HR).document("query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { totalCount } }")
                .variable("bk", "APPLICATION-😀").execute()
                .path("claimableTasks.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void everyTableIsUtf8mb4OnMysql() {
        if (!List.of(environment.getActiveProfiles()).contains("mysql")) {
            return;
        }
        var jdbc = fixtures.jdbc();
        assertThat(jdbc.queryForObject("select @@character_set_connection", String.class)).isEqualTo("utf8mb4");
        List<Map<String, Object>> tables = jdbc.queryForList("""
                select table_name, table_collation from information_schema.tables
                where table_schema = database() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""");
        assertThat(tables).extracting(t -> t.get("table_name").toString())
                .contains("ACT_GE_PROPERTY", "ACT_RU_TASK", "ACT_HI_COMMENT", "ACT_RE_DECISION_DEF", "ACT_HI_CASEINST",
                        "ACT_ID_USER", "customer", "customer_manager", "recruitment_application");
        assertThat(tables).allSatisfy(t -> assertThat(t.get("table_collation")).as(t.get("table_name").toString())
                .isEqualTo("utf8mb4_bin"));
        assertThat(jdbc.queryForList("""
                select concat(table_name, '.', column_name, ' ', character_set_name) from information_schema.columns
                where table_schema = database() and character_set_name is not null and character_set_name <> 'utf8mb4'
                  and table_name <> 'flyway_schema_history'""", String.class)).isEmpty();
    }

    private String submit() {
        Map<String, Object> in = new HashMap<>();
        in.put("name", "林" + fixtures.unique("𠀀"));
        in.put("phone", "13900001111");
        in.put("email", "c@example.com");
        in.put("origin", "EXTERNAL");
        in.put("education", "BACHELOR");
        in.put("yearsOfExperience", 3);
        in.put("performanceSummary", "三年客户服务经验 👍");
        in.put("declaresEthics", true);
        in.put("declaresNoBadRecord", true);
        in.put("declaresHealthy", true);
        in.put("branchId", fixtures.branchId("城东分公司"));
        in.put("region", "URBAN");
        GraphQlTester.Response r = as(Fixtures.HR)
                .document("mutation($in: SubmitApplicationInput!) { submitApplication(input: $in) { application { id processInstanceId } } }")
                .variable("in", in).execute();
        r.errors().verify();
        processInstanceId = r.path("submitApplication.application.processInstanceId").entity(String.class).get();
        jobs.runDue(processInstanceId);
        return r.path("submitApplication.application.id").entity(String.class).get();
    }

    private String hrReviewTask(String applicationId) {
        return as(Fixtures.HR).document("query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { nodes { id step } } }")
                .variable("bk", "APPLICATION-" + applicationId).execute()
                .path("claimableTasks.nodes[0].step").entity(String.class).isEqualTo("hrReview")
                .path("claimableTasks.nodes[0].id").entity(String.class).get();
    }
}
