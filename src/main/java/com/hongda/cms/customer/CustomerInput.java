package com.hongda.cms.customer;

import com.hongda.cms.common.Texts;
import com.hongda.cms.common.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The inputs of the customer mutations. */
public final class CustomerInput {

    private CustomerInput() {
    }

    /** A contact person as entered. */
    public record ContactInput(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String title,
            @Size(max = 32) @Pattern(regexp = "[0-9+()\\- ]*", message = "{validation.phone}") String phone,
            @Size(max = 254) @Email String email) {

        Contact toContact() {
            return new Contact(name.trim(), Texts.blankToNull(title), Texts.blankToNull(phone), Texts.blankToNull(email));
        }
    }

    /** A new customer's profile. */
    public record CreateCustomerInput(
            @NotBlank @Size(max = 200) String name,
            @NotNull CustomerType type,
            @NotNull Industry industry,
            @NotNull Region region,
            @NotNull @Min(0) @Max(10_000_000) Integer employees,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal monthlyRevenue,
            @Size(max = 20) List<@Valid @NotNull ContactInput> contacts) {

        CustomerProfile toProfile() {
            return new CustomerProfile(name.trim(), type, industry, region, employees, monthlyRevenue,
                    contacts == null ? List.of() : contacts.stream().map(ContactInput::toContact).toList());
        }
    }

    /** A change to a customer's profile: fields left out keep their value; contacts, if given, replace the list. */
    public record UpdateCustomerInput(
            @NotNull @Size(max = 20) String id,
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}") String name,
            CustomerType type,
            Industry industry,
            Region region,
            @Min(0) @Max(10_000_000) Integer employees,
            @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal monthlyRevenue,
            @Size(max = 20) List<@Valid @NotNull ContactInput> contacts,
            Long expectedVersion) {

        CustomerProfile applyTo(CustomerProfile current) {
            return new CustomerProfile(
                    name == null ? current.name() : name.trim(),
                    type == null ? current.type() : type,
                    industry == null ? current.industry() : industry,
                    region == null ? current.region() : region,
                    employees == null ? current.employees() : employees,
                    monthlyRevenue == null ? current.monthlyRevenue() : monthlyRevenue,
                    contacts == null ? current.contacts() : contacts.stream().map(ContactInput::toContact).toList());
        }
    }

    /** Hands a customer to a manager. */
    public record AssignCustomerInput(
            @NotNull @Size(max = 20) String customerId,
            @NotNull @Size(max = 20) String managerId,
            @Size(max = 500) String reason) {
    }

}
