package com.hongda.cms.manager;

import com.hongda.cms.common.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What HR enters to register a customer manager; region and supervisor default to the branch's. */
public record CreateManagerInput(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "{validation.employeeNo}") String employeeNo,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 64) String userId,
        @NotBlank @Size(max = 20) String branchId,
        Region region,
        @NotNull Grade grade,
        @Size(max = 64) String supervisorId,
        LocalDate gradeSince,
        @Size(max = 500) String reason) {
}
