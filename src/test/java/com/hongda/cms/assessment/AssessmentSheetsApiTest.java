package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The assessment's spreadsheets over real HTTP: HR imports a round's performance figures (a sheet with
 * any error is refused whole, every error named by row and column, nothing written; a good one
 * completes every listed manager's figures task), and the round's results are exported in the
 * caller's language; others are refused.
 */
class AssessmentSheetsApiTest extends IntegrationTest {

    @Autowired
    ProcessDriver process;

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void aSheetWithOneBadRowImportsNothingAndAGoodOneCompletesTheFiguresOfEveryManager() throws Exception {
        ProcessDriver.at(Instant.parse("2031-06-03T02:00:00Z"));
        String head = fixtures.newUser("head", Role.SUPERVISOR);
        String branch = fixtures.unique("XL");
        CustomerManager a = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, null, head);
        CustomerManager b = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        String round = as(Fixtures.HR).document("""
                mutation($b: ID) { openAssessmentRound(input: {kind: MONTHLY, periodStart: "2031-05-01", periodEnd: "2031-05-31",
                  branchId: $b}) { round { id } } }""").variable("b", fixtures.branchId(branch)).execute()
                .path("openAssessmentRound.round.id").entity(String.class).get();
        process.runJobs(fixtures.jdbc().queryForObject("select process_instance_id from assessment_round where id = ?", String.class,
                Long.parseLong(round)));

        byte[] bad = SheetFiles.xlsx(List.of(SheetFiles.HEADER_CODES,
                List.of(a.getEmployeeNo(), 80, 80, 80, 80, 80, 80),
                List.of("NOBODY-1", 80, 80, 80, 80, 80, 80),
                List.of(b.getEmployeeNo(), 80, 80, 180, 80, 80, 80)));
        upload(round, bad, Fixtures.HR).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].extensions.rule").isEqualTo("RANGE")
                .jsonPath("$.errors[0].extensions.row").isEqualTo(4)
                .jsonPath("$.errors[0].extensions.column").isEqualTo("volume");
        byte[] stranger = SheetFiles.xlsx(List.of(SheetFiles.HEADER_CODES,
                List.of(a.getEmployeeNo(), 80, 80, 80, 80, 80, 80),
                List.of("NOBODY-1", 80, 80, 80, 80, 80, 80)));
        upload(round, stranger, Fixtures.HR).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].extensions.rule").isEqualTo("NOT_IN_ROUND")
                .jsonPath("$.errors[0].extensions.row").isEqualTo(3);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from assessment_result where round_id = ?"
                + " and performance_scores is not null", Integer.class, Long.parseLong(round))).isZero();
        upload(round, bad, Fixtures.MANAGER).expectStatus().isForbidden();

        byte[] good = SheetFiles.xlsx(List.of(SheetFiles.HEADER_CODES,
                List.of(a.getEmployeeNo(), 80, 80.5, 80, 80, 80, 80),
                List.of(b.getEmployeeNo(), 60, 60, 60, 60, 60, 60)));
        upload(round, good, Fixtures.HR).expectStatus().isOk().expectBody().jsonPath("$.imported").isEqualTo(2);
        assertThat(fixtures.jdbc().queryForList("select performance_entered_by from assessment_result where round_id = ?",
                String.class, Long.parseLong(round))).containsOnly(Fixtures.HR);
        // A second import of the same managers is refused: their figures are in.
        upload(round, good, Fixtures.HR).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].extensions.rule").isEqualTo("ALREADY_ENTERED");

        byte[] export = server("/assessment/rounds/" + round + "/results.xlsx").defaultHeaders(h -> {
            h.setBasicAuth(Fixtures.AUDITOR, Fixtures.PASSWORD);
            h.set("Accept-Language", "en");
        }).build().get().exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(3);
        }
        server("/assessment/rounds/" + round + "/results.xlsx").defaultHeaders(h -> h.setBasicAuth(Fixtures.MANAGER, Fixtures.PASSWORD))
                .build().get().exchange().expectStatus().isForbidden();
        server("/assessment/rounds/99999999/results.xlsx").defaultHeaders(h -> h.setBasicAuth(Fixtures.HR, Fixtures.PASSWORD))
                .build().get().exchange().expectStatus().isNotFound();
    }

    @Test
    void aLoginThatMustChangeItsPasswordGetsNoSpreadsheet() {
        String id = fixtures.unique("hrnew").toLowerCase();
        as(Fixtures.ADMIN).document("mutation($in: CreateUserInput!) { createUser(input: $in) { person { id } } }")
                .variable("in", java.util.Map.of("id", id, "name", "新HR", "password", "Start12345x", "roles", List.of("HR")))
                .execute().errors().verify();
        server("/assessment/performance-template.xlsx").defaultHeaders(h -> h.setBasicAuth(id, "Start12345x")).build().get()
                .exchange().expectStatus().isForbidden().expectBody()
                .jsonPath("$.errors[0].extensions.rule").isEqualTo("PASSWORD_CHANGE_REQUIRED");
        server("/assessment/performance-template.xlsx").defaultHeaders(h -> h.setBasicAuth(Fixtures.HR, Fixtures.PASSWORD)).build().get()
                .exchange().expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(String round, byte[] sheet, String user) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", sheet).filename("figures.xlsx").contentType(com.hongda.cms.common.TableSheet.XLSX);
        return server("/assessment/rounds/" + round + "/performance.xlsx").defaultHeaders(h -> h.setBasicAuth(user, Fixtures.PASSWORD))
                .build().post().contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }
}
