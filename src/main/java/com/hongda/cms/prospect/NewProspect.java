package com.hongda.cms.prospect;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Contact;
import com.hongda.cms.customer.CustomerType;
import com.hongda.cms.customer.Industry;
import java.math.BigDecimal;
import java.util.List;

/** A prospect as registered, already checked and trimmed. */
public record NewProspect(String name, CustomerType type, Industry industry, Region region, int employees, BigDecimal monthlyRevenue,
                   List<Contact> contacts, FollowUpClass followUpClass, Long managerId) {
}
