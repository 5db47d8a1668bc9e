package com.hongda.cms.assessment;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import com.hongda.cms.common.Ids;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.security.Access;
import com.hongda.cms.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The spreadsheets of assessment, over plain HTTP (a front end uploads and downloads files):
 * <ul>
 *   <li>{@code GET /assessment/performance-template.xlsx} — the blank sheet of performance figures (HR, ADMIN);</li>
 *   <li>{@code POST /assessment/rounds/{id}/performance.xlsx} — import the figures: the file as the body, or
 *       the part {@code file} of a multipart form; at most 10 MiB; every error of the sheet answered at
 *       once, with its row and column, and nothing imported (HR, ADMIN);</li>
 *   <li>{@code GET /assessment/rounds/{id}/results.xlsx} — the round's results with the breakdown, in the
 *       caller's language (HR, COMMITTEE, AUDITOR, ADMIN).</li>
 * </ul>
 * Errors come in the service's one form, {@code {"errors":[{"message","extensions":{"classification","rule",…}}]}}
 * (a refusal through the kit's {@code common.RestRefusals}).
 */
@RestController
class AssessmentSheetsController {

    private final PerformanceImport imports;
    private final AssessmentRounds rounds;
    private final AssessmentResultRepository results;
    private final ManagerService managers;
    private final Branches branches;
    private final MessageSource messages;
    private final com.hongda.cms.common.HttpErrors errors;

    AssessmentSheetsController(PerformanceImport imports, AssessmentRounds rounds, AssessmentResultRepository results,
                               ManagerService managers, Branches branches, MessageSource messages,
                               com.hongda.cms.common.HttpErrors errors) {
        this.errors = errors;
        this.imports = imports;
        this.rounds = rounds;
        this.results = results;
        this.managers = managers;
        this.branches = branches;
        this.messages = messages;
    }

    @GetMapping("/assessment/performance-template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) {
        Access.require(Role.HR, Role.ADMIN);
        return com.hongda.cms.common.TableSheet.download("performance-template.xlsx", PerformanceSheet.template(locale, messages));
    }

    @PostMapping("/assessment/rounds/{id}/performance.xlsx")
    ResponseEntity<Map<String, Object>> importFigures(@PathVariable String id, HttpServletRequest request) throws Exception {
        Access.require(Role.HR, Role.ADMIN);
        long roundId = Ids.parse("id", id);
        String type = request.getContentType();
        try (InputStream in = type != null && type.startsWith("multipart/") ? part(request) : request.getInputStream()) {
            return ResponseEntity.ok(Map.of("imported", imports.importFigures(roundId, in)));
        }
    }

    @GetMapping("/assessment/rounds/{id}/results.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String id, Locale locale) {
        Access.require(Role.HR, Role.COMMITTEE, Role.AUDITOR, Role.ADMIN);
        AssessmentRound round = rounds.get("id", Ids.parse("id", id));
        List<AssessmentResult> all = results.findAll((r, q, cb) -> cb.equal(r.get("roundId"), round.getId()),
                org.springframework.data.domain.Sort.by("branchId", "grade", "rankInGroup", "id"));
        Map<Long, CustomerManager> byId = managers.byIds(all.stream().map(AssessmentResult::getManagerId).toList());
        Map<Long, com.hongda.cms.branch.Branch> branchById = branches.byIds(all.stream().map(AssessmentResult::getBranchId).toList());
        List<SheetResult> lines = new ArrayList<>();
        for (AssessmentResult r : all) {
            CustomerManager m = byId.get(r.getManagerId());
            lines.add(new SheetResult(m.getEmployeeNo(), m.getName(), branchById.get(r.getBranchId()).getName(), r.getGrade(),
                    r.getState().name(), r.getExclusionReason() == null ? null : r.getExclusionReason().name(),
                    r.getPerformanceScore(), r.getBehaviourScore(), r.getAbilityScore(), r.getTotalScore(), r.getRankInGroup(),
                    r.getGroupSize(), r.getTopPercent(), PartValues.scores(r.getBreakdown())));
        }
        return com.hongda.cms.common.TableSheet.download("assessment-round-" + round.getId() + ".xlsx", ResultsSheet.write(lines, locale, messages));
    }

    @ExceptionHandler(PerformanceImport.Rejected.class)
    ResponseEntity<Map<String, Object>> rejected(PerformanceImport.Rejected e, Locale locale) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (SheetError error : e.errors()) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("row", error.row());
            if (error.column() != null) {
                cell.put("column", error.column());
            }
            body.add(errors.error(locale, ErrorType.BAD_REQUEST, error.rule(), cell, error.messageKey(), error.args().toArray()));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", body));
    }

    private static InputStream part(HttpServletRequest request) throws IOException, jakarta.servlet.ServletException {
        jakarta.servlet.http.Part file = request.getPart("file");
        if (file == null) {
            throw DomainException.badRequest("file", "REQUIRED", "error.sheet.empty");
        }
        return file.getInputStream();
    }

}
