package com.hongda.cms.customer;

import com.hongda.cms.common.Region;
import java.math.BigDecimal;
import java.util.List;

/** The facts about a customer from which its tier is decided. */
record CustomerProfile(String name, CustomerType type, Industry industry, Region region, int employees,
                       BigDecimal monthlyRevenue, List<Contact> contacts) {
}
