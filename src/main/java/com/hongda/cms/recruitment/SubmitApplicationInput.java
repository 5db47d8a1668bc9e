package com.hongda.cms.recruitment;

import com.hongda.cms.common.Region;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** An application as submitted (员工应聘 / 报名). */
public record SubmitApplicationInput(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 32) @Pattern(regexp = "[0-9+()\\- ]*", message = "{validation.phone}") String phone,
        @Size(max = 254) @Email String email,
        @NotNull Origin origin,
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]*", message = "{validation.employeeNo}") String employeeNo,
        @NotNull Education education,
        @NotNull @DecimalMin("0") @DecimalMax("60") @Digits(integer = 2, fraction = 1) BigDecimal yearsOfExperience,
        @NotBlank @Size(max = 4000) String performanceSummary,
        @NotNull Boolean declaresEthics,
        @NotNull Boolean declaresNoBadRecord,
        @NotNull Boolean declaresHealthy,
        @NotBlank @Size(max = 20) String branchId,
        Region region,
        @Size(max = 64) String candidateUserId) {
}
